"""`verify`: can the workspace's answer to "who decided this" be trusted?

Three checks, stopping at the first problem:

1. the log itself: every origin's hash chain (recomputed hashes, prev links,
   nothing missing at the end: audit_chain.scan_log, which reads the log
   once for all of steps 1 to 2b), no gap in the seq
   numbers (so deleting the last event of a merged-in chain is caught too;
   deleting this workspace's own last events *and* rewinding sqlite_sequence
   is not detectable from the file alone: exports cite the head hash, and
   other workspaces that merged ours recorded it), the append-only triggers
   still in place, and every merge event naming events that are present, with
   the head hashes it recorded;
2. the causal history is consistent (history.py);
2b. every event is signed by a published key and matches its signature
   (signing/check.py; events from before signing are counted), every
   event of another workspace came in through a merge that recorded it
   (so events copied from one file into another are caught), and with a
   roster every key is on it and writes under the roster's name;
3. the current-state tables equal the replay of the events (replay.py):
   departments, plans, and every node's assignments, indicator links, note,
   review status and timing.  A mismatch names the last event on that target
   (the one the state should reflect), or the target when no event made it.
   The node values are first compared in SQL (state_sql.py), which can only
   answer "equal"; when it cannot, the comparison in Python below runs and
   names the first mismatch (a failing verify does both: slower, same report).
   That quick path needs each target's last event but not the canonical
   order (last_events.py; the scan notes single-workspace targets as it
   reads), nor the per-event causal maps (history_lazy.py): both are
   computed only when a target was written by several workspaces or verify
   fails.
   That SQL comparison starts before the log is read, on a second connection
   and thread (state_ahead.py), and its "equal" is taken where it stands for
   the comparison after the scan; otherwise that one runs as described.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from operator import attrgetter
from dataclasses import dataclass, field

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit_chain import scan_log
from workbench.storage.audit.audit_lean import LeanEvent, gc_paused
from workbench.storage.audit.history import MERGE_ACTION, HistoryError, History, merge_heads
from workbench.storage.audit.history_lazy import build_lazily, positions_of
from workbench.storage.audit.last_events import ReadTargets, last_events
from workbench.storage.audit.replay import NODE_DEFAULTS, Replayed, replay
from workbench.storage.signing.check import SignatureReport, check_signatures
from workbench.storage.signing.roster import Roster
from workbench.storage.state import state_ahead
from workbench.storage.state.state_ahead import StateAhead
from workbench.storage.state.state_sql import nodes_match
from workbench.storage.state.state_tables import TableState, department_differences, node_differences, read_departments, read_plans, read_state

TRIGGERS = ("events_no_update", "events_no_delete")
_ACTION = attrgetter("action")


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
    unsigned: int = 0  # events written before signing began
    keys: tuple[str, ...] = ()  # "fingerprint name（unit）: N events [on the roster as X | not on a roster]"
    roster: bool = False

    def summary(self) -> str:
        if self.ok:
            unsigned = f", {self.unsigned} written before signing (chain only)" if self.unsigned else ""
            return (
                f"OK: {self.events} events from {self.origins} workspace(s), hash chains intact, "
                f"signatures valid{unsigned}; state of {self.targets} targets in {self.plans} plan(s) equals "
                f"the replay ({self.seconds:.2f} s)"
            )
        where = f" [event {self.first_bad_uuid}]" if self.first_bad_uuid else ""
        return f"FAILED: {self.reason}{where}"


def verify(db: sqlite_utils.Database, *, roster: Roster | None = None) -> VerifyReport:
    """Check the log and the state against it; read-only, any thread with its own connection.

    With `roster`, every signing key must be on it (see signing/check.py).
    """
    started = time.perf_counter()
    with gc_paused():
        try:
            report = _verify(db, roster)
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc):  # (the log's own rows are read as bytes where they may not be UTF-8)
                raise
            report = _fail(f"a state table holds text that is not valid UTF-8, so it was written by another "
                           f"program ({exc})")  # fmt: skip
    return VerifyReport(**{**report.__dict__, "seconds": time.perf_counter() - started})


def _fail(reason: str, uuid: str | None = None, target: str | None = None, **counts) -> VerifyReport:
    return VerifyReport(False, first_bad_uuid=uuid, target=target, reason=reason, **counts)


def _key_lines(signatures: SignatureReport) -> tuple[str, ...]:
    lines = []
    for use in signatures.keys.values():
        if not use.events:
            continue
        trust = (f"on the roster as {use.trusted}" if use.trusted else
                 "NOT on your roster" if signatures.roster else "no roster kept here")
        lines.append(f"{use.label()}: {use.events} event(s), {trust}")
    return tuple(lines)


def _uncovered(merges: list[audit.Event], history: History, own: str) -> audit.Event | None:
    """The first event of another workspace that no merge recorded (copied in), if any.

    Merge events themselves may come alone: a merge that brings only another
    reviewer's merge events adds them without a merge of its own (merge.py).
    `merges`: the merge events in local seq order.
    """
    recorded: dict[str, int] = {}
    for event in merges:
        for origin, count in merge_heads(event).items():
            recorded[origin] = max(recorded.get(origin, 0), count)
    for origin, chain in history.chains.items():
        if origin == own:
            continue
        for uuid in chain[recorded.get(origin, 0):]:
            if history.events[uuid].action != MERGE_ACTION:
                return history.events[uuid]
    return None


@dataclass
class CheckedLog:
    """The log checked without the state (steps 1 to 2b): `report` says whether it is sound."""

    report: VerifyReport
    history: History | None = None  # None when the log failed before its history was built
    events: list[LeanEvent] = field(default_factory=list)  # every event, in local seq order
    targets: ReadTargets | None = None  # each node target's last event read (check_log(targets=True))


def check_log(db: sqlite_utils.Database, roster: Roster | None = None, *, ordered: bool = True,
              targets: bool = False) -> CheckedLog:  # fmt: skip
    """Steps 1 to 2b of the module docstring, reading the log once (audit_chain.scan_log).

    With ordered=False the history's canonical order is not computed (a
    caller that does not replay these events, such as merge, needs none).
    With targets=True the scan also notes each node target's last event
    read (`targets`, for last_events.py).
    """
    read = ReadTargets() if targets else None
    scan = scan_log(db, targets=read)
    chain = scan.chain
    if not chain.ok:
        return CheckedLog(_fail(chain.reason, chain.first_bad_uuid, events=chain.checked))
    if scan.missing_seq is not None:
        # AUTOINCREMENT numbers are only consumed by committed inserts, and rows are never deleted.
        return CheckedLog(_fail(f"event seq {scan.missing_seq} is missing from the log (events were deleted)",
                                events=chain.checked))  # fmt: skip
    events = scan.events
    try:
        history = History.build(events) if ordered else build_lazily(events)  # (index, seen: when read)
    except HistoryError as exc:
        return CheckedLog(_fail(str(exc), exc.uuid, events=len(events)))
    counts = {"events": len(events), "origins": len(history.chains)}
    signatures = check_signatures(events, roster)
    extra = {"unsigned": signatures.unsigned, "keys": _key_lines(signatures), "roster": roster is not None}
    if not signatures.ok:
        return CheckedLog(_fail(signatures.reason, signatures.first_bad_uuid, **counts, **extra), history, events)
    merges = [events[row] for row in positions_of(list(map(_ACTION, events)), MERGE_ACTION)]
    stray = _uncovered(merges, history, audit.workspace_uuid(db))
    if stray is not None:
        return CheckedLog(_fail(f"event {stray.seq} of workspace {stray.origin} is here without a merge that "
                                "brought it (copied in from another file)", stray.uuid, **counts, **extra),
                          history, events)  # fmt: skip
    for event in merges:
        recorded = (event.after or {}).get("heads", {}) if isinstance(event.after, dict) else {}
        for origin, count in merge_heads(event).items():
            chain_of = history.chains.get(origin, [])
            if count > len(chain_of) or recorded[origin].get("hash") != history.events[chain_of[count - 1]].hash:
                return CheckedLog(_fail(f"merge event {event.seq} records a head of workspace {origin} that is "
                                        "not in the log", event.uuid, **counts), history, events)  # fmt: skip
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [name for name in TRIGGERS if name not in present]
    if missing:
        return CheckedLog(_fail(f"the append-only trigger {missing[0]} is missing: the log could have been "
                                "edited", **counts), history, events)  # fmt: skip
    return CheckedLog(VerifyReport(True, **counts, **extra), history, events, read)


def _verify(db: sqlite_utils.Database, roster: Roster | None = None) -> VerifyReport:
    ahead = state_ahead.start(db)  # the node comparison, beside the scan (state_ahead.py)
    try:
        return _verify_with(db, roster, ahead)
    finally:
        if ahead is not None:
            ahead.cancel()


def _nodes_equal(db: sqlite_utils.Database, quick: Replayed, ahead: StateAhead | None, as_read: bool) -> bool:
    """nodes_match's answer, taken from the comparison run ahead where it stands for it (state_ahead.py).

    `as_read`: every node target's last event is the one the scan read last (its highest seq).
    """
    if ahead is not None:
        if as_read and ahead.equal(len(quick.node_last), lambda: _last_seqs(quick)):
            return True
        ahead.cancel()  # (not taken: its thread would only slow nodes_match)
    return nodes_match(db, quick)


def _last_seqs(quick: Replayed) -> Iterator[int]:
    """The seq of each node target's last event, as the scan found them."""
    events = quick.history.events
    return (events[uuid].seq for uuid in quick.node_last.values())


