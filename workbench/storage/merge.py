"""Bringing another reviewer's workspace of the same plan(s) into this one.

Events are united by uuid.  Every workspace holds a complete prefix of each
origin's chain, so for each origin the other file either has nothing new
(its chain is a prefix of ours) or a continuation of ours; anything else (the
same workspace copied and edited in two places) is refused.  New events are
inserted as they are (origin, time, hash, prev_hash kept, so their chains
still verify), followed by one `merge` event of ours recording the other
workspace's uuid, file name, the number of events that came in and the head
(count and hash) of every origin it holds: that is what tells later readers
that everything we write afterwards saw those events (history.py).  Then the
state tables are made equal to the replay of all events, and the conflicts
table is brought up to date.  All of it is one transaction.

Because the state is a function of the *set* of events (canonical order,
replay.py), merging the same file twice changes nothing (no new events, no
merge event), and merging A then B leaves the same state and open conflicts as
B then A.

Refused before anything is written (WorkspaceError / MergeError):
* OTHER is not a healthy workspace (same checks as open_workspace), is this
  very workspace (or a copy of it), or its own audit chain is broken;
* OTHER holds no plan, or none of this workspace's plans (a different plan);
* OTHER also holds a plan this workspace lacks: its events about that plan
  cannot be left out (they belong to hash chains), so import that plan
  document here first, then merge again;
* the histories of one origin diverge, or the united departments would give
  two departments one name (both reviewers added the same name).
A backup of this workspace is taken just before the first write.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from . import audit
from .audit import Event, Reviewer, canonical_json
from .backup import KEEP, backup_connection
from .conflicts import sync_conflicts
from .database import check_workspace, open_readonly
from .errors import StoreError, WorkspaceError
from .history import MERGE_ACTION, MERGE_SUBJECT, History, HistoryError
from .replay import replay
from .state_tables import write_state


class MergeError(StoreError):
    """The merge was refused; nothing was written."""


@dataclass(frozen=True)
class MergeResult:
    other_uuid: str
    new_events: int
    merge_event: str | None  # uuid of our merge event; None when nothing was new
    backup: Path | None
    changed_targets: int = 0
    new_conflicts: tuple[int, ...] = ()
    open_conflicts: int = 0
    seconds: float = 0.0
    heads: dict[str, dict[str, object]] = field(default_factory=dict)

    def summary(self) -> str:
        if not self.new_events:
            return f"nothing new in workspace {self.other_uuid}: this workspace already holds all its events"
        return (
            f"merged {self.new_events} event(s) from workspace {self.other_uuid}: "
            f"{self.changed_targets} target(s) changed, {len(self.new_conflicts)} new conflict(s), "
            f"{self.open_conflicts} open in all ({self.seconds:.2f} s)"
        )


def database_path(db: sqlite_utils.Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])


def merge_workspace(
    db: sqlite_utils.Database,
    other: Path,
    *,
    reviewer: Reviewer,
    reason: str | None = None,
    backup: bool = True,
    keep: int = KEEP,
) -> MergeResult:
    """Merge the workspace file `other` into the open workspace `db` (see the module docstring)."""
    started = time.perf_counter()
    other = Path(other)
    check_workspace(other)
    theirs_db = open_readonly(other)
    try:
        their_uuid = audit.workspace_uuid(theirs_db)
        chain = audit.verify_chain(theirs_db)
        if not chain.ok:
            raise MergeError(f"{other}: its audit log does not verify ({chain.reason}); nothing merged")
        their_plans = {row[0]: row[1] for row in theirs_db.execute("SELECT sha256, title FROM plans")}
        theirs = audit.events(theirs_db)
    finally:
        theirs_db.close()
    our_uuid = audit.workspace_uuid(db)
    if their_uuid == our_uuid:
        raise MergeError(f"{other} is this workspace (or a copy of it): nothing to merge")
    _check_plans(db, other, their_plans)
    ours = audit.events(db)
    new = _new_events(ours, theirs, our_uuid, other)
    if not new:
        return MergeResult(their_uuid, 0, None, None, seconds=time.perf_counter() - started)
    heads = _heads(theirs)
    try:
        History.build([*ours, *new])
    except HistoryError as exc:
        raise MergeError(f"{other}: its history is inconsistent ({exc}); nothing merged") from exc
    _check_department_names(replay([*ours, *new]).departments, other)

    copy = backup_connection(db, database_path(db), reason="merge", keep=keep, detail=other.name) if backup else None
    with db.atomic():
        for event in new:
            _insert(db, event)
        merge_event = audit.append_event(
            db,
            reviewer=reviewer,
            action=MERGE_ACTION,
            subject=MERGE_SUBJECT,
            after={"workspace": their_uuid, "file": other.name, "events": len(new), "heads": heads},
            reason=reason,
        )
        state = replay(audit.events(db))
        changed = write_state(db, state)
        new_conflicts = sync_conflicts(db, state)
        open_count = int(db.execute("SELECT count(*) FROM conflicts WHERE status = 'open'").fetchone()[0])
    return MergeResult(
        their_uuid, len(new), merge_event.uuid, copy, len(changed), tuple(new_conflicts), open_count,
        time.perf_counter() - started, heads,
    )  # fmt: skip


def _check_plans(db: sqlite_utils.Database, other: Path, their_plans: dict[str, str]) -> None:
    ours = {row[0] for row in db.execute("SELECT sha256 FROM plans")}
    if not their_plans:
        raise MergeError(f"{other} holds no plan: nothing to merge")
    missing = {sha: title for sha, title in their_plans.items() if sha not in ours}
    if len(missing) == len(their_plans):
        names = "、".join(f"{t} ({s[:12]})" for s, t in missing.items())
        raise MergeError(f"{other} is a workspace of a different plan ({names}); only workspaces of the same plan "
                         "(same document, same sha256) can be merged")
    if missing:
        names = "、".join(f"{t} ({s[:12]})" for s, t in missing.items())
        raise MergeError(f"{other} also holds {names}, which this workspace lacks: import that plan document here "
                         "first, then merge again")


def _new_events(ours: list[Event], theirs: list[Event], our_uuid: str, other: Path) -> list[Event]:
    """Their events we lack, in their order; refuse diverged histories."""
    our_chains: dict[str, list[Event]] = {}
    for event in ours:
        our_chains.setdefault(event.origin, []).append(event)
    their_chains: dict[str, list[Event]] = {}
    for event in theirs:
        their_chains.setdefault(event.origin, []).append(event)
    known = {event.uuid for event in ours}
    new_uuids: set[str] = set()
    for origin, chain in their_chains.items():
        mine = our_chains.get(origin, [])
        shared = min(len(mine), len(chain))
        if [e.hash for e in mine[:shared]] != [e.hash for e in chain[:shared]]:
            raise MergeError(f"{other}: the history of workspace {origin} differs from ours (the same workspace "
                             "was copied and edited in two places); nothing merged")
        if len(chain) > len(mine):
            if origin == our_uuid:
                raise MergeError(f"{other} holds events of this workspace that this file lacks "
                                 "(was this file restored from an older copy?); nothing merged")
            new_uuids.update(e.uuid for e in chain[len(mine):])
    clash = next((u for u in new_uuids if u in known), None)
    if clash:
        raise MergeError(f"{other}: event {clash} appears in two histories; nothing merged")
    return [event for event in theirs if event.uuid in new_uuids]


def _heads(events: list[Event]) -> dict[str, dict[str, object]]:
    heads: dict[str, dict[str, object]] = {}
    for event in events:
        head = heads.setdefault(event.origin, {"count": 0, "hash": ""})
        head["count"] = int(head["count"]) + 1  # type: ignore[call-overload]
        head["hash"] = event.hash
    return heads


def _check_department_names(departments: dict[str, dict], other: Path) -> None:
    seen: dict[str, str] = {}
    for uid, record in sorted(departments.items()):
        name = record["name"]
        if name in seen:
            raise MergeError(f"{other}: department {name!r} would exist twice ({seen[name]} and {uid}): both "
                             "workspaces added or renamed a department to that name; rename it in one of them "
                             "and merge again")
        seen[name] = uid


def _insert(db: sqlite_utils.Database, event: Event) -> None:
    fields = {name: getattr(event, name) for name in (*audit.HASHED_FIELDS, "hash")}
    for name in ("before", "after"):
        fields[name] = None if fields[name] is None else canonical_json(fields[name])
    names = list(fields)
    db.execute(
        "INSERT INTO events ({}) VALUES ({})".format(", ".join(f'"{n}"' for n in names), ", ".join("?" * len(names))),
        [fields[n] for n in names],
    )
    db.execute(
        "INSERT OR IGNORE INTO reviewers (name, unit, first_seen) VALUES (?, ?, ?)",
        [event.reviewer, event.reviewer_unit, event.time_utc],
    )


__all__ = ["MergeError", "MergeResult", "WorkspaceError", "merge_workspace"]
