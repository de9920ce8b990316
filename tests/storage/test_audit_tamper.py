"""Tampering with the workspace file directly (sqlite3, as an intruder would) is caught
by `verify` and makes `workbench audit verify` exit non-zero.

Each case starts from an honest workspace with a merged-in second reviewer,
closes it, edits the file with a plain sqlite3 connection and then verifies.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files.database import open_readonly, open_workspace
from workbench.storage.sync.merge import merge_workspace
from workbench.storage.repository import Repository

from .conftest import make_plan


def _work(path: Path, registry: Path, who: Reviewer, lead: str, support: str) -> None:
    db = open_workspace(path, registry=registry)
    repo = Repository(db, who)
    plan_id = repo.import_plan(make_plan()).plan_id
    clauses = [r[0] for r in db.execute("SELECT id FROM nodes WHERE kind = 'clause' AND key LIKE 'ch%' ORDER BY seq")]
    dept = {d.name: d.db_id for d in repo.departments()}
    repo.assign(node_id=clauses[0], department_id=dept[lead])
    repo.assign(node_id=clauses[0], department_id=dept[support], role="support")
    repo.assign(node_id=clauses[1], department_id=dept[lead], reason="职责")
    repo.set_note(node_id=clauses[1], text=f"{who.name}的备注")
    repo.set_review_status(node_id=clauses[2], status="reviewed")
    repo.set_timing(node_id=clauses[2], timing="2027")
    repo.link_indicator(node_id=clauses[2], indicator_id=repo.indicators(plan_id)[0].id)
    db.close()


@pytest.fixture
def honest(tmp_path: Path, registry_file: Path) -> Path:
    """A workspace with its own events and a second reviewer's merged in."""
    ours, theirs = tmp_path / "ours.sqlite", tmp_path / "theirs.sqlite"
    _work(ours, registry_file, Reviewer("张三", "规划处"), "市发展改革委", "市科技局")
    _work(theirs, registry_file, Reviewer("李四", "科技处"), "市科技局", "市财政局")
    db = open_workspace(ours, registry=registry_file)
    merge_workspace(db, theirs, reviewer=Reviewer("组长"), backup=False)
    Repository(db, Reviewer("张三", "规划处")).rename_department(
        department_id=db.execute("SELECT id FROM departments WHERE name = '市财政局'").fetchone()[0],
        new_name="市财政厅",
    )
    db.close()
    return ours


def _report(path: Path):
    db = open_readonly(path)
    try:
        return verify(db)
    finally:
        db.close()


def _tamper(path: Path, *statements: str, params: list | None = None, unprotect: bool = False) -> None:
    conn = sqlite3.connect(path)
    try:
        if unprotect:
            conn.execute("DROP TRIGGER events_no_update")
            conn.execute("DROP TRIGGER events_no_delete")
        for statement in statements:
            conn.execute(statement, params or [])
        conn.commit()
    finally:
        conn.close()


