"""The checked-file stamp: an unchanged workspace skips quick_check; any change brings it back.

Each test counts the real quick_checks the open makes (checks/inspection.py _quick_check)
on a real workspace file, and changes the file the way another program, a
copy or a failing disk would.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from workbench import paths
from workbench.storage.checks import inspection
from workbench.storage.checks import stamp
from workbench.storage.files.database import open_reader, open_workspace
from workbench.storage.errors import WorkspaceDamaged


@pytest.fixture
def checks(monkeypatch) -> list[Path]:
    """The files quick_check ran on, in order."""
    seen: list[Path] = []
    real = inspection._quick_check

    def counting(conn: sqlite3.Connection) -> list[str]:
        seen.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        return real(conn)

    monkeypatch.setattr(inspection, "_quick_check", counting)
    return seen


@pytest.fixture
def closed(workspace_path: Path, registry_file: Path) -> Path:
    """A workspace with a few hundred rows, written and closed cleanly by the workbench."""
    db = open_workspace(workspace_path, registry=registry_file)
    with db.atomic():
        for i in range(300):  # enough pages that damage lands in a b-tree page, not the header
            db.execute("INSERT INTO reviewers (name, unit, first_seen) VALUES (?, ?, ?)", [f"r{i}" * 40, "u", "t"])
    db.close()
    return workspace_path


def _scribble(path: Path) -> None:
    """Overwrite the start of every page but the first (header and schema), keeping the size."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size):
        data[page * page_size : page * page_size + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def test_an_unchanged_workspace_is_not_checked_again(closed: Path, checks: list[Path]) -> None:
    open_workspace(closed).close()
    open_reader(closed).close()
    assert checks == []  # the clean close of `closed` stamped it
    assert list((paths.user_data_dir() / stamp.FOLDER).glob("*.json"))
    assert sorted(p.name for p in closed.parent.iterdir() if p.name.startswith(closed.name)) == [closed.name]


def test_a_write_by_another_program_brings_the_check_back(closed: Path, checks: list[Path]) -> None:
    conn = sqlite3.connect(closed)
    conn.execute("UPDATE reviewers SET unit = 'v' WHERE rowid = 1")
    conn.commit()
    conn.close()
    open_workspace(closed).close()
    assert checks == [closed]
    open_workspace(closed).close()  # our own clean close stamped it again
    assert checks == [closed]


def test_a_copy_or_a_moved_file_is_checked(closed: Path, checks: list[Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy2(closed, copy)  # same bytes, same modification time, another file
    open_reader(copy).close()
    moved = tmp_path / "moved.sqlite"
    os.replace(closed, moved)
    open_reader(moved).close()
    assert checks == [copy, moved]


def test_damage_with_the_old_modification_time_put_back_is_refused(closed: Path, checks: list[Path]) -> None:
    before = closed.stat()
    _scribble(closed)
    os.utime(closed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert closed.stat().st_size == before.st_size and closed.stat().st_mtime_ns == before.st_mtime_ns
    with pytest.raises(WorkspaceDamaged, match="is damaged"):
        open_workspace(closed)
    assert checks == [closed]  # the change time cannot be put back: the stamp no longer matches


def test_a_file_held_open_with_pending_writes_is_checked(closed: Path, checks: list[Path]) -> None:
    holder = sqlite3.connect(closed)  # another program in the middle of its work: frames in the -wal
    holder.execute("INSERT INTO reviewers (name, unit, first_seen) VALUES ('x', 'u', 't')")
    holder.commit()
    try:
        open_reader(closed).close()
        assert checks == [closed]
    finally:
        holder.close()


def test_an_old_stamp_is_not_trusted(closed: Path, checks: list[Path]) -> None:
    (stamp_file,) = (paths.user_data_dir() / stamp.FOLDER).glob("*.json")
    recorded = json.loads(stamp_file.read_text(encoding="utf-8"))
    recorded["checked_ns"] -= stamp.MAX_AGE_NS
    stamp_file.write_text(json.dumps(recorded), encoding="utf-8")
    open_reader(closed).close()
    assert checks == [closed]
    open_reader(closed).close()  # checked now: trusted again
    assert checks == [closed]


def test_a_stamp_needs_the_same_file_identity(closed: Path) -> None:
    ident = stamp.identity(closed)
    assert stamp.lookup(ident) is not None
    for index, changed in ((3, ident[3] + 1), (4, ident[4] - 1), (5, ident[5] + 1), (6, [0, 0, 0, 0])):
        other = list(ident)
        other[index] = changed
        assert stamp.lookup(other) is None


def test_damage_no_stat_can_see_is_reported_when_read_and_checked_next_time(closed: Path) -> None:
    """A disk that flips bits leaves size and times alone: the open cannot see it (README, reliability)."""
    from argparse import Namespace

    from workbench.cli.errors import describe

    probe = sqlite3.connect(closed)
    first = probe.execute("PRAGMA page_count").fetchone()[0]
    probe.close()
    db = open_workspace(closed)
    with db.atomic():  # a table of its own at the end of the file: the damage below touches only it
        db.execute("CREATE TABLE scratch_rows (body TEXT)")
        db.conn.executemany("INSERT INTO scratch_rows VALUES (?)", [[f"row {i} " * 50] for i in range(300)])
    db.close()
    data = bytearray(closed.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(first + 1, len(data) // page_size):
        data[page * page_size : page * page_size + 64] = b"\xff" * 64
    closed.write_bytes(bytes(data))
    (stamp_file,) = (paths.user_data_dir() / stamp.FOLDER).glob("*.json")
    forged = json.loads(stamp_file.read_text(encoding="utf-8"))
    forged["identity"] = stamp.identity(closed)  # as if the damage had left every trace as it was
    stamp_file.write_text(json.dumps(forged), encoding="utf-8")
    reader = open_reader(closed)  # not seen at the open
    with pytest.raises(sqlite3.DatabaseError, match="malformed") as info:
        reader.execute("SELECT count(*), max(body) FROM scratch_rows").fetchall()
    reader.close()
    line = describe(info.value, Namespace(db=closed))
    assert line is not None and "is damaged" in line
    assert not stamp_file.exists()  # forgotten: the next open runs the full check and refuses the file
    with pytest.raises(WorkspaceDamaged, match="is damaged"):
        open_workspace(closed)


def test_stamps_of_vanished_files_are_swept(closed: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(stamp, "KEEP", 3)
    gone = []
    for n in range(4):
        copy = tmp_path / f"scratch{n}.sqlite"
        shutil.copyfile(closed, copy)
        time.sleep(2 * stamp.TICK_NS / 1e9)  # a file changed within the last clock tick is not stamped
        open_reader(copy).close()
        gone.append(copy)
    for copy in gone[:3]:
        copy.unlink()
    open_reader(closed).close()  # any stamp written sweeps
    shutil.copyfile(closed, tmp_path / "one_more.sqlite")
    time.sleep(2 * stamp.TICK_NS / 1e9)
    open_reader(tmp_path / "one_more.sqlite").close()
    kept = {json.loads(p.read_text(encoding="utf-8"))["identity"][0]
            for p in (paths.user_data_dir() / stamp.FOLDER).glob("*.json")}  # fmt: skip
    assert str(closed.resolve()) in kept and str(gone[3].resolve()) in kept
    assert not kept & {str(p.resolve()) for p in gone[:3]}


def test_a_write_by_another_program_while_we_have_it_open_brings_the_check_back(
    closed: Path, checks: list[Path]
) -> None:
    """Our clean close vouches only for our own writes: another program's, made meanwhile, are checked."""
    db = open_workspace(closed)
    other = sqlite3.connect(closed)
    other.execute("UPDATE reviewers SET unit = 'v' WHERE rowid = 1")
    other.commit()
    other.close()
    db.close()  # the last connection: the -wal is gone, the file looks as if only we wrote it
    open_workspace(closed).close()
    assert checks == [closed]


def test_writes_of_our_own_other_connections_keep_the_stamp(closed: Path, checks: list[Path]) -> None:
    """A worker thread's connection of this process (search index, conflicts sync) is our own write."""
    db = open_workspace(closed)
    worker = open_workspace(closed, create=False, check=False)
    worker.execute("UPDATE reviewers SET unit = 'w' WHERE rowid = 1")
    worker.conn.commit()
    worker.close()
    db.close()
    open_workspace(closed).close()
    assert checks == []


def test_no_stamp_for_a_file_changed_within_a_tick_of_being_looked_at(
    closed: Path, checks: list[Path], monkeypatch
) -> None:
    """A write in the same tick as the change we looked at leaves the times as they were: however long the
    check then takes, the file is not stamped (the tick is counted from the look, not from the end)."""
    monkeypatch.setattr(stamp, "_granularity_ns", lambda ident: 500_000_000)  # a coarse clock, for the test
    real = inspection._quick_check

    def slow(conn: sqlite3.Connection) -> list[str]:
        time.sleep(0.6)  # meanwhile the tick of the look has passed
        return real(conn)

    stamp.forget(closed)
    os.utime(closed)  # changed just now
    monkeypatch.setattr(inspection, "_quick_check", slow)
    open_reader(closed).close()
    monkeypatch.setattr(inspection, "_quick_check", real)
    assert stamp.lookup(stamp.identity(closed)) is None
