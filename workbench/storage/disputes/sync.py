"""Bringing the conflicts table up to date with the events, at the cost of what changed.

Which conflicts exist is a function of the events (replay.Replayed.conflicts),
and replaying a city's 350,000 events takes seconds.  But only events from
another reviewer's workspace (a merge) can open a dispute or change its
sides.  An event written in this workspace was written after everything the
file held, so its author saw every side on its target: it closes every open
dispute there (resolved when it is a conflict_resolution, else superseded),
exactly as a full replay would find.

So `meta.conflicts_synced_seq` records the last event the table is up to date
with.  A sync then reads only the events after it: when all of them are this
workspace's own, it applies them target by target (an indexed UPDATE per
disputed target); when any came from elsewhere, or the stamp is missing (a
file from before the stamp), it replays everything, as merge does anyway.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit_lean import lean_events
from workbench.storage.audit.replay import NODE_SUBJECTS, Replayed, replay
from workbench.storage.disputes.records import conflict_ref

STAMP_KEY = "conflicts_synced_seq"
RESOLUTION = "conflict_resolution"
BULK = 500  # targets touched since the last sync above which the open disputes are read once, not per target

Target = tuple[str, str | None, str | None, str | None]  # (subject, plan sha256, node key, department uid)


def synced_seq(db: sqlite_utils.Database) -> int | None:
    """The last event seq the conflicts table is up to date with (None: unknown, replay needed)."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [STAMP_KEY]).fetchone()
    return int(row[0]) if row else None


def _set_stamp(db: sqlite_utils.Database, seq: int) -> None:
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
               [STAMP_KEY, str(seq)])  # fmt: skip


def needs_replay(db: sqlite_utils.Database) -> bool:
    """True when the next sync must replay every event (events from elsewhere since the stamp, or no stamp)."""
    return _local_tail(db) is None


def sync_conflicts(db: sqlite_utils.Database, replayed: Replayed | None = None) -> list[int]:
    """Update the table from the events (caller's transaction or its own); return ids of new conflicts.

    `replayed` (merge passes the replay it made) must cover every event in the file.  A replay this
    makes itself reads the events before the write transaction begins (one consistent read), so a
    worker thread may run it while the window goes on writing; the write lock is held only to apply it.
    """
    if replayed is None:
        with db.atomic():
            tail = _local_tail(db)
            if tail is not None:
                _apply_own_events(db, *tail)
                _fill_refs(db)
                return []
        replayed = replay(list(lean_events(db)))
    detected = replayed.conflicts()
    covered = max((e.seq for e in replayed.history.events.values()), default=0)
    with db.atomic():
        stamp = synced_seq(db)
        tail = _local_tail(db) if stamp is not None and stamp >= covered else None
        if tail is not None:  # synced past this replay meanwhile: only what came after
            _apply_own_events(db, *tail)
            _fill_refs(db)
            return []
        new = _from_replay(db, replayed, detected)
        _fill_refs(db)
        _set_stamp(db, covered)
        tail = _local_tail(db)  # this workspace's events written after the replay read them
        if tail is None:  # events from elsewhere arrived meanwhile: replay again (rare)
            state = replay(list(lean_events(db)))
            new += _from_replay(db, state, state.conflicts())
            _fill_refs(db)
            _set_stamp(db, max((e.seq for e in state.history.events.values()), default=0))
        else:
            _apply_own_events(db, *tail)
    return new


def _local_tail(db: sqlite_utils.Database) -> tuple[list[tuple], int] | None:
    """This workspace's own events after the stamp (seq order) and the seq they reach; None when a
    replay is needed.  Reads only."""
    stamp = synced_seq(db)
    if stamp is None:
        return _single_origin(db)
    own = audit.workspace_uuid(db)
    rows = db.execute(
        "SELECT seq, uuid, origin, action, subject, plan_sha256, node_key, department_uid FROM events "
        "WHERE seq > ? ORDER BY seq", [stamp]
    ).fetchall()  # fmt: skip
    if any(row[2] != own for row in rows):
        return None
    return rows, int(rows[-1][0]) if rows else stamp


def _single_origin(db: sqlite_utils.Database) -> tuple[list[tuple], int] | None:
    """A file from before the stamp that never held another workspace's events has no dispute to find."""
    origins = db.execute("SELECT DISTINCT origin FROM events LIMIT 2").fetchall()  # the (origin, seq) index
    if len(origins) > 1 or db.execute("SELECT 1 FROM conflicts WHERE status = 'open' LIMIT 1").fetchone():
        return None
    return [], int(db.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0])


def _event_target(subject: str, sha: str | None, key: str | None, uid: str | None) -> Target | None:
    """The target replay files an event under (None: the event is on no disputable target)."""
    if subject in NODE_SUBJECTS and sha is not None and key is not None:
        return (subject, sha, key, None)
    if subject == "department" and uid:
        return ("department", None, None, uid)
    return None


def _apply_own_events(db: sqlite_utils.Database, tail: list[tuple], upto: int) -> None:
    """Close the open disputes on every target this workspace's new events touched; advance the stamp."""
    if upto != synced_seq(db):
        _set_stamp(db, upto)
    if not tail:
        return
    last: dict[Target, tuple[str, str]] = {}
    for _seq, uuid, _origin, action, subject, sha, key, uid in tail:
        target = _event_target(subject, sha, key, uid)
        if target is not None:
            last[target] = (uuid, action)  # the last one on the target decides how the disputes there ended
    if len(last) > BULK:  # many targets (a long session): keep those disputed, known from one read of the open ones
        disputed = {_event_target(*row) for row in db.execute(
            "SELECT DISTINCT subject, plan_sha256, node_key, department_uid FROM conflicts WHERE status = 'open'")}
        last = {target: event for target, event in last.items() if target in disputed}
    for (subject, sha, key, uid), (uuid, action) in last.items():
        status = "resolved" if action == RESOLUTION else "superseded"
        if uid is not None:
            db.execute(CLOSE_DEPARTMENT_SQL, [status, uuid, uid])
        else:
            db.execute(CLOSE_NODE_SQL, [status, uuid, sha, key, subject])


