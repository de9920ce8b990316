"""Copies of a workspace taken with SQLite's online backup API.

A copy is taken when a workspace is opened for work (`backup_on_open`, which
the app and the command line call before open_workspace) and before every
merge writes anything (`backup_connection`).  Copies go to a `backups/` folder
beside the workspace, named `<stem>.<UTC time>.<reason>.sqlite`; the newest
KEEP copies of each workspace are kept, older ones deleted.  A file that fails
the workspace checks (foreign, damaged, newer) is never copied: the check
raises WorkspaceError first.  Opening a workspace that has not changed since
its newest copy takes no new copy, so a run of commands does not push the
useful copies out.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .database import check_workspace

KEEP = 5
FOLDER = "backups"


def backup_folder(path: Path) -> Path:
    return Path(path).resolve().parent / FOLDER


def backups(path: Path) -> list[Path]:
    """Existing copies of the workspace at `path`, oldest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    stem = Path(path).name + "."
    return sorted(p for p in folder.iterdir() if p.name.startswith(stem) and p.suffix == ".sqlite")


def backup_on_open(path: Path, *, keep: int = KEEP) -> Path | None:
    """Copy the workspace about to be opened; None for a new (missing or empty) file.

    Raises WorkspaceError, writing nothing, for a file that is not a healthy workspace.
    """
    path = Path(path)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    check_workspace(path)
    existing = backups(path)
    if existing:
        changed = max(p.stat().st_mtime_ns for p in (path, Path(f"{path}-wal")) if p.exists())
        if existing[-1].stat().st_mtime_ns >= changed:
            return existing[-1]
    source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return _copy(source, path, "open", keep)
    finally:
        source.close()


def backup_connection(db: sqlite_utils.Database, path: Path, *, reason: str, keep: int = KEEP) -> Path:
    """Copy the committed state of an open workspace (before a merge writes to it)."""
    return _copy(db.conn, Path(path), reason, keep)


def _copy(source: sqlite3.Connection, path: Path, reason: str, keep: int) -> Path:
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.name}.{stamp}.{reason}.sqlite"
    partial = target.with_name(target.name + ".part")
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination)
    finally:
        destination.close()
    os.replace(partial, target)
    for old in backups(path)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target
