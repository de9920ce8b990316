"""One QUndoCommand per user action on a node's annotations.

A command holds ids and before/after values, never widgets.  Its first
`redo()` performs the action with the matching repository write (assign,
unassign, move_assignment, set_role, link_indicator, set_note, ...) and records
the state it produced; `undo()` writes the `before` state back and a later
`redo()` the `after` state, each through the repository write that replaces a
whole value, with action="undo" / "redo".  So undo and redo are audited events
like any other write, and the event log only ever grows.

Undo and redo are compare-and-set (storage.fences): the session remembers,
per node and subject, the head of the node's event stream as this window's
own last write left it (`Session.own_heads`), and an undo or redo writes
only if that is still the head and the node still holds the value the step
expects, checked inside the write's transaction.  Otherwise (a colleague's CLI write, a second window, a
merge, a 任务分工 import) the step is refused with a message naming who
changed the node, emitted as `Session.history_refused`, and the command makes
itself obsolete so that QUndoStack drops that one entry.

A write that changes nothing makes its command obsolete, so QUndoStack drops
it instead of stacking an empty step.  A write the store refuses (StoreError)
is reported through `Session.write_failed` and makes the command obsolete
too.  QUndoStack deletes obsolete commands, so callers never touch a command
after pushing it.  A write that meets a busy database is retried
(storage.busy); an undo or redo that still fails emits
`Session.history_failed`, and the window then clears the undo history, since
the stack no longer matches the store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.storage.files.busy import retry_busy
from workbench.storage.state.fences import Fenced, node_head, write_if_head
from workbench.storage.state.records import Changes

from workbench.ui.session import Session

Entries = tuple[tuple[int, str], ...]  # (department_id, role), in order

NOTE_COMMAND_ID = 1001
translate = QCoreApplication.translate


class NodeCommand(QUndoCommand):
    """Base: a write on one node; subclasses define how to perform and restore it."""

    subject = ""  # the events' subject this command changes (audit.SUBJECTS)

    def __init__(self, session: Session, node_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.node_id = node_id
        self.before: object = None
        self.after: object = None
        self._done_once = False

    def _remember_head(self) -> None:
        """Record the node's head for this subject as this window's own write left it."""
        head = node_head(self.session.repo.db, self.node_id, self.subject)
        self.session.own_heads[(self.node_id, self.subject)] = head.uuid if head else None

    # subclasses -----------------------------------------------------------
    def read(self) -> object:  # the current value of what the command changes
        raise NotImplementedError

    def perform(self) -> Changes:  # the first redo: the action itself
        raise NotImplementedError

    def restore(self, value: object, action: str) -> Changes:  # write a whole value back
        raise NotImplementedError

    # QUndoCommand ---------------------------------------------------------
    def redo(self) -> None:
        if not self._done_once:
            self._done_once = True
            try:
                self.before = self.read()
                changes = retry_busy(self.perform)
            except Exception as exc:  # StoreError (refused) or a database error: nothing written
                self.setObsolete(True)  # QUndoStack deletes it: do not touch it after push()
                self.session.write_failed.emit(self.session.describe_failure(exc))
                return
            if not changes:
                self.setObsolete(True)
                return
            self.after = self.read()
            self._remember_head()
            self.session.apply(changes)
            return
        self._replay(self.after, "redo")

    def undo(self) -> None:
        self._replay(self.before, "undo")

    def _replay(self, value: object, action: str) -> None:
        db = self.session.repo.db
        expected = self.after if action == "undo" else self.before
        own = self.session.own_heads.get((self.node_id, self.subject))

        def write() -> Changes:
            if self.read() != expected:  # same head but another value: never overwrite what we did not leave
                raise Fenced(node_head(db, self.node_id, self.subject))
            return self.restore(value, action)

        try:
            changes = retry_busy(lambda: write_if_head(db, self.node_id, self.subject, own, write))
        except Fenced as fenced:  # someone else changed the node: refuse, and drop this step
            self.setObsolete(True)  # QUndoStack deletes it once undo()/redo() returns
            self.session.history_refused.emit(self._refusal(action, fenced))
            if fenced.head is not None:  # show their change, if this window had missed it
                self.session.apply(Changes(node_ids=frozenset({self.node_id}), events=(fenced.head.uuid,)))
            return
        except Exception as exc:  # the stack has moved but the store has not: history is void
            self.session.history_failed.emit(str(exc))
            return
        self._remember_head()
        self.session.apply(changes)

    def _refusal(self, action: str, fenced: Fenced) -> str:
        node = self.session.node(self.node_id)
        where = (node.display or node.key) if node is not None else str(self.node_id)
        verb = translate("Commands", "撤销") if action == "undo" else translate("Commands", "重做")
        head = fenced.head
        if head is None:
            text = translate("Commands", "无法%1「%2」：%3 已被他人修改。此步已从撤销记录中移除。")
        else:
            text = translate("Commands", "无法%1「%2」：%3 已于 %4 被 %5 修改（%6）。为免覆盖其修改，此步已从撤销记录中移除。")
            text = text.replace("%4", head.local_time).replace("%5", head.who).replace("%6", head.action)
        return text.replace("%1", verb).replace("%2", self.text()).replace("%3", where)


# -- assignments ------------------------------------------------------------


class AssignmentCommand(NodeCommand):
    """Base of the commands that change a node's ordered department list."""

    subject = "assignments"

    def read(self) -> Entries:
        return tuple((a.department_id, a.role) for a in self.session.repo.assignments(self.node_id))

    def restore(self, value: object, action: str) -> Changes:
        return self.session.repo.set_assignments(node_id=self.node_id, entries=list(value), action=action)  # type: ignore[arg-type]


