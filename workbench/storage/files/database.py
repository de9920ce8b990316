"""Opening a workspace: refuse what is not ours, then configure and migrate.

A workspace is one SQLite file.  Before anything is written to an existing file
we look at it read-only and refuse, with a one-line WorkspaceError naming the
file, anything that is not a workbench workspace, was written by a newer
version of the workbench, or is damaged (checks/inspection.py); such a file is left byte-for-byte
untouched.  Only then do we open it for writing, set the connection pragmas
(WAL, foreign keys, synchronous=FULL, busy timeout), apply pending migrations
and, on a new workspace, load the department registry as one audited event.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from workbench import paths
from workbench.core.departments import Department, load_registry

from workbench.storage.files import migrations
from workbench.storage.audit.audit import SYSTEM_REVIEWER, Reviewer
from workbench.storage.files.busy import is_busy
from workbench.storage.checks import stamp
from workbench.storage.checks.inspection import (  # noqa: F401 - BUSY_TIMEOUT_MS and check_workspace are imported from here
    BUSY_TIMEOUT_MS, _connect_readonly, _inspect_checked, _locked, _refuse_folder, check_workspace,
)
from workbench.storage.errors import WorkspaceError, WorkspaceReadOnly
from workbench.storage.files import checkpoint
from workbench.storage.sync.fork import claim_or_fork
from workbench.storage.repository import Repository
from workbench.storage.signing.signers import Signer


class _Database(sqlite_utils.Database):
    """sqlite-utils without its plugins: the workbench uses none, and finding them costs 16 ms per process."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("execute_plugins", False)
        super().__init__(*args, **kwargs)

    def close(self) -> None:
        if checkpoint.pending():  # a large write's checkpoint on a thread (checkpoint.py): the file as it stays
            checkpoint.settle(_main_file(self.conn))
        super().close()


class WorkspaceDatabase(_Database):
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

    checked_ns: int | None = None  # when the file last passed quick_check, if it was opened as good
    opened_version: int | None = None  # PRAGMA data_version at open: it moves when another connection commits
    opened_writers: int = 0  # this process's connections opened to the file so far, when this one was opened

    def close(self) -> None:
        """Close; when we were the last connection of a file opened as good, stamp it (checks/stamp.py).

        Not when another program committed meanwhile: our clean close vouches for our own writes only,
        and the -wal that would have shown theirs is gone once we close last.  data_version tells that
        another connection committed; when this process opened none since (a worker's connection is
        our own writing), it was another program.
        """
        path = None if self.checked_ns is None else _main_file(self.conn)
        if (path is not None and self.opened_version != data_version(self.conn)
                and _WRITERS_OPENED.get(os.path.realpath(path), 0) == self.opened_writers):  # fmt: skip
            path = None
        super().close()
        if path is not None:
            stamp.record_closed(path, self.checked_ns)


class ReadingDatabase(_Database):
    """A reading command's workspace: on close, stamps a file left as it was checked (checks/stamp.py)."""

    checked: tuple[list | None, int] | None = None  # (the file's identity when checked, when)

    def close(self) -> None:
        path = None if self.checked is None else _main_file(self.conn)
        super().close()
        if path is not None and self.checked is not None:
            stamp.record_checked(self.checked[0], path, self.checked[1])


_WRITERS_OPENED: dict[str, int] = {}  # real path -> connections this process opened to it with open_workspace


def data_version(conn: sqlite3.Connection) -> int | None:
    """PRAGMA data_version of `conn` (it moves when another connection commits to the file), or None."""
    try:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error:
        return None


def _main_file(conn: sqlite3.Connection) -> Path | None:
    try:
        name = conn.execute("PRAGMA database_list").fetchone()[2]
    except sqlite3.Error:
        return None
    return Path(name) if name else None


def _check_writable(path: Path) -> None:
    """Raise WorkspaceReadOnly when the file or the folder (medium) holding it cannot be written."""
    folder = path.resolve().parent
    medium_read_only = False
    with contextlib.suppress(AttributeError, OSError):  # no statvfs on Windows
        medium_read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    if medium_read_only:
        raise WorkspaceReadOnly(f"{path} is on a read-only medium: it can be read but not changed", path, "medium")
    if path.exists() and not os.access(path, os.W_OK):
        raise WorkspaceReadOnly(f"{path} is a read-only file: it can be read but not changed", path, "file")
    if not os.access(folder, os.W_OK):
        raise WorkspaceReadOnly(f"{path} is in a read-only folder: it can be read but not changed", path, "folder")


def _configure(db: sqlite_utils.Database, busy_timeout_ms: int | None = None) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms}")
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")


def _needs_registry(db: sqlite_utils.Database) -> bool:
    """True until the registry is in: a new workspace, or one whose first open was cut short."""
    if db.execute("SELECT 1 FROM departments LIMIT 1").fetchone():
        return False  # the usual case, answered without scanning the events (50 ms at 250k events)
    return not db.execute("SELECT 1 FROM events WHERE action = 'registry_load' LIMIT 1").fetchone()


