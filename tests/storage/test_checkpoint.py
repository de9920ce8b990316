"""A large write's checkpoint runs after its commit, on a thread (files/checkpoint.py): the commit leaves the
pages in the -wal (the main file unchanged), the thread copies them in, and closing a workspace waits for it."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from workbench.storage.files import checkpoint


def _big_write(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE IF NOT EXISTS filler (x TEXT)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 1000,) for _ in range(8000)])  # ~2000 pages


def test_the_commit_leaves_the_checkpoint_to_the_thread(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "w.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_before = path.stat().st_size
    started: list[Path] = []
    monkeypatch.setattr(checkpoint, "start", started.append)
    with checkpoint.deferred(conn, path):
        (inside,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
        conn.execute("BEGIN")
        _big_write(conn)
        conn.execute("COMMIT")
    assert inside == 0
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # restored
    assert started == [path]
    assert path.stat().st_size == size_before  # the commit copied nothing into the main file
    monkeypatch.undo()
    checkpoint.start(path)
    checkpoint.settle(path)
    assert not checkpoint.pending()
    assert path.stat().st_size > size_before + 1000 * 1024  # the thread did
    assert conn.execute("SELECT count(*) FROM filler").fetchone()[0] == 8000
    conn.close()


def test_without_a_commit_of_its_own_nothing_is_deferred(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "w.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    started: list[Path] = []
    monkeypatch.setattr(checkpoint, "start", started.append)
    conn.execute("BEGIN")  # a caller's transaction: its commit (later) checkpoints as usual
    with checkpoint.deferred(conn, path):
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        _big_write(conn)
    conn.execute("COMMIT")
    with checkpoint.deferred(conn, None):  # (in memory)
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert started == []
    conn.close()


def test_closing_the_workspace_waits_for_its_checkpoint(db, workspace_path: Path, monkeypatch) -> None:
    path = workspace_path
    release = threading.Event()
    real_run = checkpoint._run
    ran: list[str] = []

    def slow_run(real: str, before) -> None:
        release.wait(10)
        ran.append(real)
        real_run(real, before)

    monkeypatch.setattr(checkpoint, "_run", slow_run)
    with checkpoint.deferred(db.conn, path), db.atomic():
        _big_write(db.conn)
    assert checkpoint.pending()
    threading.Timer(0.2, release.set).start()
    db.close()
    assert ran and not checkpoint.pending()  # close returned only after the checkpoint
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM filler").fetchone()[0] == 8000
    conn.close()


def test_a_checkpoint_of_a_file_gone_meanwhile_is_dropped_quietly(tmp_path: Path) -> None:
    checkpoint.start(tmp_path / "gone.sqlite")  # mode=rw: no file is created
    checkpoint.settle(tmp_path / "gone.sqlite")
    assert not (tmp_path / "gone.sqlite").exists()
    assert not checkpoint.pending()


def test_a_checkpoint_thread_that_cannot_start_is_left_to_sqlite(tmp_path: Path, monkeypatch) -> None:
    """Starting the thread fails (no thread left to the process): the write has committed, so nothing is
    raised, and nothing stays pending (close would otherwise join a thread that never started)."""
    path = tmp_path / "w.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")

    def cannot_start(self) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(checkpoint.threading.Thread, "start", cannot_start)
    with checkpoint.deferred(conn, path):
        conn.execute("BEGIN")
        _big_write(conn)
        conn.execute("COMMIT")
    monkeypatch.undo()
    assert not checkpoint.pending()
    checkpoint.settle(path)
    assert conn.execute("SELECT count(*) FROM filler").fetchone()[0] == 8000
    conn.close()
