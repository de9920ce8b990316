"""Turns the reviewer's annotation requests into undoable commands.

The annotation pane, the keyboard shortcuts and the search panel all ask this
one object to assign, remove, reorder, link or note, for the current tag
target (a node, or one of its sentences).  It pushes one command per action
onto the QUndoStack and keeps the numbered list of recently used departments
(keys 1-9), persisted in QSettings by department uid.

The numbers are stable (so "3" means the same unit all day): a department
used for the first time takes the lowest free number; when all nine are
taken it replaces the least recently used one that is not pinned.  Using a
listed department never renumbers anything.  The reviewer can pin a unit to
a number (Alt+1-9 on the selected unit; again to let go); a pinned number is
never reused.

Shift+number only ever adds a support (配合): it never changes the lead and
never makes a unit lead of an empty list; when it cannot, it says why and
writes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from workbench.core.plan import PLAN

from workbench.ui.annotation import commands
from workbench.ui.session import Session

RECENT_KEY = "annotation/recent_departments"
PINNED_KEY = "annotation/pinned_numbers"
RECENT_SIZE = 9


class Annotator(QObject):
    recent_changed = Signal()
    target_changed = Signal(object)  # node id or None
    message = Signal(str)  # a short explanation for the status bar

    def __init__(self, session: Session, stack: QUndoStack, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = stack
        self.settings = settings
        self.target_id: int | None = None
        self.slots: list[int | None] = self._load_slots()  # number n is slots[n - 1]
        self.pinned: set[int] = self._load_pinned()
        self._uses: dict[int, int] = {}  # department id -> use counter, for replacing the least recent
        self._clock = 0

    @property
    def recent(self) -> list[int]:
        """The numbered departments in number order (gaps skipped)."""
        return [d for d in self.slots if d is not None]

    def numbered(self) -> list[tuple[int, int]]:
        """(number, department id) for every taken number."""
        return [(n, d) for n, d in enumerate(self.slots, start=1) if d is not None]

    def number_of(self, department_id: int) -> int | None:
        return self.slots.index(department_id) + 1 if department_id in self.slots else None

    # -- target -----------------------------------------------------------

    def set_target(self, node_id: int | None) -> None:
        if node_id != self.target_id:
            self.target_id = node_id
            self.target_changed.emit(node_id)

    def taggable(self) -> int | None:
        if self.session.read_only:  # a read-only workspace: say why instead of failing on write
            self.message.emit(self.tr("工作区为只读，不能修改：%1").replace("%1", self.session.read_only))
            return None
        node = self.session.node(self.target_id)
        if node is None or node.kind == PLAN:
            self.message.emit(self.tr("请先选择一个条目"))
            return None
        return node.db_id

    # -- assignments ------------------------------------------------------

    def assign(self, department_id: int, role: str = "lead") -> bool:
        node_id = self.taggable()
        if node_id is None:
            return False
        before = self.stack.index()
        self.stack.push(commands.AssignCommand(self.session, node_id, department_id, role))
        if self.stack.index() == before:  # nothing changed, or the store refused
            return False
        self.remember(department_id)
        return True

    def assign_recent(self, number: int, role: str) -> bool:
        """Keys 1-9 (lead) and Shift+1-9 (support): the department with that number."""
        department_id = self.slots[number - 1] if 1 <= number <= RECENT_SIZE else None
        if department_id is None:
            self.message.emit(self.tr("最近使用列表中没有第 %1 个单位").replace("%1", str(number)))
            return False
        if role == "support":
            return self.add_support(department_id)
        return self.assign(department_id, role)

    def add_support(self, department_id: int) -> bool:
        """Add (or move) a unit as support, never touching the lead; say what happened."""
        node_id = self.taggable()
        if node_id is None:
            return False
        department = self.session.department(department_id)
        name = department.name if department is not None else str(department_id)
        current = self.session.assignments(node_id)
        mine = next((a for a in current if a.department_id == department_id), None)
        if not current:
            self.message.emit(self.tr("本条尚无牵头单位：请先指定牵头单位（数字键），再添加配合单位 %1").replace("%1", name))
            return False
        if mine is not None and mine.role == "support":
            self.message.emit(self.tr("%1 已是配合单位，未作改动").replace("%1", name))
            return False
        if mine is not None and current[0].department_id == department_id:
            self.message.emit(self.tr("%1 是本条的牵头单位，Shift+数字不改变牵头单位；未作改动").replace("%1", name))
            return False
        if mine is not None:  # a second lead becomes a support; the first lead stays
            before = self.stack.index()
            self.stack.push(commands.SetRoleCommand(self.session, node_id, department_id, "support"))
            done = self.stack.index() != before
            if done:
                self.message.emit(self.tr("%1 由牵头改为配合单位").replace("%1", name))
            return done
        if not self.assign(department_id, "support"):
            return False
        self.message.emit(self.tr("已添加配合单位 %1").replace("%1", name))
        return True

    def unassign(self, department_id: int) -> None:
        node_id = self.taggable()
        if node_id is not None:
            self.stack.push(commands.UnassignCommand(self.session, node_id, department_id))

    def move(self, department_id: int, new_position: int) -> None:
        node_id = self.taggable()
        if node_id is not None:
            self.stack.push(commands.MoveCommand(self.session, node_id, department_id, new_position))

    def set_role(self, department_id: int, role: str) -> None:
        node_id = self.taggable()
        if node_id is not None:
            self.stack.push(commands.SetRoleCommand(self.session, node_id, department_id, role))

    # -- indicators, note, status, timing ---------------------------------

    def link(self, indicator_id: int) -> None:
        node_id = self.taggable()
        if node_id is not None:
            self.stack.push(commands.LinkIndicatorCommand(self.session, node_id, indicator_id))

    def unlink(self, indicator_id: int) -> None:
        node_id = self.taggable()
        if node_id is not None:
            self.stack.push(commands.UnlinkIndicatorCommand(self.session, node_id, indicator_id))

    def set_note(self, text: str, node_id: int | None = None) -> None:
        """Save a note (for `node_id`, default the target) if it differs from the stored one."""
        node_id = node_id if node_id is not None else self.taggable()
        if node_id is None or self.session.note(node_id) == (text if text.strip() else ""):
            return
        self.stack.push(commands.NoteCommand(self.session, node_id, text))

    def set_remark(self, text: str) -> None:
        """Save the target's public remark (printed in the 分工方案) if it differs from the stored one."""
        node_id = self.taggable()
        if node_id is None or self.session.repo.remark(node_id) == text.strip():
            return
        self.stack.push(commands.RemarkCommand(self.session, node_id, text))

    def set_status(self, status: str) -> None:
        node_id = self.taggable()
        if node_id is not None and self.session.status(node_id).review_status != status:
            self.stack.push(commands.StatusCommand(self.session, node_id, status))

    def toggle_status(self, status: str) -> None:
        node_id = self.taggable()
        if node_id is not None:
            current = self.session.status(node_id).review_status
            self.set_status("unreviewed" if current == status else status)

    def set_timing(self, timing: str) -> None:
        node_id = self.taggable()
        if node_id is not None and self.session.status(node_id).timing != timing:
            self.stack.push(commands.TimingCommand(self.session, node_id, timing))

    # -- recent departments -----------------------------------------------

    def remember(self, department_id: int) -> None:
        """Give a department used for the first time a number; numbered ones keep theirs."""
        self._clock += 1
        self._uses[department_id] = self._clock
        if department_id in self.slots:
            return
        free = [i for i, d in enumerate(self.slots) if d is None and i + 1 not in self.pinned]
        if free:
            index = free[0]
        else:
            unpinned = [i for i in range(RECENT_SIZE) if i + 1 not in self.pinned]
            if not unpinned:
                return
            index = min(unpinned, key=lambda i: self._uses.get(self.slots[i] or -1, 0))
        self.slots[index] = department_id
        self._save()

    def pin(self, department_id: int, number: int) -> bool:
        """Put a department on `number` for good; whoever had the number moves to a free one."""
        if not 1 <= number <= RECENT_SIZE or self.session.department(department_id) is None:
            return False
        if self.slots[number - 1] == department_id and number in self.pinned:  # pressed again: let go
            self.unpin(number)
            self.message.emit(self.tr("第 %1 号不再固定").replace("%1", str(number)))
            return True
        displaced = self.slots[number - 1]
        if department_id in self.slots:
            old = self.slots.index(department_id)
            self.slots[old] = None
            self.pinned.discard(old + 1)
        self.slots[number - 1] = department_id
        self.pinned.add(number)
        if displaced is not None and displaced != department_id:
            free = [i for i, d in enumerate(self.slots) if d is None and i + 1 not in self.pinned]
            if free:
                self.slots[free[0]] = displaced
        self._save()
        name = self.session.department(department_id).name  # type: ignore[union-attr]
        self.message.emit(self.tr("%1 固定为第 %2 号").replace("%1", name).replace("%2", str(number)))
        return True

    def unpin(self, number: int) -> None:
        if number in self.pinned:
            self.pinned.discard(number)
            self._save()

    def _save(self) -> None:
        uids = [self.session.repo.department_uid(d) if d is not None else "" for d in self.slots]
        self.settings.setValue(RECENT_KEY, uids)
        self.settings.setValue(PINNED_KEY, sorted(self.pinned))
        self.recent_changed.emit()

    def _load_slots(self) -> list[int | None]:
        value = self.settings.value(RECENT_KEY, [])
        uids = [value] if isinstance(value, str) else list(value or [])
        slots: list[int | None] = []
        for uid in uids[:RECENT_SIZE]:
            department = self.session.department_by_uid(str(uid)) if uid else None
            ok = department is not None and department.db_id is not None and not department.retired
            slots.append(department.db_id if ok else None)  # type: ignore[union-attr]
        return slots + [None] * (RECENT_SIZE - len(slots))

    def _load_pinned(self) -> set[int]:
        value = self.settings.value(PINNED_KEY, [])
        values = [value] if isinstance(value, (str, int)) else list(value or [])
        return {int(v) for v in values if str(v).isdigit() and 1 <= int(v) <= RECENT_SIZE}
