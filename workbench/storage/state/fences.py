"""Compare-and-set for undo and redo: never write back over someone else's change.

An undo writes a node's earlier value back.  If anyone else changed that part
of the node since the command ran (a colleague's `workbench assign`, a second
window, a merge, an imported 任务分工 sheet, a conflict resolution) the
undo would erase their change silently.  So each command remembers the head
of the node's event stream for its subject (the uuid of the newest event
about, say, the node's departments) as its own write left it, and the undo
writes only if that head is unchanged, checked and written inside one
transaction that holds the write lock.  Otherwise it raises Fenced, naming
who changed the node and when.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import sqlite_utils

from workbench.storage.errors import StoreError

T = TypeVar("T")


@dataclass(frozen=True)
class Head:
    """The newest event about one subject of one node."""

    uuid: str
    reviewer: str
    unit: str
    time_utc: str
    tz_offset: str
    action: str

    @property
    def local_time(self) -> str:
        from workbench.storage.audit.audit_log import local_time

        return local_time(self.time_utc, self.tz_offset)

    @property
    def who(self) -> str:
        return f"{self.reviewer}（{self.unit}）" if self.unit else self.reviewer


class Fenced(StoreError):
    """The node changed since the command that would undo or redo it; nothing was written."""

    def __init__(self, head: Head | None) -> None:
        self.head = head
        who = f"{head.who} at {head.local_time} ({head.action})" if head else "someone"
        super().__init__(f"changed since by {who}")


def node_head(db: sqlite_utils.Database, node_id: int, subject: str) -> Head | None:
    row = db.execute(
        "SELECT e.uuid, e.reviewer, e.reviewer_unit, e.time_utc, e.tz_offset, e.action FROM events e "
        "JOIN nodes n ON n.id = ? JOIN plans p ON p.id = n.plan_id "
        "WHERE e.plan_sha256 = p.sha256 AND e.node_key = n.key AND e.subject = ? "
        "ORDER BY e.seq DESC LIMIT 1",
        [node_id, subject],
    ).fetchone()
    return Head(*(str(v or "") for v in row)) if row else None


def write_if_head(db: sqlite_utils.Database, node_id: int, subject: str, expected: str | None,
                  write: Callable[[], T]) -> T:
    """Run `write` only if the node's head for `subject` is still `expected`; else raise Fenced."""
    with db.atomic():
        head = node_head(db, node_id, subject)
        if (head.uuid if head else None) != expected:
            raise Fenced(head)
        return write()