class AssignCommand(AssignmentCommand):
    def __init__(self, session: Session, node_id: int, department_id: int, role: str = "lead", position: int | None = None) -> None:
        name = _name(session, department_id)
        super().__init__(session, node_id, translate("Commands", "指定牵头单位 %1").replace("%1", name) if role == "lead" else translate("Commands", "添加配合单位 %1").replace("%1", name))
        self.department_id, self.role, self.position = department_id, role, position

    def perform(self) -> Changes:
        return self.session.repo.assign(node_id=self.node_id, department_id=self.department_id, role=self.role, position=self.position)


class UnassignCommand(AssignmentCommand):
    def __init__(self, session: Session, node_id: int, department_id: int) -> None:
        super().__init__(session, node_id, translate("Commands", "移除单位 %1").replace("%1", _name(session, department_id)))
        self.department_id = department_id

    def perform(self) -> Changes:
        return self.session.repo.unassign(node_id=self.node_id, department_id=self.department_id)


class MoveCommand(AssignmentCommand):
    def __init__(self, session: Session, node_id: int, department_id: int, new_position: int) -> None:
        super().__init__(session, node_id, translate("Commands", "调整单位顺序 %1").replace("%1", _name(session, department_id)))
        self.department_id, self.new_position = department_id, new_position

    def perform(self) -> Changes:
        return self.session.repo.move_assignment(node_id=self.node_id, department_id=self.department_id, new_position=self.new_position)


class SetRoleCommand(AssignmentCommand):
    def __init__(self, session: Session, node_id: int, department_id: int, role: str) -> None:
        label = translate("Commands", "设为牵头 %1") if role == "lead" else translate("Commands", "设为配合 %1")
        super().__init__(session, node_id, label.replace("%1", _name(session, department_id)))
        self.department_id, self.role = department_id, role

    def perform(self) -> Changes:
        return self.session.repo.set_role(node_id=self.node_id, department_id=self.department_id, role=self.role)


# -- indicator links --------------------------------------------------------


