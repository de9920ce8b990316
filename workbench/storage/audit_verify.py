"""`verify`: can the workspace's answer to "who decided this" be trusted?

Three checks, stopping at the first problem:

1. the log itself: every origin's hash chain (recomputed hashes, prev links,
   nothing missing at the end: audit.verify_chain), no gap in the seq
   numbers (so deleting the last event of a merged-in chain is caught too;
   deleting this workspace's own last events *and* rewinding sqlite_sequence
   is not detectable from the file alone: exports cite the head hash, and
   other workspaces that merged ours recorded it), the append-only triggers
   still in place, and every merge event naming events that are present, with
   the head hashes it recorded;
2. the causal history is consistent (history.py);
3. the current-state tables equal the replay of the events (replay.py):
   departments, plans, and every node's assignments, indicator links, note,
   review status and timing.  A mismatch names the last event on that target
   (the one the state should reflect), or the target when no event made it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import sqlite_utils

from . import audit
from .history import HistoryError, History, merge_heads
from .replay import NODE_DEFAULTS, replay
from .state_tables import department_differences, node_differences, read_state

TRIGGERS = ("events_no_update", "events_no_delete")


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    events: int = 0
    origins: int = 0
    plans: int = 0
    targets: int = 0  # node targets and departments compared
    first_bad_uuid: str | None = None
    target: str | None = None  # "node ch01/s01/p01 (assignments)", "department 市科技局 (uid)"
    reason: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        if self.ok:
            return (
                f"OK: {self.events} events from {self.origins} workspace(s), hash chains intact; "
                f"state of {self.targets} targets in {self.plans} plan(s) equals the replay "
                f"({self.seconds:.2f} s)"
            )
        where = f" [event {self.first_bad_uuid}]" if self.first_bad_uuid else ""
        return f"FAILED: {self.reason}{where}"


def verify(db: sqlite_utils.Database) -> VerifyReport:
    """Check the log and the state against it; read-only, any thread with its own connection."""
    started = time.perf_counter()
    report = _verify(db)
    return VerifyReport(**{**report.__dict__, "seconds": time.perf_counter() - started})


def _fail(reason: str, uuid: str | None = None, target: str | None = None, **counts: int) -> VerifyReport:
    return VerifyReport(False, first_bad_uuid=uuid, target=target, reason=reason, **counts)


def _verify(db: sqlite_utils.Database) -> VerifyReport:
    chain = audit.verify_chain(db)
    if not chain.ok:
        return _fail(chain.reason, chain.first_bad_uuid, events=chain.checked)
    gap = db.execute(
        "SELECT e.seq + 1 FROM events e WHERE e.seq + 1 <= (SELECT max(seq) FROM events) "
        "AND NOT EXISTS (SELECT 1 FROM events f WHERE f.seq = e.seq + 1) ORDER BY e.seq LIMIT 1"
    ).fetchone()
    first = db.execute("SELECT min(seq) FROM events").fetchone()[0]
    if gap is not None or (first is not None and first != 1):
        # AUTOINCREMENT numbers are only consumed by committed inserts, and rows are never deleted.
        missing = gap[0] if gap is not None else 1
        return _fail(f"event seq {missing} is missing from the log (events were deleted)", events=chain.checked)
    events = audit.events(db)
    try:
        history = History.build(events)
    except HistoryError as exc:
        return _fail(str(exc), exc.uuid, events=len(events))
    counts = {"events": len(events), "origins": len(history.chains)}
    for event in events:
        recorded = (event.after or {}).get("heads", {}) if isinstance(event.after, dict) else {}
        for origin, count in merge_heads(event).items():
            chain = history.chains.get(origin, [])
            if count > len(chain) or recorded[origin].get("hash") != history.events[chain[count - 1]].hash:
                return _fail(f"merge event {event.seq} records a head of workspace {origin} that is not in the log",
                             event.uuid, **counts)
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [name for name in TRIGGERS if name not in present]
    if missing:
        return _fail(f"the append-only trigger {missing[0]} is missing: the log could have been edited", **counts)
    state = replay(history)
    tables = read_state(db)
    counts["plans"] = len(tables.plans)
    position = history.position
    for sha in sorted(tables.plans ^ set(state.plans)):
        if sha in tables.plans:
            return _fail(f"plan {sha[:12]} is in the workspace but no plan_import event records it",
                         target=f"plan {sha}", **counts)
        return _fail(f"plan {sha[:12]} was imported (event) but is not in the workspace",
                     state.plans[sha], f"plan {sha}", **counts)
    names = {uid: rec["name"] for uid, rec in {**state.departments, **tables.departments}.items()}
    problems: list[tuple[int, str | None, str, str]] = []  # (position, uuid, target, reason)
    for uid in department_differences(state, tables):
        target = f"department {names.get(uid, '?')} ({uid})"
        uuid = state.department_last.get(uid)
        if uuid is None:
            reason = f"{target} is in the workspace but no event added it"
        elif uid not in tables.departments:
            reason = f"{target} was added by an event but is missing from the workspace"
        else:
            reason = f"{target} differs from its last event"
        problems.append((position.get(uuid, -1) if uuid else -1, uuid, target, reason))
    for subject, sha, key in node_differences(state, tables):
        target = f"node {key} ({subject}) of plan {sha[:12]}"
        uuid = state.node_last.get((subject, sha, key))
        shown = tables.nodes.get((subject, sha, key), NODE_DEFAULTS[subject])
        if uuid is None:
            reason = f"{target} holds {_short(shown)} but no event recorded a change"
        else:
            reason = f"{target} holds {_short(shown)}, not the {_short(state.nodes[(subject, sha, key)])} of its last event"
        problems.append((position.get(uuid, -1) if uuid else -1, uuid, target, reason))
    counts["targets"] = len(set(state.nodes) | set(tables.nodes)) + len(set(state.departments) | set(tables.departments))
    if problems:
        _, uuid, target, reason = min(problems, key=lambda p: (p[0], p[2]))
        return _fail(reason, uuid, target, **counts)
    return VerifyReport(True, **counts)


def _short(value: object) -> str:
    if isinstance(value, tuple):
        value = ", ".join(":".join(v) if isinstance(v, tuple) else str(v) for v in value) or "nothing"
    text = str(value) or "nothing"
    return repr(text if len(text) <= 60 else text[:57] + "...")
