"""The event log is append-only and its hash chain exposes tampering."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit import ZERO_HASH, Reviewer, verify_chain
from workbench.storage.errors import StoreError
from workbench.storage.repository import Repository


@pytest.fixture
def history(repo: Repository, plan_id: int, clause_ids: list[int], dept: dict[str, int]) -> Repository:
    """A workspace with a dozen events by two reviewers."""
    a, b = clause_ids[:2]
    repo.assign(node_id=a, department_id=dept["市发展改革委"])
    repo.assign(node_id=a, department_id=dept["市科技局"], role="support")
    repo.set_note(node_id=a, text="需与市科技局确认")
    repo.reviewer = Reviewer("李四", "市科技局")
    repo.assign(node_id=b, department_id=dept["市财政局"], reason="财政资金")
    repo.set_review_status(node_id=b, status="question")
    repo.set_timing(node_id=b, timing="2027")
    repo.rename_department(department_id=dept["市财政局"], new_name="市财政厅")
    return repo


def _unprotect(db: sqlite_utils.Database) -> None:
    db.execute("DROP TRIGGER events_no_update")
    db.execute("DROP TRIGGER events_no_delete")


def test_chain_of_an_honest_log_verifies(history: Repository) -> None:
    # 9 writes and 3 key_publish events (workbench, 张三 and 李四 each publish the key they write with)
    report = verify_chain(history.db)
    assert report.ok and report.checked == history.event_count() == 12 and report.first_bad_uuid is None
    events = history.events()
    assert events[0].prev_hash == ZERO_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(events, events[1:]))
    assert history.head_hash() == events[-1].hash


def test_event_fields(history: Repository) -> None:
    event = history.events(action="timing")
    e = event[0]
    assert (e.reviewer, e.reviewer_unit, e.before, e.after) == ("李四", "市科技局", "", "2027")
    assert e.plan_sha256 and e.node_key == "ch01/s01/p01"
    moment = datetime.fromisoformat(e.time_utc)
    assert moment.utcoffset() == timedelta(0) and len(e.time_utc.split(".")[1]) == len("123456+00:00")
    assert abs(datetime.now(timezone.utc) - moment) < timedelta(minutes=1)
    assert e.tz_offset[0] in "+-" and e.tz_offset[3] == ":"
    assert e.os_user == audit.os_user() and e.host == audit.host_name()
    reviewers = {(r["name"], r["unit"]) for r in history.db["reviewers"].rows}
    assert {("张三", "市发展改革委规划处"), ("李四", "市科技局"), ("workbench", "")} == reviewers


def test_update_and_delete_are_refused(history: Repository) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        history.db.execute("UPDATE events SET reviewer = 'x' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        history.db.execute("DELETE FROM events WHERE seq = 2")
    assert verify_chain(history.db).ok


def test_an_edited_field_is_detected(history: Repository) -> None:
    victim = history.events()[3]
    _unprotect(history.db)
    history.db.execute("UPDATE events SET reviewer = '王五' WHERE uuid = ?", [victim.uuid])
    report = verify_chain(history.db)
    assert not report.ok and report.first_bad_uuid == victim.uuid and "altered" in report.reason


def test_an_edited_before_value_is_detected(history: Repository) -> None:
    victim = history.events(subject="assignments")[-1]
    _unprotect(history.db)
    history.db.execute("""UPDATE events SET "after" = '[]' WHERE uuid = ?""", [victim.uuid])
    assert verify_chain(history.db).first_bad_uuid == victim.uuid


def test_a_deleted_event_is_detected(history: Repository) -> None:
    events = history.events()
    _unprotect(history.db)
    history.db.execute("DELETE FROM events WHERE uuid = ?", [events[4].uuid])
    report = verify_chain(history.db)
    assert not report.ok and report.first_bad_uuid == events[5].uuid and "deleted" in report.reason


def test_deleting_the_last_events_is_detected(history: Repository) -> None:
    _unprotect(history.db)
    history.db.execute("DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")
    report = verify_chain(history.db)
    assert not report.ok and "missing" in report.reason


def test_reordered_events_are_detected(history: Repository) -> None:
    events = history.events()
    _unprotect(history.db)
    with history.db.atomic():  # swap events 3 and 4 by moving their seq
        history.db.execute("UPDATE events SET seq = -1 WHERE seq = ?", [events[3].seq])
        history.db.execute("UPDATE events SET seq = ? WHERE seq = ?", [events[3].seq, events[4].seq])
        history.db.execute("UPDATE events SET seq = ? WHERE seq = -1", [events[4].seq])
    report = verify_chain(history.db)
    assert not report.ok and report.first_bad_uuid == events[4].uuid


def test_a_recomputed_hash_still_breaks_the_link(history: Repository) -> None:
    """Editing a row and fixing its hash breaks the next event's prev_hash."""
    events = history.events()
    victim = events[2]
    fields = dict(victim.__dict__, reviewer="王五")
    _unprotect(history.db)
    history.db.execute(
        "UPDATE events SET reviewer = '王五', hash = ? WHERE uuid = ?", [audit.event_hash(fields), victim.uuid]
    )
    assert verify_chain(history.db).first_bad_uuid == events[3].uuid


def test_events_filters(history: Repository, dept: dict[str, int]) -> None:
    assert [e.reviewer for e in history.events(reviewer="李四") if e.action != "key_publish"] == ["李四"] * 4
    assert len(history.events(node_key="ch01/s01/p01")) == 3
    uid = history.department_uid(dept["市财政局"])
    assert [e.action for e in history.events(department_uid=uid)] == ["assign", "department_rename"]
    last_two = history.events(limit=2)
    assert [e.seq for e in last_two] == [e.seq for e in history.events()[-2:]]
    middle = history.events()[4]
    assert history.events(since=middle.time_utc)[0].uuid == middle.uuid
    since = datetime.fromisoformat(middle.time_utc).astimezone(timezone(timedelta(hours=8)))
    assert history.events(since=since)[0].uuid == middle.uuid
    with pytest.raises(StoreError):
        history.events(since=datetime(2020, 1, 1))


def test_append_event_only_inside_a_transaction(repo: Repository) -> None:
    with pytest.raises(StoreError, match="inside"):
        audit.append_event(repo.db, reviewer=repo.reviewer, action="note")
    with repo.db.atomic(), pytest.raises(StoreError, match="subject"):
        audit.append_event(repo.db, reviewer=repo.reviewer, action="undo")


def test_writes_need_a_reviewer_name(repo: Repository, clause_ids: list[int]) -> None:
    repo.reviewer = Reviewer("  ")
    events = repo.event_count()
    with pytest.raises(StoreError, match="reviewer"):
        repo.set_note(node_id=clause_ids[0], text="x")
    assert repo.note(clause_ids[0]) is None and repo.event_count() == events
