"""One plan's `AssignmentSnapshot` for the workbooks, reading only the part of the tree they show.

An export shows the nodes with assignments or indicator links, the headings
above them and the chapters (the 说明 names them); a plan's other nodes
(mostly the sentences of untagged clauses, three quarters of a 100-plan
workspace) never reach a workbook, yet building them as PlanNodes was most of
the time of `export all --each-plan`.  So the tree is read pruned: those nodes
and every ancestor, in document order, by a few indexed queries.  Walking it
meets the shown nodes in the same order, with the same ancestors, as the full
tree; the state (tags, links, notes, timing, status, remarks) is keyed by node
key straight from SQL, so it is the same as `read_snapshot` gives for the whole plan.

The pruned tree is for exports only: it is no plan to edit, show or diff.
"""

from __future__ import annotations

import json

import sqlite_utils

from workbench.core import plan as P
from workbench.core.departments import Department
from workbench.core.matrix import AssignmentSnapshot, Tag
from workbench.core.plan import Plan, PlanNode
from workbench.storage.errors import StoreError
from workbench.storage.state.plan_store import link_tree

# Kinds read whatever their state: the headings an export names (matrix groups, 说明's chapters) and the root.
HEADING_KINDS = (P.PLAN, P.PART, P.CHAPTER, P.SECTION)

# The nodes an export reads: those with state (their ids as a JSON list), the headings, and every ancestor.
_WANTED_NODES = f"""
WITH RECURSIVE wanted(id) AS (
    SELECT value FROM json_each(:ids)
    UNION
    SELECT id FROM nodes WHERE plan_id = :plan AND kind IN ({", ".join(f"'{k}'" for k in HEADING_KINDS)})
    UNION
    SELECT n.parent_id FROM wanted w JOIN nodes n ON n.id = w.id WHERE n.parent_id IS NOT NULL
)
SELECT n.id, n.parent_id, n.key, n.kind, n.label, n.title, n.text, n.number
FROM wanted w JOIN nodes n ON n.id = w.id WHERE n.plan_id = :plan ORDER BY n.seq
"""
_TAGS = ("SELECT a.node_id, n.key, d.name, a.role FROM nodes n JOIN assignments a ON a.node_id = n.id "
         "JOIN departments d ON d.id = a.department_id WHERE n.plan_id = ? ORDER BY a.node_id, a.position")
_LINKS = ("SELECT l.node_id, n.key, i.key FROM nodes n JOIN indicator_links l ON l.node_id = n.id "
          "JOIN indicators i ON i.id = l.indicator_id WHERE n.plan_id = ? ORDER BY l.node_id, l.position")


def export_plan(store, plan_id: int, node_ids) -> Plan:
    """The plan with its indicators and the pruned tree: the nodes `node_ids` (those with state), the
    headings and their ancestors (module docstring).  Nodes carry db_id, not lines.

    `store`: the Repository (its plan and indicator reads)."""
    record = store.plan(plan_id)
    if record is None:
        raise StoreError(f"no plan with id {plan_id!r}")
    wanted = {"plan": plan_id, "ids": json.dumps(sorted(node_ids))}
    root = link_tree(plan_id, (  # every ancestor is read, before its children (document order)
        (node_id, parent_id, PlanNode(kind=kind, key=key, label=label, title=title, text=text, number=number,
                                      db_id=node_id))
        for node_id, parent_id, key, kind, label, title, text, number in store.db.execute(_WANTED_NODES, wanted)
    ))  # fmt: skip
    return Plan(title=record.title, root=root, indicators=[r.indicator for r in store.indicators(plan_id)],
                indicator_footnote=record.indicator_footnote, source_name=record.source_name, sha256=record.sha256,
                body_start_line=record.body_start_line, numbering=record.numbering)


def read_export_snapshot(store, plan_id: int, *, departments: list[Department] | None = None,
                         disputed_targets: set[tuple[str, str]] | None = None) -> AssignmentSnapshot:
    """What `read_snapshot(repo.db, repo.load_plan(plan_id))` gives an export, with the pruned tree.

    `departments` (read_departments) and `disputed_targets` (open_conflict_targets) are the workspace's:
    an export of many plans reads them once and passes them in.  Call inside the caller's read transaction.
    """
    db = store.db
    if departments is None:
        from workbench.storage.state.snapshot import read_departments

        departments = read_departments(db)
    if disputed_targets is None:
        from workbench.storage.disputes.conflicts import open_conflict_targets

        disputed_targets = open_conflict_targets(db)
    node_ids: set[int] = set()
    tags: dict[str, list[Tag]] = {}
    for node_id, key, name, role in db.execute(_TAGS, [plan_id]):
        node_ids.add(node_id)
        tags.setdefault(key, []).append(Tag(name, role))
    links: dict[str, list[str]] = {}
    for node_id, key, indicator in db.execute(_LINKS, [plan_id]):
        node_ids.add(node_id)
        links.setdefault(key, []).append(indicator)
    plan = export_plan(store, plan_id, node_ids)
    notes = _texts(db, "notes", plan_id)
    remarks = _texts(db, "remarks", plan_id)
    timing: dict[str, str] = {}
    status: dict[str, str] = {}
    for key, review_status, when in db.execute(
        "SELECT n.key, s.review_status, s.timing FROM nodes n JOIN node_status s ON s.node_id = n.id "
        "WHERE n.plan_id = ?", [plan_id],
    ):
        if when:
            timing[key] = when
        status[key] = review_status
    disputed = frozenset(key for sha, key in disputed_targets if sha == plan.sha256)
    return AssignmentSnapshot(plan, list(departments), tags, links, notes, timing, status, remarks, disputed)


def _texts(db: sqlite_utils.Database, table: str, plan_id: int) -> dict[str, str]:
    """Node key -> text of a notes-like table (empty texts left out, as read_snapshot does)."""
    return {key: text for key, text in db.execute(
        f"SELECT n.key, t.text FROM nodes n JOIN {table} t ON t.node_id = n.id WHERE n.plan_id = ?", [plan_id],
    ) if text}
