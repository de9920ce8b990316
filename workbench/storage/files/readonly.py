"""Opening a workspace as a source to read: merge's other file, verify, log, agreement, exports.

Such a file may sit on a write-protected USB stick or in a write-blocked
evidence copy, and reading it must leave nothing beside it.  A plain
read-only SQLite connection to a WAL workspace creates -wal and -shm files
(and fails with "unable to open database file" where it cannot), so:

* no -wal file beside it: nobody has it open and the main file holds every
  committed change; it is read as immutable (no locks, no files created);
* a -wal and a -shm file: it is open in the workbench right now; a read-only
  connection shares them (it reads the latest commits, creates nothing);
* a -wal file alone (a copy taken with its -wal, or left by a crash): the
  file and its -wal are copied to a private temporary folder and read there,
  so that the committed changes in the -wal are not lost and the original
  folder is not touched.

A file written by an older version of the workbench (schema steps pending)
is copied to a private folder too and brought up to date there, so that
readers see the schema they expect; the original is not touched.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from workbench.storage.files import migrations
from workbench.storage.files.database import BUSY_TIMEOUT_MS, check_workspace
from workbench.storage.errors import WorkspaceError


class SourceDatabase(sqlite_utils.Database):
    """A read-only workspace connection that removes its private copy (if any) when closed."""

    scratch: Path | None = None
    uri: str = ""  # what the connection opened (the private copy, if any), read-only: merge attaches it

    def close(self) -> None:
        super().close()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


def open_source(path: Path, *, quick_check: bool = True) -> SourceDatabase:
    """The workspace at `path` opened read-only, after the checks open_workspace makes (WorkspaceError).

    quick_check=False leaves out SQLite's page check (checks/inspection.check_workspace), for a caller that
    reads every row it relies on and reports a damaged page itself (merge).
    """
    path = Path(path)
    if not path.is_file():
        raise WorkspaceError(f"{path} does not exist")
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    scratch: Path | None = None
    uri = path.resolve().as_uri() + "?mode=ro"
    if not wal.exists():
        uri += "&immutable=1"
        check_workspace(path, quick_check=quick_check)
    elif not shm.exists():
        scratch = Path(tempfile.mkdtemp(prefix="workbench-source-"))
        copy = scratch / "workspace.sqlite"
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, f"{copy}-wal")
        try:
            # The checks too read the copy: they would create a -shm beside the file.
            check_workspace(copy, quick_check=quick_check)
        except WorkspaceError as exc:
            shutil.rmtree(scratch, ignore_errors=True)
            raise WorkspaceError(str(exc).replace(str(copy), str(path))) from exc
        uri = copy.as_uri() + "?mode=ro"
    else:
        check_workspace(path, quick_check=quick_check)
    try:
        conn = sqlite3.connect(uri, uri=True)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if conn.execute("PRAGMA application_id").fetchone()[0] != migrations.APPLICATION_ID:
            conn.close()
            raise WorkspaceError(f"{path} is not a workbench workspace")
    except sqlite3.Error as exc:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    if _pending_steps(conn):
        conn.close()
        if scratch is None:
            scratch = Path(tempfile.mkdtemp(prefix="workbench-source-"))
            copy = scratch / "workspace.sqlite"
            shutil.copyfile(path, copy)
        else:
            copy = scratch / "workspace.sqlite"
        try:
            upgraded = sqlite_utils.Database(copy)
            migrations.apply(upgraded)
            upgraded.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            upgraded.close()
            uri = copy.as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True)
        except sqlite3.Error as exc:
            shutil.rmtree(scratch, ignore_errors=True)
            raise WorkspaceError(f"{path} cannot be brought up to date for reading: {exc}") from exc
    db = SourceDatabase(conn)
    db.scratch, db.uri = scratch, uri
    return db


def _pending_steps(conn: sqlite3.Connection) -> bool:
    """True when the file lacks schema steps this version knows (it was written by an older version) that
    readers need (not migrations.READERS_NEED_NOT)."""
    try:
        applied = {row[0] for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.MIGRATION_SET])}
    except sqlite3.OperationalError:
        return True
    return migrations.readers_need_upgrade(applied)
