"""A plan's tags per node key, in the portable form the carry plan uses (core.revision.carry)."""

from __future__ import annotations

import sqlite_utils

from workbench.core.revision.carry import UNREVIEWED, NodeTags


def plan_tags(db: sqlite_utils.Database, plan_id: int) -> dict[str, NodeTags]:
    """Node key -> its tags, for every node of the plan that has any (six queries)."""
    assignments: dict[str, list[tuple[str, str]]] = {}
    for key, uid, role in db.execute(
        "SELECT n.key, d.uid, a.role FROM assignments a JOIN nodes n ON n.id = a.node_id "
        "JOIN departments d ON d.id = a.department_id WHERE n.plan_id = ? ORDER BY a.node_id, a.position",
        [plan_id],
    ):
        assignments.setdefault(key, []).append((uid, role))
    links: dict[str, list[str]] = {}
    for key, indicator in db.execute(
        "SELECT n.key, i.key FROM indicator_links l JOIN nodes n ON n.id = l.node_id "
        "JOIN indicators i ON i.id = l.indicator_id WHERE n.plan_id = ? ORDER BY l.node_id, l.position",
        [plan_id],
    ):
        links.setdefault(key, []).append(indicator)
    notes = dict(db.execute(
        "SELECT n.key, t.text FROM notes t JOIN nodes n ON n.id = t.node_id WHERE n.plan_id = ?", [plan_id]
    ).fetchall())
    remarks = dict(db.execute(
        "SELECT n.key, r.text FROM remarks r JOIN nodes n ON n.id = r.node_id WHERE n.plan_id = ?", [plan_id]
    ).fetchall())
    statuses = {
        key: (status, timing)
        for key, status, timing in db.execute(
            "SELECT n.key, s.review_status, s.timing FROM node_status s JOIN nodes n ON n.id = s.node_id "
            "WHERE n.plan_id = ?", [plan_id],
        )
    }
    result: dict[str, NodeTags] = {}
    for key in set(assignments) | set(links) | set(notes) | set(statuses) | set(remarks):
        status, timing = statuses.get(key, (UNREVIEWED, ""))
        tags = NodeTags(tuple(assignments.get(key, ())), tuple(links.get(key, ())), notes.get(key, "") or "",
                        status, timing, remarks.get(key, "") or "")
        if tags:
            result[key] = tags
    return result


def node_tags(db: sqlite_utils.Database, plan_id: int, key: str) -> NodeTags:
    """One node's tags (NodeTags() when it has none)."""
    return plan_tags_for_keys(db, plan_id, [key]).get(key, NodeTags())


def plan_tags_for_keys(db: sqlite_utils.Database, plan_id: int, keys: list[str]) -> dict[str, NodeTags]:
    wanted = set(keys)
    return {k: v for k, v in plan_tags(db, plan_id).items() if k in wanted}
