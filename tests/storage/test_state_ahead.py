"""verify's node comparison run ahead on a thread of its own (state_ahead.py).

Its "equal" may stand for the comparison after the scan only when both read
the same file state and each target's last event is its event of the
highest seq; otherwise verify compares as before and names the first
mismatch exactly as the Python comparison alone does.  These tests pin that
it is really used on the common path (a single reviewer's workspace, through
the storage API and the CLI), that a tampered state row is still found and
named with it active, and each case where its answer must not be taken.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.storage.audit import audit_verify
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import check_log, verify
from workbench.storage.audit.last_events import last_events
from workbench.storage.files.database import open_readonly, open_workspace
from workbench.storage.files.readonly import open_source
from workbench.storage.repository import Repository
from workbench.storage.state import state_ahead, state_sql
from workbench.storage.sync.merge import merge_workspace

from .conftest import make_plan
from .test_audit_tamper import _tamper, _work
from .test_state_sql import _reports


@pytest.fixture
def single(tmp_path: Path, registry_file: Path) -> Path:
    """One reviewer's workspace: every target's last event is its highest seq."""
    path = tmp_path / "single.sqlite"
    _work(path, registry_file, Reviewer("张三", "规划处"), "市发展改革委", "市科技局")
    return path


def _no_late_comparison(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison after the scan fails the test if it runs: the answer must come from ahead."""

    def refuse(db, replayed):
        raise AssertionError("nodes_match ran: the comparison run ahead was not taken")

    monkeypatch.setattr(audit_verify, "nodes_match", refuse)


def _spy(monkeypatch: pytest.MonkeyPatch) -> list:
    """What StateAhead.equal answered, in call order."""
    answers: list = []
    real = state_ahead.StateAhead.equal

    def equal(self, targets, last_seqs):
        answers.append(real(self, targets, last_seqs))
        return answers[-1]

    monkeypatch.setattr(state_ahead.StateAhead, "equal", equal)
    return answers


def _ahead_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "verify-state-ahead"]


