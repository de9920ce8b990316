"""A plan's outline (headings and what each holds) from SQL, without building its tree.

`workbench tree` printed every plan by loading each whole tree (text and
sentences included) into Python.  The outline needs only the headings'
labels and titles and, for every node, its kind and parent: the index
nodes_plan_kind (plan_id, kind, parent_id) answers the counts and the
structure without reading the rows' text.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import sqlite_utils

HEADINGS = ("part", "chapter", "section")
COUNTED = ("section", "clause", "box")


# `+seq`: sorting the few headings beats walking the plan in order through nodes_plan_seq (reading every
# node's row, three times slower), which the planner would otherwise choose.
HEADINGS_SQL = (f"SELECT id, kind, label, title FROM nodes WHERE plan_id = ? AND kind IN ({', '.join('?' * len(HEADINGS))}) "
                "ORDER BY +seq")


NOTHING_BELOW: Mapping[str, int] = {}


@dataclass(frozen=True)
class Outline:
    title: str
    source_name: str
    sha256: str
    counts: Counter[str]  # nodes per kind, the plan node excluded
    indicators: int
    headings: list[tuple[str, str, Mapping[str, int]]]  # (kind, display, kinds below it), in document order
    has_parts: bool


def plan_outline(db: sqlite_utils.Database, plan_id: int) -> Outline:
    title, source_name, sha256 = db.execute(
        "SELECT title, source_name, sha256 FROM plans WHERE id = ?", [plan_id]
    ).fetchone()
    counts: Counter[str] = Counter(dict(db.execute(
        "SELECT kind, count(*) FROM nodes WHERE plan_id = ? AND kind != 'plan' GROUP BY kind", [plan_id]
    ).fetchall()))  # fmt: skip
    below = _below_headings(db, plan_id)
    headings = []
    for node_id, kind, label, heading in db.execute(HEADINGS_SQL, [plan_id, *HEADINGS]):
        display = f"{label} {heading}" if label and heading else (label or heading)
        headings.append((kind, display, below.get(node_id, NOTHING_BELOW)))
    indicators = db.execute("SELECT count(*) FROM indicators WHERE plan_id = ?", [plan_id]).fetchone()[0]
    has_parts = db.execute(  # from the few parts up to the root: not every node to find the root
        "SELECT 1 FROM nodes c JOIN nodes p ON p.id = c.parent_id WHERE c.plan_id = ? AND c.kind = 'part' "
        "AND p.plan_id = ? AND p.parent_id IS NULL LIMIT 1", [plan_id, plan_id]
    ).fetchone() is not None  # fmt: skip
    return Outline(title, source_name, sha256, counts, int(indicators), headings, has_parts)


def _below_headings(db: sqlite_utils.Database, plan_id: int) -> dict[int, dict[str, int]]:
    """How many sections, clauses and boxes lie below each heading (through headings, clauses and boxes).

    The counted nodes are first counted per (parent, kind) in SQL, so the walk
    up the tree runs once per parent (a section holding 40 clauses is one
    step), not once per clause.
    """
    linked = COUNTED + HEADINGS + ("part",)
    marks = ", ".join("?" * len(linked))
    counted_marks = ", ".join("?" * len(COUNTED))
    per_parent = db.execute(
        f"SELECT parent_id, kind, count(*) FROM nodes WHERE plan_id = ? AND kind IN ({counted_marks}) "
        "GROUP BY parent_id, kind", [plan_id, *COUNTED],
    ).fetchall()  # fmt: skip
    # the nodes a walk may pass: headings and boxes (every one), clauses only where they hold counted nodes
    step: dict[int, tuple[int | None, str]] = {
        node_id: (parent_id, kind) for node_id, parent_id, kind in db.execute(
            f"SELECT id, parent_id, kind FROM nodes WHERE plan_id = ? AND kind IN ({marks}) AND kind != 'clause'",
            [plan_id, *linked],
        )
    }  # fmt: skip
    parents = {parent for parent, _, _ in per_parent} | {parent for parent, _ in step.values()}
    unknown = {parent for parent in parents if parent is not None and parent not in step}
    while unknown:  # clauses on the way up (a node of another kind, or none, ends the walk)
        ids = list(unknown)
        found = db.execute(
            f"SELECT id, parent_id, kind FROM nodes WHERE plan_id = ? AND kind IN ({marks}) "
            f"AND id IN (SELECT value FROM json_each(?))", [plan_id, *linked, json.dumps(ids)],
        ).fetchall()  # fmt: skip
        for node_id, parent_id, kind in found:
            step[node_id] = (parent_id, kind)
        unknown = {p for _, p, _ in found if p is not None and p not in step}
    below: dict[int, dict[str, int]] = {}
    for parent, kind, count in per_parent:
        ancestor = parent
        while ancestor in step:
            up, ancestor_kind = step[ancestor]
            if ancestor_kind in HEADINGS:
                inner = below.setdefault(ancestor, {})
                inner[kind] = inner.get(kind, 0) + count
            ancestor = up
    return below
