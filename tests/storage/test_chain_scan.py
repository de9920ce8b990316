"""The one-pass chain check: SQLite builds the hashed text, and it must be the text Python hashes.

audit_chain.scan_log hashes a text SQLite builds from each stored row (json_quote
and printf); audit_chain.stored_text is the Python definition of that text.  These
tests pin that the two agree on awkward values, that rows SQL cannot build alike
fall back to Python with the same verdict, and that the pass keeps exactly what
audit_lean.lean_events loads.
"""

from __future__ import annotations

import sqlite3

import pytest

from workbench.storage.audit import audit, audit_chain
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_chain import scan_log, stored_hash, stored_text
from workbench.storage.audit.audit_lean import lean_events
from workbench.storage.audit.audit_verify import verify
from workbench.storage.repository import Repository

AWKWARD = [
    "plain", "", "引号\"与\\反斜杠", "控制\x00\x01\x1f\x7f字符", "换行\n\r\t\b\f", "\u2028\u2029\ufeff",
    "😀 emoji \U0010fffd", "\u0085\u00a0", "'single' quotes", "%s %d printf", "{\"json\":[1,2]}",
]  # fmt: skip


def _row(value: str) -> dict:
    row = {name: value for name in audit.HASHED_FIELDS}
    row["before"], row["after"] = audit.canonical_json({"text": value}), None
    row["prev_hash"], row["reason"] = audit.ZERO_HASH, None
    return row


@pytest.mark.parametrize("value", AWKWARD)
def test_sqlite_builds_the_text_python_hashes(value: str) -> None:
    conn = sqlite3.connect(":memory:")
    row = _row(value)
    probe = ", ".join(f'? AS "{name}"' for name in audit.HASHED_FIELDS)
    (built,) = conn.execute(f"SELECT {audit_chain._TEXT_SQL} FROM (SELECT {probe})", list(row.values())).fetchone()
    assert built == stored_text(row).encode("utf-8")
    assert audit_chain._sql_text_agrees(conn)


def test_the_text_is_the_hash_append_event_computes(repo: Repository, clause_ids: list[int], dept) -> None:
    repo.set_note(node_id=clause_ids[0], text="".join(AWKWARD))
    repo.reviewer = Reviewer("李\"四\\", "市\x01科技局")
    repo.assign(node_id=clause_ids[0], department_id=dept["市科技局"], reason="\n理由\u2028")
    scan = scan_log(repo.db)
    assert scan.chain.ok and scan.chain.checked == repo.event_count() and scan.missing_seq is None
    assert [tuple(e) for e in scan.events] == [tuple(e) for e in lean_events(repo.db)]
    assert [e.after for e in scan.events] == [e.after for e in lean_events(repo.db)]


def _tamper(repo: Repository, sql: str, params=()) -> None:
    repo.db.execute("DROP TRIGGER events_no_update")
    with repo.db.conn:
        repo.db.execute(sql, params)


def test_a_row_sql_cannot_build_is_hashed_by_python_with_the_old_verdict(repo: Repository, clause_ids) -> None:
    repo.set_note(node_id=clause_ids[0], text="备注")
    seq = repo.event_count()
    # A BLOB where text belongs: json_quote refuses it; Python's canonical JSON refuses bytes too.
    _tamper(repo, "UPDATE events SET host = ? WHERE seq = ?", [b"\x00\x01", seq])
    scan = scan_log(repo.db)
    assert not scan.chain.ok and f"event {seq} cannot be hashed" in scan.chain.reason


def test_a_nul_in_stored_json_is_checked_as_python_would(repo: Repository, clause_ids) -> None:
    repo.set_note(node_id=clause_ids[0], text="备注")
    seq = repo.event_count()
    row = dict(zip(audit.ALL_FIELDS, repo.db.execute(f"SELECT {audit.COLUMNS} FROM events WHERE seq = ?", [seq]).fetchone()))
    row["after"] = '"备\x00注"'  # not canonical JSON, rehashed with the workbench's own function
    row["hash"] = stored_hash(row)
    _tamper(repo, 'UPDATE events SET "after" = ?, hash = ? WHERE seq = ?', [row["after"], row["hash"], seq])
    assert scan_log(repo.db).chain.ok  # the hash matches its text, as it did before (verify then compares state)


def test_an_sqlite_that_escapes_differently_falls_back_to_python(repo: Repository, clause_ids, monkeypatch) -> None:
    repo.set_note(node_id=clause_ids[0], text="备注")
    honest = scan_log(repo.db)
    monkeypatch.setattr(audit_chain, "_sql_text_agrees", lambda conn: False)
    slow = scan_log(repo.db)
    assert slow.chain == honest.chain and [tuple(e) for e in slow.events] == [tuple(e) for e in honest.events]
    _tamper(repo, "UPDATE events SET reviewer = '冒名' WHERE seq = 2")
    assert scan_log(repo.db).chain.first_bad_uuid == honest.events[1].uuid


