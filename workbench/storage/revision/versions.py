"""Which plan revises which, and the rule that an old version is read-only.

An old version keeps its tags and history, but a reviewer who tags it would
be working on text that no longer exists: every repository write to one of
its nodes is refused with a message naming the current version.  (Merges
still bring other reviewers' events about it in: replay must hold.)
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from workbench.storage.errors import StoreError


class ReadOnlyPlanError(StoreError):
    """A write to a plan that has a newer version."""


def successor(db: sqlite_utils.Database, plan_id: int) -> int | None:
    return _one(db, "SELECT new_plan_id FROM plan_revisions WHERE old_plan_id = ?", plan_id)


def predecessor(db: sqlite_utils.Database, plan_id: int) -> int | None:
    return _one(db, "SELECT old_plan_id FROM plan_revisions WHERE new_plan_id = ?", plan_id)


def _one(db: sqlite_utils.Database, sql: str, plan_id: int) -> int | None:
    try:
        row = db.execute(sql, [plan_id]).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):  # a workspace opened read-only before this version's migration
            return None
        raise
    return int(row[0]) if row else None


def current_version(db: sqlite_utils.Database, plan_id: int) -> int:
    """The newest version in the chain that starts at `plan_id`."""
    seen = {plan_id}
    while (newer := successor(db, plan_id)) is not None and newer not in seen:
        seen.add(newer)
        plan_id = newer
    return plan_id


def check_current_version(db: sqlite_utils.Database, plan_id: int) -> None:
    """Raise ReadOnlyPlanError when the plan has been superseded by a revision."""
    newer = successor(db, plan_id)
    if newer is None:
        return
    titles = dict(db.execute("SELECT id, title FROM plans WHERE id IN (?, ?)", [plan_id, current_version(db, plan_id)]))
    current = current_version(db, plan_id)
    raise ReadOnlyPlanError(
        f"plan {plan_id} ({titles.get(plan_id, '')}) is an old version, kept read-only with its tags and "
        f"history; tag the current version, plan {current} ({titles.get(current, '')})"
    )
