"""A merge's replay of only the targets that can have changed, from SQLite's indexes.

A full replay (replay.py) reads and decodes every event of the merged log:
about 4 s and hundreds of megabytes for a city's 350,000 events, where the
incoming 100,000 touch a fraction of the targets.  But a target's value and
its disputes are a function of the events *on that target* and of their
causal relation, never of the global canonical order (replay.py):

* a target written by one workspace shows its chain-last event;
* else, when one of the last events per origin happened after all the others,
  it is the last one in every order that respects causality: it is shown;
* else the target is disputed: its frontier (those last events no other one
  happened after) has two or more events, the one with the smallest hash is
  shown, and every two frontier events whose values differ are a conflict;
* adding events elsewhere changes neither which events are on a target nor
  who saw whom (new events only extend chains).

So a target no incoming event touches keeps its value and its open disputes.
The state tables equal the replay of the events before the merge (every
write keeps them so; `audit verify` checks it), and the conflicts table equals
it up to its stamp (disputes/sync.py): the targets of the incoming events and
of our events after the stamp are the only ones replayed here.  Per target,
only the last event of each origin is looked at (found through the (plan,
key) index); the causal questions go to causal.Causal; values are compared
as canonical text built by SQLite's JSON functions (merge_ahead.DIGEST, read
on a thread while the rows copy), so no event's `after` is decoded in
Python.  The global order is kept where it matters:
conflicts are listed by canonical position of side B, then side A (ids
follow it), and a closed dispute names the event History would name.

Departments are few: all of them are replayed (replay.py's code, on a History
view of their events).  `touched_replay` returns None where this replay could
differ from the full one (a value of a shape the SQL text does not mirror);
merge.py also keeps the full replay where the conflicts table is not known to
be up to date.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from workbench.storage.audit.audit_lean import KEEP_AFTER, LEAN_COLUMNS, LeanEvent, lean_maker
from workbench.storage.audit.replay import NODE_SUBJECTS, Replayed, _read_values, department_value
from workbench.storage.sync.causal import Causal
from workbench.storage.sync.merge_ahead import Ahead, Plan, Target

TEMP_TABLES = ("merge_nodes", "merge_changed")
DEFAULT_NORMS = {"assignments": "[]", "indicator_links": "[]", "review_status": "unreviewed"}
DEFAULT_NORMS.update({subject: "" for subject in NODE_SUBJECTS if subject not in DEFAULT_NORMS})


class _Found(NamedTuple):
    """replay.DetectedConflict's fields (a tuple: tens of thousands are made at once)."""

    subject: str
    plan_sha256: str | None
    node_key: str | None
    department_uid: str | None
    kind: str
    side_a: str
    side_b: str


@dataclass
class Touched:
    """What the targeted replay found (see the module docstring)."""

    causal: Causal
    nodes: list[tuple[str, str]]  # (plan sha256, node key) by node number
    targets: dict[Target, int] = field(default_factory=dict)  # -> seq of the event the target shows
    disputed: dict[Target, list[int]] = field(default_factory=dict)  # -> frontier seqs, canonical order
    norms: dict[int, str] = field(default_factory=dict)  # seq -> value as canonical text
    leads: dict[int, str | None] = field(default_factory=dict)  # seq -> first lead department (assignments)
    old: dict[Target, int] = field(default_factory=dict)  # -> seq of the event shown before the merge, if any
    old_disputed: dict[Target, list[int]] = field(default_factory=dict)  # (until read) its frontier, if disputed
    changed: list[Target] = field(default_factory=list)  # targets whose value the merge changes
    positions: dict[int, int] = field(default_factory=dict)  # seq -> canonical position, of frontier events
    events: dict[int, tuple[str, str]] = field(default_factory=dict)  # seq -> (uuid, hash), of the same
    departments: Replayed | None = None  # every department, replayed (its history: a view of their events)
    conflicts: list[tuple[int, int, Any]] = field(default_factory=list)  # (position B, A, conflict)

    def target(self, key: Target) -> tuple[str, str, str]:
        """(subject, plan sha256, node key) of a target."""
        sha, node_key = self.nodes[key[1]]
        return (key[0], sha, node_key)


