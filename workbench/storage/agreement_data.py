"""Each reviewer's lead department per clause, taken from the events, for core.agreement.

A reviewer is "name (unit)", whichever workspace they worked in.  Their rating
of a node is the `after` of their latest assignment event on it (canonical
order, history.py): its lead department by current name, or None when they
left the node without a lead.  Conflict resolutions are left out (they copy a
side, they are not an independent rating), and so is the workbench itself.
"""

from __future__ import annotations

import sqlite_utils

from . import audit
from .audit import SYSTEM_REVIEWER
from .history import History
from .replay import lead_of

EXCLUDED_ACTIONS = ("conflict_resolution",)


def reviewer_label(name: str, unit: str) -> str:
    return f"{name} ({unit})" if unit else name


def lead_ratings(
    db: sqlite_utils.Database, *, plan_sha256: str | None = None
) -> dict[str, dict[tuple[str, str], str | None]]:
    """reviewer -> {(plan sha256, node key): lead department name or None}."""
    history = History.build(audit.events(db))
    names = dict(db.execute("SELECT uid, name FROM departments").fetchall())
    ratings: dict[str, dict[tuple[str, str], str | None]] = {}
    for uuid in history.order:
        event = history.events[uuid]
        if event.subject != "assignments" or event.action in EXCLUDED_ACTIONS or not event.node_key:
            continue
        if event.reviewer == SYSTEM_REVIEWER.name or (plan_sha256 and event.plan_sha256 != plan_sha256):
            continue
        lead = lead_of(event.after)
        rater = reviewer_label(event.reviewer, event.reviewer_unit)
        ratings.setdefault(rater, {})[(str(event.plan_sha256), event.node_key)] = (
            None if lead is None else names.get(lead, lead)
        )
    return ratings