# Each found through the (plan, key) and department indexes, not the status index (every open one).
CLOSE_NODE_SQL = ("UPDATE conflicts SET status = ?, resolution_uuid = ? WHERE plan_sha256 = ? AND node_key = ? "
                  "AND subject = ? AND status = 'open'")
CLOSE_DEPARTMENT_SQL = ("UPDATE conflicts SET status = ?, resolution_uuid = ? WHERE department_uid = ? "
                        "AND subject = 'department' AND status = 'open'")


def _fill_refs(db: sqlite_utils.Database) -> None:
    missing = db.execute("SELECT id, side_a_uuid, side_b_uuid FROM conflicts WHERE ref IS NULL").fetchall()
    for conflict_id, a, b in missing:
        db.execute("UPDATE conflicts SET ref = ? WHERE id = ?", [conflict_ref(a, b), conflict_id])


def _from_replay(db: sqlite_utils.Database, state: Replayed, detected: list) -> list[int]:
    """The table made equal to what the replay finds; return ids of new conflicts.

    New disagreements are added as 'open'; an open one that no longer shows up
    becomes 'resolved' or 'superseded', naming the last event on its target,
    and, when the target is still disputed, the pair that carries it on.
    """
    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    # A dispute is its two events, whichever of them the target shows (that may change as events arrive).
    rows = {tuple(sorted((a, b))): (i, a, status, (subject, sha, key, uid)) for i, a, b, status, subject, sha, key, uid
            in db.execute("SELECT id, side_a_uuid, side_b_uuid, status, subject, plan_sha256, node_key, "
                          "department_uid FROM conflicts")}  # fmt: skip
    new: list[int] = []
    still: dict[Target, list[tuple[str, str]]] = {}  # target -> its open pairs
    for c in detected:
        pair = tuple(sorted((c.side_a, c.side_b)))
        still.setdefault((c.subject, c.plan_sha256, c.node_key, c.department_uid), []).append(pair)
        if pair not in rows:
            cursor = db.execute(
                "INSERT INTO conflicts (subject, plan_sha256, node_key, department_uid, kind, side_a_uuid, "
                "side_b_uuid, status, detected_at, ref) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                [c.subject, c.plan_sha256, c.node_key, c.department_uid, c.kind, c.side_a, c.side_b, now,
                 conflict_ref(c.side_a, c.side_b)],
            )
            new.append(int(cursor.lastrowid or 0))
        elif rows[pair][1] != c.side_a and rows[pair][2] == "open":  # the target now shows the other side
            db.execute("UPDATE conflicts SET side_a_uuid = ?, side_b_uuid = ?, kind = ? WHERE id = ?",
                       [c.side_a, c.side_b, c.kind, rows[pair][0]])
    open_pairs = {pair for pairs in still.values() for pair in pairs}
    for pair, (conflict_id, _a, status, target) in rows.items():
        if status == "open" and pair not in open_pairs:
            ender, saw_both, continued = _how_it_ended(state, target, pair, still.get(target, []))
            # Resolved in another workspace and merged in (by a decision that saw both), or overtaken by a later edit.
            resolved = ender is not None and saw_both and state.history.events[ender].action == RESOLUTION
            db.execute(
                "UPDATE conflicts SET status = ?, resolution_uuid = ?, continued_by = ? WHERE id = ?",
                ["resolved" if resolved else "superseded", ender, continued, conflict_id],
            )  # fmt: skip
    return new


def _how_it_ended(state: Replayed, target: Target, pair: tuple[str, ...],
                  open_pairs: list[tuple[str, str]]) -> tuple[str | None, bool, str | None]:
    """The event that ended a dispute no longer found, whether it saw both sides, and the open pair
    that carries the dispute on (if any).

    The ender is the last event on the target that saw both sides (an edit or
    a decision made knowing both); failing that (a third reviewer's edit that
    saw only one side and replaced it), the event that replaced a side.  The
    dispute goes on when an open pair on the target holds the ender: the pair
    that keeps one of the old sides is named first.
    """
    subject, sha, key, uid = target
    history = state.history
    uuids = state.department_events.get(uid or "", []) if subject == "department" else \
        state.node_events.get((subject, sha, key), [])  # fmt: skip
    later = [u for u in uuids if u not in pair and any(history.happened_before(side, u) for side in pair)]
    saw_both = [u for u in later if all(history.happened_before(side, u) for side in pair)]
    chosen = saw_both or later
    if not chosen:  # cannot happen for a consistent history; name the state's event as before
        last = state.department_last.get(uid or "") if subject == "department" else state.node_last.get((subject, sha, key))
        return last, True, None
    ender = max(chosen, key=history.position.__getitem__)
    carrying = [p for p in open_pairs if ender in p]
    if not carrying:
        return ender, bool(saw_both), None
    keeps = [p for p in carrying if set(p) & set(pair)]
    return ender, bool(saw_both), conflict_ref(*(keeps or carrying)[0])
