"""Opening refuses anything that is not ours and leaves it byte-for-byte untouched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from workbench.storage.files import migrations
from workbench.storage.files.database import open_readonly, open_workspace
from workbench.storage.errors import WorkspaceError

from .conftest import file_sha256


def _refused(path: Path, registry: Path, fragment: str) -> None:
    before = file_sha256(path)
    listing = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(WorkspaceError) as info:
        open_workspace(path, registry=registry)
    message = str(info.value)
    assert str(path) in message and fragment in message and "\n" not in message
    assert file_sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing  # no -wal/-shm/-journal left behind


def test_text_file_is_refused(tmp_path: Path, registry_file: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("第一章 发展环境\n" * 50, encoding="utf-8")
    _refused(path, registry_file, "is not a workbench workspace")


def test_random_binary_is_refused(tmp_path: Path, registry_file: Path) -> None:
    path = tmp_path / "random.sqlite"
    path.write_bytes(os.urandom(8192))
    _refused(path, registry_file, "is not a workbench workspace")


def test_short_file_is_refused(tmp_path: Path, registry_file: Path) -> None:
    path = tmp_path / "short.sqlite"
    path.write_bytes(b"SQLite format 3\x00")
    _refused(path, registry_file, "is not a workbench workspace")


def test_sqlite_file_of_another_application_is_refused(tmp_path: Path, registry_file: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE foo (bar TEXT)")
    conn.execute("INSERT INTO foo VALUES ('x')")
    conn.commit()
    conn.close()
    _refused(path, registry_file, "is not a workbench workspace")


def test_workspace_of_a_newer_version_is_refused(workspace_path: Path, registry_file: Path) -> None:
    open_workspace(workspace_path, registry=registry_file).close()
    conn = sqlite3.connect(workspace_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [migrations.MIGRATION_SET, "m999_from_the_future", "2031-01-01 00:00:00+00:00"],
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _refused(workspace_path, registry_file, "newer version of the workbench (unknown schema step 'm999_from_the_future')")


def test_damaged_workspace_is_refused(workspace_path: Path, registry_file: Path, tmp_path: Path) -> None:
    db = open_workspace(workspace_path, registry=registry_file)
    for i in range(300):  # enough pages that damage lands in a b-tree page, not the header
        db.execute("INSERT INTO reviewers (name, unit, first_seen) VALUES (?, ?, ?)", [f"r{i}" * 40, "u", "t"])
    db.close()
    data = bytearray(workspace_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size):  # keep page 1 (header and schema) intact
        data[page * page_size : page * page_size + 64] = b"\xff" * 64
    workspace_path.write_bytes(bytes(data))
    _refused(workspace_path, registry_file, "is damaged")


def test_missing_file_without_create_is_refused(tmp_path: Path, registry_file: Path) -> None:
    path = tmp_path / "missing.sqlite"
    with pytest.raises(WorkspaceError, match="missing.sqlite"):
        open_workspace(path, create=False, registry=registry_file)
    assert not path.exists()


def test_empty_file_becomes_a_workspace(tmp_path: Path, registry_file: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    db = open_workspace(path, registry=registry_file)
    assert db.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert db["departments"].count == 6
    db.close()


def test_directory_is_refused(tmp_path: Path, registry_file: Path) -> None:
    with pytest.raises(WorkspaceError, match="is a folder, not a workspace file"):
        open_workspace(tmp_path, registry=registry_file)


def test_bad_registry_leaves_no_file(tmp_path: Path) -> None:
    registry = tmp_path / "bad.json"
    registry.write_text("{", encoding="utf-8")
    path = tmp_path / "w.sqlite"
    with pytest.raises(ValueError, match="bad.json"):
        open_workspace(path, registry=registry)
    assert not path.exists()


def test_first_open_cut_short_is_completed_next_time(tmp_path: Path, registry_file: Path) -> None:
    path = tmp_path / "w.sqlite"
    conn = sqlite3.connect(path)  # what a crash right after marking the file leaves
    conn.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    conn.commit()
    conn.close()
    db = open_workspace(path, registry=registry_file)
    assert db["departments"].count == 6
    db.close()


def test_open_readonly_reads_but_cannot_write(workspace_path: Path, registry_file: Path) -> None:
    db = open_workspace(workspace_path, registry=registry_file)
    reader = open_readonly(workspace_path)
    assert reader["departments"].count == 6
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    reader.close()
    db.close()


def test_open_readonly_refuses_foreign_files(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE foo (bar TEXT)")
    conn.close()
    with pytest.raises(WorkspaceError, match="not a workbench workspace"):
        open_readonly(path)
