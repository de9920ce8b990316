"""Workspaces travelling between reviewers: handout copies, copies on other computers,
moved files, read-only sources, and reviewers syncing back and forth."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from workbench.storage.audit import audit
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files import database
from workbench.storage.files.database import open_reader, open_workspace
from workbench.storage.errors import StoreError
from workbench.storage.sync.fork import WRITER_KEY, handout
from workbench.storage.sync.merge import merge_workspace
from workbench.storage.files.readonly import open_source
from workbench.storage.repository import Repository
from workbench.storage.signing import Ed25519Signer

from .conftest import make_plan

LEAD, JIA, YI = Ed25519Signer.generate(), Ed25519Signer.generate(), Ed25519Signer.generate()


def _clauses(db) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM nodes WHERE kind = 'clause' AND key LIKE 'ch%' ORDER BY seq")]


def _uuids(path: Path) -> set[str]:
    db = open_source(path)
    try:
        return {e.uuid for e in audit.events(db)}
    finally:
        db.close()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def lead_db(tmp_path: Path, registry_file: Path):
    db = open_workspace(tmp_path / "lead.sqlite", registry=registry_file, signer=LEAD)
    Repository(db, Reviewer("组长")).import_plan(make_plan())
    yield db
    db.close()


def test_handout_of_an_open_workspace_carries_every_write_and_no_wal(lead_db, tmp_path: Path) -> None:
    repo = Repository(lead_db, Reviewer("组长"))
    dept = {d.name: d.db_id for d in repo.departments()}
    for clause in _clauses(lead_db):
        repo.assign(node_id=clause, department_id=dept["市科技局"])
    wal = tmp_path / "lead.sqlite-wal"
    assert wal.exists() and wal.stat().st_size > 0  # the latest writes are still in the -wal
    plain = tmp_path / "plain-copy.sqlite"
    shutil.copy(tmp_path / "lead.sqlite", plain)  # what copying the file by hand gets
    try:
        plain_count = sqlite3.connect(plain).execute("SELECT count(*) FROM events").fetchone()[0]
    except sqlite3.OperationalError:  # everything, the schema included, is still in the -wal
        plain_count = 0
    written = audit.event_count(lead_db)
    assert plain_count < written

    out = tmp_path / "out" / "for-yi.sqlite"
    out.parent.mkdir()
    handout(lead_db, out, to="乙", reviewer=Reviewer("组长"))
    assert _listing(out.parent) == ["for-yi.sqlite"]  # no -wal, -shm or .part beside it
    copy = open_source(out)
    try:
        assert audit.event_count(copy) == written + 1  # every write, and the copy's record of its origin
        assert audit.workspace_uuid(copy) != audit.workspace_uuid(lead_db)
        assert copy.execute("SELECT value FROM meta WHERE key = ?", [WRITER_KEY]).fetchone() is None
        record = audit.events(copy)[-1]
        assert record.action == "merge" and record.after["handout"] == "乙" and record.signer == LEAD.fingerprint
        assert str(tmp_path) not in f"{record.reason} {record.after}"  # no machine paths in the log
        assert verify(copy).ok
    finally:
        copy.close()
    with pytest.raises(StoreError, match="already exists"):
        handout(lead_db, out, to="乙", reviewer=Reviewer("组长"))

    # 乙 works in the copy and the lead merges it back.
    db = open_workspace(out, signer=YI)
    yi = Repository(db, Reviewer("乙", "乙的处室"))
    yi.set_note(node_id=_clauses(db)[0], text="乙的意见")
    db.close()
    result = merge_workspace(lead_db, out, reviewer=Reviewer("组长"), backup=False)
    assert result.new_events == 3 and result.new_conflicts == ()  # handout record, 乙's key, 乙's note
    assert repo.note(_clauses(lead_db)[0]).text == "乙的意见" and verify(lead_db).ok


def test_copies_at_the_same_path_on_two_computers_merge(lead_db, tmp_path: Path) -> None:
    lead_db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    original = tmp_path / "lead.sqlite"
    # The same file, at the same path, on 甲's computer and on 乙's: only the key differs.
    same_path = tmp_path / "usb" / "workspace.sqlite"
    same_path.parent.mkdir()
    keep = {}
    for who, signer in (("甲", JIA), ("乙", YI)):
        shutil.copy(original, same_path)
        db = open_workspace(same_path, signer=signer)
        repo = Repository(db, Reviewer(who))
        dept = {d.name: d.db_id for d in repo.departments()}
        repo.assign(node_id=_clauses(db)[1 if who == "甲" else 2], department_id=dept["市财政局"])
        db.close()
        keep[who] = tmp_path / f"from-{who}.sqlite"
        shutil.move(same_path, keep[who])
    for who in ("甲", "乙"):
        result = merge_workspace(lead_db, keep[who], reviewer=Reviewer("组长"), backup=False)
        assert result.new_events > 0 and result.new_conflicts == ()
    repo = Repository(lead_db, Reviewer("组长"))
    assert [a.name for a in repo.assignments(_clauses(lead_db)[1])] == ["市财政局"]
    assert [a.name for a in repo.assignments(_clauses(lead_db)[2])] == ["市财政局"]
    assert verify(lead_db).ok
    for event in audit.events(lead_db):
        assert str(tmp_path) not in str(event.after) + str(event.reason)  # no machine paths in the log


def test_moving_a_file_changes_nothing(tmp_path: Path, registry_file: Path) -> None:
    first = tmp_path / "a" / "ws.sqlite"
    first.parent.mkdir()
    db = open_workspace(first, registry=registry_file, signer=JIA)
    Repository(db, Reviewer("甲")).import_plan(make_plan())
    identity, count = audit.workspace_uuid(db), audit.event_count(db)
    db.close()
    moved = tmp_path / "b" / "renamed.sqlite"
    moved.parent.mkdir()
    shutil.move(first, moved)
    db = open_workspace(moved, signer=JIA)
    try:
        assert audit.workspace_uuid(db) == identity and audit.event_count(db) == count
    finally:
        db.close()


def test_read_only_source_leaves_nothing_beside_it(lead_db, tmp_path: Path, registry_file: Path) -> None:
    source_dir = tmp_path / "usb"
    source_dir.mkdir()
    source = source_dir / "yi.sqlite"
    db = open_workspace(source, registry=registry_file, signer=YI)
    yi = Repository(db, Reviewer("乙"))
    yi.import_plan(make_plan())
    yi.set_note(node_id=_clauses(db)[0], text="只读介质上的备注")
    db.close()
    before = _listing(source_dir)
    data = source.read_bytes()
    os.chmod(source, 0o444)
    os.chmod(source_dir, 0o555)  # write-protected (root ignores it: hence the listing checks below)
    try:
        reader = open_source(source)
        try:
            assert verify(reader).ok
            with pytest.raises(sqlite3.OperationalError):
                reader.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        finally:
            reader.close()
        result = merge_workspace(lead_db, source, reviewer=Reviewer("组长"), backup=False)
        assert result.new_events > 0
        assert _listing(source_dir) == before and source.read_bytes() == data
    finally:
        os.chmod(source_dir, 0o755)
        os.chmod(source, 0o644)


def test_source_with_an_orphan_wal_is_read_from_a_private_copy(lead_db, tmp_path: Path, registry_file: Path) -> None:
    """A copy taken together with its -wal (no -shm): the writes in the -wal are read, nothing is created."""
    path = tmp_path / "yi.sqlite"
    db = open_workspace(path, registry=registry_file, signer=YI)
    yi = Repository(db, Reviewer("乙"))
    yi.import_plan(make_plan())
    yi.set_note(node_id=_clauses(db)[0], text="在WAL里")
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(path, folder / "yi.sqlite")
    shutil.copy(f"{path}-wal", folder / "yi.sqlite-wal")
    expected = audit.event_count(db)
    db.close()
    before = _listing(folder)
    reader = open_source(folder / "yi.sqlite")
    try:
        assert audit.event_count(reader) == expected
    finally:
        reader.close()
    assert _listing(folder) == before


def test_two_reviewers_syncing_four_times_end_with_the_same_events(tmp_path: Path, registry_file: Path) -> None:
    paths = {}
    for who, signer in (("甲", JIA), ("乙", YI)):
        paths[who] = tmp_path / f"{who}.sqlite"
        db = open_workspace(paths[who], registry=registry_file, signer=signer)
        repo = Repository(db, Reviewer(who))
        repo.import_plan(make_plan())
        dept = {d.name: d.db_id for d in repo.departments()}
        repo.assign(node_id=_clauses(db)[0 if who == "甲" else 1], department_id=dept["市科技局"])
        db.close()
    signers = {"甲": JIA, "乙": YI}
    counts = []
    for round_ in range(4):
        who, other = ("甲", "乙") if round_ % 2 == 0 else ("乙", "甲")
        db = open_workspace(paths[who], signer=signers[who])
        try:
            merge_workspace(db, paths[other], reviewer=Reviewer(who), backup=False)
            assert verify(db).ok
        finally:
            db.close()
        counts.append((len(_uuids(paths["甲"])), len(_uuids(paths["乙"]))))
    assert _uuids(paths["甲"]) == _uuids(paths["乙"]), counts
    assert counts[-1] == counts[-2]  # settled: the last round wrote nothing


def test_source_written_by_an_older_version_is_read_through_an_upgraded_private_copy(
        lead_db, tmp_path: Path, registry_file: Path) -> None:
    """A reviewer still on the version before signing sends his file: it merges, untouched."""
    old = tmp_path / "old" / "yi.sqlite"
    old.parent.mkdir()
    # taken back to the schema before signing
    _written_before(old, registry_file, 2, "旧版本的备注", (
        "DROP INDEX IF EXISTS events_hash", "ALTER TABLE events DROP COLUMN signature",
        "ALTER TABLE events DROP COLUMN signer", "DROP INDEX conflicts_ref", "ALTER TABLE conflicts DROP COLUMN ref",
        "DELETE FROM _sqlite_migrations WHERE name = 'm_issue10_signatures'"))  # fmt: skip
    data, before = old.read_bytes(), _listing(old.parent)
    result = merge_workspace(lead_db, old, reviewer=Reviewer("组长"), backup=False)
    assert result.new_events > 0 and old.read_bytes() == data and _listing(old.parent) == before
    report = verify(lead_db)
    assert report.ok and report.unsigned == result.new_events  # his events predate signing
    assert Repository(lead_db, Reviewer("组长")).note(_clauses(lead_db)[2]).text == "旧版本的备注"



def _before_the_hash_drop(tmp_path: Path, registry_file: Path) -> Path:
    """A workspace as the version before m_issue14_drop_events_hash left it (its only difference: that index)."""
    path = tmp_path / "yi.sqlite"
    _written_before(path, registry_file, 1, "上一版写的备注", (
        "CREATE INDEX events_hash ON events (hash)",
        "DELETE FROM _sqlite_migrations WHERE name = 'm_issue14_drop_events_hash'"))  # fmt: skip
    return path


def _written_before(path: Path, registry_file: Path, clause: int, note: str, statements: tuple[str, ...]) -> None:
    """乙's workspace at `path` (a plan, a note on one clause), then taken back to an older schema by `statements`."""
    db = open_workspace(path, registry=registry_file, signer=YI)
    yi = Repository(db, Reviewer("乙"))
    yi.import_plan(make_plan())
    yi.set_note(node_id=_clauses(db)[clause], text=note)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_a_source_lacking_only_the_events_hash_drop_is_read_in_place(lead_db, tmp_path: Path,
                                                                     registry_file: Path) -> None:  # fmt: skip
    """That step drops an index no reader uses: merge (and verify, log, exports of another file) read such a
    file where it is, not through a private copy of the whole file (1.2 GB at 100 plans, copied to the
    temporary folder before every merge of a file from the version before it)."""
    path = _before_the_hash_drop(tmp_path, registry_file)
    data, before = path.read_bytes(), _listing(tmp_path)
    reader = open_source(path)
    try:
        assert reader.scratch is None  # read in place
        assert verify(reader).ok
    finally:
        reader.close()
    result = merge_workspace(lead_db, path, reviewer=Reviewer("组长"), backup=False)
    assert result.new_events > 0 and path.read_bytes() == data and _listing(tmp_path) == before
    assert verify(lead_db).ok
    assert Repository(lead_db, Reviewer("组长")).note(_clauses(lead_db)[1]).text == "上一版写的备注"


def test_a_reading_command_leaves_a_file_lacking_only_the_events_hash_drop_as_it_is(
        tmp_path: Path, registry_file: Path, monkeypatch) -> None:
    """open_reader upgrades a file from an older version before reading it; for that step alone it need not:
    it neither takes the write lock (a colleague's workbench writing: the read-only open fell through with
    WorkspaceLocked) nor records a step that makes the file refused by the version that wrote it."""
    path = _before_the_hash_drop(tmp_path, registry_file)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        reader = open_reader(path)
        try:
            assert audit.event_count(reader) > 0
        finally:
            reader.close()
    finally:
        writer.rollback()
        writer.close()
    conn = sqlite3.connect(path)
    applied = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
    conn.close()
    assert "m_issue14_drop_events_hash" not in applied and "m_issue10_signatures" in applied
