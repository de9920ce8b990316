"""How merge reads the other file: its event rows only, every one checked, copied inside SQLite.

Merge no longer runs SQLite's quick_check on the other file: it reads and checks
every event row (audit_chain.scan_log), takes nothing else from it, and copies the
rows from a range of its table (no index of it is used).  The rows are copied
through an ATTACH of the read-only source where SQLite allows, else streamed
through Python: both must give the same workspace.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from workbench.storage.audit import audit
from workbench.storage.sync import merge_copy
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files.database import open_workspace
from workbench.storage.errors import WorkspaceError
from workbench.storage.sync.merge import merge_workspace
from workbench.storage.files.readonly import open_source
from workbench.storage.state.state_tables import read_state

from .test_merge import LEADER, Desk
from .test_merge import desks  # noqa: F401  (the fixture)


def _untouched(desk: Desk) -> tuple:
    db = desk.repo.db
    return (db.execute("SELECT count(*), max(seq) FROM events").fetchone(), read_state(db).nodes)


def _work(desks, n: int = 3) -> tuple[Desk, Desk]:
    a, b = desks("a", "张三"), desks("b", "李四")
    a.lead(0, "市科技局")
    for i in range(n):
        b.lead(i, "市财政局")
        b.repo.set_note(node_id=b.clauses[i], text=f"李四的备注{i}" * 400)  # rows that overflow their page
    return a, b


def _checkpointed(desk: Desk) -> None:
    desk.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    desk.repo.db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{desk.path}{suffix}").unlink(missing_ok=True)


def test_attached_and_streamed_copies_give_the_same_workspace(desks, tmp_path: Path, monkeypatch) -> None:
    a, b = _work(desks)
    their_origin = audit.workspace_uuid(b.repo.db)
    _checkpointed(b)
    a.repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    twin = tmp_path / "twin.sqlite"
    shutil.copyfile(a.path, twin)
    used: list[str | None] = []
    real = merge_copy.copy_rows

    def spy(db, source, schema, after, expected):
        used.append(schema)
        return real(db, source, schema, after, expected)

    monkeypatch.setattr("workbench.storage.sync.merge.copy_rows", spy)
    first = merge_workspace_into(a, b.path)
    monkeypatch.setattr(merge_copy, "_uri_filenames", lambda: False)
    db = open_workspace(twin, signer=a.signer)
    try:
        second = merge_workspace(db, b.path, reviewer=LEADER, backup=False)
        assert used == [merge_copy.SCHEMA, None]  # attached the first time, streamed the second
        rows = (f"SELECT {audit.STORED_COLUMNS} FROM events WHERE origin = ? ORDER BY seq", [their_origin])
        copied = a.repo.db.execute(*rows).fetchall()
        assert first.new_events == second.new_events == len(copied) > 6  # all of theirs, as stored
        assert copied == db.execute(*rows).fetchall()
        assert read_state(a.repo.db).nodes == read_state(db).nodes
        assert verify(a.repo.db).ok and verify(db).ok
        assert merge_copy.SCHEMA not in {row[1] for row in a.repo.db.execute("PRAGMA database_list")}  # detached
    finally:
        db.close()


@pytest.mark.parametrize("state", ["closed", "open in the workbench", "copied with its -wal"])
def test_the_source_folder_is_left_as_it_was(desks, tmp_path: Path, state: str) -> None:
    a, b = _work(desks)
    folder = tmp_path / "usb"
    folder.mkdir()
    source = folder / "b.sqlite"
    if state == "closed":
        _checkpointed(b)
        shutil.copyfile(b.path, source)
    elif state == "open in the workbench":
        source = b.path  # b's connection is open: -wal and -shm beside it
        folder = b.path.parent
    else:
        b.repo.db.execute("PRAGMA wal_autocheckpoint = 0")
        b.repo.set_note(node_id=b.clauses[5], text="只在 -wal 里")
        shutil.copyfile(b.path, source)
        shutil.copyfile(f"{b.path}-wal", f"{source}-wal")
    before = sorted(p.name for p in folder.iterdir())
    result = merge_workspace_into(a, source)
    assert result.new_events >= 7
    assert sorted(p.name for p in folder.iterdir()) == before
    if state == "copied with its -wal":
        assert a.repo.note(a.clauses[5]).text == "只在 -wal 里"
    assert verify(a.repo.db).ok


def merge_workspace_into(desk: Desk, source: Path):
    return merge_workspace(desk.repo.db, source, reviewer=LEADER, backup=False)


def test_a_damaged_event_page_is_refused_naming_the_file(desks) -> None:
    a, b = _work(desks, n=12)
    _checkpointed(b)
    conn = sqlite3.connect(f"file:{b.path}?mode=ro", uri=True)
    (page,) = conn.execute("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' "
                           "ORDER BY pageno DESC LIMIT 1").fetchone()  # fmt: skip
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with open(b.path, "r+b") as handle:  # a bad sector: the page header of a leaf of the events table
        handle.seek((page - 1) * size)
        handle.write(b"\xff" * 12)
    before = _untouched(a)
    with pytest.raises(WorkspaceError, match=f"{b.path.name} is damaged: .*malformed.*; nothing merged") as caught:
        merge_workspace_into(a, b.path)
    assert "\n" not in str(caught.value)
    assert _untouched(a) == before


def test_their_rows_are_read_from_their_table_not_their_indexes() -> None:
    sql, params = merge_copy._new_rows({"o1": 5, "o2": 0})
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT, x TEXT)")
    conn.execute("CREATE INDEX events_origin_seq ON events (origin, seq)")
    plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN SELECT seq FROM {sql}", params))
    assert "INDEX" not in plan.upper() and "events" in plan
    conn.executemany("INSERT INTO events (origin) VALUES (?)", [("o1",)] * 8 + [("o2",)] * 3 + [("o3",)] * 2)
    assert [row[0] for row in conn.execute(f"SELECT seq FROM {sql}", params)] == [6, 7, 8, 9, 10, 11]


def test_a_file_whose_state_was_edited_merges_its_events_and_verify_still_reports_it(desks) -> None:
    """Merge takes events, never state rows: their edited state cannot reach this workspace."""
    a, b = _work(desks)
    _checkpointed(b)
    conn = sqlite3.connect(b.path)
    conn.execute("DELETE FROM assignments")  # behind the app's back: no event
    conn.commit()
    conn.close()
    theirs = open_source(b.path)
    try:
        assert not verify(theirs).ok
    finally:
        theirs.close()
    merge_workspace_into(a, b.path)
    assert a.leads(1) == [("市财政局", "lead")]  # from their events, not their (emptied) table
    assert verify(a.repo.db).ok


def test_merge_and_verify_leave_the_garbage_collector_as_they_found_it(desks) -> None:
    import gc

    a, b = _work(desks)
    assert gc.isenabled()
    merge_workspace_into(a, b.path)
    assert gc.isenabled() and verify(a.repo.db).ok and gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(WorkspaceError):
            merge_workspace_into(a, a.path.parent / "missing.sqlite")
        assert not gc.isenabled() and verify(a.repo.db).ok and not gc.isenabled()
    finally:
        gc.enable()
