"""The node comparison's first, cheaper test: each target's stored `after` text against the canonical JSON
built from its node's table rows (state_sql.py _lists_match_by_text, _values_match_by_text).

It may only say "equal" when the lists or values are equal; when a text differs for a harmless reason (a
department renamed since the event) the element comparison decides, and verify's verdict never changes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workbench.storage.audit.audit_verify import check_log
from workbench.storage.audit.last_events import last_events
from workbench.storage.files.database import open_readonly
from workbench.storage.state import state_sql
from workbench.storage.state.state_sql import nodes_match, target_payloads

from .test_audit_tamper import _tamper, _work, honest  # noqa: F401  (honest is a fixture)
from .test_state_sql import _reports
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository


@pytest.fixture
def single(tmp_path: Path, registry_file: Path) -> Path:
    """One reviewer's workspace: assignments, a note, a status, a timing and an indicator link."""
    path = tmp_path / "single.sqlite"
    _work(path, registry_file, Reviewer("张三", "规划处"), "市发展改革委", "市科技局")
    return path


def _by_text(path: Path) -> dict[str, bool]:
    """subject -> what the text test answers, and "all" -> nodes_match's answer."""
    db = open_readonly(path)
    try:
        log = check_log(db, ordered=False)
        quick = last_events(log.history, log.events)
        payloads = target_payloads(quick)
        assert payloads is not None
        tests = {**dict.fromkeys(state_sql._LIST_TEXTS, state_sql._lists_match_by_text),
                 **dict.fromkeys(state_sql._VALUE_TEXTS, state_sql._values_match_by_text)}  # fmt: skip
        answers = {}
        for subject, test in tests.items():
            try:
                answers[subject] = test(db.conn, subject, payloads[subject])
            except sqlite3.Error:  # a row that cannot be built alike: "may differ", as nodes_match takes it
                answers[subject] = False
        answers["all"] = nodes_match(db, quick)
        return answers
    finally:
        db.close()


def test_an_untouched_workspace_is_equal_by_text_alone(single: Path) -> None:
    assert _by_text(single) == dict.fromkeys([*state_sql._LIST_TEXTS, *state_sql._VALUE_TEXTS, "all"], True)


def test_a_renamed_department_leaves_it_to_the_elements(single: Path, registry_file: Path, monkeypatch) -> None:
    db = open_workspace(single, registry=registry_file)
    Repository(db, Reviewer("张三", "规划处")).rename_department(
        department_id=db.execute("SELECT id FROM departments WHERE name = '市科技局'").fetchone()[0], new_name="市科学技术局")
    db.close()
    answers = _by_text(single)  # the assign events name 市科技局; the table's department is 市科学技术局 now
    assert answers["assignments"] is False and answers["all"] is True
    as_is, python_only = _reports(single, monkeypatch)
    assert as_is["ok"] and as_is == python_only


@pytest.mark.parametrize("statements", [
    # a role the schema's CHECK refuses, written with the checks off
    ["PRAGMA ignore_check_constraints = ON", "UPDATE assignments SET role = 'owner' WHERE position = 0"],
    ["RELAX assignments role TEXT NOT NULL", "UPDATE assignments SET role = NULL WHERE position = 1"],
    ["UPDATE assignments SET department_id = 99999 WHERE position = 1"],  # a department that is not there
    # one more row on a node, of a kind the JSON cannot be built from: it must not just drop out of the text
    ["PRAGMA ignore_check_constraints = ON", "INSERT INTO assignments (node_id, department_id, role, position) "
     "SELECT node_id, (SELECT max(id) FROM departments), 'owner', 5 FROM assignments WHERE position = 1"],
    ["RELAX assignments role TEXT NOT NULL", "INSERT INTO assignments (node_id, department_id, role, position) "
     "SELECT node_id, (SELECT max(id) FROM departments), NULL, 5 FROM assignments WHERE position = 1"],
    ["UPDATE indicator_links SET indicator_id = (SELECT max(id) FROM indicators)"],
    ["UPDATE notes SET text = text || ' '"],
    ["UPDATE node_status SET review_status = 'question' WHERE review_status = 'reviewed'"],
    ["RELAX node_status timing TEXT NOT NULL", "UPDATE node_status SET timing = NULL WHERE timing <> ''"],
    ["INSERT INTO notes (node_id, text, updated_at) SELECT max(id), '无事件', '2026' FROM nodes"],
])  # fmt: skip
def test_a_table_edited_behind_the_apps_back_is_never_equal_by_text(single: Path, monkeypatch, statements) -> None:
    conn = sqlite3.connect(single)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        if statement.startswith("RELAX "):  # drop a NOT NULL from the schema, as a hand-edited file could
            _, table, declared = statement.split(" ", 2)
            conn.execute("PRAGMA writable_schema = ON")
            conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?",
                         [declared, declared.removesuffix(" NOT NULL"), table])  # fmt: skip
            conn.commit()
            conn.close()
            conn = sqlite3.connect(single)
            continue
        conn.execute(statement)
    conn.commit()
    conn.close()
    answers = _by_text(single)
    assert not answers["all"] and list(answers.values()).count(False) >= 2  # its text test and the whole
    as_is, python_only = _reports(single, monkeypatch)
    assert as_is == python_only and not as_is["ok"]


