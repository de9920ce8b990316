"""The export anchor's head lookup reads the verified rows, not an index the file brings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.storage.audit.anchor import check_anchor
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files.readonly import open_source
from workbench.storage.repository import Repository


def test_an_index_on_hash_holding_another_column_does_not_place_a_foreign_head_in_the_log(
        repo: Repository, clause_ids: list[int], workspace_path: Path) -> None:
    """verify checks every row, never an index.  The events.hash index is gone (m_issue14_drop_events_hash) and
    the anchor scans; but a file may bring an index of its own on events (hash) whose entries are another
    column's, here a signature verify does not check (not a run's last): the head lookup must not use it."""
    for text in ("一", "二", "三"):
        repo.set_note(node_id=clause_ids[0], text=text)
    foreign = "ab" * 32  # the head of an export this workspace did not grow from
    assert not check_anchor(repo.db, foreign).ok
    inside = repo.event_count() - 2  # inside the run of one key: only its last signature is checked
    repo.db.close()
    conn = sqlite3.connect(workspace_path)
    (trigger,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_no_update'").fetchone()
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET signature = ? WHERE seq = ?", [foreign, inside])
    conn.execute(trigger)
    conn.execute("CREATE INDEX forged ON events (signature)")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX forged ON events (hash)' WHERE name = 'forged'")
    conn.commit()
    conn.close()
    db = open_source(workspace_path)
    try:
        assert verify(db).ok  # what the attack relies on
        report = check_anchor(db, foreign)
        assert not report.ok and "is not in this log" in report.reason, report.reason
    finally:
        db.close()


def test_an_export_counting_more_events_than_the_log_holds_is_refused(repo: Repository, clause_ids: list[int]) -> None:
    """The total compared with the export's count is the number of rows verify read: a log cut after the export
    (fewer events than it counted) did not grow from it; one holding at least as many did."""
    for text in ("一", "二", "三"):
        repo.set_note(node_id=clause_ids[0], text=text)
    total = repo.event_count()
    (head,) = repo.db.execute("SELECT hash FROM events WHERE seq = ?", [total - 1]).fetchone()
    assert check_anchor(repo.db, head, total - 1).ok
    assert check_anchor(repo.db, head, total).ok
    cut = check_anchor(repo.db, head, total + 1)
    assert not cut.ok and "events were removed" in cut.reason, cut.reason
