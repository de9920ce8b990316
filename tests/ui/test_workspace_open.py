"""The GUI when the machine misbehaves: read-only banner, lock countdown with cancel, damaged -> backup offer."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.storage.audit.audit import Reviewer
from workbench.storage.backups import take_backup
from workbench.ui.workspace.workspace_open import LockWaitDialog, open_for_gui

ME = Reviewer("张三", "规划处")


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, time\n"
         f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE')\nprint('holding', flush=True)\n"
         f"time.sleep({seconds})\nc.execute('COMMIT')"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def _events(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def test_lock_held_shows_a_countdown_and_opens_when_released(qtbot, workspace_path):
    holder = _hold_lock(workspace_path, 2.0)
    seen = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LockWaitDialog):
            seen["countdown"] = dialog.countdown.text()
            seen["reason"] = dialog.reason.text()
        else:
            QTimer.singleShot(100, look)

    QTimer.singleShot(300, look)
    try:
        opened = open_for_gui(workspace_path, ME)
    finally:
        holder.wait(10)
    assert opened is not None and opened.read_only == ""
    opened.db.close()
    assert "还剩" in seen["countdown"] and "秒" in seen["countdown"]
    assert f"process {holder.pid}" in seen["reason"]


def test_lock_held_cancel_or_open_read_only(qtbot, workspace_path):
    holder = _hold_lock(workspace_path, 60)
    try:
        QTimer.singleShot(700, lambda: QApplication.activeModalWidget().reject())
        assert open_for_gui(workspace_path, ME) is None  # cancelled: no freeze, no window
        QTimer.singleShot(700, lambda: QApplication.activeModalWidget().read_only_button.click())
        opened = open_for_gui(workspace_path, ME)
        assert opened is not None and opened.read_only
        assert opened.db.execute("SELECT count(*) FROM nodes").fetchone()[0] > 1000  # readable while locked
        opened.db.close()
    finally:
        holder.kill()
        holder.wait()


def test_damaged_workspace_offers_the_newest_good_backup(qtbot, workspace_path):
    from workbench.storage.files.database import open_workspace

    open_workspace(workspace_path).close()  # the copied workspace takes its identity at this path first
    good = take_backup(workspace_path, workspace_path, reason="merge", detail="李四.sqlite")
    good_events = _events(good)
    data = bytearray(workspace_path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096 * 5):
        data[offset + 100 : offset + 600] = b"\x5a" * 500
    workspace_path.write_bytes(bytes(data))
    seen = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text() == "恢复此备份").click()

    QTimer.singleShot(100, answer)
    opened = open_for_gui(workspace_path, ME)
    assert opened is not None and not opened.read_only
    try:
        assert "已损坏" in seen["text"] or "damaged" in seen["text"]
        assert "合并 李四.sqlite 之前" in seen["text"] and f"{good_events} 条记录" in seen["text"]
        # the restore event, after the restorer's first key_publish in this file
        assert opened.db.execute("SELECT count(*) FROM events").fetchone()[0] == good_events + 2
    finally:
        opened.db.close()
    assert list((workspace_path.parent / "backups").glob("*.damaged.sqlite"))


def _run_window(workspace, drive, monkeypatch) -> None:
    """run_gui on `workspace` until `drive(window)` quits it (at most 30 s), without the first-start dialog."""
    from workbench.app import run_gui

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)
    guard.start(30000)
    monkeypatch.setattr("workbench.app._first_start", lambda *a, **k: None)
    assert run_gui(["--db", str(workspace)], on_ready=drive) == 0
    guard.stop()


def test_read_only_medium_opens_with_a_banner_and_no_writing(qtbot, workspace_path, tmp_path, monkeypatch):

    target = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    target.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(target)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        shutil.copyfile(workspace_path, target / "ws.sqlite")
        assert subprocess.run(["mount", "-o", "remount,ro", str(target)]).returncode == 0
        before = sorted(p.name for p in target.iterdir())
        seen = {}

        def drive(window) -> None:
            seen["banner"] = window.read_only_banner.text() if hasattr(window, "read_only_banner") else ""
            seen["banner_visible"] = window.read_only_banner.isVisible() if hasattr(window, "read_only_banner") else False
            seen["import_enabled"] = window.actions_by_name["import"].isEnabled()
            node = window.session.clauses()[0].db_id
            window.select_node(node)
            window.annotator.set_target(node)
            seen["assigned"] = window.annotator.assign(window.session.departments()[0].db_id)
            seen["picker_enabled"] = window.annotation.picker.isEnabled()
            window.close()
            QApplication.quit()

        _run_window(target / "ws.sqlite", drive, monkeypatch)
        assert seen["banner_visible"] and "只读" in seen["banner"] and "位于只读介质上" in seen["banner"]
        assert "read-only" not in seen["banner"]  # no English in the Chinese window
        assert not seen["import_enabled"] and not seen["picker_enabled"] and seen["assigned"] is False
        assert sorted(p.name for p in target.iterdir()) == before  # nothing written, nothing created
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def test_a_click_while_another_program_holds_the_lock_fails_fast_naming_it(qtbot, window, repo, departments):
    import time

    from workbench.ui.workspace.workspace_open import GUI_BUSY_TIMEOUT_MS

    repo.db.execute(f"PRAGMA busy_timeout = {GUI_BUSY_TIMEOUT_MS}")  # as run_gui sets it
    node_id = window.session.clauses()[20].db_id
    window.select_node(node_id)
    window.annotator.set_target(node_id)
    holder = _hold_lock(window.session.path, 60)
    try:
        started = time.monotonic()
        assert not window.annotator.assign(departments["市科技局"])
        elapsed = time.monotonic() - started
        assert "占用" in window.status.currentMessage() and f"process {holder.pid}" in window.status.currentMessage()
    finally:
        holder.kill()
        holder.wait()
    assert elapsed < 10  # was 40 retries x 5 s: a window frozen for 200 s
    assert window.annotator.assign(departments["市科技局"])  # once the lock is gone the same click lands


def test_a_full_disk_opens_read_only_instead_of_exiting(qtbot, workspace_path, tmp_path):
    target = tmp_path / f"full-{uuid.uuid4().hex[:6]}"
    target.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(target)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        ws = target / "ws.sqlite"
        shutil.copyfile(workspace_path, ws)
        subprocess.run(["dd", "if=/dev/zero", f"of={target / 'filler'}", "bs=64k", "count=1000"], capture_output=True)
        opened = open_for_gui(ws, ME)
        assert opened is not None and "磁盘已满" in opened.read_only
        assert opened.db.execute("SELECT count(*) FROM nodes").fetchone()[0] > 1000
        opened.db.close()
        assert sorted(p.name for p in target.iterdir()) == ["filler", "ws.sqlite"]
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def test_a_read_only_file_is_explained_in_chinese(workspace_path, monkeypatch):
    """The reason in the read-only banner was the storage layer's English sentence."""
    import os

    real_access = os.access
    monkeypatch.setattr("workbench.storage.files.database.os.access",
                        lambda p, mode: False if Path(p) == workspace_path and mode == os.W_OK else real_access(p, mode))
    opened = open_for_gui(workspace_path, ME)
    assert opened is not None
    try:
        assert opened.read_only == f"{workspace_path} 是只读文件"
    finally:
        opened.db.close()


