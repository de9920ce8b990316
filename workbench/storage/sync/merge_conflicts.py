"""The conflicts table brought up to date after a merge's targeted replay (merge_replay.py).

disputes/sync.py `_from_replay` compares every row of the table with a full
replay.  The rows of targets the merge did not touch cannot have changed
(merge_replay.py says why), so only the rows on the touched node targets and
on departments are compared here, with the same rules: a new disagreement is
inserted as open (in canonical order of side B, then side A: ids follow it;
one executemany), an open one whose target now shows the other side is
turned round, and an open one no longer found is closed, naming the event
that ended it (sync._how_it_ended, on a History view of the events on its
target).  Then the stamp says the table is up to date with every event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import SimpleNamespace

import sqlite_utils

from workbench.storage.disputes.records import conflict_ref
from workbench.storage.disputes.sync import RESOLUTION, Target, _fill_refs, _how_it_ended, _set_stamp
from workbench.storage.sync.merge_replay import Touched, department_events, node_conflicts

_INSERT = ("INSERT INTO conflicts (subject, plan_sha256, node_key, department_uid, kind, side_a_uuid, side_b_uuid, "
           "status, detected_at, ref) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)")  # fmt: skip


@dataclass
class ConflictChanges:
    """What sync_touched writes: made by conflict_changes, in Python alone (merge.py runs it on a thread while
    the state rows are written)."""

    inserts: list[tuple] = field(default_factory=list)  # new disputes, in canonical order
    turned: list[tuple[str, str, str, int]] = field(default_factory=list)  # (side A, side B, kind, id)
    still: dict[Target, list[tuple[str, str]]] = field(default_factory=dict)  # target -> its open pairs
    ended: list[tuple[tuple[str, str], tuple[int, str, str, Target]]] = field(default_factory=list)


def conflict_changes(touched: Touched, existing: list[tuple]) -> ConflictChanges:
    """The touched targets' disputes (node_conflicts, then every one found) against the rows `existing` (the
    conflict rows on the touched nodes and on departments: merge_ahead.Ahead.conflict_rows)."""
    node_conflicts(touched)
    node_targets = {touched.target(t) for t in touched.targets}
    rows: dict[tuple[str, ...], tuple[int, str, str, Target]] = {}
    for i, a, b, status, subject, sha, key, uid in existing:
        if subject == "department" or (subject, sha, key) in node_targets:
            rows[tuple(sorted((a, b)))] = (i, a, status, (subject, sha, key, uid))
    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    changes = ConflictChanges()
    inserts, still = changes.inserts, changes.still
    for _, _, c in touched.conflicts:
        pair = (c.side_a, c.side_b) if c.side_a < c.side_b else (c.side_b, c.side_a)
        still.setdefault((c.subject, c.plan_sha256, c.node_key, c.department_uid), []).append(pair)
        if pair not in rows:
            inserts.append((c.subject, c.plan_sha256, c.node_key, c.department_uid, c.kind, c.side_a, c.side_b, now,
                            conflict_ref(c.side_a, c.side_b)))  # fmt: skip
        elif rows[pair][1] != c.side_a and rows[pair][2] == "open":  # the target now shows the other side
            changes.turned.append((c.side_a, c.side_b, c.kind, rows[pair][0]))
    open_pairs = {pair for pairs in still.values() for pair in pairs}
    changes.ended = [(pair, row) for pair, row in rows.items() if row[2] == "open" and pair not in open_pairs]
    return changes


def sync_touched(db: sqlite_utils.Database, touched: Touched, covered: int, changes: ConflictChanges) -> list[int]:
    """Write `changes` (caller's transaction); return the ids of new conflicts."""
    conn = db.conn
    conn.executemany("UPDATE conflicts SET side_a_uuid = ?, side_b_uuid = ?, kind = ? WHERE id = ?", changes.turned)
    (first,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM conflicts").fetchone()
    conn.executemany(_INSERT, changes.inserts)
    new = list(range(int(first), int(first) + len(changes.inserts)))  # INTEGER PRIMARY KEY: max + 1 per insert
    ended, still = changes.ended, changes.still
    if ended:
        state = _ended_state(db, touched, {row[3] for _, row in ended}, {side for pair, _ in ended for side in pair})
        for pair, (conflict_id, _a, _status, target) in ended:
            ender, saw_both, continued = _how_it_ended(state, target, pair,  # type: ignore[arg-type]
                                                       still.get(target, []))  # fmt: skip
            resolved = ender is not None and saw_both and state.history.events[ender].action == RESOLUTION
            conn.execute("UPDATE conflicts SET status = ?, resolution_uuid = ?, continued_by = ? WHERE id = ?",
                         ["resolved" if resolved else "superseded", ender, continued, conflict_id])  # fmt: skip
    _fill_refs(db)
    _set_stamp(db, covered)
    return new


def _ended_state(db: sqlite_utils.Database, touched: Touched, targets: set[Target],
                 sides: set[str]) -> SimpleNamespace:  # fmt: skip
    """What sync._how_it_ended reads of a replay, for the targets of disputes that ended: every event on them
    (in canonical order) and the disputes' sides in one History view, with the departments' replay."""
    departments = touched.departments
    assert departments is not None
    events = department_events(db.conn)
    nodes = sorted({(subject, sha, key) for subject, sha, key, _ in targets if subject != "department"})
    for subject, sha, key in nodes:
        events += department_events(db.conn, "plan_sha256 = ? AND node_key = ? AND subject = ?", (sha, key, subject))
    held = {event.uuid for event in events}
    events += department_events(db.conn, "uuid IN (SELECT value FROM json_each(?))", (json.dumps(sorted(sides - held)),))
    view = touched.causal.view(events)
    node_events: dict[tuple[str, str, str], list[str]] = {}
    node_last: dict[tuple[str, str, str], str] = {}
    for event in sorted(events, key=lambda e: view.position[e.uuid]):
        if event.uuid in held and event.subject != "department" and event.subject != "departments":
            node_events.setdefault((event.subject, event.plan_sha256, event.node_key), []).append(event.uuid)
            node_last[(event.subject, event.plan_sha256, event.node_key)] = event.uuid
    shown = {touched.target(t): seq for t, seq in touched.targets.items()}
    seq_uuid = {e.seq: e.uuid for e in events}
    node_last.update({target: seq_uuid[shown[target]] for target in node_events if shown.get(target) in seq_uuid})
    return SimpleNamespace(history=view, node_events=node_events, node_last=node_last,
                           department_events=departments.department_events,
                           department_last=departments.department_last)  # fmt: skip
