"""Applying a reviewed 任务分工 sheet: all of its node changes in one transaction.

Shared by `workbench import-division` and File › Import division sheet; each
node's change is its own audited event (action `division_import`) attributed
to the reviewer the user named, and either every change lands or none does.
"""

from __future__ import annotations

from workbench.core.division_import import DivisionDiff
from workbench.core.plan import Plan
from workbench.storage.audit import Reviewer
from workbench.storage.errors import StoreError
from workbench.storage.records import Changes


def apply_division(repo, plan: Plan, diff: DivisionDiff, *, reviewer: Reviewer, reason: str) -> list[Changes]:
    if not diff.ok:
        raise StoreError("the sheet names unknown departments or nodes; nothing applied")
    ids = {d.name: d.db_id for d in repo.departments(include_retired=True)}
    nodes = {n.key: n.db_id for n in plan.nodes()}
    previous = repo.reviewer
    repo.reviewer = reviewer
    try:
        with repo.db.atomic():
            return [
                repo.set_assignments(node_id=nodes[change.node_key],
                                     entries=[(ids[t.department], t.role) for t in change.after],
                                     action="division_import", reason=reason)
                for change in diff.changes
            ]
    finally:
        repo.reviewer = previous