def test_the_daily_copy_is_taken_beside_the_open_window_of_the_state_at_opening(qtbot, workspace_path, tmp_path,
                                                                                  monkeypatch):
    import sqlite3

    from workbench.storage.backups import list_backups

    ws = tmp_path / f"daily-{uuid.uuid4().hex[:6]}" / "ws.sqlite"
    ws.parent.mkdir()
    shutil.copyfile(workspace_path, ws)

    def events(path) -> int:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM events").fetchone()[0]
        finally:
            conn.close()

    seen = {}

    def drive(window) -> None:
        seen["at_open"] = events(ws)  # opening writes too (the reviewer's key); the tag below is the day's first edit
        node = window.session.clauses()[0].db_id
        window.select_node(node)
        window.annotator.set_target(node)
        seen["assigned"] = window.annotator.assign(window.session.departments()[0].db_id)
        window.close()
        QApplication.quit()

    _run_window(ws, drive, monkeypatch)
    assert seen["assigned"]
    (daily,) = [b for b in list_backups(ws) if b.reason == "daily"]
    assert events(daily.path) == seen["at_open"] < events(ws)  # the copy is the workspace before the day's first write


def test_a_daily_backup_the_disk_cannot_hold_is_said_in_chinese(qtbot, workspace_path, tmp_path, monkeypatch):
    """The day's first start copies the workspace beside it on a thread; on a disk with no room for the copy
    the window keeps working and its status bar says why, in the reviewer's words (磁盘已满), not SQLite's alone."""
    target = tmp_path / f"full-{uuid.uuid4().hex[:6]}"
    target.mkdir()
    room = workspace_path.stat().st_size + 512 * 1024  # the workspace and its journal fit; a second copy does not
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={room}", "tmpfs", str(target)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        shutil.copyfile(workspace_path, target / "ws.sqlite")
        seen = {}

        def drive(window) -> None:
            text = window.status.currentMessage()
            if "今日备份" in text:
                seen["status"] = text
                QApplication.quit()
            else:
                QTimer.singleShot(100, lambda: drive(window))

        _run_window(target / "ws.sqlite", drive, monkeypatch)
        assert seen["status"].startswith("今日备份未能完成：磁盘已满"), seen
        assert not list((target / "backups").glob("*.sqlite"))  # no half copy left as if it were a backup
    finally:
        subprocess.run(["umount", "-l", str(target)])
