"""Merging reviewers' workspaces: refusals, union of events, conflicts and their resolution, backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from workbench.storage.audit import audit
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files.backup import backup_on_open, backups
from workbench.storage.disputes.conflicts import list_conflicts, resolve_conflict
from workbench.storage.files.database import open_workspace
from workbench.storage.errors import StoreError, WorkspaceError
from workbench.storage.audit.history import History
from workbench.storage.sync.merge import MergeError, merge_workspace
from workbench.storage.repository import Repository
from workbench.storage.signing import Ed25519Signer
from workbench.storage.signing.roster import Member, Roster
from workbench.storage.state.state_tables import read_state

from .conftest import file_sha256, make_plan

LEADER = Reviewer("组长", "办公室")


def resolver(desk: Desk) -> Roster:
    """A roster that lets the key of `desk` resolve disputes (its reviewer acts as the lead here)."""
    roster = Roster(desk.signer.fingerprint, {})
    roster.add(Member(desk.signer.fingerprint, LEADER.name, resolve=True))
    return roster


class Desk:
    """One reviewer's workspace file, opened and closed per use like the CLI does."""

    def __init__(self, path: Path, registry: Path, who: Reviewer, plans=("",), signer=None) -> None:
        self.path = path
        self.signer = signer or Ed25519Signer.generate()  # each reviewer signs with a key of his own
        self.repo = Repository(open_workspace(path, registry=registry, signer=self.signer), who)
        for seed in plans:
            self.repo.import_plan(make_plan(seed=seed))
        self.clauses = [r[0] for r in self.repo.db.execute(
            "SELECT id FROM nodes WHERE kind = 'clause' AND key LIKE 'ch%' ORDER BY seq")]  # fmt: skip
        self.dept = {d.name: d.db_id for d in self.repo.departments(include_retired=True)}

    def lead(self, clause: int, name: str) -> None:
        self.repo.assign(node_id=self.clauses[clause], department_id=self.dept[name])

    def merge(self, other: Desk, **kw):
        return merge_workspace(self.repo.db, other.path, reviewer=LEADER, **kw)

    def leads(self, clause: int) -> list[tuple[str, str]]:
        return [(a.name, a.role) for a in self.repo.assignments(self.clauses[clause])]


@pytest.fixture
def desks(tmp_path: Path, registry_file: Path):
    made = []

    def make(name: str, who: str, **kw) -> Desk:
        desk = Desk(tmp_path / f"{name}.sqlite", registry_file, Reviewer(who, f"{who}的处室"), **kw)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.repo.db.close()


