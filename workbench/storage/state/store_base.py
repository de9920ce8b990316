"""What every part of the repository shares: the connection, the reviewer,
row helpers, target lookups and the one way to append an event.

The repository is split by subject (plans, departments, assignments,
annotations) into mixins over this base so that each file stays small; the
public face is workbench.storage.repository.Repository.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from workbench.storage.audit import audit
from workbench.core.plan import TAGGABLE_KINDS

from workbench.storage.audit.audit import Reviewer
from workbench.storage.errors import StoreError
from workbench.storage.revision.versions import check_current_version


# Actions that may replace a node's whole state besides the write's own name:
# undo/redo from the GUI, an applied 任务分工 sheet, a resolved merge conflict,
# tags carried into a revised version of a plan (storage/revision/).
REPLACING_ACTIONS = ("undo", "redo", "division_import", "conflict_resolution", "revision_carry", "revision_move")
# A resolution is recorded even when the chosen side is already the state:
# the event is what shows that someone saw both sides and decided.
ALWAYS_RECORDED = ("conflict_resolution",)


@dataclass(frozen=True)
class NodeRef:
    """A node as events name it: plan sha256 + node key."""

    id: int
    plan_id: int
    key: str
    plan_sha256: str
    kind: str


class StoreBase:
    def __init__(self, db: sqlite_utils.Database, reviewer: Reviewer) -> None:
        self.db = db
        self.reviewer = reviewer

    # -- rows -------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _row(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.db.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    # -- targets ----------------------------------------------------------

    def _node_ref(self, node_id: int) -> NodeRef:
        row = self.db.execute(
            "SELECT n.id, n.plan_id, n.key, p.sha256, n.kind FROM nodes n "
            "JOIN plans p ON p.id = n.plan_id WHERE n.id = ?",
            [node_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"no node with id {node_id!r}")
        # An old version (one with a revision) is read-only, except to resolve a merge conflict on it:
        # the decision closes the conflict (its value was carried into the revision already).
        if self.__dict__.pop("_pending_action", None) not in ALWAYS_RECORDED:
            check_current_version(self.db, int(row[1]))
        return NodeRef(int(row[0]), int(row[1]), str(row[2]), str(row[3]), str(row[4]))

    def _taggable_ref(self, node_id: int) -> NodeRef:
        """The node, refused unless departments and indicators can be tagged to it."""
        node = self._node_ref(node_id)
        if node.kind not in TAGGABLE_KINDS:
            raise StoreError(f"node {node.key!r} is a {node.kind}; only {', '.join(sorted(TAGGABLE_KINDS))} are tagged")
        return node

    def _department_row(self, department_id: int) -> dict[str, Any]:
        row = self._row("SELECT * FROM departments WHERE id = ?", [department_id])
        if row is None:
            raise StoreError(f"no department with id {department_id!r}")
        return row

    # -- events -----------------------------------------------------------

    def _event(self, *, action: str, subject: str, **target: Any) -> str:
        """Append this write's event (inside its transaction); return its uuid.

        Called as audit.append_event so that tests can replace it.
        """
        return audit.append_event(self.db, reviewer=self.reviewer, action=action, subject=subject, **target).uuid

    def _check_action(self, action: str, default: str) -> None:
        if action not in (default, *REPLACING_ACTIONS):
            allowed = ", ".join(repr(a) for a in (default, *REPLACING_ACTIONS))
            raise StoreError(f"action must be one of {allowed}, not {action!r}")
        self._pending_action = action  # read (once) by the _node_ref that follows
