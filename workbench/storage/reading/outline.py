"""A plan's outline (headings and what each holds) from SQL, without building its tree.

`workbench tree` printed every plan by loading each whole tree (text and
sentences included) into Python.  The outline needs only the headings'
labels and titles and, for every node, its kind and parent: the index
nodes_plan_kind (plan_id, kind, parent_id) answers the counts and the
structure without reading the rows' text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlite_utils

HEADINGS = ("part", "chapter", "section")
COUNTED = ("section", "clause", "box")


@dataclass(frozen=True)
class Outline:
    title: str
    source_name: str
    sha256: str
    counts: Counter[str]  # nodes per kind, the plan node excluded
    indicators: int
    headings: list[tuple[str, str, Counter[str]]]  # (kind, display, kinds below it), in document order
    has_parts: bool


def plan_outline(db: sqlite_utils.Database, plan_id: int) -> Outline:
    title, source_name, sha256 = db.execute(
        "SELECT title, source_name, sha256 FROM plans WHERE id = ?", [plan_id]
    ).fetchone()
    counts: Counter[str] = Counter(dict(db.execute(
        "SELECT kind, count(*) FROM nodes WHERE plan_id = ? AND kind != 'plan' GROUP BY kind", [plan_id]
    ).fetchall()))  # fmt: skip
    marks = ", ".join("?" * len(COUNTED + HEADINGS + ("part",)))
    parent: dict[int, int | None] = {}
    kind_of: dict[int, str] = {}
    for node_id, parent_id, kind in db.execute(
        f"SELECT id, parent_id, kind FROM nodes WHERE plan_id = ? AND kind IN ({marks})",
        [plan_id, *COUNTED, *HEADINGS, "part"],
    ):
        parent[node_id] = parent_id
        kind_of[node_id] = kind
    below: dict[int, Counter[str]] = {}
    for node_id, kind in kind_of.items():
        if kind not in COUNTED:
            continue
        ancestor = parent.get(node_id)
        while ancestor in kind_of:
            if kind_of[ancestor] in HEADINGS:
                below.setdefault(ancestor, Counter())[kind] += 1
            ancestor = parent.get(ancestor)
    headings = []
    heading_marks = ", ".join("?" * len(HEADINGS))
    for node_id, kind, label, heading in db.execute(
        f"SELECT id, kind, label, title FROM nodes WHERE plan_id = ? AND kind IN ({heading_marks}) ORDER BY seq",
        [plan_id, *HEADINGS],
    ):
        display = f"{label} {heading}" if label and heading else (label or heading)
        headings.append((kind, display, below.get(node_id, Counter())))
    indicators = db.execute("SELECT count(*) FROM indicators WHERE plan_id = ?", [plan_id]).fetchone()[0]
    has_parts = db.execute(
        "SELECT 1 FROM nodes p JOIN nodes c ON c.parent_id = p.id WHERE p.plan_id = ? AND p.parent_id IS NULL "
        "AND c.kind = 'part' LIMIT 1", [plan_id]
    ).fetchone() is not None  # fmt: skip
    return Outline(title, source_name, sha256, counts, int(indicators), headings, has_parts)