def test_a_single_reviewers_workspace_is_answered_ahead(single: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = _spy(monkeypatch)
    as_is, python_only = _reports(single, monkeypatch)
    assert as_is["ok"] and as_is == python_only
    assert answers == [True]
    _no_late_comparison(monkeypatch)
    db = open_readonly(single)
    try:
        assert verify(db).ok
    finally:
        db.close()
    assert not _ahead_threads()


def test_the_cli_verify_is_answered_ahead(single: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """`workbench audit verify` reads the file as a source (immutable, nothing created beside it)."""
    _no_late_comparison(monkeypatch)
    assert main(["audit", "verify", "--db", str(single)]) == 0
    assert capsys.readouterr().out.startswith("OK")
    assert not Path(f"{single}-wal").exists() and not Path(f"{single}-shm").exists()


@pytest.mark.parametrize("statement, target", [
    ("UPDATE notes SET text = '改过的备注'", "(note)"),
    ("DELETE FROM assignments WHERE position = 1", "(assignments)"),
    ("UPDATE node_status SET timing = '2030'", "(timing)"),
    ("INSERT INTO remarks (node_id, text, updated_at) SELECT max(id), '无事件', '2026' FROM nodes", "(remark)"),
])  # fmt: skip
def test_a_tampered_state_row_is_named_with_the_comparison_ahead(
    single: Path, monkeypatch: pytest.MonkeyPatch, statement: str, target: str
) -> None:
    _tamper(single, statement)
    answers = _spy(monkeypatch)
    as_is, python_only = _reports(single, monkeypatch)
    assert answers == [None]  # it ran and did not say "equal"
    assert as_is == python_only and not as_is["ok"]
    assert as_is["target"].startswith("node ") and f" {target} of plan " in as_is["target"]


def _ahead_of(path: Path) -> tuple[sqlite3.Connection, state_ahead.StateAhead, int, list[int]]:
    """The file opened, its comparison ahead done, and the scan's number of targets and their last seqs."""
    db = open_readonly(path)
    ahead = state_ahead.start(db)
    assert ahead is not None
    log = check_log(db, ordered=False, targets=True)
    quick = last_events(log.history, log.events, log.targets)
    ahead._thread.join()
    return db, ahead, len(quick.node_last), list(audit_verify._last_seqs(quick))


def test_a_commit_by_another_connection_meanwhile_is_not_taken(single: Path, registry_file: Path) -> None:
    db, ahead, targets, seqs = _ahead_of(single)
    try:
        writer = open_workspace(single, registry=registry_file)
        clause = writer.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq DESC LIMIT 1").fetchone()[0]
        Repository(writer, Reviewer("张三", "规划处")).set_note(node_id=clause, text="读的时候写的")
        writer.close()
        assert ahead.equal(targets, lambda: seqs) is None
    finally:
        db.close()
    db, ahead, targets, seqs = _ahead_of(single)  # the same without the write
    try:
        assert ahead.equal(targets, lambda: seqs) is True
        assert ahead.equal(targets + 1, lambda: seqs) is None  # another number of targets than the scan's
        other = {*seqs, -1} - {max(seqs)}
        assert ahead.equal(targets, lambda: other) is None  # as many, but one other event than the scan's
    finally:
        db.close()


def test_not_run_inside_a_transaction_or_without_a_file(single: Path) -> None:
    db = open_readonly(single)
    try:
        db.execute("BEGIN")
        db.execute("SELECT count(*) FROM events").fetchone()
        assert state_ahead.start(db) is None  # its snapshot could be older than a new reader's
        db.execute("ROLLBACK")
        assert state_ahead.start(db) is not None
    finally:
        db.close()
    conn = sqlite3.connect(":memory:")  # an in-memory database has no file a second reader could open
    assert state_ahead._reader_uri(type("Db", (), {"conn": conn})()) is None
    conn.close()


def test_a_source_copy_is_read_ahead_as_it_was_opened(single: Path) -> None:
    db = open_source(single)
    try:
        assert "immutable=1" in db.uri and state_ahead._reader_uri(db) == db.uri
        assert verify(db).ok
    finally:
        db.close()
    assert not Path(f"{single}-wal").exists() and not Path(f"{single}-shm").exists()


def test_a_failed_log_stops_the_thread(single: Path) -> None:
    _tamper(single, "UPDATE events SET reason = 'x' WHERE seq = 3", unprotect=True)
    db = open_readonly(single)
    try:
        report = verify(db)
    finally:
        db.close()
    assert not report.ok and "altered" in report.reason
    assert not _ahead_threads()


@pytest.fixture
def disputed(tmp_path: Path, registry_file: Path) -> Path:
    """Two reviewers who noted the same 20 clauses differently, merged: each note is disputed, and the
    state shows the smallest hash's side, which is not always the event read last (its highest seq)."""
    paths = []
    for name in ("ours", "theirs"):
        path = tmp_path / f"{name}.sqlite"
        db = open_workspace(path, registry=registry_file)
        repo = Repository(db, Reviewer(name, "规划处"))
        repo.import_plan(make_plan())
        clauses = [r[0] for r in db.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq LIMIT 20")]
        for clause in clauses:
            repo.set_note(node_id=clause, text=f"{name}的备注")
        db.close()
        paths.append(path)
    db = open_workspace(paths[0], registry=registry_file)
    merge_workspace(db, paths[1], reviewer=Reviewer("组长"), backup=False)
    db.close()
    return paths[0]


def test_a_target_not_shown_by_its_last_read_event_is_compared_after_the_scan(
    disputed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_readonly(disputed)
    try:
        log = check_log(db, ordered=False, targets=True)
        read = log.targets
        last_events(log.history, log.events, read)
        assert read.replaced > 0  # (each of 20 disputes shows the event read last with odds of 1 in 2)
        equal, _ = state_sql.nodes_match_events(db.conn)
        assert not equal  # by the highest seq, the notes differ from what the state shows
    finally:
        db.close()
    answers = _spy(monkeypatch)
    as_is, python_only = _reports(disputed, monkeypatch)
    assert as_is["ok"] and as_is == python_only
    assert answers == []  # its answer was not asked for


def test_an_answer_ahead_is_ignored_unless_the_last_events_are_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    class Ahead:
        cancelled = 0

        def equal(self, targets, last_seqs):
            return True

        def cancel(self):
            self.cancelled += 1

    calls = []
    monkeypatch.setattr(audit_verify, "nodes_match", lambda db, quick: calls.append(quick) or False)
    quick = type("Quick", (), {"node_last": {}})()
    ahead = Ahead()
    assert audit_verify._nodes_equal(None, quick, ahead, True) is True and calls == [] and not ahead.cancelled
    assert audit_verify._nodes_equal(None, quick, ahead, False) is False and calls == [quick]
    assert ahead.cancelled == 1  # stopped before nodes_match runs: its thread would only slow it
    assert audit_verify._nodes_equal(None, quick, None, True) is False and len(calls) == 2


def test_the_comparison_ahead_uses_the_indexes(single: Path) -> None:
    db = open_readonly(single)
    try:
        state_sql.fill_last_events(db.conn)
        plan = " | ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + state_sql._FILL_LAST_EVENTS.format(
            subjects="'note'")))  # fmt: skip
        assert "SCAN events" in plan and "INDEX" not in plan.split("USE TEMP B-TREE")[0], plan  # the table itself
        for subject, (fragments, text, _) in state_sql._LIST_TEXTS.items():
            sql = state_sql._BY_TEXT.format(targets=state_sql._EVENT_TARGETS, fragments=fragments, text=text)
            plan = " | ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, [subject]))
            assert "SEARCH m USING PRIMARY KEY (subject=?)" in plan, plan  # one subject's last events
            assert "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan  # each target's last event
            assert "(plan_id=? AND key=?)" in plan and "(node_id=?)" in plan, plan
            assert "SCAN s" not in plan and "SCAN n" not in plan and "SCAN events" not in plan, plan
        for subject, (table, column, default, defaults) in state_sql._VALUE_TEXTS.items():
            sql = state_sql._VALUE_BY_TEXT.format(targets=state_sql._EVENT_TARGETS, table=table, column=column,
                                                  default=default, defaults=defaults)  # fmt: skip
            plan = " | ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, [subject]))
            assert "SEARCH m USING PRIMARY KEY (subject=?)" in plan, plan
            assert "SEARCH s USING" in plan and "SCAN s" not in plan and "SCAN n" not in plan, plan
    finally:
        db.close()


def _forge_subject_index_without(path: Path, seq: int) -> None:
    """Rebuild events_subject without the entry of event `seq` and record it as the plain index: the file
    then brings an index that hides one event from any query SQLite answers through it (the way a forged
    file would; the events table and its hash chain are untouched)."""
    conn = sqlite3.connect(path)
    try:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_subject'").fetchone()
        conn.execute("DROP INDEX events_subject")
        conn.execute(f"{sql} WHERE seq <> {int(seq)}")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'events_subject'", [sql])
        conn.commit()
    finally:
        conn.close()


def test_a_forged_subject_index_does_not_hide_a_tampered_state_row(
    single: Path, registry_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A note written twice; the notes row is set back to the first text (a change with no event) and the
    # subject index is forged to leave out the second note event.  The scan reads every event from the
    # table (the chain is intact), so the state differs from the replay of the log: verify must fail.
    db = open_workspace(single, registry=registry_file)
    clause = db.execute("SELECT node_id FROM notes").fetchone()[0]
    (first,) = db.execute("SELECT text FROM notes WHERE node_id = ?", [clause]).fetchone()
    Repository(db, Reviewer("张三", "规划处")).set_note(node_id=clause, text="第二次的备注")
    (last,) = db.execute("SELECT max(seq) FROM events WHERE subject = 'note'").fetchone()
    db.close()
    _tamper(single, "UPDATE notes SET text = ? WHERE node_id = ?", params=[first, clause])
    _forge_subject_index_without(single, last)
    as_is, python_only = _reports(single, monkeypatch)
    assert not python_only["ok"]
    assert as_is == python_only


def test_cancel_stops_the_thread_between_its_statements(single: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # sqlite3_interrupt is a no-op while no statement runs: a cancel that lands between two of the thread's
    # statements must still stop the next one (here one that never ends), or cancel() waits forever.
    holder: list[state_ahead.StateAhead] = []
    started = threading.Event()

    def comparison(conn: sqlite3.Connection, last_seqs=None) -> tuple[bool, int]:
        conn.execute("SELECT 1").fetchone()
        started.set()
        while not holder or not holder[0]._stopped:
            threading.Event().wait(0.01)
        with holder[0]._lock:  # cancel() has interrupted (nothing was running) and let go
            pass
        conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
        return True, 0

    monkeypatch.setattr(state_ahead, "nodes_match_events", comparison)
    db = open_readonly(single)
    try:
        ahead = state_ahead.start(db)
        assert ahead is not None
        holder.append(ahead)
        assert started.wait(30)
        canceller = threading.Thread(target=ahead.cancel, daemon=True)
        canceller.start()
        canceller.join(30)
        assert not canceller.is_alive(), "cancel() waits for a statement the interrupt did not reach"
        assert ahead.equal(0, set) is None
    finally:
        db.close()


@pytest.mark.parametrize("tampered", [False, True])
def test_a_file_of_an_older_schema_is_compared_ahead_in_its_private_copy(
    tmp_path: Path, registry_file: Path, monkeypatch: pytest.MonkeyPatch, tampered: bool
) -> None:
    from .test_handout import _written_before

    old = tmp_path / "old" / "yi.sqlite"
    old.parent.mkdir()
    _written_before(old, registry_file, 2, "旧版本的备注", (
        "DROP INDEX IF EXISTS events_hash", "ALTER TABLE events DROP COLUMN signature",
        "ALTER TABLE events DROP COLUMN signer", "DROP INDEX conflicts_ref", "ALTER TABLE conflicts DROP COLUMN ref",
        "DELETE FROM _sqlite_migrations WHERE name = 'm_issue10_signatures'",
        *(("UPDATE notes SET text = '改过的备注'",) if tampered else ())))  # fmt: skip
    data = old.read_bytes()
    answers = _spy(monkeypatch)
    db = open_source(old)
    try:
        assert db.uri and str(old) not in db.uri  # the upgraded private copy
        report = verify(db)
    finally:
        db.close()
    assert old.read_bytes() == data and sorted(p.name for p in old.parent.iterdir()) == ["yi.sqlite"]
    assert report.ok is not tampered
    assert answers == ([None] if tampered else [True])
    assert not _ahead_threads()


def test_an_answer_ahead_about_other_events_than_the_scans_is_not_taken(
    single: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As many targets, but one of them compared at another event than the one the scan found last (as a
    forged collation could group it): its 'equal' is not taken, and the comparison after the scan runs."""
    real = state_ahead.nodes_match_events

    def shifted(conn: sqlite3.Connection, last_seqs=None) -> tuple[bool, int]:
        found = real(conn, last_seqs)
        assert last_seqs  # (the honest file's comparison is equal and took every target's last event)
        last_seqs[-1] = -1  # the highest seq taken, swapped for another
        return found

    db = open_readonly(single)
    try:
        answers = _spy(monkeypatch)
        assert verify(db).ok
        assert answers == [True]  # honest: taken
        monkeypatch.setattr(state_ahead, "nodes_match_events", shifted)
        calls = []
        real_match = audit_verify.nodes_match
        monkeypatch.setattr(audit_verify, "nodes_match", lambda d, quick: calls.append(1) or real_match(d, quick))
        assert verify(db).ok
        assert answers == [True, None] and calls == [1]  # not taken: compared after the scan
    finally:
        db.close()
