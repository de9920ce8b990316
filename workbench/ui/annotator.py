"""Turns the reviewer's annotation requests into undoable commands.

The annotation pane, the keyboard shortcuts and the search panel all ask this
one object to assign, remove, reorder, link or note, for the current tag
target (a node, or one of its sentences).  It pushes one command per action
onto the QUndoStack and keeps the numbered list of recently used departments
(keys 1-9), persisted in QSettings by department uid.

The recent list keeps its positions stable (so "3" means the same unit all
day): a department used for the first time goes to the front and the oldest
drops off the end; using one already listed does not move it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from workbench.core.plan import PLAN

from . import commands
from .session import Session

RECENT_KEY = "annotation/recent_departments"
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
        self.recent: list[int] = self._load_recent()

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
        """Keys 1-9: the number-th recently used department."""
        if not 1 <= number <= len(self.recent):
            self.message.emit(self.tr("最近使用列表中没有第 %1 个单位").replace("%1", str(number)))
            return False
        return self.assign(self.recent[number - 1], role)

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
        if department_id in self.recent:
            return
        self.recent = [department_id, *self.recent][:RECENT_SIZE]
        uids = [self.session.repo.department_uid(d) for d in self.recent]
        self.settings.setValue(RECENT_KEY, uids)
        self.recent_changed.emit()

    def _load_recent(self) -> list[int]:
        value = self.settings.value(RECENT_KEY, [])
        uids = [value] if isinstance(value, str) else list(value or [])
        found: list[int] = []
        for uid in uids:
            department = self.session.department_by_uid(str(uid))
            if department is not None and department.db_id is not None and not department.retired:
                found.append(department.db_id)
        return found[:RECENT_SIZE]
