"""Noticing writes made by anyone else: another process, another window, a worker, the CLI.

`PRAGMA data_version` changes on a connection whenever another connection
commits to the file, and costs microseconds to read, so a window can poll it
twice a second.  When it moves, `changes_since` reads the events appended
after the last one this window knew and says which nodes, departments and
plans they touch and who wrote them.  When the event the window knew is no
longer there (the workspace was restored from a backup, or replaced), the
answer says `reset`: everything must be read again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils


@dataclass(frozen=True)
class Mark:
    """The newest event a reader has seen: (local seq, uuid); (0, '') for none."""

    seq: int = 0
    uuid: str = ""


@dataclass
class LiveChanges:
    mark: Mark
    reset: bool = False
    events: list[str] = field(default_factory=list)
    nodes: set[tuple[str, str]] = field(default_factory=set)  # (plan sha256, node key)
    departments: set[str] = field(default_factory=set)  # department uids
    plans: set[str] = field(default_factory=set)  # plan sha256 of imported plans
    reviewers: dict[str, int] = field(default_factory=dict)  # who wrote how many of them
    first_node: tuple[str, str] | None = None


def data_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def current_mark(db: sqlite_utils.Database) -> Mark:
    row = db.execute("SELECT seq, uuid FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    return Mark(int(row[0]), str(row[1])) if row else Mark()


def changes_since(db: sqlite_utils.Database, mark: Mark, *, limit: int = 20000) -> LiveChanges:
    """What the events after `mark` touch; reset=True when `mark` is no longer in the log."""
    if mark.seq:
        row = db.execute("SELECT uuid FROM events WHERE seq = ?", [mark.seq]).fetchone()
        if row is None or row[0] != mark.uuid:
            return LiveChanges(current_mark(db), reset=True)
    rows = db.execute(
        "SELECT seq, uuid, reviewer, subject, plan_sha256, node_key, department_uid FROM events "
        "WHERE seq > ? ORDER BY seq LIMIT ?",
        [mark.seq, limit + 1],
    ).fetchall()
    if len(rows) > limit:
        return LiveChanges(current_mark(db), reset=True)
    found = LiveChanges(Mark(int(rows[-1][0]), str(rows[-1][1])) if rows else mark)
    for _seq, uuid, reviewer, subject, sha, key, department in rows:
        found.events.append(uuid)
        found.reviewers[reviewer] = found.reviewers.get(reviewer, 0) + 1
        if sha and key:
            found.nodes.add((sha, key))
            found.first_node = found.first_node or (sha, key)
        if subject == "plan" and sha:
            found.plans.add(sha)
        if department:
            found.departments.add(department)
        if subject in ("departments", "workspace"):
            found.reset = True  # a registry load or a restored backup: read everything again
    return found