def test_the_text_tests_use_the_indexes(single: Path) -> None:
    db = open_readonly(single)
    try:
        for sql in (state_sql._BY_TEXT.format(targets=state_sql._TARGETS, fragments=fragments, text=text)
                    for fragments, text, _ in state_sql._LIST_TEXTS.values()):  # fmt: skip
            plan = " | ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, ["[1]"]))
            assert "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan  # the event by its seq
            assert "(plan_id=? AND key=?)" in plan, plan  # the node by (plan, key)
            assert "(node_id=?)" in plan, plan  # the node's rows by node
            assert "SCAN s" not in plan and "SCAN n" not in plan and "SCAN e" not in plan, plan
        for table, column, default, defaults in state_sql._VALUE_TEXTS.values():
            sql = state_sql._VALUE_BY_TEXT.format(targets=state_sql._TARGETS, table=table, column=column,
                                                  default=default, defaults=defaults)  # fmt: skip
            plan = " | ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, ["[1]"]))
            assert "SEARCH s USING" in plan and "SCAN s" not in plan and "SCAN n" not in plan, plan
    finally:
        db.close()


def _tiny(after: str | None, stored: str | None, subject: str) -> bool:
    """_values_match_by_text on one target: its last event's `after` text and its node's stored value."""
    table, column, default, _ = state_sql._VALUE_TEXTS[subject]
    conn = sqlite3.connect(":memory:")
    conn.executescript(f"""CREATE TABLE plans (id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE);
        CREATE TABLE nodes (id INTEGER PRIMARY KEY, plan_id INTEGER, key TEXT, UNIQUE (plan_id, key));
        CREATE TABLE events (seq INTEGER PRIMARY KEY, plan_sha256 TEXT, node_key TEXT, "after" TEXT);
        CREATE TABLE {table} (node_id INTEGER PRIMARY KEY, {column} TEXT);
        INSERT INTO plans VALUES (1, 'p'); INSERT INTO nodes VALUES (7, 1, 'k');""")
    conn.execute("INSERT INTO events VALUES (1, 'p', 'k', ?)", [after])
    if stored is not None:
        conn.execute(f"INSERT INTO {table} (node_id, {column}) VALUES (7, ?)", [stored])
    return state_sql._values_match_by_text(conn, subject, "[1]")


@pytest.mark.parametrize("subject, after, stored, equal", [
    ("review_status", '"reviewed"', "reviewed", True),
    ("review_status", '"unreviewed"', None, True),
    ("review_status", '""', "unreviewed", True),
    ("review_status", None, None, True),
    # replay reads an `after` of "" as "unreviewed"; a stored '' is another value (Python: they differ)
    ("review_status", '""', "", False),
    ("review_status", '"reviewed"', "question", False),
    ("note", '"备注"', "备注", True),
    ("note", '"备注"', None, False),
    ("note", "null", "", True),
    ("note", '""', "别的", False),
    ("timing", '"2027"', "2027", True),
])  # fmt: skip
def test_a_value_is_equal_by_text_only_when_replay_would_agree(subject, after, stored, equal) -> None:
    assert _tiny(after, stored, subject) is equal


@pytest.mark.parametrize("subject", ["note", "remark"])
def test_a_text_cut_at_a_nul_character_is_not_equal(tmp_path: Path, registry_file: Path, subject: str) -> None:
    """json_extract ends a decoded string at a NUL character: an event's "甲\\u0000乙" must not compare equal
    with a table row holding 甲 (a row cut short, or edited so), neither with a row holding all of it."""
    from workbench.storage.audit.audit_verify import verify

    from .conftest import make_plan

    repo = Repository(open_workspace(tmp_path / "nul.sqlite", registry=registry_file), Reviewer("张三", "规划处"))
    try:
        repo.import_plan(make_plan())
        node = repo.db.execute("SELECT id FROM nodes WHERE kind = 'clause' LIMIT 1").fetchone()[0]
        tampered, beside = (repo.set_note, repo.set_remark) if subject == "note" else (repo.set_remark, repo.set_note)
        tampered(node_id=node, text="甲\x00乙")
        beside(node_id=node + 1, text="丙\x00丁")  # an untouched text with a NUL, of the other subject
        assert verify(repo.db).ok
        table = "notes" if subject == "note" else "remarks"
        repo.db.execute(f"UPDATE {table} SET text = ? WHERE node_id = ?", ["甲", node])
        report = verify(repo.db)
        assert not report.ok and f"({subject})" in report.reason, report
    finally:
        repo.db.close()
