"""The schema comes from the migrations, with its triggers and pragmas."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from workbench.storage.files import migrations
from workbench.storage.files.database import open_workspace

TABLES = {
    "meta", "plans", "nodes", "indicators", "departments", "assignments", "indicator_links",
    "notes", "node_status", "reviewers", "events", "_sqlite_migrations",
}  # fmt: skip


def test_migrations_from_empty_create_every_table(db: sqlite_utils.Database) -> None:
    assert TABLES <= set(db.table_names())
    triggers = {t.name: t.table for t in db.triggers}
    assert triggers == {
        "events_no_update": "events", "events_no_delete": "events",
        "nodes_revision_insert": "nodes", "nodes_revision_update": "nodes", "nodes_revision_delete": "nodes",
    }  # fmt: skip
    columns = set(db["events"].columns_dict)
    assert {"seq", "uuid", "time_utc", "tz_offset", "reviewer", "reviewer_unit", "os_user", "host", "action",
            "plan_sha256", "node_key", "department_uid", "indicator_key", "before", "after", "reason",
            "prev_hash", "hash"} <= columns  # fmt: skip
    node_indexes = {tuple(i.columns) for i in db["nodes"].indexes}
    assert {("plan_id", "seq"), ("parent_id", "position"), ("plan_id", "key")} <= node_indexes


def test_pragmas(db: sqlite_utils.Database) -> None:
    pragma = lambda name: db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("busy_timeout") == 5000
    assert pragma("application_id") == migrations.APPLICATION_ID


def test_every_step_is_recorded_and_reopening_applies_nothing(workspace_path: Path, registry_file: Path) -> None:
    db = open_workspace(workspace_path, registry=registry_file)
    steps = [r["name"] for r in db["_sqlite_migrations"].rows]
    assert set(steps) == migrations.known_steps()
    events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    db.close()
    db = open_workspace(workspace_path, registry=registry_file)
    assert migrations.migrations.pending(db) == []
    assert [r["name"] for r in db["_sqlite_migrations"].rows] == steps
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == events  # registry not loaded again
    assert migrations.apply(db) == []
    db.close()


def test_new_workspace_loads_the_registry_as_one_event(db: sqlite_utils.Database) -> None:
    assert db["departments"].count == 6
    rows = list(db.query("SELECT action, subject, reviewer, \"after\" FROM events WHERE action != 'key_publish'"))
    assert len(rows) == 1 and rows[0]["action"] == "registry_load" and rows[0]["subject"] == "departments"
    uids = [r["uid"] for r in db["departments"].rows]
    assert all(uid.startswith("reg-") and len(uid) == 16 for uid in uids)


def test_registry_uid_is_the_same_in_every_workspace(tmp_path: Path, registry_file: Path) -> None:
    a = open_workspace(tmp_path / "a.sqlite", registry=registry_file)
    b = open_workspace(tmp_path / "b.sqlite", registry=registry_file)
    uids = lambda db: {r["name"]: r["uid"] for r in db["departments"].rows}  # noqa: E731
    assert uids(a) == uids(b)
    origin = "SELECT value FROM meta WHERE key = 'workspace_uuid'"
    assert a.execute(origin).fetchone() != b.execute(origin).fetchone()
    a.close()
    b.close()


def test_default_registry_is_the_shipped_file(tmp_path: Path) -> None:
    db = open_workspace(tmp_path / "w.sqlite")
    assert db["departments"].count >= 1
    db.close()


def test_the_events_indexes_are_those_the_queries_use(db: sqlite_utils.Database) -> None:
    """Every index on events costs each of a merge's 100,000 inserts a page write; the hash index (random keys,
    one reader: an anchor check that scans after a full verify) is dropped, the others stay."""
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                          "'events' AND name NOT LIKE 'sqlite_autoindex%'")}  # fmt: skip
    assert names == {"events_origin_seq", "events_node", "events_department", "events_reviewer", "events_time",
                     "events_subject"}  # fmt: skip
    head = db.execute("SELECT hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()[0]
    plan = " / ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN SELECT seq FROM events WHERE hash = ?", [head]))
    assert plan.startswith("SCAN") and "INDEX" not in plan, plan
