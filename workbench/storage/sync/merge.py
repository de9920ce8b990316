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

What is replayed: only the targets whose value or disputes the merge can
change, i.e. the nodes the incoming events touch and those our own events
touched since the conflicts table was last synced, and every department
(merge_replay.py says why that equals the full replay; merge_ahead.py reads
our events there and every value, on a thread, while their rows are copied,
and the values of their new events already while their log is checked;
causal.py answers the causal questions from SQLite's indexes; merge_state.py
and merge_conflicts.py write the rows of those targets only).  The full
replay (replay.py: every event decoded, every state row compared) runs
instead where that could differ: a file whose conflicts table is not known to
be up to date (no stamp, and two workspaces wrote targets), a value of a
shape the repository never writes, a value naming a node, department or
indicator this workspace lacks (the full replay's write_state refuses it
with its own message), or a caller's transaction already open.

Because the state is a function of the *set* of events (canonical order,
replay.py), merging the same file twice changes nothing (no new events, no
merge event), and merging A then B leaves the same state and open conflicts as
B then A.

OTHER is only read, and nothing is created beside it (readonly.py), so it may
sit on write-protected media.  Its log is read once (audit_chain.scan_log):
every event row is checked, and its new rows are then copied as they are
stored, inside SQLite where it can (merge_copy.py), from its table, never
through its indexes.  SQLite's quick_check is not run on OTHER: merge takes
nothing but event rows and reads every one of them, and a damaged page is
refused with one line naming the file.

A merge that brings nothing new writes nothing.  One that brings only merge
events (the other reviewer merged our work and did nothing else) inserts them
without a merge event of its own, so two reviewers syncing back and forth
end with files holding the same events.

Refused before anything is written (WorkspaceError / MergeError; the checks
are in merge_checks.py):
* OTHER is not a healthy workspace (the checks of open_workspace but
  quick_check; a damaged page of its log is found while reading it), or its
  log does not pass `audit verify` (hash chains, seq gaps, signatures, keys on
  the roster when one is kept, events copied in, heads recorded by its merges,
  the append-only triggers): the message names the first bad event.  OTHER's
  state tables are not compared with the replay of its events, as `audit
  verify` does: merge takes events only and makes this workspace's state the
  replay of all events, so OTHER's state rows never reach it;
* OTHER holds no plan, or none of this workspace's plans (a different plan);
* OTHER also holds a plan this workspace lacks: its events about that plan
  cannot be left out (they belong to hash chains), so import that plan
  document here first, then merge again;
* the histories of one origin diverge, or the united departments would give
  two departments one name (both reviewers added the same name).
A backup of this workspace is taken just before the first write.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_lean import gc_paused, lean_events
from workbench.storage.files import checkpoint
from workbench.storage.backups.background import MergeBackup
from workbench.storage.files.backup import KEEP
from workbench.storage.disputes.conflicts import sync_conflicts
from workbench.storage.disputes.sync import synced_seq
from workbench.storage.errors import WorkspaceDamaged, WorkspaceError
from workbench.storage.sync.merge_checks import (
    MergeError, check_department_names, check_plans, counts, hash_at, incoming_events, seq_at, verified, wanted_counts,
)
from workbench.storage.sync.merge_copy import CopyError, attached, copy_rows, record_new_authors
from workbench.storage.audit.history import MERGE_ACTION, MERGE_SUBJECT, HistoryError
from workbench.storage.files.readonly import open_source
from workbench.storage.audit.replay import NODE_SUBJECTS, replay
from workbench.storage.signing.roster import Roster, load_roster
from workbench.storage.state.state_tables import write_state
from workbench.storage.sync.merge_conflicts import conflict_changes, sync_touched
from workbench.storage.sync.causal import Causal
from workbench.storage.sync.merge_ahead import Early, Plan, plan_targets, read_ahead
from workbench.storage.sync.merge_replay import TEMP_TABLES, touched_replay
from workbench.storage.sync.merge_state import stage_touched, write_staged


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


_PROFILE = object()  # roster default: the one in the merging reviewer's profile, if any