def test_first_missing_seq_is_found_in_the_same_pass(repo: Repository, clause_ids) -> None:
    for text in ("一", "二", "三"):
        repo.set_note(node_id=clause_ids[0], text=text)
    assert scan_log(repo.db).missing_seq is None
    last = repo.event_count()
    repo.db.execute("DROP TRIGGER events_no_delete")
    with repo.db.conn:
        repo.db.execute("DELETE FROM events WHERE seq = ?", [last])
    repo.set_note(node_id=clause_ids[0], text="四")  # chained to the event before the deleted one
    scan = scan_log(repo.db, keep=False)
    assert scan.chain.ok and scan.missing_seq == last and scan.events == []


def test_text_python_cannot_read_is_named_by_the_sql_scan(repo: Repository, clause_ids) -> None:
    """scan_log reads the columns as Python text; bytes that are not UTF-8 stop that read, and the SQL scan
    (which hands the hashed text over as bytes) names the event, as before."""
    repo.set_note(node_id=clause_ids[0], text="备注")
    repo.set_note(node_id=clause_ids[0], text="备注二")
    seq = repo.event_count() - 1
    _tamper(repo, "UPDATE events SET reason = CAST(x'e5a4' AS TEXT) WHERE seq = ?", [seq])
    scan = scan_log(repo.db)
    assert not scan.chain.ok and scan.chain.reason == f"event {seq} cannot be hashed: its text is not valid UTF-8"
    assert scan.chain.checked == seq and len(scan.events) == seq - 1


def test_a_null_where_text_belongs_is_hashed_as_null(repo: Repository, clause_ids) -> None:
    """A NULL in a NOT NULL column (the table altered) is hashed as JSON null, as stored_text does: an event
    rehashed that way still verifies its hash, and the next one (chained to the old hash) is caught."""
    repo.set_note(node_id=clause_ids[0], text="备注")
    repo.set_note(node_id=clause_ids[0], text="备注二")
    seq = repo.event_count() - 1
    conn = repo.db.conn
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    assert "host TEXT NOT NULL" in sql
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'events'", [sql.replace("host TEXT NOT NULL", "host TEXT")])
    conn.commit()
    conn.execute("PRAGMA writable_schema = RESET")
    row = dict(zip(audit.ALL_FIELDS, conn.execute(f"SELECT {audit.COLUMNS} FROM events WHERE seq = ?", [seq]).fetchone()))
    row["host"] = None
    _tamper(repo, "UPDATE events SET host = NULL, hash = ? WHERE seq = ?", [stored_hash(row), seq])
    scan = scan_log(repo.db)
    assert scan.chain.reason == (f"event {seq + 1} does not follow the previous event of its workspace "
                                 "(an event was deleted, inserted or reordered)")  # fmt: skip
    assert scan.chain.checked == seq + 1


def test_the_light_events_share_the_strings_events_repeat(repo: Repository, clause_ids: list[int], dept) -> None:
    """One object per distinct reviewer, unit, action, subject, department, workspace, plan and key: a log
    of 250,000 events holds a few hundred such strings, not millions (verify's and merge's memory)."""
    for node_id in clause_ids[:3]:
        repo.assign(node_id=node_id, department_id=dept["市科技局"])
    for events in (scan_log(repo.db).events, list(lean_events(repo.db))):
        first, second = events[-2], events[-1]
        assert first.uuid != second.uuid and first.node_key != second.node_key
        for name in ("reviewer", "reviewer_unit", "action", "subject", "department_uid", "origin", "plan_sha256",
                     "signer"):  # fmt: skip
            assert getattr(first, name) == getattr(second, name) and getattr(first, name) is getattr(second, name), name
    # a node's key, read from each of its events as a new string, is one object too (1,765 keys over 247k events
    # at 100 plans); an event on another node keeps its own key
    repo.set_note(node_id=clause_ids[0], text="备注")
    for events in (scan_log(repo.db).events, list(lean_events(repo.db))):
        on_first = [e for e in events if e.node_key == events[-1].node_key]
        assert len(on_first) >= 2 and all(e.node_key is on_first[0].node_key for e in on_first)


def test_a_signature_is_read_when_asked_and_an_altered_one_is_still_caught(repo: Repository, clause_ids) -> None:
    """The light events do not hold every signature (only a run's last one is checked): each reads its
    stored one when asked, and one altered in the file still fails verify."""
    for text in ("一", "二", "三"):
        repo.set_note(node_id=clause_ids[0], text=text)
    stored = [row[0] for row in repo.db.execute("SELECT signature FROM events ORDER BY seq")]
    assert all(stored)
    for events in (scan_log(repo.db).events, list(lean_events(repo.db))):
        assert [e.signature_text for e in events] == [None] * len(stored)
        assert [e.signature for e in events] == stored
    assert verify(repo.db).ok
    last = repo.event_count()
    _tamper(repo, "UPDATE events SET signature = ? WHERE seq = ?", [stored[0], last])  # another event's
    report = verify(repo.db)
    assert not report.ok and "does not match its signature" in report.reason
