"""Assignments: which departments a node is given to, in order, lead first.

Every write rewrites the node's whole ordered list in one transaction and
records one event whose `before` and `after` are that full list,
[{"department": uid, "name": name, "role": role}, ...], so that replaying the
events in order reproduces the current state exactly.  The ordering rule is in
assignment_rules.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workbench.storage.state import assignment_rules as rules
from workbench.storage.state.assignment_rules import Entry
from workbench.storage.errors import StoreError
from workbench.storage.state.records import Assignment, Changes
from workbench.storage.state.store_base import ALWAYS_RECORDED, NodeRef, StoreBase

_SELECT = (
    "SELECT a.node_id, a.department_id, d.uid, d.name, a.role, a.position, d.retired "
    "FROM assignments a JOIN departments d ON d.id = a.department_id "
)
ASSIGNMENT_ACTIONS = ("assign", "unassign", "reorder", "set_role", "set_assignments")


def _assignment(row: Sequence[Any]) -> Assignment:
    node_id, department_id, uid, name, role, position, retired = row
    return Assignment(node_id, department_id, uid, name, role, position, bool(retired))


class AssignmentStore(StoreBase):
    # -- reads ------------------------------------------------------------

    def assignments(self, node_id: int) -> list[Assignment]:
        rows = self.db.execute(_SELECT + "WHERE a.node_id = ? ORDER BY a.position", [node_id])
        return [_assignment(row) for row in rows]

    def assignments_for_plan(self, plan_id: int) -> dict[int, list[Assignment]]:
        """Every assigned node of a plan -> its ordered list (one query)."""
        rows = self.db.execute(
            _SELECT + "JOIN nodes n ON n.id = a.node_id WHERE n.plan_id = ? ORDER BY a.node_id, a.position",
            [plan_id],
        )
        result: dict[int, list[Assignment]] = {}
        for row in rows:
            assignment = _assignment(row)
            result.setdefault(assignment.node_id, []).append(assignment)
        return result

    # -- writes -----------------------------------------------------------

    def assign(
        self,
        *,
        node_id: int,
        department_id: int,
        role: str = "lead",
        position: int | None = None,
        reason: str | None = None,
    ) -> Changes:
        """Add a department to a node (or change its role if already there)."""
        rules.check_role(role)
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            department = self._department_row(department_id)
            current = self._entries(node_id)
            if department["retired"] and all(e[0] != department_id for e in current):
                raise StoreError(f"department {department['name']!r} is retired; restore it before assigning it")
            wanted = rules.after_assign(current, department_id, role, position)
            return self._rewrite(node, current, wanted, "assign", department["uid"], reason)

    def unassign(self, *, node_id: int, department_id: int, reason: str | None = None) -> Changes:
        """Remove a department from a node; removing one that is not there changes nothing."""
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            department = self._department_row(department_id)
            current = self._entries(node_id)
            wanted = rules.after_unassign(current, department_id)
            return self._rewrite(node, current, wanted, "unassign", department["uid"], reason)

    def move_assignment(
        self, *, node_id: int, department_id: int, new_position: int, reason: str | None = None
    ) -> Changes:
        """Reorder; the role follows the drop position (see assignment_rules)."""
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            department = self._department_row(department_id)
            current = self._entries(node_id)
            wanted = rules.after_move(current, department_id, new_position)
            return self._rewrite(node, current, wanted, "reorder", department["uid"], reason)

    def set_role(self, *, node_id: int, department_id: int, role: str, reason: str | None = None) -> Changes:
        rules.check_role(role)
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            department = self._department_row(department_id)
            current = self._entries(node_id)
            wanted = rules.after_set_role(current, department_id, role)
            return self._rewrite(node, current, wanted, "set_role", department["uid"], reason)

    def set_assignments(
        self,
        *,
        node_id: int,
        entries: Sequence[tuple[int, str]],
        action: str = "set_assignments",
        reason: str | None = None,
    ) -> Changes:
        """Replace the node's whole ordered list (undo/redo, division import).

        The list is normalised by the lead-first rule.  A retired department
        not already on the node is refused, except for undo/redo, which
        restore history as it was.
        """
        self._check_action(action, "set_assignments")
        wanted = rules.check_entries(entries)
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            current = self._entries(node_id)
            present = {e[0] for e in current}
            for department_id, _ in wanted:
                department = self._department_row(department_id)
                if department["retired"] and department_id not in present and action == "set_assignments":
                    raise StoreError(f"department {department['name']!r} is retired; restore it before assigning it")
            return self._rewrite(node, current, wanted, action, None, reason)

    # -- helpers ----------------------------------------------------------

    def _entries(self, node_id: int) -> list[Entry]:
        rows = self.db.execute(
            "SELECT department_id, role FROM assignments WHERE node_id = ? ORDER BY position", [node_id]
        )
        return [(int(d), str(r)) for d, r in rows]

    def _portable(self, entries: Sequence[Entry]) -> list[dict[str, str]]:
        """The list as events carry it: uid, name and role of each department, in order."""
        if not entries:
            return []
        ids = [e[0] for e in entries]
        names = {
            row[0]: (row[1], row[2])
            for row in self.db.execute(
                f"SELECT id, uid, name FROM departments WHERE id IN ({', '.join('?' for _ in ids)})", ids
            )
        }
        return [{"department": names[d][0], "name": names[d][1], "role": r} for d, r in entries]

    def _rewrite(
        self,
        node: NodeRef,
        current: list[Entry],
        wanted: list[Entry],
        action: str,
        department_uid: str | None,
        reason: str | None,
    ) -> Changes:
        """Write `wanted` as the node's list and record one event (caller holds the transaction)."""
        if wanted == current and action not in ALWAYS_RECORDED:
            return Changes.none()
        before = self._portable(current)
        self.db.execute("DELETE FROM assignments WHERE node_id = ?", [node.id])
        self.db.conn.executemany(
            "INSERT INTO assignments (node_id, department_id, role, position) VALUES (?, ?, ?, ?)",
            [(node.id, d, r, i) for i, (d, r) in enumerate(wanted)],
        )
        event = self._event(
            action=action,
            subject="assignments",
            plan_sha256=node.plan_sha256,
            node_key=node.key,
            department_uid=department_uid,
            before=before,
            after=self._portable(wanted),
            reason=reason,
        )
        touched = {e[0] for e in current} | {e[0] for e in wanted}
        return Changes(node_ids=frozenset({node.id}), department_ids=frozenset(touched), events=(event,))
