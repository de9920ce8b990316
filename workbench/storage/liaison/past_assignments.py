"""Every assignment a plan's nodes have had, from the audit trail (for reading back a liaison's sheet).

A sheet's hidden 任务分工表述 column holds the statement of the state it was
exported from; that state is one of the node's past states.  Knowing them lets
the import tell a stale statement (left as exported) from one the liaison
edited by hand.
"""

from __future__ import annotations

import json

import sqlite_utils

from workbench.core.matrix import Tag


def past_assignments(db: sqlite_utils.Database, plan_sha256: str) -> dict[str, list[list[Tag]]]:
    """node key -> each list of tags the node held (before and after every audited change), oldest first."""
    past: dict[str, list[list[Tag]]] = {}
    rows = db.execute(
        "SELECT node_key, \"before\", \"after\" FROM events WHERE plan_sha256 = ? AND subject = 'assignments' "
        "AND node_key IS NOT NULL ORDER BY seq", [plan_sha256]).fetchall()
    for key, *states in rows:
        for state in states:
            try:
                tags = [Tag(t["name"], t["role"]) for t in json.loads(state or "[]")]
            except (ValueError, TypeError, KeyError):
                continue  # an event written by another version: no statement to recognise
            if tags not in past.setdefault(key, []):
                past[key].append(tags)
    return past