def test_disjoint_work_merges_without_conflict(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    b.lead(1, "市财政局")
    b.repo.set_note(node_id=b.clauses[1], text="李四的备注")
    result = a.merge(b)
    assert result.new_events == 6 and result.new_conflicts == () and result.backup is not None  # 4 + 2 key_publish
    assert a.leads(0) == [("市科技局", "lead")] and a.leads(1) == [("市财政局", "lead")]
    assert a.repo.note(a.clauses[1]).text == "李四的备注"
    assert verify(a.repo.db).ok
    merge = a.repo.events(action="merge")[-1]
    assert merge.after["events"] == 6 and merge.after["workspace"] == audit.workspace_uuid(b.repo.db)
    assert merge.after["heads"][audit.workspace_uuid(b.repo.db)]["hash"] == b.repo.head_hash()


def test_merging_twice_changes_nothing(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    a.merge(b)
    a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before, count = file_sha256(a.path), a.repo.event_count()
    again = a.merge(b)
    a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert again.new_events == 0 and again.merge_event is None and again.backup is None
    assert a.repo.event_count() == count and file_sha256(a.path) == before


def test_lead_conflict_is_kept_with_both_sides_and_resolved_by_an_event(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    a.merge(b)
    (conflict,) = list_conflicts(a.repo.db)
    assert conflict.kind == "lead" and conflict.node_key == "ch01/s01/p01"
    assert {conflict.a.event.reviewer, conflict.b.event.reviewer} == {"张三", "李四"}
    shown = conflict.b.value[0]["name"]
    assert a.leads(0) == [(shown, "lead")]  # deterministic side B, nothing dropped from the log
    assert verify(a.repo.db).ok
    a.repo.reviewer = LEADER
    with pytest.raises(StoreError):
        resolve_conflict(a.repo, conflict.id, take="c", roster=resolver(a))
    uuid = resolve_conflict(a.repo, conflict.ref, take="b", reason="经协商", roster=resolver(a))  # still an event
    event = audit.events_by_uuid(a.repo.db, [uuid])[uuid]
    assert event.action == "conflict_resolution" and event.reviewer == "组长" and event.reason == "经协商"
    (done,) = list_conflicts(a.repo.db, status=None)
    assert done.status == "resolved" and done.resolution_uuid == uuid and list_conflicts(a.repo.db) == []
    assert verify(a.repo.db).ok
    with pytest.raises(StoreError, match="already resolved"):
        resolve_conflict(a.repo, conflict.id, take="a", roster=resolver(a))


def test_resolution_by_named_departments(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    a.merge(b)
    (conflict,) = list_conflicts(a.repo.db)
    a.repo.reviewer = LEADER
    resolve_conflict(a.repo, conflict.id, entries=[("市财政局", "lead"), ("市科委", "support")], roster=resolver(a))
    assert a.leads(0) == [("市财政局", "lead"), ("市科技局", "support")]
    assert verify(a.repo.db).ok


def test_tag_removed_by_one_and_kept_by_the_other_is_a_conflict(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    a.repo.assign(node_id=a.clauses[0], department_id=a.dept["市财政局"], role="support")
    b.merge(a)  # both now hold 市科技局 + 市财政局
    a.repo.unassign(node_id=a.clauses[0], department_id=a.dept["市财政局"])
    b.repo.assign(node_id=b.clauses[0], department_id=b.dept["天津海关"], role="support")
    b.repo.set_role(node_id=b.clauses[0], department_id=b.dept["市财政局"], role="lead")
    a.merge(b)
    kinds = {c.kind for c in list_conflicts(a.repo.db)}
    assert kinds == {"tag"}
    b.merge(a)
    sides = lambda desk: {(c.kind, c.a.event.uuid, c.b.event.uuid) for c in list_conflicts(desk.repo.db)}  # noqa: E731
    assert sides(a) == sides(b)
    assert read_state(a.repo.db).nodes == read_state(b.repo.db).nodes


def test_an_edit_after_seeing_the_other_side_is_no_conflict(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市财政局")
    a.merge(b)
    a.repo.unassign(node_id=a.clauses[0], department_id=a.dept["市财政局"])
    a.lead(0, "市科技局")  # A saw B's lead and replaced it on purpose
    b.merge(a)
    assert list_conflicts(b.repo.db) == [] and b.leads(0) == [("市科技局", "lead")]


def test_a_later_edit_supersedes_an_open_conflict(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    a.merge(b)
    a.repo.set_assignments(node_id=a.clauses[0], entries=[(a.dept["天津海关"], "lead")])
    from workbench.storage.disputes.conflicts import sync_conflicts

    sync_conflicts(a.repo.db)
    (conflict,) = list_conflicts(a.repo.db, status=None)
    assert conflict.status == "superseded" and conflict.resolution_uuid == a.repo.events()[-1].uuid


def test_three_reviewers_merge_in_either_order_to_the_same_state(desks) -> None:
    a, b, c = desks("a", "张三"), desks("b", "李四"), desks("c", "王五")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    c.lead(0, "天津海关")
    c.repo.set_note(node_id=c.clauses[2], text="王五")
    b.repo.set_note(node_id=b.clauses[2], text="李四")
    a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(a.path, a.path.with_name("a2.sqlite"))  # same uuid: a second desk over a copy
    a.merge(b)
    a.merge(c)
    a2 = Desk(a.path.with_name("a2.sqlite"), Path(), a.repo.reviewer, plans=())
    try:
        a2.merge(c)
        a2.merge(b)
        conflicts = lambda d: sorted((x.kind, x.node_key, x.a.event.uuid, x.b.event.uuid) for x in list_conflicts(d.repo.db))  # noqa: E731
        assert read_state(a.repo.db).nodes == read_state(a2.repo.db).nodes
        assert conflicts(a) == conflicts(a2) and len(conflicts(a)) == 4  # every two of the three leads, the notes
        assert verify(a2.repo.db).ok and verify(a.repo.db).ok
    finally:
        a2.repo.db.close()


def test_canonical_order_respects_causality_over_clocks(desks) -> None:
    """An event written after a merge follows what was merged, whatever the clocks say."""
    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市财政局")
    a.merge(b)
    a.lead(1, "市科技局")
    events = audit.events(a.repo.db)
    skewed = [e if e.origin == events[-1].origin else type(e)(**{**e.__dict__, "time_utc": "2099-01-01T00:00:00+00:00"})
              for e in events]  # fmt: skip
    history = History.build(skewed)
    merged_in = [e.uuid for e in events if e.origin != events[-1].origin]
    assert all(history.position[u] < history.position[events[-1].uuid] for u in merged_in)
    assert history.happened_before(merged_in[-1], events[-1].uuid)
    assert not history.happened_before(events[-1].uuid, merged_in[-1])


# -- refusals: nothing written ---------------------------------------------------------------


def _untouched(desk: Desk):
    desk.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return file_sha256(desk.path), desk.repo.event_count(), len(backups(desk.path))


def test_a_different_plan_is_refused(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四", plans=("别的规划",))
    b.lead(0, "市科技局")
    before = _untouched(a)
    with pytest.raises(MergeError, match="different plan"):
        a.merge(b)
    assert _untouched(a) == before


def test_an_extra_plan_is_refused_until_imported(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四", plans=("", "第二"))
    before = _untouched(a)
    with pytest.raises(MergeError, match="import that plan"):
        a.merge(b)
    assert _untouched(a) == before
    a.repo.import_plan(make_plan(seed="第二"))
    assert a.merge(b).new_events > 0 and verify(a.repo.db).ok


def test_the_same_workspace_is_refused_and_a_copy_is_a_workspace_of_its_own(desks, tmp_path: Path) -> None:
    a = desks("a", "张三")
    a.lead(0, "市科技局")
    events = a.repo.event_count()
    assert a.merge(a).new_events == 0 and a.repo.event_count() == events  # itself: nothing new, nothing written
    a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy_path = tmp_path / "copy.sqlite"
    shutil.copy(a.path, copy_path)
    b = desks("b", "李四")
    # opened by another reviewer (another key): a new identity
    copy = Desk(copy_path, Path(), Reviewer("王五"), plans=(), signer=Ed25519Signer.generate())
    try:
        assert audit.workspace_uuid(copy.repo.db) != audit.workspace_uuid(a.repo.db)
        assert verify(copy.repo.db).ok
        copy.lead(1, "天津海关")
        a.lead(2, "市财政局")
        b.merge(a)
        b.merge(copy)
        a.merge(copy)
        for desk in (a, b):
            assert desk.leads(0)[0][0] == "市科技局" and desk.leads(1)[0][0] == "天津海关"
            assert desk.leads(2)[0][0] == "市财政局"
            assert list_conflicts(desk.repo.db) == []  # the copy had seen a's first lead
            assert verify(desk.repo.db).ok
        before = _untouched(b)
        b.merge(copy)  # again: nothing new
        assert _untouched(b) == before
    finally:
        copy.repo.db.close()


@pytest.mark.parametrize("content", [b"SQLite format 3\x00" + os.urandom(4000), "第一章\n".encode() * 100])
def test_damaged_or_foreign_files_are_refused(desks, tmp_path: Path, content: bytes) -> None:
    a = desks("a", "张三")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    before = _untouched(a)
    with pytest.raises(WorkspaceError):
        merge_workspace(a.repo.db, bad, reviewer=LEADER)
    with pytest.raises(WorkspaceError):
        backup_on_open(bad)
    assert _untouched(a) == before
    assert not [p for p in (tmp_path / "backups").glob("*") if p.name.startswith("bad")]


def test_a_broken_chain_in_the_other_file_is_refused(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    b.repo.db.close()
    conn = sqlite3.connect(b.path)
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET reviewer = '冒名' WHERE action = 'assign'")
    conn.commit()
    conn.close()
    b.repo.db = open_workspace(b.path)
    before = _untouched(a)
    with pytest.raises(MergeError, match="does not verify"):
        a.merge(b)
    assert _untouched(a) == before


def test_departments_added_on_both_sides_under_one_name_are_refused(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    for desk in (a, b):
        desk.repo.add_department(name="市数据局", kind="government_department")
    before = _untouched(a)
    with pytest.raises(MergeError, match="市数据局"):
        a.merge(b)  # refused inside its transaction: the copy taken meanwhile is removed too
    assert _untouched(a) == before


def test_a_department_added_by_the_other_reviewer_comes_along(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    b.repo.add_department(name="市数据局", kind="government_department", aliases=["数据局"])
    b.repo.assign(node_id=b.clauses[0], department_id=b.repo.find_department("市数据局").db_id)
    a.merge(b)
    assert a.leads(0) == [("市数据局", "lead")] and a.repo.find_department("数据局") is not None
    assert verify(a.repo.db).ok


# -- backups ----------------------------------------------------------------------------------


def test_a_merge_whose_backup_fails_writes_nothing(desks, monkeypatch) -> None:
    """The copy before the merge is taken on a thread while it merges (backups/background.MergeBackup); when
    it fails (a full disk) the merge does not commit, and nothing is left in backups/."""
    from types import SimpleNamespace

    from workbench.storage.backups import taking

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    before = _untouched(a)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # the copy is written, then the disk is found full as its sidecar is written: take_backup cleans up
    monkeypatch.setattr(taking, "json", SimpleNamespace(dumps=full_disk))
    with pytest.raises(OSError, match="No space left"):
        a.merge(b)
    monkeypatch.undo()
    assert _untouched(a)[:2] == before[:2]
    assert [p.name for p in (a.path.parent / "backups").glob("*")] == []


def test_a_merge_whose_commit_fails_keeps_no_copy_and_prunes_none(desks, monkeypatch) -> None:
    """COMMIT itself can fail (a full disk as the -wal grows; here a deferred foreign key): the copy taken
    meanwhile goes, and the copies it would have made redundant stay (pruning waits for the commit)."""
    from workbench.storage.backups import taking
    from workbench.storage.sync import merge as merge_module

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    older = taking.take_backup(a.path, a.path, reason="import")
    monkeypatch.setenv("WORKBENCH_BACKUP_CAP_MB", "0")  # a full cap: a kept copy prunes every older one
    before = _untouched(a)
    real = merge_module.record_new_authors

    def commit_fails(db) -> None:
        real(db)
        db.execute("CREATE TEMP TABLE IF NOT EXISTS parent (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TEMP TABLE IF NOT EXISTS child (id REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)")
        db.execute("INSERT INTO temp.child VALUES (1)")  # checked at COMMIT only

    monkeypatch.setattr(merge_module, "record_new_authors", commit_fails)
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        a.merge(b)
    assert _untouched(a)[:2] == before[:2]
    assert sorted(p.name for p in (a.path.parent / "backups").glob("*")) == [older.name, older.name + ".json"]


def test_a_failure_after_the_commit_keeps_the_copy_of_the_committed_merge(desks, monkeypatch) -> None:
    """What runs after COMMIT returned (restoring the page cache, starting the checkpoint thread) can still
    fail; the merge is in the file then, and so the copy taken before it stays."""
    import contextlib

    from workbench.storage.sync import merge as merge_module

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    count = a.repo.event_count()

    @contextlib.contextmanager
    def fails_after(db):
        yield
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(merge_module, "_page_cache", fails_after)
    with pytest.raises(OSError, match="Input/output"):
        a.merge(b)
    assert a.repo.event_count() > count  # committed
    (copy,) = backups(a.path)
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == count
    finally:
        conn.close()


def _while_another_window_writes(desk: Desk, verified):
    """`verified` (merge's check of their log), after a note written to `desk` by another connection: a commit
    between the pin of the copy before the merge and the merge's transaction."""

    def checked(*args, **kwargs):
        other = Repository(open_workspace(desk.path), Reviewer("王五", "另一窗口"))
        try:
            other.set_note(node_id=desk.clauses[2], text="另一窗口的备注")
        finally:
            other.db.close()
        return verified(*args, **kwargs)

    return checked


def test_a_commit_between_the_copy_s_pin_and_the_merge_s_transaction_is_in_the_copy(desks, monkeypatch) -> None:
    """The copy is pinned before their log is checked; another connection committing meanwhile (a second
    window, the command line) makes the merge pin again once it holds the write lock: the copy kept is the
    state the merge began with, and the first one is removed."""
    from workbench.storage.sync import merge as merge_module

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    monkeypatch.setattr(merge_module, "verified", _while_another_window_writes(a, merge_module.verified))
    result = a.merge(b)
    conn = sqlite3.connect(result.backup)
    try:
        assert conn.execute("SELECT text FROM notes").fetchall() == [("另一窗口的备注",)]
        assert conn.execute("SELECT count(*) FROM events WHERE reviewer IN ('李四', ?)",
                            [LEADER.name]).fetchone()[0] == 0  # none of the merge's  # fmt: skip
    finally:
        conn.close()
    assert [p.name for p in backups(a.path)] == [result.backup.name]


def _assert_sound_copy_of(copy: Path, count: int) -> None:
    """`copy` passes integrity_check and holds `count` events: the state before the merge, none of its own."""
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == count
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_the_copy_before_a_merge_is_the_state_its_transaction_began_with(desks) -> None:
    """Pinned once the merge holds the write lock and before it writes: the copy has every event committed
    before the merge (here one written just before it) and none of the merge's."""
    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    a.lead(1, "市财政局")
    count = a.repo.event_count()
    result = a.merge(b)
    _assert_sound_copy_of(result.backup, count)
    assert a.repo.event_count() > count + result.new_events  # (its merge event too)


def _copy_not_started_early(merge_module, monkeypatch) -> None:
    """Early's read without starting the copy before the merge: it then starts once the rows are copied."""
    monkeypatch.setattr(merge_module, "_then_copy", lambda early, pinned: early.run())


def test_a_copy_started_after_the_merge_wrote_its_rows_holds_none_of_them(desks, monkeypatch) -> None:
    """The pin fixes what is copied, not the start (the copy starts once a core is free): a copy started
    only once the merge's rows are in its transaction is still the state the merge began with."""
    from workbench.storage.backups.background import MergeBackup
    from workbench.storage.sync import merge as merge_module

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    count = a.repo.event_count()
    seen_at_start = []
    real_start = MergeBackup.start

    def start(self) -> None:
        seen_at_start.append(a.repo.db.execute("SELECT count(*) FROM events").fetchone()[0])
        real_start(self)

    _copy_not_started_early(merge_module, monkeypatch)
    monkeypatch.setattr(MergeBackup, "start", start)
    result = a.merge(b)
    assert seen_at_start and seen_at_start[0] == count + result.new_events  # started after the rows came in
    _assert_sound_copy_of(result.backup, count)


def test_a_copy_pinned_again_before_it_started_lets_go_of_the_first_at_once(desks, monkeypatch) -> None:
    """A commit by another window between the pin and the merge's transaction pins the copy again; the first,
    never started, releases its snapshot at once (a checkpoint afterwards is not held back by it, though a
    caller's frame still holds the object) and leaves no file."""
    from workbench.storage.sync import merge as merge_module

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    _copy_not_started_early(merge_module, monkeypatch)
    monkeypatch.setattr(merge_module, "verified", _while_another_window_writes(a, merge_module.verified))
    pinned = []
    real_pin = merge_module.MergeBackup.pin_for
    monkeypatch.setattr(merge_module.MergeBackup, "pin_for",
                        lambda *args, **kwargs: pinned.append(real_pin(*args, **kwargs)) or pinned[-1])  # fmt: skip
    result = a.merge(b)
    assert len(pinned) == 2 and [p.name for p in backups(a.path)] == [result.backup.name]
    assert a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone() == (0, 0, 0)


def test_a_discarded_copy_stops_at_its_next_step_and_leaves_nothing(desks, monkeypatch) -> None:
    """A refused merge (or one pinned again) discards a copy that may still be running: it stops at its next
    step instead of copying the whole workspace first (about 2 s at 100 plans), and nothing of it is left."""
    import threading

    from workbench.storage.backups import taking
    from workbench.storage.backups.background import CopyStopped, MergeBackup

    a = desks("a", "张三")
    monkeypatch.setattr(taking, "STEP_PAGES", 1)  # (the desk's workspace is small: a step per page)
    steps, go = [], threading.Event()
    real = MergeBackup._between_steps

    def between(self) -> None:
        steps.append(True)
        go.wait(10)  # the first step waits here until the copy is discarded
        real(self)

    monkeypatch.setattr(MergeBackup, "_between_steps", between)
    copy = MergeBackup.pin_for(a.repo.db.conn, a.path, "李四.sqlite")
    while not steps and not copy.done():  # (a copy that failed before its first step ends the wait too)
        threading.Event().wait(0.01)
    assert steps, copy.error
    copy.discard(wait=False)
    go.set()
    copy.wait()
    assert isinstance(copy.error, CopyStopped) and len(steps) == 1 and copy.taken is None
    assert [p.name for p in (a.path.parent / "backups").glob("*")] == []


def test_a_merge_refused_while_early_still_reads_starts_no_copy_and_holds_no_snapshot(desks, monkeypatch) -> None:
    """Their log fails its check while Early still reads: the copy, never started, is discarded (its snapshot let
    go at once), and Early, ending afterwards, does not start it: no thread, no file, a checkpoint passes."""
    import threading

    from workbench.storage.backups.background import MergeBackup
    from workbench.storage.sync import merge as merge_module
    from workbench.storage.sync.merge_ahead import Early

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    discarded, ended = threading.Event(), []
    real_run, real_discard = Early.run, MergeBackup.discard

    def late_run(self) -> None:  # Early ends only once the refusal has discarded the copy
        discarded.wait(10)
        real_run(self)
        ended.append(True)

    def discard(self, **kwargs) -> None:
        real_discard(self, **kwargs)
        discarded.set()

    def refused(*args, **kwargs):
        raise MergeError("their log does not verify")

    monkeypatch.setattr(Early, "run", late_run)
    monkeypatch.setattr(MergeBackup, "discard", discard)
    monkeypatch.setattr(merge_module, "verified", refused)
    with pytest.raises(MergeError, match="does not verify"):
        a.merge(b)
    assert ended and not [t for t in threading.enumerate() if t.name == "merge-backup"]
    assert list((a.path.parent / "backups").glob("*")) == []
    assert a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone() == (0, 0, 0)


def test_the_read_ahead_reads_our_file_while_the_merge_holds_the_write_lock(desks, monkeypatch) -> None:
    """read_ahead reads our conflict rows (and our events) on a read-only connection of its own, not the merging
    one: they are the transaction's only because its BEGIN IMMEDIATE already keeps every other writer out.
    Pinned, so that the read is not moved ahead of the transaction the way Early's was ahead of the check."""
    from workbench.storage.sync import merge as merge_module

    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市财政局")
    b.lead(0, "市科技局")  # a dispute: the merge compares conflict rows
    seen = []
    real = merge_module.read_ahead

    def read_ahead(*args, **kwargs):
        other = sqlite3.connect(a.path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            seen.append("another writer got in")
            other.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            seen.append(str(exc))
        finally:
            other.close()
        return real(*args, **kwargs)

    monkeypatch.setattr(merge_module, "read_ahead", read_ahead)
    result = a.merge(b)
    assert seen == ["database is locked"] and len(result.new_conflicts) == 1


def _no_thread_for(background, monkeypatch, times: int) -> list[str]:
    """The next `times` copy threads cannot be started (a process at its thread limit); returns who tried."""
    import threading
    from types import SimpleNamespace

    tried = []

    class Thread(threading.Thread):
        def start(self) -> None:
            tried.append(threading.current_thread().name)
            if len(tried) <= times:
                raise RuntimeError("can't start new thread")
            super().start()

    monkeypatch.setattr(background, "threading", SimpleNamespace(Thread=Thread, Lock=threading.Lock))
    return tried


def test_a_copy_whose_thread_cannot_start_is_not_started_and_lets_go_of_its_snapshot(desks, monkeypatch) -> None:
    """No thread to be had: `start` raises and the copy stays not started, so `discard` releases its snapshot
    (a checkpoint passes) instead of joining a thread that never ran."""
    from workbench.storage.backups import background

    a = desks("a", "张三")
    _no_thread_for(background, monkeypatch, 1)
    copy = background.MergeBackup.pin_for(a.repo.db.conn, a.path, "李四.sqlite", start=False)
    with pytest.raises(RuntimeError, match="new thread"):
        copy.start()
    assert not copy.done()
    copy.discard()
    assert a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone() == (0, 0, 0)
    assert [p.name for p in (a.path.parent / "backups").glob("*")] == []


def test_a_copy_early_could_not_start_is_started_by_the_merge(desks) -> None:
    """Early's thread starts the copy once its read is done; when no thread is to be had then, that is not
    Early's failure (its values are still taken): the merge starts the copy after the rows are copied, on its
    own thread, and keeps it."""
    import threading
    import time

    from workbench.storage.backups import background
    from workbench.storage.sync import merge as merge_module

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    count = a.repo.event_count()
    real_copy = merge_module.copy_rows

    def copy_after_early(*args, **kwargs):  # Early's thread tries first, however late it is on a loaded machine
        deadline = time.monotonic() + 10
        while not tried and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_copy(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        tried = _no_thread_for(background, patch, 1)
        patch.setattr(merge_module, "copy_rows", copy_after_early)
        result = a.merge(b)
    assert len(tried) == 2 and tried[1] == threading.current_thread().name != tried[0]
    _assert_sound_copy_of(result.backup, count)
    assert a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone() == (0, 0, 0)


def test_backups_are_taken_on_open_and_before_merge_and_pruned(desks, registry_file: Path) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    first = backup_on_open(a.path)
    assert first is not None and backup_on_open(a.path) == first  # unchanged: no second copy
    result = a.merge(b)
    assert result.backup is not None and result.backup.name.endswith(".merge.sqlite")
    conn = sqlite3.connect(result.backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM events WHERE action = 'merge'").fetchone()[0] == 0
    finally:
        conn.close()
    for _ in range(7):  # small writes take no copy: the one taken before the merge stays
        a.repo.set_note(node_id=a.clauses[0], text=f"第{_}次")
        a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        os.utime(a.path, ns=(os.stat(a.path).st_mtime_ns + 10**9,) * 2)
        backup_on_open(a.path, keep=5)
    assert [p.name.rsplit(".", 2)[1] for p in backups(a.path)] == ["daily", "merge"]
    assert backup_on_open(a.path.with_name("new.sqlite")) is None


def test_concurrent_department_renames_conflict_and_resolve(desks) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.repo.rename_department(department_id=a.dept["市财政局"], new_name="市财政厅")
    b.repo.rename_department(department_id=b.dept["市财政局"], new_name="市财政委")
    b.repo.retire_department(department_id=b.dept["天津海关"])  # only one side: no conflict
    a.merge(b)
    (conflict,) = list_conflicts(a.repo.db)
    assert conflict.kind == "department" and conflict.department_uid == a.repo.department_uid(a.dept["市财政局"])
    assert conflict.target.startswith("部门 市财政") and "reg-" not in conflict.target  # a name, not an id
    assert a.repo.department(a.dept["天津海关"]).retired
    a.repo.reviewer = LEADER
    resolve_conflict(a.repo, conflict.id, take="a" if conflict.a.value["name"] == "市财政厅" else "b", roster=resolver(a))
    assert a.repo.department(a.dept["市财政局"]).name == "市财政厅"
    assert list_conflicts(a.repo.db) == [] and verify(a.repo.db).ok
    b.merge(a)
    assert b.repo.department(b.dept["市财政局"]).name == "市财政厅" and verify(b.repo.db).ok


def test_who_may_resolve_a_dispute(desks, tmp_path: Path, registry_file: Path) -> None:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    merge_workspace(a.repo.db, b.path, reviewer=a.repo.reviewer, backup=False)
    (conflict,) = list_conflicts(a.repo.db)
    # A party never decides his own case: not under another name, not without a roster.
    with pytest.raises(StoreError, match="you are a party to this dispute"):
        resolve_conflict(a.repo, conflict.ref, take="b", roster=None)
    # With a roster, only a key it allows to resolve may; being on it is not enough.
    listed = Roster("someone-else", {})
    listed.add(Member(a.signer.fingerprint, "张三"))
    with pytest.raises(StoreError, match="roster allows"):
        resolve_conflict(a.repo, conflict.ref, take="b", roster=listed)
    assert list_conflicts(a.repo.db)[0].status == "open" and verify(a.repo.db).ok
    # The lead, in a workspace of his own that merged both, resolves it without a roster.
    lead = Desk(tmp_path / "lead.sqlite", registry_file, LEADER)
    try:
        lead.merge(a)
        (seen,) = list_conflicts(lead.repo.db)
        assert seen.ref == conflict.ref  # the same reference in every workspace holding the two events
        uuid = resolve_conflict(lead.repo, seen.ref, take="a", roster=None)
        assert list_conflicts(lead.repo.db) == [] and verify(lead.repo.db).ok
        # A verifier whose roster trusts everyone but does not let the lead's key resolve flags the decision.
        strict = Roster("someone-else", {})
        for desk, name in ((a, "张三"), (b, "李四"), (lead, LEADER.name)):
            strict.add(Member(desk.signer.fingerprint, name))
        report = verify(lead.repo.db, roster=strict)
        assert not report.ok and report.first_bad_uuid == uuid and "does not allow" in report.reason, report.reason
        merge_workspace(a.repo.db, lead.path, reviewer=a.repo.reviewer, backup=False)
        assert list_conflicts(a.repo.db) == [] and a.leads(0) == lead.leads(0)
    finally:
        lead.repo.db.close()


def test_an_edit_that_saw_neither_side_closes_no_conflict(desks) -> None:
    a, b, c = desks("a", "张三"), desks("b", "李四"), desks("c", "王五")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    a.merge(b)
    (first,) = list_conflicts(a.repo.db)
    c.lead(0, "天津海关")  # 王五 saw neither side
    a.merge(c)
    still = {x.ref for x in list_conflicts(a.repo.db)}
    assert first.ref in still and len(still) == 3  # every two of the three leads disagree
    assert all(x.status == "open" for x in list_conflicts(a.repo.db, status=None))


def test_a_clock_set_ahead_does_not_win_a_dispute(desks, monkeypatch) -> None:
    """李四's clock runs a year ahead: the disputed clause shows the side with the smallest event
    hash (not the later time), and the dispute stays open until someone who saw both decides."""
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    honest = audit._utc_now
    monkeypatch.setattr(audit, "_utc_now", lambda: ("2027" + honest()[0][4:], honest()[1]))
    b.lead(0, "市财政局")
    monkeypatch.setattr(audit, "_utc_now", honest)
    a.merge(b)
    (conflict,) = list_conflicts(a.repo.db)
    late = conflict.a.event if conflict.a.event.reviewer == "李四" else conflict.b.event
    assert late.time_utc.startswith("2027")
    winner = min((conflict.a.event, conflict.b.event), key=lambda e: e.hash)
    assert conflict.b.event == winner and a.leads(0)[0][0] == winner.after[0]["name"]
    assert conflict.status == "open" and verify(a.repo.db).ok


def test_a_large_merge_checkpoints_after_its_commit_and_a_refused_one_not_at_all(desks, monkeypatch) -> None:
    """From DEFERRED_CHECKPOINT incoming events the merge's checkpoint runs on a thread once it has committed
    (files/checkpoint.py), for this workspace's file; a merge refused inside its transaction starts none."""
    from workbench.storage.files import checkpoint
    from workbench.storage.sync import merge as merge_module

    monkeypatch.setattr(merge_module, "DEFERRED_CHECKPOINT", 1)
    started: list[tuple[Path, int, bool]] = []
    real_start = checkpoint.start

    def start(path: Path) -> None:
        (pages,) = a.repo.db.execute("PRAGMA wal_autocheckpoint").fetchone()
        started.append((Path(path), pages, a.repo.db.conn.in_transaction))
        real_start(path)

    monkeypatch.setattr(checkpoint, "start", start)
    a, b, c = desks("a", "张三"), desks("b", "李四"), desks("c", "王五")
    for desk in (a, c):
        desk.repo.add_department(name="市数据局", kind="government_department")
    with pytest.raises(MergeError, match="市数据局"):
        a.merge(c)  # refused inside its transaction
    assert started == []
    assert a.repo.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    b.lead(0, "市科技局")
    a.merge(b)
    assert started == [(a.path, 1000, False)]  # after COMMIT, the automatic checkpoint back on
    checkpoint.settle(a.path)
    assert not checkpoint.pending()


def test_a_copy_pinned_again_removes_the_first_one_once_it_is_done(desks, monkeypatch) -> None:
    """Another connection commits between the pin and the merge's transaction while the first copy is still
    being written: the merge goes on with a new copy, and the first is removed when its thread ends.  The
    first copy starts once Early's read is done, here only after that commit (a loaded machine), and the
    check of their log waits for it: the test does not rely on Early winning the race."""
    import threading

    from workbench.storage.backups import background
    from workbench.storage.sync import merge as merge_module
    from workbench.storage.sync.merge_ahead import Early

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    release, slow, running, written = threading.Event(), [], threading.Event(), threading.Event()
    real_take, real_run, real_verified = background.take_backup, Early.run, merge_module.verified

    def take_backup(*args, **kwargs):
        if not slow:  # the first copy: still running when the merge pins again
            slow.append(threading.current_thread())
            running.set()
            release.wait(10)
        return real_take(*args, **kwargs)

    def late_run(self) -> None:  # Early's read ends only after the other window's commit
        written.wait(10)
        real_run(self)

    def once_the_first_copy_runs(*args, **kwargs):
        written.set()
        assert running.wait(10)
        return real_verified(*args, **kwargs)

    monkeypatch.setattr(background, "take_backup", take_backup)
    monkeypatch.setattr(Early, "run", late_run)
    monkeypatch.setattr(merge_module, "verified", _while_another_window_writes(a, once_the_first_copy_runs))
    result = a.merge(b)
    assert slow[0].is_alive()
    release.set()
    slow[0].join(10)
    kept = sorted(p.name for p in (a.path.parent / "backups").glob("*"))
    assert kept == [result.backup.name, result.backup.name + ".json"]


def test_a_disk_that_fills_during_the_copy_leaves_nothing(desks, tmp_path: Path) -> None:
    """A real full disk (a tmpfs a little larger than the workspace, where the mount is allowed): SQLite's backup
    stops with "database or disk is full"; the merge is refused, and neither a copy nor a `.part` is left."""
    import subprocess

    a, b = desks("a", "张三"), desks("b", "李四")
    b.lead(0, "市科技局")
    a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = a.path.stat().st_size
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size + size // 2}", "tmpfs", str(small)],
                             capture_output=True).returncode == 0  # fmt: skip
    if not mounted:
        pytest.skip("no tmpfs mount here")
    try:
        shutil.copyfile(a.path, small / "a.sqlite")
        db = open_workspace(small / "a.sqlite", signer=a.signer)
        try:
            before = audit.event_count(db)
            with pytest.raises(sqlite3.OperationalError, match="full"):
                merge_workspace(db, b.path, reviewer=LEADER)
            assert audit.event_count(db) == before
        finally:
            db.close()
        assert list((small / "backups").iterdir()) == []
    finally:
        subprocess.run(["umount", str(small)], check=False)
