"""Backups that protect what matters: what is copied when, what is kept, and restoring one."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.storage.backups import DailyBackup, daily_backup, list_backups, newest_good, restore_backup, take_backup
from workbench.storage.backups.taking import prune
from workbench.storage.repository import Reviewer


def _events(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def _lead(path: Path, key: str) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [r[0] for r in conn.execute(
            "SELECT d.name FROM assignments a JOIN departments d ON d.id = a.department_id "
            "JOIN nodes n ON n.id = a.node_id WHERE n.key = ? ORDER BY a.position", [key])]
    finally:
        conn.close()


@pytest.fixture()
def two_desks(tmp_path, seed_path):
    a, b = tmp_path / "a" / "ws.sqlite", tmp_path / "b" / "ws.sqlite"
    for path, who in ((a, "张三"), (b, "李四")):
        path.parent.mkdir()
        assert main(["import", str(seed_path), "--db", str(path), "--reviewer", who]) == 0
    assert main(["assign", "ch03/s01/p01", "市科技局", "--db", str(b), "--reviewer", "李四"]) == 0
    return a, b


def test_merge_then_fifty_small_commands_then_restore_the_pre_merge_copy(two_desks, capsys):
    a, b = two_desks
    assert main(["merge", str(b), "--db", str(a), "--reviewer", "张三"]) == 0
    assert _lead(a, "ch03/s01/p01") == ["市科技局"]
    (merge_copy,) = [x for x in list_backups(a) if x.reason == "merge"]
    pre_merge_events = _events(merge_copy.path)
    assert merge_copy.detail == "ws.sqlite" and merge_copy.events == pre_merge_events
    for i in range(50):
        verb = "unassign" if i % 2 else "assign"
        assert main([verb, f"ch04/s01/p0{1 + (i // 2) % 3}", "市财政局", "--db", str(a)]) == 0
    capsys.readouterr()
    kept = list_backups(a)
    assert len(kept) <= 2 and merge_copy.path in [x.path for x in kept]  # 50 commands took no copy
    after_commands = _events(a)
    number = next(x.number for x in kept if x.reason == "merge")
    assert main(["backup", "list", "--db", str(a)]) == 0
    listing = capsys.readouterr().out
    assert "before a merge ws.sqlite" in listing and f"{pre_merge_events} events" in listing
    assert main(["backup", "restore", str(number), "--db", str(a), "--yes", "--reviewer", "组长"]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out
    assert _lead(a, "ch03/s01/p01") == []  # the merged assignment is gone again
    # the copy's events, the restore event and, before it, 组长's first key_publish in this file
    assert _events(a) == pre_merge_events + 2
    conn = sqlite3.connect(a)
    action, who = conn.execute("SELECT action, reviewer FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    conn.close()
    assert (action, who) == ("backup_restore", "组长")
    (set_aside,) = [x for x in list_backups(a) if x.reason == "restore"]
    assert _events(set_aside.path) == after_commands  # what the restore replaced is itself kept
    assert main(["audit", "verify", "--db", str(a)]) == 0


def test_daily_copy_once_a_day_and_only_when_changed(two_desks):
    a, _ = two_desks
    first = daily_backup(a)
    assert first is not None and daily_backup(a) is None  # already one today
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    assert daily_backup(a, now=tomorrow) is None  # nothing changed since that copy
    assert main(["assign", "ch04/s01/p01", "市财政局", "--db", str(a)]) == 0
    assert daily_backup(a, now=tomorrow) is not None


def test_window_daily_copy_holds_the_state_at_opening_not_the_writes_made_while_it_copies(two_desks):
    a, _ = two_desks
    before = _events(a)
    pending = DailyBackup.pin(a)
    assert pending is not None
    assert main(["assign", "ch04/s01/p01", "市财政局", "--db", str(a)]) == 0  # the reviewer tags at once
    pending.start()
    pending.wait()
    assert pending.error is None and pending.taken is not None
    assert _events(pending.taken) == before < _events(a)
    assert [b.reason for b in list_backups(a)][0] == "daily"
    assert DailyBackup.pin(a) is None  # today's copy is taken
    assert not list(pending.taken.parent.glob("*.part*"))


def test_a_copy_taken_in_steps_holds_the_pinned_state_though_the_workspace_changes_between_steps(two_desks,
                                                                                                monkeypatch):
    """The copy runs in steps (taking.STEP_PAGES, so that a discarded one can stop); another connection's commits
    between two steps neither enter the copy nor restart it (SQLite restarts a stepped backup on a change
    unless, as here, the pinned read transaction holds its snapshot)."""
    import threading

    from workbench.storage.backups import background, taking

    a, _ = two_desks
    before = _events(a)
    monkeypatch.setattr(taking, "STEP_PAGES", 1)
    steps = []
    pending = DailyBackup.pin(a)
    assert pending is not None
    real_between = background.PinnedBackup._between_steps

    def between(self) -> None:
        steps.append(True)
        if len(steps) <= 3:  # the reviewer tags while the copy runs (another connection, another thread)
            writer = threading.Thread(target=main, args=(["assign", f"ch0{len(steps) + 3}/s01/p01", "市财政局",
                                                          "--db", str(a)],))  # fmt: skip
            writer.start()
            writer.join()
        real_between(self)

    monkeypatch.setattr(background.PinnedBackup, "_between_steps", between)
    pending.start()
    pending.wait()
    assert pending.error is None and pending.taken is not None
    assert _events(pending.taken) == before < _events(a) - 2
    copy = sqlite3.connect(pending.taken)
    try:
        assert len(steps) == copy.execute("PRAGMA page_count").fetchone()[0]  # a step per page: never started over
    finally:
        copy.close()


def _backdate(copy: Path, days: int) -> Path:
    name, stamp, reason, ext = copy.name.rsplit(".", 3)
    old = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ") - timedelta(days=days)
    target = copy.with_name(f"{name}.{old.strftime('%Y%m%dT%H%M%S%fZ')}.{reason}.{ext}")
    copy.rename(target)
    Path(f"{copy}.json").rename(Path(f"{target}.json"))
    return target


def test_retention_keeps_protected_copies_dailies_for_a_week_within_the_cap(two_desks, monkeypatch):
    a, _ = two_desks
    conn = sqlite3.connect(a)
    old_daily = _backdate(take_backup(conn, a, reason="daily"), 9)
    recent_daily = _backdate(take_backup(conn, a, reason="daily"), 3)
    old_merge = _backdate(take_backup(conn, a, reason="merge", detail="b.sqlite"), 30)
    take_backup(conn, a, reason="division", detail="分工.xlsx")
    conn.close()
    names = {x.path for x in list_backups(a)}
    assert old_daily not in names and recent_daily in names and old_merge in names
    size = old_merge.stat().st_size
    monkeypatch.setenv("WORKBENCH_BACKUP_CAP_MB", str(max(1, (2 * size) // (1024 * 1024))))
    monkeypatch.setattr("workbench.storage.backups.taking.cap_bytes", lambda _w: int(2.5 * size))
    prune(a)
    kept = list_backups(a)
    assert len(kept) == 2 and kept[0].reason == "division"  # the oldest went first, the newest stays
    assert not list(a.parent.glob("backups/*.part"))


def test_a_damaged_workspace_is_offered_its_newest_good_backup_and_restored(two_desks, capsys):
    a, _ = two_desks
    good = take_backup(a, a, reason="daily")
    data = bytearray(a.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096 * 5):
        data[offset + 100 : offset + 600] = b"\x5a" * 500
    a.write_bytes(bytes(data))
    assert newest_good(a).path == good
    code = main(["assign", "ch04/s01/p01", "市财政局", "--db", str(a)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "is damaged" in err
    assert f"newest good backup is {good}" in err and "workbench backup restore 1" in err
    result = restore_backup(a, newest_good(a), reviewer=Reviewer("组长"))
    assert result.set_aside is not None and result.set_aside.name.endswith(".damaged.sqlite")
    assert result.set_aside.read_bytes() == bytes(data)  # the damaged file is kept as it was
    assert main(["audit", "verify", "--db", str(a)]) == 0


def test_a_failed_copy_leaves_nothing(two_desks, monkeypatch):
    a, _ = two_desks

    class Full(sqlite3.Connection):
        def backup(self, *args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

    conn = sqlite3.connect(a, factory=Full)
    with pytest.raises(sqlite3.OperationalError):
        take_backup(conn, a, reason="merge")
    conn.close()
    assert not (a.parent / "backups").exists() or list((a.parent / "backups").iterdir()) == []


def test_backup_sidecar_says_what_it_was_taken_before(two_desks):
    a, _ = two_desks
    copy = take_backup(a, a, reason="import", detail="草案.docx", reviewer="张三")
    info = json.loads(Path(f"{copy}.json").read_text(encoding="utf-8"))
    assert info["detail"] == "草案.docx" and info["events"] == _events(a) and info["reviewer"] == "张三"
    (entry,) = list_backups(a)
    assert entry.describe().endswith(f"before a plan import 草案.docx, {_events(a)} events")


def test_a_copy_cut_short_by_a_kill_is_swept_later(two_desks):
    import os
    import time

    a, _ = two_desks
    folder = a.parent / "backups"
    folder.mkdir(exist_ok=True)
    stale = folder / "ws.sqlite.20260101T000000000000Z.merge.sqlite.part"
    stale.write_bytes(b"x" * 4096)
    old = time.time() - 7200
    os.utime(stale, (old, old))
    fresh = folder / "ws.sqlite.20261201T000000000000Z.merge.sqlite.part"  # another process copying right now
    fresh.write_bytes(b"x")
    take_backup(a, a, reason="daily")
    assert not stale.exists() and fresh.exists()
    assert all(b.path.suffix == ".sqlite" for b in list_backups(a))
