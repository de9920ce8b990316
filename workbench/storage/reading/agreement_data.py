"""Each reviewer's lead department per clause, taken from the events, for core.agreement.

A rater is one reviewer identity, whichever workspace they worked in: the
name, with the unit when they gave one.  A name recorded both with one unit
and without any (the same person running once without --unit) is one rater;
a name recorded with two different units is two people.  Their rating
of a node is the `after` of their latest assignment event on it (canonical
order, history.py): its lead department by current name, or None when they
left the node without a lead.  Conflict resolutions are left out (they copy a
side, they are not an independent rating), and so is the workbench itself.
"""

from __future__ import annotations

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit import SYSTEM_REVIEWER
from workbench.storage.audit.history import History
from workbench.storage.audit.replay import lead_of

EXCLUDED_ACTIONS = ("conflict_resolution",)


def reviewer_label(name: str, unit: str) -> str:
    return f"{name} ({unit})" if unit else name


def rater_label(name: str, unit: str, units: dict[str, set[str]]) -> str:
    """One label per reviewer identity: an empty unit joins the name's only recorded unit."""
    known = sorted(u for u in units.get(name, set()) if u)
    if not unit and len(known) == 1:
        unit = known[0]
    return reviewer_label(name, unit)


def lead_ratings(
    db: sqlite_utils.Database, *, plan_sha256: str | None = None
) -> dict[str, dict[tuple[str, str], str | None]]:
    """reviewer -> {(plan sha256, node key): lead department name or None}."""
    history = History.build(audit.events(db))
    names = dict(db.execute("SELECT uid, name FROM departments").fetchall())
    units: dict[str, set[str]] = {}
    for event in history.events.values():
        units.setdefault(event.reviewer, set()).add(event.reviewer_unit or "")
    ratings: dict[str, dict[tuple[str, str], str | None]] = {}
    for uuid in history.order:
        event = history.events[uuid]
        if event.subject != "assignments" or event.action in EXCLUDED_ACTIONS or not event.node_key:
            continue
        if event.reviewer == SYSTEM_REVIEWER.name or (plan_sha256 and event.plan_sha256 != plan_sha256):
            continue
        lead = lead_of(event.after)
        rater = rater_label(event.reviewer, event.reviewer_unit or "", units)
        ratings.setdefault(rater, {})[(str(event.plan_sha256), event.node_key)] = (
            None if lead is None else names.get(lead, lead)
        )
    return ratings


def official_department_names(db: sqlite_utils.Database) -> list[str]:
    """Department names in the registry's official order (by kind, then registry position)."""
    from workbench.core.departments import Department, official_order

    rows = db.execute("SELECT name, kind, position FROM departments").fetchall()
    return [d.name for d in official_order([Department(n, n, k, position=p or 0) for n, k, p in rows])]