@gc_paused()
def merge_workspace(
    db: sqlite_utils.Database,
    other: Path,
    *,
    reviewer: Reviewer,
    reason: str | None = None,
    backup: bool = True,
    keep: int = KEEP,
    roster: Roster | None | object = _PROFILE,
) -> MergeResult:
    """Merge the workspace file `other` into the open workspace `db` (see the module docstring).

    `other` is only read (open_source: nothing is created beside it).  It must
    pass `verify` completely, with `roster` (default: the profile's roster).
    """
    started = time.perf_counter()
    other = Path(other)
    if roster is _PROFILE:
        roster = load_roster()
    # No quick_check of OTHER: merge takes nothing but its event rows, and reads and checks every one of
    # them (verified); a damaged page surfaces there as a refusal naming the file.
    theirs_db = open_source(other, quick_check=False)
    early_pool, early, copying, copy, committed = ThreadPoolExecutor(1), None, None, None, []
    try:
        try:
            their_uuid = audit.workspace_uuid(theirs_db)
            their_plans = {row[0]: row[1] for row in theirs_db.execute("SELECT sha256, title FROM plans")}
            check_plans(db, other, their_plans)
            try:  # a first look through their (origin, seq) index: cheap when nothing is new
                wanted = wanted_counts(db, counts(theirs_db), lambda o, i: hash_at(theirs_db, o, i),
                                 audit.workspace_uuid(db), other)  # fmt: skip
            except MergeError:
                verified(theirs_db, other, roster)  # a forged event explains a diverged history better
                raise
            if not wanted:  # nothing would be taken from it: no need to verify it
                return MergeResult(their_uuid, 0, None, None, seconds=time.perf_counter() - started)
        except sqlite3.DatabaseError as exc:
            raise _unreadable(other, exc) from exc
        # The copy before the merge is pinned, and the values of their new events are read (merge_ahead.Early),
        # while their log is checked; the copy starts once Early is done (_then_copy).
        if backup:
            copying = MergeBackup.pin_for(db.conn, database_path(db), other.name, start=False)
        pinned = [copying]
        try:
            early = Early(theirs_db.uri, {origin: seq_at(theirs_db, origin, held - 1) if held else 0
                                          for origin, held in wanted.items()})  # fmt: skip
            early_run = early, early_pool.submit(_then_copy, early, pinned)
            log = verified(theirs_db, other, roster)
        except sqlite3.DatabaseError as exc:
            raise _unreadable(other, exc) from exc
        incoming, after, heads = incoming_events(db, log, other)
        only_merges = all(event.action == MERGE_ACTION for event in incoming)
        del log  # their history: only the incoming events are needed from here on
        # The read-ahead thread reads what is committed: not what a caller's open transaction wrote.
        ours_uri = _read_only_uri(db)
        targeted = not FULL_REPLAY and not db.conn.in_transaction and ours_uri is not None
        main_file = db.execute("PRAGMA database_list").fetchone()[2] or None
        # The checkpoint of a large merge (170 MB copied once more for 100k events) runs after its commit, on
        # a thread; a small one's is cheap and stays where SQLite does it, in COMMIT.
        deferred = Path(main_file) if main_file and len(incoming) >= DEFERRED_CHECKPOINT else None
        with checkpoint.deferred(db.conn, deferred), ThreadPoolExecutor(1) as pool, \
                attached(db, theirs_db.uri) as schema, _page_cache(db), _on_commit(committed), db.atomic():  # fmt: skip
            if copying is not None:  # exactly the state this transaction begins with
                copying = pinned[0] = copying.confirm(db.conn, other.name)
            (last_before,) = db.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()
            stamp = _up_to_date_until(db, last_before) if targeted else None
            plan = None if stamp is None else plan_targets(db.conn, incoming, last_before, stamp)
            count = len(incoming)
            del incoming  # their events: the plan keeps what the replay needs of them
            # Our events on the touched targets and the values there are read on a thread while the rows copy.
            ahead = None if plan is None else pool.submit(read_ahead, plan, ours_uri, theirs_db.uri, early_run)
            try:
                new, first_seq = copy_rows(db, theirs_db.conn, schema, after, count)
            except sqlite3.IntegrityError as exc:
                raise MergeError(f"{other}: an event appears in two histories ({exc}); nothing merged") from exc
            except CopyError as exc:  # their file changed under us (it was open in the workbench)
                raise MergeError(f"{other} changed while it was being merged ({exc}); nothing merged") from exc
            if copying is not None:  # (a copy pinned again by confirm starts here)
                copying.start()
            record_new_authors(db)
            merge_uuid = None
            if not only_merges:  # bookkeeping alone (their merge of our events) needs no merge of ours
                merge_uuid = audit.append_event(
                    db, reviewer=reviewer, action=MERGE_ACTION, subject=MERGE_SUBJECT,
                    after={"workspace": their_uuid, "file": other.name, "events": new, "heads": heads},
                    reason=reason,
                ).uuid  # fmt: skip
            try:
                done = None if ahead is None else _targeted(db, plan, ahead, first_seq, other)
                if done is None:  # the full replay (see the module docstring)
                    state = replay(list(lean_events(db)))
            except HistoryError as exc:
                raise MergeError(f"{other}: its history is inconsistent with ours ({exc}); nothing merged") from exc
            if done is None:
                check_department_names(state.departments, other)
                done = len(write_state(db, state)), sync_conflicts(db, state)
                del state
            changed, new_conflicts = done
            open_count = int(db.execute("SELECT count(*) FROM conflicts WHERE status = 'open'").fetchone()[0])
            if copying is not None:
                copying.ready()  # (its error, a full disk: nothing merged)
        copy = copying.kept() if copying is not None else None  # (pruning waits for the commit: it can fail)
    finally:
        if copying is not None and not committed:  # refused: the copy goes
            copying.discard()
        if early is not None:
            early.cancel()  # (a refusal: it stops at once; otherwise it is done)
        early_pool.shutdown()
        if early is not None:
            early.close()  # (its values were not taken: a refusal, the full replay)
        theirs_db.close()
    return MergeResult(
        their_uuid, new, merge_uuid, copy, changed, tuple(new_conflicts), open_count,
        time.perf_counter() - started, heads,
    )  # fmt: skip