def touched_replay(conn: sqlite3.Connection, plan: Plan, ahead: Ahead, first_seq: int,
                   causal: Causal | None = None) -> Touched | None:  # fmt: skip
    """Replay the targets of `plan` (merge_ahead.py) and every department, once the incoming events are in
    (under seq first_seq + i); the departments' disputes are found, the nodes' by node_conflicts.  None:
    replay everything instead.  `causal`: Causal(conn), if the caller made it already."""
    causal = causal or Causal(conn)
    touched = Touched(causal, plan.nodes)
    ours = ahead.ours
    last = dict(ours)  # our last event per origin on each target, and theirs after it (a new dict where both)
    for target, per_origin in plan.theirs.items():
        merged = dict(ours.get(target, ()))
        for origin, i in per_origin.items():
            merged[origin] = first_seq + i
        last[target] = merged
    old, frontier_of = touched.old, causal.frontier
    for target, per_origin in ours.items():  # the frontier of our events alone: what the tables show
        if len(per_origin) == 1:
            (old[target],) = per_origin.values()
            continue
        frontier = frontier_of(per_origin)
        if len(frontier) == 1:
            old[target] = frontier[0]
        else:
            touched.old_disputed[target] = frontier
    _frontiers(touched, last)
    _read_sides(touched, plan, ahead, first_seq)
    if not _values(touched, plan, ahead, first_seq):
        return None
    _changed(touched)
    touched.departments = _departments(conn, causal)
    for c in touched.departments.conflicts():
        position = touched.departments.history.position
        touched.conflicts.append((position[c.side_b], position[c.side_a], c))
    return touched


def node_conflicts(touched: Touched) -> None:
    """Add the disputes of the node targets to `touched.conflicts` and sort them all (canonical position of
    side B, then side A).  Python alone, on what touched_replay found: merge.py runs it on a thread while the
    state rows are written."""
    _node_conflicts(touched)
    touched.conflicts.sort(key=lambda found: found[:2])


def _frontiers(touched: Touched, last: dict[Target, dict[str, int]]) -> None:
    """Each target's shown event, or (disputed) its frontier: replay.Replayed.frontier_of, per target."""
    causal = touched.causal
    frontier_of, index, position = causal.frontier, causal.index, causal.position
    targets, disputed, positions = touched.targets, touched.disputed, touched.positions
    for target, per_origin in last.items():
        if len(per_origin) == 1:
            (targets[target],) = per_origin.values()
            continue
        frontier = frontier_of(per_origin)
        if len(frontier) == 1:
            targets[target] = frontier[0]
            continue
        for origin, seq in per_origin.items():
            if seq in frontier:
                positions[seq] = position(origin, index(origin, seq))
        frontier.sort(key=positions.__getitem__)
        disputed[target] = frontier


def _read_sides(touched: Touched, plan: Plan, ahead: Ahead, first_seq: int) -> None:
    """uuid and hash of every frontier event of a disputed target; then the shown one (smallest hash)."""
    events, sides, theirs, count = touched.events, ahead.sides, plan.their_sides, plan.count
    for seq in [*touched.positions, *(seq for seqs in touched.old_disputed.values() for seq in seqs)]:
        if 0 <= seq - first_seq < count:
            events[seq] = theirs[seq - first_seq]
        else:
            events[seq] = sides[seq]
    targets = touched.targets
    for target, seqs in touched.disputed.items():
        if len(seqs) == 2:
            first, second = seqs
            targets[target] = first if events[first][1] < events[second][1] else second
        else:
            targets[target] = min(seqs, key=lambda seq: events[seq][1])
    for target, seqs in touched.old_disputed.items():
        touched.old[target] = min(seqs, key=lambda seq: events[seq][1])


