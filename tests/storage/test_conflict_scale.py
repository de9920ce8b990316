"""Conflicts at scale: read a page at a time, kept current without replaying, resolved without a replay,
and a dispute carried on by a new pair says so (issue 10, issue 14)."""

from __future__ import annotations

import pytest

from workbench.storage.audit.audit_verify import verify
from workbench.storage.disputes.conflicts import (
    count_conflicts, get_conflict, iter_conflicts, list_conflicts, resolve_conflict, sync_conflicts,
)  # fmt: skip
from workbench.storage.disputes import sync as sync_module
from workbench.storage.disputes.sync import STAMP_KEY, needs_replay, synced_seq

from .test_merge import LEADER, Desk, desks, resolver  # noqa: F401  (desks is a fixture)


def _disputed(desks, clauses: int = 6):  # noqa: F811
    """张三 and 李四 each give the same clauses different leads and notes; 张三 merges: 2 per clause."""
    a, b = desks("a", "张三"), desks("b", "李四")
    for i in range(clauses):
        a.lead(i, "市科技局")
        b.lead(i, "市财政局")
        a.repo.set_note(node_id=a.clauses[i], text=f"张三{i}")
        b.repo.set_note(node_id=b.clauses[i], text=f"李四{i}")
    a.merge(b)
    return a, b


def _rows(db) -> list[tuple]:
    return db.execute("SELECT id, ref, kind, side_a_uuid, side_b_uuid, status, resolution_uuid, continued_by "
                      "FROM conflicts ORDER BY id").fetchall()  # fmt: skip


def _no_replay(monkeypatch) -> None:
    def refuse(*_a, **_k):
        raise AssertionError("replayed every event")

    monkeypatch.setattr(sync_module, "replay", refuse)


def test_pages_are_the_whole_list_in_order(desks) -> None:  # noqa: F811
    a, _ = _disputed(desks)
    everything = list_conflicts(a.repo.db)
    assert len(everything) == 12 == count_conflicts(a.repo.db) == count_conflicts(a.repo.db, status=None)
    paged = [c for offset in range(0, 12, 5) for c in list_conflicts(a.repo.db, limit=5, offset=offset)]
    assert paged == everything
    after = list_conflicts(a.repo.db, limit=4, after=everything[3].id)
    assert after == everything[4:8]
    assert list(iter_conflicts(a.repo.db, page=5)) == everything
    assert list(iter_conflicts(a.repo.db, offset=3, limit=7, page=2)) == everything[3:10]
    assert get_conflict(a.repo.db, everything[5].ref) == everything[5]
    assert get_conflict(a.repo.db, f"#{everything[5].id}") == everything[5]
    assert all(c.node_title for c in everything) and all("ch" in c.target for c in everything)


@pytest.mark.parametrize("bulk", [500, 0])  # per edited target, or one read of every open dispute
def test_own_edits_close_disputes_without_a_replay_as_a_replay_would(desks, monkeypatch, bulk) -> None:  # noqa: F811
    monkeypatch.setattr(sync_module, "BULK", bulk)
    a, _ = _disputed(desks, clauses=3)
    assert synced_seq(a.repo.db) == a.repo.events()[-1].seq  # the merge's sync set the stamp
    a.repo.set_assignments(node_id=a.clauses[0], entries=[(a.dept["天津海关"], "lead")])  # saw both sides
    a.repo.set_note(node_id=a.clauses[1], text="组长看过两边")
    assert not needs_replay(a.repo.db)
    with monkeypatch.context() as patch:
        _no_replay(patch)
        sync_conflicts(a.repo.db)
    incremental = _rows(a.repo.db)
    assert synced_seq(a.repo.db) == a.repo.events()[-1].seq
    superseded = [r for r in incremental if r[5] == "superseded"]
    assert len(superseded) == 2 and {r[6] for r in superseded} == {e.uuid for e in a.repo.events()[-2:]}
    # The same table as replaying every event: forget the stamp, sync again.
    a.repo.db.execute("DELETE FROM meta WHERE key = ?", [STAMP_KEY])
    a.repo.db.execute("UPDATE conflicts SET status = 'open', resolution_uuid = NULL")
    assert needs_replay(a.repo.db)
    sync_conflicts(a.repo.db)
    assert _rows(a.repo.db) == incremental


def test_events_from_elsewhere_since_the_stamp_force_a_replay(desks, monkeypatch) -> None:  # noqa: F811
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    a.merge(b)
    a.repo.db.execute("UPDATE meta SET value = '1' WHERE key = ?", [STAMP_KEY])  # as if synced before the merge
    assert needs_replay(a.repo.db)
    with monkeypatch.context() as patch:
        _no_replay(patch)
        with pytest.raises(AssertionError, match="replayed"):
            sync_conflicts(a.repo.db)
    sync_conflicts(a.repo.db)
    assert synced_seq(a.repo.db) == a.repo.events()[-1].seq and not needs_replay(a.repo.db)


def test_a_workspace_that_never_merged_needs_no_replay(desks, monkeypatch) -> None:  # noqa: F811
    a = desks("a", "张三")
    a.lead(0, "市科技局")
    a.repo.db.execute("DELETE FROM meta WHERE key = ?", [STAMP_KEY])  # a file from before the stamp
    _no_replay(monkeypatch)
    assert sync_conflicts(a.repo.db) == [] and synced_seq(a.repo.db) == a.repo.events()[-1].seq


