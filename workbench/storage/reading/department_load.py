"""How many nodes each department leads and supports in some plans, counted by SQL.

The charts' 单位负荷 tab shows it for the plans open in the window.  Counting
the window's cached assignments walked every one of them on the GUI thread
after each change; this query runs on a worker's own connection instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils


def department_load(db: sqlite_utils.Database, plan_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """department id -> (nodes it leads, nodes it supports) over every node of the plans (sentences included)."""
    ids = sorted(set(plan_ids))
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"SELECT a.department_id, sum(a.role = 'lead'), sum(a.role != 'lead') FROM nodes n"
        f" JOIN assignments a ON a.node_id = n.id WHERE n.plan_id IN ({marks}) GROUP BY a.department_id",
        ids,
    ).fetchall()
    return {department_id: (int(lead), int(support)) for department_id, lead, support in rows}