class IndicatorLinkCommand(NodeCommand):
    subject = "indicator_links"

    def __init__(self, session: Session, node_id: int, indicator_id: int, *, link: bool) -> None:
        record = session.indicator(indicator_id)
        name = record.indicator.name if record else str(indicator_id)
        super().__init__(session, node_id, (translate("Commands", "关联指标 %1") if link else translate("Commands", "取消关联指标 %1")).replace("%1", name))
        self.indicator_id, self.link = indicator_id, link

    def read(self) -> tuple[int, ...]:
        return tuple(link.indicator_id for link in self.session.repo.indicator_links(self.node_id))

    def perform(self) -> Changes:
        write = self.session.repo.link_indicator if self.link else self.session.repo.unlink_indicator
        return write(node_id=self.node_id, indicator_id=self.indicator_id)

    def restore(self, value: object, action: str) -> Changes:
        return self.session.repo.set_indicator_links(node_id=self.node_id, indicator_ids=list(value), action=action)  # type: ignore[arg-type]


class LinkIndicatorCommand(IndicatorLinkCommand):
    def __init__(self, session: Session, node_id: int, indicator_id: int) -> None:
        super().__init__(session, node_id, indicator_id, link=True)


class UnlinkIndicatorCommand(IndicatorLinkCommand):
    def __init__(self, session: Session, node_id: int, indicator_id: int) -> None:
        super().__init__(session, node_id, indicator_id, link=False)


# -- note, status, timing ---------------------------------------------------


class ValueCommand(NodeCommand):
    """A single value (note text, review status, timing) written with one method."""

    def __init__(self, session: Session, node_id: int, value: str, text: str) -> None:
        super().__init__(session, node_id, text)
        self.value = value

    def writer(self) -> Callable[..., Changes]:
        raise NotImplementedError

    def perform(self) -> Changes:
        return self.writer()(self.value)

    def restore(self, value: object, action: str) -> Changes:
        return self.writer()(str(value), action=action)


class NoteCommand(ValueCommand):
    """Setting a note; consecutive saves of one node's note merge into one step."""

    subject = "note"

    def __init__(self, session: Session, node_id: int, text: str) -> None:
        super().__init__(session, node_id, text, translate("Commands", "编辑备注"))

    def read(self) -> str:
        return self.session.note(self.node_id)

    def writer(self) -> Callable[..., Changes]:
        return lambda value, action="note": self.session.repo.set_note(node_id=self.node_id, text=value, action=action)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, NoteCommand) or other.node_id != self.node_id or other.isObsolete():
            return False
        self.after = other.after
        self.value = other.value
        return True


class RemarkCommand(ValueCommand):
    """Setting the public 备注 printed in the 任务分工方案."""

    subject = "remark"

    def __init__(self, session: Session, node_id: int, text: str) -> None:
        super().__init__(session, node_id, text, translate("Commands", "编辑公开备注"))

    def read(self) -> str:
        return self.session.repo.remark(self.node_id)

    def writer(self) -> Callable[..., Changes]:
        return lambda value, action="remark": self.session.repo.set_remark(node_id=self.node_id, text=value,
                                                                          action=action)


class StatusCommand(ValueCommand):
    subject = "review_status"

    def __init__(self, session: Session, node_id: int, status: str) -> None:
        super().__init__(session, node_id, status, translate("Commands", "设置审核状态"))

    def read(self) -> str:
        return self.session.repo.status(self.node_id).review_status

    def writer(self) -> Callable[..., Changes]:
        return lambda value, action="review_status": self.session.repo.set_review_status(
            node_id=self.node_id, status=value, action=action
        )


class TimingCommand(ValueCommand):
    subject = "timing"

    def __init__(self, session: Session, node_id: int, timing: str) -> None:
        super().__init__(session, node_id, timing, translate("Commands", "设置完成时限"))

    def read(self) -> str:
        return self.session.repo.status(self.node_id).timing

    def writer(self) -> Callable[..., Changes]:
        return lambda value, action="timing": self.session.repo.set_timing(node_id=self.node_id, timing=value, action=action)


def _name(session: Session, department_id: int) -> str:
    department = session.department(department_id)
    return department.name if department else str(department_id)
