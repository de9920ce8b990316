"""The checks made before a workspace is opened: is the file ours, readable, whole and not from the future?

Read-only throughout: a refused file is left byte-for-byte untouched and
nothing is created beside it.  quick_check, the slow one, is skipped for a
file unchanged since it last passed (stamp.py); database.py opens the file
only after these checks.
"""

from __future__ import annotations

import functools
import sqlite3
import time
from pathlib import Path

import sqlite_utils

from workbench.storage.files import migrations
from workbench.storage.files.busy import is_busy
from workbench.storage.errors import WorkspaceDamaged, WorkspaceError, WorkspaceLocked

from workbench.storage.checks import stamp

SQLITE_HEADER = b"SQLite format 3\x00"


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


def _inspect(path: Path) -> bool:
    """Raise WorkspaceError unless `path` (existing, non-empty) is a workspace we can open.

    Returns whether schema steps readers need are pending (an older workspace to upgrade before reading).
    """
    return _inspect_checked(path)[0]


def _quick_check(conn: sqlite3.Connection) -> list[str]:
    """PRAGMA quick_check: reads the whole file (1.4 s at 1.2 GB); ["ok"] when it passes."""
    return [row[0] for row in conn.execute("PRAGMA quick_check")]


def _inspect_checked(path: Path) -> tuple[bool, list | None, int]:
    """_inspect, also saying the file's identity before the check and when it last passed quick_check.

    quick_check is skipped when the file is exactly as it was when a check
    passed or we closed it cleanly (checks/stamp.py); every other check runs.
    """
    looked = time.time_ns()  # before the look: the check counts from here (stamp.record_checked)
    before = stamp.identity(path)
    try:
        return _inspect_file(path, before, stamp.lookup(before), looked_ns=looked)
    except WorkspaceDamaged:
        stamp.forget(path)
        raise


def _inspect_file(path: Path, before: list | None, checked_ns: int | None, *,
                  quick_check: bool = True, looked_ns: int | None = None) -> tuple[bool, list | None, int]:  # fmt: skip
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
        fresh = checked_ns is not None  # unchanged since it passed: quick_check and the table check hold
        if not fresh and quick_check:
            problems = _quick_check(conn)
            if problems != ["ok"]:
                raise WorkspaceDamaged(f"{path} is damaged: {problems[0]}", path)
            checked_ns = time.time_ns() if looked_ns is None else looked_ns
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
            if not fresh:
                present = set(conn.execute("SELECT type, name FROM sqlite_master WHERE type = 'table'"))
                missing = sorted(_expected_objects(tuple(applied)) - present)
                if missing:
                    kind, name = missing[0]
                    raise WorkspaceDamaged(f"{path} is damaged: its {kind} {name!r} is missing", path)
            # (a step readers need not, migrations.READERS_NEED_NOT, waits for a writable open)
            pending = migrations.readers_need_upgrade(applied)
        else:
            pending = True
        if not fresh and quick_check:
            stamp.record_checked(before, path, checked_ns)
        return pending, before, checked_ns
    except sqlite3.OperationalError as exc:
        if is_busy(exc):
            raise _locked(path) from exc
        raise WorkspaceError(f"{path} cannot be read: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise WorkspaceDamaged(f"{path} is damaged: {exc}", path) from exc
    finally:
        conn.close()


@functools.cache
def _expected_objects(applied: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The tables a workspace with these schema steps applied must have.

    (Dropped append-only triggers are tampering, which `audit verify` reports.)

    Each known step is run in order on an empty in-memory database; what a
    step creates (less what it drops) is expected once that step is recorded
    as applied.  Cached: computed once per process for the usual workspace.
    """
    db = sqlite_utils.Database(memory=True, execute_plugins=False)
    objects = "SELECT type, name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    names = [m.name for m in migrations.migrations.pending(db)]
    expected: set[tuple[str, str]] = set()
    before = set(db.execute(objects).fetchall())
    for index, name in enumerate(names):
        migrations.migrations.apply(db, stop_before=names[index + 1] if index + 1 < len(names) else None)
        after = set(db.execute(objects).fetchall()) - {("table", "_sqlite_migrations")}
        if name in applied:
            expected |= after - before
            expected -= before - after
        before = after
    return frozenset(expected)


def _locked(path: Path) -> WorkspaceLocked:
    from workbench.storage.files.locks import lock_holder

    holder = lock_holder(path)
    return WorkspaceLocked(
        f"{path} is locked by {holder or 'another program'}; gave up after waiting "
        f"{BUSY_TIMEOUT_MS // 1000} s: try again when it has finished"
    )


def check_workspace(path: Path, *, quick_check: bool = True) -> None:
    """Raise WorkspaceError unless the existing file at `path` is a healthy workspace we can open.

    The same checks open_workspace makes before writing (header, application
    id, quick_check, no unknown schema step); reads only, creates no file.
    quick_check=False leaves out the page check (and records no stamp), for
    merge: it reads and checks every event row of the file it merges
    (audit_chain.scan_log) and takes nothing else from it.
    """
    path = Path(path)
    _refuse_folder(path)
    if not path.is_file():
        raise WorkspaceError(f"{path} does not exist")
    if quick_check:
        _inspect(path)
    else:
        _inspect_file(path, None, None, quick_check=False)


def _refuse_folder(path: Path) -> None:
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a workspace file (give the .sqlite file inside it)")
