"""Opening a workspace: refuse what is not ours, then configure and migrate.

A workspace is one SQLite file.  Before anything is written to an existing file
we look at it read-only and refuse, with a one-line WorkspaceError naming the
file, anything that is not a workbench workspace, was written by a newer
version of the workbench, or is damaged; such a file is left byte-for-byte
untouched.  Only then do we open it for writing, set the connection pragmas
(WAL, foreign keys, synchronous=FULL, busy timeout), apply pending migrations
and, on a new workspace, load the department registry as one audited event.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from workbench import paths
from workbench.core.departments import Department, load_registry

from . import migrations
from .audit import SYSTEM_REVIEWER, Reviewer
from .errors import WorkspaceError
from .signing.signers import Signer
from .fork import claim_or_fork
from .repository import Repository

SQLITE_HEADER = b"SQLite format 3\x00"


class WorkspaceDatabase(sqlite_utils.Database):
    """A workspace connection whose transactions take the write lock when they begin.

    sqlite-utils opens transactions with a deferred BEGIN; a write that reads
    first and then finds another connection (a worker, a second window, the
    command line) holding or having just taken the lock fails at once with
    "database is locked", without waiting for the busy timeout.  BEGIN
    IMMEDIATE waits (up to the busy timeout) instead, so a reviewer's write is
    not lost to a concurrent one.  Nested blocks keep using savepoints.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[WorkspaceDatabase]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
BUSY_TIMEOUT_MS = 5000


def _connect_readonly(path: Path, *, inspect: bool = False) -> sqlite3.Connection:
    """A read-only connection; for inspection, one that creates no files either.

    A read-only connection to a WAL database creates -wal and -shm files beside
    it.  When no -wal file exists the main file holds every committed change
    and nobody has it open, so inspection reads it as immutable and leaves the
    directory exactly as it was.
    """
    # as_uri() percent-encodes spaces, '?', '#' and non-ASCII characters.
    uri = path.resolve().as_uri() + "?mode=ro"
    if inspect and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _inspect(path: Path) -> None:
    """Raise WorkspaceError unless `path` (existing, non-empty) is a workspace we can open."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise WorkspaceError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise WorkspaceError(f"{path} is not a workbench workspace (not an SQLite database)")
    try:
        conn = _connect_readonly(path, inspect=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if application_id != migrations.APPLICATION_ID:
            raise WorkspaceError(
                f"{path} is not a workbench workspace "
                f"(SQLite application id {application_id:#x}, expected {migrations.APPLICATION_ID:#x})"
            )
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise WorkspaceError(f"{path} is damaged: {problems[0]}")
        has_steps = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone()
        if has_steps:
            applied = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [migrations.MIGRATION_SET],
                )
            ]
            unknown = [name for name in applied if name not in migrations.known_steps()]
            if unknown:
                raise WorkspaceError(
                    f"{path} was written by a newer version of the workbench "
                    f"(unknown schema step {unknown[0]!r})"
                )
    except sqlite3.OperationalError as exc:
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} is damaged: {exc}") from exc
    finally:
        conn.close()


def check_workspace(path: Path) -> None:
    """Raise WorkspaceError unless the existing file at `path` is a healthy workspace we can open.

    The same checks open_workspace makes before writing (header, application
    id, quick_check, no unknown schema step); reads only, creates no file.
    """
    path = Path(path)
    if not path.is_file():
        raise WorkspaceError(f"{path} does not exist")
    _inspect(path)


def _configure(db: sqlite_utils.Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")


def _needs_registry(db: sqlite_utils.Database) -> bool:
    """True until the registry is in: a new workspace, or one whose first open was cut short."""
    has_departments = db.execute("SELECT 1 FROM departments LIMIT 1").fetchone()
    loaded = db.execute("SELECT 1 FROM events WHERE action = 'registry_load' LIMIT 1").fetchone()
    return not has_departments and not loaded


def open_workspace(
    path: Path,
    *,
    create: bool = True,
    registry: Path | None = None,
    reviewer: Reviewer | None = None,
    signer: Signer | None = None,
) -> sqlite_utils.Database:
    """Open (or create) the workspace at `path`; raise WorkspaceError if it is not one.

    A missing or 0-byte file becomes a new workspace when `create` is true.
    The registry (paths.DEPARTMENTS_FILE unless given) is read before a new
    file is created, so a bad registry leaves nothing behind.  `reviewer` is
    who the registry load is attributed to (default: the workbench itself;
    the OS user and host are recorded either way).  Events are signed by
    `signer` (default: the key in the reviewer's profile); a file whose chain
    another key writes becomes a workspace of its own (fork.py).  Call from the GUI thread;
    workers use open_readonly().
    """
    path = Path(path)
    is_new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    if is_new and not create:
        raise WorkspaceError(f"{path} does not exist" if not path.exists() else f"{path} is empty")
    if path.exists() and not path.is_file():
        raise WorkspaceError(f"{path} is not a workbench workspace (not a file)")
    if not is_new:
        _inspect(path)
    registry_path = registry or paths.DEPARTMENTS_FILE
    departments: list[Department] | None = load_registry(registry_path) if is_new else None

    db = WorkspaceDatabase(path)
    db.signer = signer  # type: ignore[attr-defined]  # None: the profile's key (audit.signer_of)
    try:
        _configure(db)
        if is_new:
            # Mark the file as ours before the first table exists, so a first
            # open cut short is still recognised (and completed) next time.
            db.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
        migrations.apply(db)
        if _needs_registry(db):
            if departments is None:
                departments = load_registry(registry_path)
            Repository(db, reviewer or SYSTEM_REVIEWER).load_registry(departments)
        claim_or_fork(db, reviewer=reviewer)
    except BaseException:
        db.close()
        raise
    return db


def open_readonly(path: Path) -> sqlite_utils.Database:
    """A second, read-only connection for a worker thread.

    Open it in the thread that will use it (a connection belongs to the thread
    that opened it) and close it there.  Raises WorkspaceError for a file that
    is not a workspace.
    """
    path = Path(path)
    if not path.is_file():
        raise WorkspaceError(f"{path} does not exist")
    try:
        conn = _connect_readonly(path)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if application_id != migrations.APPLICATION_ID:
            raise WorkspaceError(f"{path} is not a workbench workspace")
        return sqlite_utils.Database(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    except BaseException:
        conn.close()
        raise
