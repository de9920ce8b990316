"""Putting a backup back in place of the workspace, losing nothing on the way.

The current file is itself copied into backups/ first (reason `restore`; a
damaged file is set aside byte for byte as `damaged`), so a restore can be
undone by restoring that copy.  A healthy workspace is overwritten through
SQLite's backup API on a normal connection, so a window that has it open
sees the change like any other write; a damaged one is replaced as a file.
The restored workspace then records who restored which copy as one audited
event (subject `workspace`, which replay leaves alone).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workbench.storage.audit.audit import Reviewer

from workbench.storage.backups.catalog import Backup, backup_folder, count_events
from workbench.storage.backups.taking import take_backup

RESTORE_ACTION = "backup_restore"
RESTORE_SUBJECT = "workspace"


@dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the copy put back
    set_aside: Path | None  # the copy of what the workspace held before
    events: int  # events in the restored workspace, the restore event included


def restore_backup(workspace: Path, backup: Backup | Path, *, reviewer: Reviewer) -> RestoreResult:
    """Replace the workspace's content with `backup`; raise WorkspaceError for a bad copy (nothing changed)."""
    from workbench.storage.files.database import BUSY_TIMEOUT_MS, check_workspace, open_workspace
    from workbench.storage.errors import WorkspaceDamaged, WorkspaceError

    workspace = Path(workspace)
    copy = backup.path if isinstance(backup, Backup) else Path(backup)
    check_workspace(copy)  # a damaged or foreign copy is refused before anything happens
    healthy = workspace.is_file() and workspace.stat().st_size > 0
    if healthy:
        try:
            check_workspace(workspace)
        except WorkspaceDamaged:
            healthy = False
        except WorkspaceError:
            raise
    if healthy:
        set_aside = take_backup(workspace, workspace, reason="restore", detail=copy.name, reviewer=reviewer.name)
        source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        target = sqlite3.connect(workspace)
        try:
            target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        set_aside = _set_aside_damaged(workspace) if workspace.exists() else None
        partial = workspace.with_name(workspace.name + ".restoring")
        try:
            shutil.copyfile(copy, partial)
            for companion in (Path(f"{workspace}-wal"), Path(f"{workspace}-shm")):
                with contextlib.suppress(FileNotFoundError):
                    companion.unlink()
            os.replace(partial, workspace)
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
    db = open_workspace(workspace, create=False, check=False, reviewer=reviewer)
    try:
        from workbench.storage.audit import audit

        with db.atomic():
            audit.append_event(
                db, reviewer=reviewer, action=RESTORE_ACTION, subject=RESTORE_SUBJECT,
                after={"backup": copy.name, "events": count_events(copy),
                       "set_aside": set_aside.name if set_aside else None},
                reason=f"restored {copy.name}",
            )  # fmt: skip
        events = audit.event_count(db)
    finally:
        db.close()
    return RestoreResult(copy, set_aside, events)


def _set_aside_damaged(workspace: Path) -> Path:
    folder = backup_folder(workspace)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{workspace.name}.{stamp}.damaged.sqlite"
    partial = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(workspace, partial)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return target