def _event_uuids(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT uuid FROM events ORDER BY seq")]
    finally:
        conn.close()


def _cli_fails(path: Path, capsys) -> str:
    code = main(["audit", "verify", "--db", str(path)])
    out = capsys.readouterr().out
    assert code != 0, out
    assert out.startswith("FAILED")
    return out


def test_honest_workspace_verifies(honest: Path, capsys) -> None:
    report = _report(honest)
    assert report.ok, report.reason
    assert report.origins == 2 and report.events == len(_event_uuids(honest)) and report.targets > 10
    assert main(["audit", "verify", "--db", str(honest)]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_deleted_event_is_detected(honest: Path, capsys) -> None:
    uuids = _event_uuids(honest)
    _tamper(honest, "DELETE FROM events WHERE uuid = ?", params=[uuids[4]], unprotect=True)
    report = _report(honest)
    assert not report.ok and report.first_bad_uuid == uuids[5] and "deleted" in report.reason
    _cli_fails(honest, capsys)


def test_deleted_last_event_is_detected(honest: Path, capsys) -> None:
    _tamper(honest, "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)", unprotect=True)
    report = _report(honest)
    assert not report.ok and "missing" in report.reason
    _cli_fails(honest, capsys)


def test_changed_reviewer_name_is_detected(honest: Path, capsys) -> None:
    uuids = _event_uuids(honest)
    _tamper(honest, "UPDATE events SET reviewer = '王五' WHERE uuid = ?", params=[uuids[3]], unprotect=True)
    report = _report(honest)
    assert not report.ok and report.first_bad_uuid == uuids[3] and "altered" in report.reason
    assert uuids[3] in _cli_fails(honest, capsys)


def test_changed_merged_event_is_detected(honest: Path, capsys) -> None:
    """An event from the other reviewer's chain is protected as well."""
    conn = sqlite3.connect(honest)
    origin = conn.execute("SELECT value FROM meta WHERE key = 'workspace_uuid'").fetchone()[0]
    foreign = conn.execute("SELECT uuid FROM events WHERE origin <> ? AND action = 'assign' LIMIT 1", [origin]).fetchone()[0]
    conn.close()
    _tamper(honest, """UPDATE events SET "after" = '[]' WHERE uuid = ?""", params=[foreign], unprotect=True)
    assert _report(honest).first_bad_uuid == foreign
    _cli_fails(honest, capsys)


def test_swapped_events_are_detected(honest: Path, capsys) -> None:
    conn = sqlite3.connect(honest)
    (a, b) = [r[0] for r in conn.execute("SELECT seq FROM events ORDER BY seq LIMIT 2 OFFSET 3")]
    conn.close()
    _tamper(
        honest,
        f"UPDATE events SET seq = -1 WHERE seq = {a}",
        f"UPDATE events SET seq = {a} WHERE seq = {b}",
        f"UPDATE events SET seq = {b} WHERE seq = -1",
        unprotect=True,
    )
    report = _report(honest)
    assert not report.ok and "reordered" in report.reason
    _cli_fails(honest, capsys)


def test_dropped_triggers_alone_are_reported(honest: Path, capsys) -> None:
    _tamper(honest, unprotect=True)
    report = _report(honest)
    assert not report.ok and "trigger" in report.reason
    _cli_fails(honest, capsys)


def test_edited_row_with_recreated_triggers_is_detected(honest: Path, capsys) -> None:
    uuids = _event_uuids(honest)
    _tamper(
        honest,
        "UPDATE events SET reason = '无' WHERE uuid = ?",
        params=[uuids[6]],
        unprotect=True,
    )
    _tamper(
        honest,
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    )
    assert _report(honest).first_bad_uuid == uuids[6]
    _cli_fails(honest, capsys)


@pytest.mark.parametrize(
    "statement, fragment",
    [
        ("UPDATE assignments SET role = 'support' WHERE position = 0 AND node_id = "
         "(SELECT min(node_id) FROM assignments)", "assignments"),
        ("INSERT INTO assignments (node_id, department_id, role, position) SELECT n.id, "
         "(SELECT id FROM departments WHERE name = '天津海关'), 'lead', 0 FROM nodes n WHERE n.key = 'ch02/s02/p03'",
         "ch02/s02/p03"),
        ("DELETE FROM indicator_links", "indicator_links"),
        ("UPDATE notes SET text = '改过的备注'", "note"),
        ("UPDATE node_status SET timing = 'ongoing'", "timing"),
        ("UPDATE node_status SET review_status = 'question'", "review_status"),
        ("UPDATE departments SET name = '市科学技术局' WHERE name = '市科技局'", "department"),
        ("UPDATE departments SET retired = 1 WHERE name = '天津海关'", "department"),
        ("INSERT INTO departments (uid, name, kind) VALUES ('x-1', '市影子局', 'government_department')", "no event"),
    ],
)  # fmt: skip
def test_state_edited_without_an_event_is_detected(honest: Path, capsys, statement: str, fragment: str) -> None:
    assert _report(honest).ok
    _tamper(honest, statement)
    report = _report(honest)
    assert not report.ok and fragment in report.reason, report.reason
    _cli_fails(honest, capsys)


@pytest.mark.parametrize("table, column", [("departments", "name"), ("notes", "text")])
def test_state_text_that_is_not_utf8_fails_verify_in_one_line(honest: Path, capsys, table: str, column: str) -> None:
    """Another program wrote bytes that are not UTF-8 into a state table: a verdict naming it, not a crash."""
    not_utf8 = "CAST(x'e5b8ff' AS TEXT)"  # 市 cut short, then a byte UTF-8 never uses
    _tamper(honest, f"UPDATE {table} SET {column} = {not_utf8} WHERE rowid = (SELECT min(rowid) FROM {table})")
    report = _report(honest)
    assert not report.ok and "not valid UTF-8" in report.reason and column in report.reason, report.reason
    assert "not valid UTF-8" in _cli_fails(honest, capsys)


def test_state_mismatch_names_the_event_it_should_match(honest: Path) -> None:
    conn = sqlite3.connect(honest)
    node = conn.execute("SELECT node_key FROM events WHERE subject = 'note' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    # Both reviewers noted this clause without seeing each other's note: the disputed clause shows
    # the side with the smaller event hash (never the later clock), and that is the event it should match.
    last = conn.execute("SELECT uuid FROM events WHERE subject = 'note' AND node_key = ? ORDER BY hash LIMIT 1",
                        [node]).fetchone()[0]
    assert conn.execute("SELECT count(DISTINCT origin) FROM events WHERE subject = 'note' AND node_key = ?",
                        [node]).fetchone()[0] == 2
    conn.close()
    _tamper(honest, "UPDATE notes SET text = 'x' WHERE node_id = (SELECT id FROM nodes WHERE key = ?)", params=[node])
    report = _report(honest)
    assert report.first_bad_uuid == last and node in (report.target or "")


def test_damaged_file_makes_verify_fail(honest: Path, capsys) -> None:
    data = bytearray(honest.read_bytes())
    data[:16] = b"not a database!!"
    honest.write_bytes(bytes(data))
    assert main(["audit", "verify", "--db", str(honest)]) != 0




def test_deleted_last_event_of_a_merged_chain_is_detected(honest: Path, capsys) -> None:
    """That chain is still a valid prefix; the gap in seq and the merge record give it away."""
    conn = sqlite3.connect(honest)
    origin = conn.execute("SELECT value FROM meta WHERE key = 'workspace_uuid'").fetchone()[0]
    last_foreign = conn.execute("SELECT max(seq) FROM events WHERE origin <> ?", [origin]).fetchone()[0]
    conn.close()
    _tamper(honest, f"DELETE FROM events WHERE seq = {last_foreign}", unprotect=True)
    report = _report(honest)
    assert not report.ok and f"seq {last_foreign} is missing" in report.reason
    _cli_fails(honest, capsys)


def test_merge_record_without_its_events_is_detected(honest: Path) -> None:
    """Delete a merged chain's last event and renumber to hide the gap: the merge event names it."""
    conn = sqlite3.connect(honest)
    origin = conn.execute("SELECT value FROM meta WHERE key = 'workspace_uuid'").fetchone()[0]
    last_foreign = conn.execute("SELECT max(seq) FROM events WHERE origin <> ?", [origin]).fetchone()[0]
    conn.close()
    _tamper(honest, f"DELETE FROM events WHERE seq = {last_foreign}",
            f"UPDATE events SET seq = seq - 1 WHERE seq > {last_foreign}",
            "UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'events'", unprotect=True)  # fmt: skip
    report = _report(honest)
    assert not report.ok and "merge event" in report.reason