def _then_copy(early: Early, pinned: list[MergeBackup | None]) -> None:
    """Early's read, then the copy before the merge (pinned[0]) starts on a thread of its own.  The check of
    their log is Python, on one core; Early's SQL takes the other at first, then the copy does.  Started
    earlier, the copy slowed both; started after the rows are copied, it left that core idle meanwhile."""
    try:
        early.run()
    finally:
        if pinned[0] is not None:
            with contextlib.suppress(RuntimeError):  # no thread to be had: not Early's failure; the merge
                pinned[0].start()  # starts the copy after the rows are copied, and refuses there if it cannot


def _unreadable(other: Path, exc: sqlite3.DatabaseError) -> WorkspaceError:
    """The refusal for an error reading OTHER."""
    if isinstance(exc, sqlite3.OperationalError):
        return WorkspaceError(f"{other} cannot be read: {exc}; nothing merged")
    return WorkspaceDamaged(f"{other} is damaged: {exc}; nothing merged", other)


@contextlib.contextmanager
def _on_commit(committed: list[bool]) -> Iterator[None]:
    """Around db.atomic(): `committed` says True once its COMMIT returned (the blocks around it, e.g. the
    checkpoint thread's start, can still fail after it: the copy of a committed merge stays)."""
    yield
    committed.append(True)


@contextlib.contextmanager
def _page_cache(db: sqlite_utils.Database, mb: int = 64) -> Iterator[None]:
    """A larger page cache for the merge's transaction: its index inserts (events, conflicts, state rows) land
    at random places, and pages the default 8 MB cache spills mid-transaction are written twice."""
    (cache,) = db.execute("PRAGMA main.cache_size").fetchone()
    db.execute(f"PRAGMA main.cache_size = {-1024 * mb}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA main.cache_size = {int(cache)}")


DEFERRED_CHECKPOINT = 2000  # incoming events (about 1,000 pages of -wal, SQLite's automatic checkpoint)
FULL_REPLAY = False  # tests set it to compare the targeted replay with the full one


def _up_to_date_until(db: sqlite_utils.Database, last_before: int) -> int | None:
    """The seq up to which the conflicts table is known to equal the replay (its stamp), or None: unknown.

    A file from before the stamp whose conflicts table is empty is up to date when at most one workspace
    wrote targets: no two events on a target can then be concurrent, so there is no dispute to find.
    """
    stamp = synced_seq(db)
    if stamp is not None:
        return stamp
    if db.execute("SELECT 1 FROM conflicts LIMIT 1").fetchone():
        return None
    writers = 0
    for origin in counts(db):  # through the (origin, seq) index, stopping at each origin's first target event
        writers += bool(db.execute(
            "SELECT 1 FROM events WHERE origin = ? AND seq <= ? AND ((subject IN (SELECT value FROM json_each(?)) "
            "AND plan_sha256 IS NOT NULL AND node_key IS NOT NULL) OR (subject = 'department' AND "
            "coalesce(department_uid, '') != '')) LIMIT 1", [origin, last_before, json.dumps(NODE_SUBJECTS)]
        ).fetchone())  # fmt: skip
    return last_before if writers < 2 else None


def _targeted(db: sqlite_utils.Database, plan: Plan, ahead: Future, first_seq: int,
              other: Path) -> tuple[int, list[int]] | None:  # fmt: skip
    """Replay, write and sync only what the merge can have changed (merge_replay.py); None where that could
    differ from the full replay (nothing of the nodes or conflicts written then)."""
    try:
        causal = Causal(db.conn)  # (the merged log's order, read while the read-ahead may still run)
        try:
            read = ahead.result()
        except sqlite3.Error:  # malformed JSON in an `after` (json_type stops on it), a file it could not read
            return None
        touched = touched_replay(db.conn, plan, read, first_seq, causal)
        if touched is None:
            return None
        assert touched.departments is not None
        check_department_names(touched.departments.departments, other)
        changed = stage_touched(db, touched, read.node_ids)
        if changed is None:
            return None
        # The disputes are found (Python) on a thread while the state rows are written (SQL holding no GIL).
        with ThreadPoolExecutor(1) as pool:
            found = pool.submit(conflict_changes, touched, read.conflict_rows)
            written = not changed or write_staged(db)
            changes = found.result()
        if not written:
            return None
        (covered,) = db.execute("SELECT max(seq) FROM events").fetchone()
        return changed, sync_touched(db, touched, int(covered), changes)
    finally:
        for name in TEMP_TABLES:
            db.execute(f"DROP TABLE IF EXISTS temp.{name}")


def _read_only_uri(db: sqlite_utils.Database) -> str | None:
    """A read-only URI of this workspace's file (None: it has none, e.g. in memory)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]).resolve().as_uri() + "?mode=ro" if row and row[2] else None


__all__ = ["MergeError", "MergeResult", "WorkspaceError", "merge_workspace"]
