"""Copies of a workspace: the older entry points, kept for their callers.

The policy now lives in storage/backups/ (what is copied when, what is kept,
restore; merge copies the workspace on a thread while it merges:
backups/background.MergeBackup).  `backup_on_open` remains for callers that want a copy of a file they are
about to open, but the app and the command line no longer copy the whole
workspace on every open: they take one copy a day (backups.daily_backup).
"""

from __future__ import annotations

from pathlib import Path

from workbench.storage.backups.catalog import FOLDER, backup_folder  # noqa: F401 - re-exported
from workbench.storage.backups.catalog import list_backups
from workbench.storage.backups.taking import daily_backup
from workbench.storage.files.database import check_workspace

KEEP = 5  # unused by the policy; kept for callers that pass keep=


def backups(path: Path) -> list[Path]:
    """Existing copies of the workspace at `path`, oldest first."""
    return [b.path for b in reversed(list_backups(path, events=False))]


def backup_on_open(path: Path, *, keep: int = KEEP) -> Path | None:
    """Today's copy of the workspace about to be opened (None for a new file, or when one exists).

    Raises WorkspaceError, writing nothing, for a file that is not a healthy workspace.
    """
    path = Path(path)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return None
    check_workspace(path)
    taken = daily_backup(path)
    if taken is not None:
        return taken
    existing = list_backups(path, events=False)
    return existing[0].path if existing else None