def open_workspace(
    path: Path,
    *,
    create: bool = True,
    registry: Path | None = None,
    reviewer: Reviewer | None = None,
    signer: Signer | None = None,
    check: bool = True,
    busy_timeout_ms: int | None = None,
) -> sqlite_utils.Database:
    """Open (or create) the workspace at `path`; raise WorkspaceError if it is not one.

    `check=False` skips the open-time checks for a caller that has just made
    them (one quick_check per open).  A read-only file or medium raises
    WorkspaceReadOnly, a write lock held past the busy timeout WorkspaceLocked,
    both before anything is written.  `busy_timeout_ms` shortens the wait for
    the lock during the open (the GUI retries with a visible countdown).

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
    _refuse_folder(path)
    is_new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
    if is_new and not create:
        raise WorkspaceError(f"{path} does not exist" if not path.exists() else f"{path} is empty")
    if path.exists() and not path.is_file():
        raise WorkspaceError(f"{path} is not a workbench workspace (not a file)")
    checked_ns = None
    if not is_new and check:
        checked_ns = _inspect_checked(path)[2]
    _check_writable(path)
    registry_path = registry or paths.DEPARTMENTS_FILE
    departments: list[Department] | None = load_registry(registry_path) if is_new else None

    companions = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    created = [p for p in companions if not p.exists()]
    db = WorkspaceDatabase(path)
    db.signer = signer  # type: ignore[attr-defined]  # None: the profile's key (audit.signer_of)
    try:
        _configure(db, busy_timeout_ms)
        db.opened_version = data_version(db.conn)
        real = os.path.realpath(path)
        db.opened_writers = _WRITERS_OPENED[real] = _WRITERS_OPENED.get(real, 0) + 1
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
        if busy_timeout_ms is not None:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.checked_ns = time.time_ns() if is_new else checked_ns  # a new file is good by construction
    except sqlite3.OperationalError as exc:
        db.close()
        _remove_empty_companions(created)
        if is_busy(exc):
            raise _locked(path) from exc
        raise
    except BaseException:
        db.close()
        _remove_empty_companions(created)
        raise
    return db


def _remove_empty_companions(created: list[Path]) -> None:
    """After a failed open (a full disk), remove the -wal/-shm files this open created, if the -wal is empty.

    A -shm that did not exist before the open means no other connection had
    the workspace open; an empty -wal holds nothing.  A -wal with frames is
    never touched.
    """
    wal = next((p for p in created if p.name.endswith("-wal")), None)
    if wal is None or (wal.exists() and wal.stat().st_size > 0):
        return
    for companion in created:
        with contextlib.suppress(OSError):
            companion.unlink()


def open_reader(path: Path) -> sqlite_utils.Database:
    """The workspace for a command that only reads: checked once, never taking the write lock.

    On a writable medium the connection is an ordinary one with query_only
    set, so it reads the latest committed state and, being the last to close,
    still removes the -wal and -shm files.  On a read-only file or medium it
    opens the file immutable (nothing can be writing it) and creates nothing.
    A workspace from an older version is upgraded first (the one time a
    reading command writes).
    """
    path = Path(path)
    _refuse_folder(path)
    if not path.is_file():
        raise WorkspaceError(f"{path} does not exist")
    needs_upgrade, before, checked_ns = _inspect_checked(path)
    created = [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if not p.exists()]
    writable = True
    try:
        _check_writable(path)
    except WorkspaceReadOnly:
        writable = False
    if needs_upgrade and writable:
        upgrading = open_workspace(path, create=False, check=False)
        upgrading.checked_ns = checked_ns
        upgrading.close()
        before = stamp.identity(path)
    try:
        conn = _reading_connection(path, writable)
    except sqlite3.Error as exc:
        _remove_empty_companions(created)
        if is_busy(exc):
            raise _locked(path) from exc
        if not _wal_has_frames(path):  # a full disk cannot hold the WAL index: read the file as it is
            _remove_empty_companions(created)
            return _Database(_reading_connection(path, False))
        raise
    db = ReadingDatabase(conn)
    if stamp.lookup(before) != checked_ns:  # not stamped at the check (changed moments before it): try at close
        db.checked = (before, checked_ns)
    return db


def _wal_has_frames(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _reading_connection(path: Path, writable: bool) -> sqlite3.Connection:
    """query_only; a normal connection on a writable medium, else read-only (immutable when no WAL holds frames)."""
    if writable:
        conn = sqlite3.connect(path)
    else:
        uri = path.resolve().as_uri() + "?mode=ro"
        if not (_wal_has_frames(path) and Path(f"{path}-shm").exists()):
            uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL index now
    except BaseException:
        conn.close()
        raise
    return conn


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
        medium_writable = True
        try:
            _check_writable(path)
        except WorkspaceReadOnly:
            medium_writable = False
        # on a read-only medium (a USB stick) with no WAL frames nothing can be writing: read it as it is
        conn = _connect_readonly(path, inspect=not medium_writable)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if application_id != migrations.APPLICATION_ID:
            raise WorkspaceError(f"{path} is not a workbench workspace")
        return _Database(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    except BaseException:
        conn.close()
        raise