def _values(touched: Touched, plan: Plan, ahead: Ahead, first_seq: int) -> bool:
    """The canonical text (and lead) of every shown, frontier and previously shown event's value (read ahead);
    False when one has a shape that text does not mirror (the full replay then runs)."""
    norms, leads, count = touched.norms, touched.leads, plan.count
    ours, theirs = ahead.values, ahead.their_values

    def read(seq: int, subject: str) -> bool:
        if seq in norms:
            return True
        i = seq - first_seq
        packed = theirs.get(i) if 0 <= i < count else ours.get(seq)
        if packed is None:
            return False
        if subject == "assignments":
            packed, separator, lead = packed.partition("\x1f")
            if separator:
                leads[seq] = lead
        norms[seq] = packed
        return True

    for (subject, _), seqs in touched.disputed.items():
        for seq in seqs:
            if not read(seq, subject):
                return False
    for mapping in (touched.targets, touched.old):
        for (subject, _), seq in mapping.items():
            if not read(seq, subject):
                return False
    return True


def _changed(touched: Touched) -> None:
    """The targets whose shown value differs from the one the tables hold (that of the shown event before the
    merge: the tables equal the replay of the events before it), as write_state's node_differences."""
    norms, old = touched.norms, touched.old
    for target, seq in touched.targets.items():
        previous = old.get(target)
        if previous == seq:
            continue
        if norms[seq] != (norms[previous] if previous is not None else DEFAULT_NORMS[target[0]]):
            touched.changed.append(target)


def _kind(touched: Touched, subject: str, a: int, b: int) -> str:
    """replay._kind from the canonical texts (decoded only where leads agree)."""
    if subject == "assignments":
        if touched.leads.get(a) != touched.leads.get(b):
            return "lead"
        departments = [{d for d, _ in json.loads(touched.norms[s])} for s in (a, b)]
        return "tag" if departments[0] != departments[1] else subject
    if subject == "indicator_links" and set(json.loads(touched.norms[a])) != set(json.loads(touched.norms[b])):
        return "tag"
    return subject


def _node_conflicts(touched: Touched) -> None:
    """replay.Replayed.conflicts for the disputed node targets (with canonical positions for the order)."""
    events, norms, positions, found = touched.events, touched.norms, touched.positions, touched.conflicts
    for target, frontier in touched.disputed.items():
        shown = touched.targets[target]
        subject, sha, key = touched.target(target)
        for i, first in enumerate(frontier):
            for second in frontier[i + 1 :]:
                if norms[first] == norms[second]:
                    continue
                a, b = (second, first) if first == shown else (first, second)
                conflict = _Found(subject, sha, key, None, _kind(touched, subject, a, b), events[a][0], events[b][0])
                found.append((positions[b], positions[a], conflict))


def department_events(conn: sqlite3.Connection, where: str = "subject IN ('department', 'departments')",
                      params: tuple = ()) -> list[LeanEvent]:  # fmt: skip
    """Events as LeanEvents, in seq order, chosen by `where` (default: every department and registry event)."""
    lean = lean_maker(conn)
    return [lean(row) for row in conn.execute(f"SELECT {LEAN_COLUMNS} FROM events WHERE {where} ORDER BY seq",
                                              [*KEEP_AFTER, *params])]  # fmt: skip


def _departments(conn: sqlite3.Connection, causal: Causal) -> Replayed:
    """replay._walk and _read_values for departments only, over a History view of their events."""
    events = department_events(conn)
    view = causal.view(events)
    state = Replayed(view)
    base: dict[str, dict[str, Any]] = {}
    base_event: dict[str, str] = {}
    for event in sorted(events, key=lambda e: view.position[e.uuid]):
        if event.subject == "department" and event.department_uid:
            state.department_last[event.department_uid] = event.uuid
            state.department_events.setdefault(event.department_uid, []).append(event.uuid)
        elif event.subject == "departments":
            for record in event.after or ():
                uid = str(record.get("uid"))
                if uid not in base:
                    base[uid] = department_value(record)
                    base_event[uid] = event.uuid
    for uid, uuids in state.department_events.items():
        shown = state.shown_while_disputed(uid, uuids)
        if shown is not None:
            state.department_last[uid] = shown
    _read_values(state, base, base_event, nodes=False)
    return state