def test_resolving_one_conflict_replays_nothing(desks, monkeypatch) -> None:  # noqa: F811
    a, _ = _disputed(desks, clauses=3)
    target = next(c for c in list_conflicts(a.repo.db) if c.kind == "lead")
    a.repo.reviewer = LEADER
    with monkeypatch.context() as patch:
        _no_replay(patch)
        uuid = resolve_conflict(a.repo, target.ref, take="a", roster=resolver(a))
    done = get_conflict(a.repo.db, target.ref)
    assert done.status == "resolved" and done.resolution_uuid == uuid and done.ended_by.reviewer == LEADER.name
    assert done.fate.startswith("已裁决") and LEADER.name in done.fate
    assert count_conflicts(a.repo.db) == 5 and verify(a.repo.db).ok
    incremental = _rows(a.repo.db)
    a.repo.db.execute("DELETE FROM meta WHERE key = ?", [STAMP_KEY])  # a full replay agrees
    sync_conflicts(a.repo.db)
    assert _rows(a.repo.db) == incremental


def test_a_refused_resolution_changes_nothing(desks) -> None:  # noqa: F811
    a, _ = _disputed(desks, clauses=1)
    a.repo.set_note(node_id=a.clauses[0], text="之后的修改")  # not synced yet
    a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = (_rows(a.repo.db), synced_seq(a.repo.db))
    with pytest.raises(Exception, match="take must be"):
        resolve_conflict(a.repo, list_conflicts(a.repo.db)[0].ref, take="c", roster=resolver(a))
    assert (_rows(a.repo.db), synced_seq(a.repo.db)) == before


def test_a_dispute_carried_on_by_a_third_reviewer_points_to_its_new_pair(desks) -> None:  # noqa: F811
    """王五 saw only 李四's side and replaced it: 张三 v 李四 is superseded, but the dispute goes on
    as 张三 v 王五, and the old pair says so in plain words."""
    a, b, c = desks("a", "张三"), desks("b", "李四"), desks("c", "王五")
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    a.merge(b)
    (first,) = list_conflicts(a.repo.db)
    c.merge(b)
    c.repo.set_assignments(node_id=c.clauses[0], entries=[(c.dept["天津海关"], "lead")])
    a.merge(c)
    (carried,) = list_conflicts(a.repo.db)
    old = get_conflict(a.repo.db, first.ref)
    assert old.status == "superseded" and old.continued_by == carried.ref
    assert {carried.a.event.reviewer, carried.b.event.reviewer} == {"张三", "王五"}
    assert f"#{carried.ref}" in old.fate and "接续" in old.fate and "王五" in old.fate
    assert old.ended_by.reviewer == "王五"  # the edit that replaced 李四's side, not whichever side is shown
    # An edit that saw both sides ends a dispute outright: no pair carries it on.
    a.repo.set_assignments(node_id=a.clauses[0], entries=[(a.dept["市委宣传部"], "lead")])
    sync_conflicts(a.repo.db)
    ended = get_conflict(a.repo.db, carried.ref)
    assert ended.status == "superseded" and not ended.continued_by and ended.fate.startswith("已被张三")
    assert ended.resolution_uuid == a.repo.events()[-1].uuid
    assert verify(a.repo.db).ok


def test_rows_from_before_references_are_found_by_reference(desks) -> None:  # noqa: F811
    a, _ = _disputed(desks, clauses=1)
    wanted = list_conflicts(a.repo.db)[1]
    a.repo.db.execute("UPDATE conflicts SET ref = NULL")
    assert get_conflict(a.repo.db, wanted.ref).id == wanted.id
    with pytest.raises(Exception, match="no conflict"):
        get_conflict(a.repo.db, "c0000000")


def test_a_decision_that_saw_two_of_three_sides_is_named_as_what_ended_that_pair(desks) -> None:  # noqa: F811
    """张三, 李四 and 王五 each gave the clause a different lead.  The lead saw only 张三's and 李四's and
    decided: 张三 v 李四 reads "resolved" by the lead (not "superseded" by 王五's edit, whichever
    side the clause shows), and points to the dispute that remains, the decision v 王五."""
    a, b, c = desks("a", "张三"), desks("b", "李四"), desks("c", "王五")
    lead = desks("lead", LEADER.name)
    a.lead(0, "市科技局")
    b.lead(0, "市财政局")
    c.lead(0, "天津海关")
    a.merge(b)
    lead.merge(a)  # 张三's and 李四's sides, not 王五's
    (seen,) = list_conflicts(lead.repo.db)
    decision = resolve_conflict(lead.repo, seen.ref, take="a", roster=resolver(lead))
    a.merge(c)
    assert count_conflicts(a.repo.db) == 3  # every two of the three leads
    a.merge(lead)
    (remaining,) = list_conflicts(a.repo.db)
    assert decision in (remaining.a.event.uuid, remaining.b.event.uuid)
    assert {remaining.a.event.reviewer, remaining.b.event.reviewer} == {LEADER.name, "王五"}
    settled = get_conflict(a.repo.db, seen.ref)
    assert settled.status == "resolved" and settled.resolution_uuid == decision
    assert settled.continued_by == remaining.ref and settled.fate.startswith(f"已裁决（{LEADER.name}")
    assert f"#{remaining.ref}" in settled.fate
    others = [x for x in list_conflicts(a.repo.db, status=None) if x.status == "superseded"]
    assert len(others) == 2 and all(x.resolution_uuid == decision and x.continued_by == remaining.ref for x in others)
    assert verify(a.repo.db).ok