def _verify_with(db: sqlite_utils.Database, roster: Roster | None, ahead: StateAhead | None) -> VerifyReport:
    log = check_log(db, roster, ordered=False, targets=True)
    if not log.report.ok:
        return log.report
    history = log.history
    assert history is not None
    extra = {"unsigned": log.report.unsigned, "keys": log.report.keys, "roster": log.report.roster}
    counts = {"events": log.report.events, "origins": log.report.origins}
    # The quick answer first: each target's last event found without the canonical order
    # (last_events.py), node values compared in SQL (state_sql.py).  Only when it finds no
    # difference is it taken; otherwise the comparison below, in Python, names the first mismatch.
    read = log.targets
    quick = last_events(history, log.events, read)
    as_read = read is not None and read.complete and not read.replaced
    log.targets = read = None  # (its dicts are quick's now: freed with it)
    plans, departments = read_plans(db), read_departments(db)
    if (plans == set(quick.plans) and not department_differences(quick, TableState(departments=departments))
            and _nodes_equal(db, quick, ahead, as_read)):  # fmt: skip
        counts["plans"] = len(plans)
        counts["targets"] = len(quick.node_last) + len(set(quick.departments) | set(departments))
        return VerifyReport(True, **counts, **extra)
    del quick
    if ahead is not None:
        ahead.cancel()  # (its answer is not needed now: its thread would only slow the comparison below)
    history.ensure_order()
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
        target = f"department {names.get(uid) or '(unnamed)'}"
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
        return _fail(reason, uuid, target, **counts, **extra)
    return VerifyReport(True, **counts, **extra)


def _short(value: object) -> str:
    if isinstance(value, tuple):
        value = ", ".join(":".join(map(str, v)) if isinstance(v, tuple) else str(v) for v in value) or "nothing"
    text = str(value) or "nothing"
    return repr(text if len(text) <= 60 else text[:57] + "...")
