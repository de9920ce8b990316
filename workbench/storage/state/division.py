"""Applying a reviewed 任务分工 sheet: all of its changes in one transaction.

Shared by `workbench import-division` and File › Import division sheet.  Each
node's change of departments, 完成时限 and 备注 is its own audited event
(action `division_import`, one event per node and subject) attributed to the
reviewer the user named, and either every change lands or none does.  What the
diff reports as not applicable (proposals, deleted rows) is never written.
"""

from __future__ import annotations

from workbench.core.division_import import DivisionDiff
from workbench.core.plan import Plan
from workbench.storage.audit.audit import Reviewer
from workbench.storage.errors import StoreError
from workbench.storage.state.records import Changes


def apply_division(repo, plan: Plan, diff: DivisionDiff, *, reviewer: Reviewer, reason: str) -> list[Changes]:
    if not diff.ok:
        raise StoreError("the sheet names unknown departments or nodes; nothing applied")
    ids = {d.name: d.db_id for d in repo.departments(include_retired=True)}
    nodes = {n.key: n.db_id for n in plan.nodes()}
    previous = repo.reviewer
    repo.reviewer = reviewer
    try:
        with repo.db.atomic():
            applied = [
                repo.set_assignments(node_id=nodes[change.node_key],
                                     entries=[(ids[t.department], t.role) for t in change.after],
                                     action="division_import", reason=reason)
                for change in diff.changes
            ]
            for change in diff.field_changes:
                node_id = nodes[change.node_key]
                if change.subject == "timing":
                    applied.append(repo.set_timing(node_id=node_id, timing=change.after, action="division_import",
                                                   reason=reason))
                elif change.subject == "remark":
                    applied.append(repo.set_remark(node_id=node_id, text=change.after, action="division_import",
                                                   reason=reason))
                else:
                    raise StoreError(f"cannot apply a change of {change.subject}")
            return applied
    finally:
        repo.reviewer = previous
