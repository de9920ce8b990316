"""Taking a copy of a workspace, and deciding which copies to keep.

Copies are taken with SQLite's online backup API (a consistent snapshot even
while another connection writes) into `<name>.part`, then renamed, so a copy
cut short by a full disk or a kill is never mistaken for a good one, and a
failed copy leaves nothing behind.

What is kept:
- every copy taken before a merge, a plan import, a 任务分工 import or a restore;
- one copy per day (the first writing open of a day, when the workspace
  changed since its newest copy), for DAILY_DAYS days;
- all of it within a total size cap: max(CAP_FLOOR, CAP_COPIES x the
  workspace's size), or WORKBENCH_BACKUP_CAP_MB; past it the oldest copies go
  first, the newest copy never.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from workbench.storage.backups.catalog import backup_folder, list_backups, sidecar

DAILY_DAYS = 7
CAP_FLOOR = 256 * 1024 * 1024
CAP_COPIES = 8
EXPIRING = ("daily", "open")  # the reasons that age out; the others stay until the size cap


STEP_PAGES = 16384  # 64 MB of 4 KB pages: a copy that can be stopped checks between steps (no slower: measured)


def take_backup(
    source: sqlite3.Connection | Path, workspace: Path, *, reason: str, detail: str = "", reviewer: str = "",
    pruning: bool = True, between_steps: Callable[[], object] | None = None,
) -> Path:
    """Copy the committed state of `source` (an open connection, or the workspace file) into backups/; then
    prune (unless `pruning` is false: the caller prunes once it keeps the copy).

    Raises OSError / sqlite3.Error (a full disk, a read-only medium) with nothing left behind.
    `between_steps`, if given, is called after each STEP_PAGES pages; what it raises stops the copy (nothing
    left behind either) and is raised here.
    """
    workspace = Path(workspace)
    folder = backup_folder(workspace)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{workspace.name}.{stamp}.{reason}.sqlite"
    partial = target.with_name(target.name + ".part")
    own = None
    if isinstance(source, Path):
        own = sqlite3.connect(source)
        own.execute("PRAGMA query_only = ON")
        source = own
    try:
        destination = sqlite3.connect(partial)
        try:
            if between_steps is None:
                source.backup(destination)
            else:
                source.backup(destination, pages=STEP_PAGES, progress=lambda *_: between_steps())
            events = int(destination.execute("SELECT count(*) FROM events").fetchone()[0])
        finally:
            destination.close()
        info = {"reason": reason, "detail": detail, "events": events, "reviewer": reviewer,
                "taken_utc": stamp, "workspace": str(workspace.resolve())}
        sidecar(target).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-journal"), sidecar(target)):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    finally:
        if own is not None:
            own.close()
    if pruning:
        prune(workspace)
    return target


def daily_backup(workspace: Path, *, source: sqlite3.Connection | None = None,
                 now: datetime | None = None) -> Path | None:
    """Today's copy, taken before the first write of the day; None when not needed.

    Not needed when a copy (of any kind) was already taken today, or when the
    workspace has not changed since its newest copy.  Reads only the folder
    listing in the common case, so a small command costs nothing extra.
    `source` is an open connection to copy from (default: the file).
    """
    workspace = Path(workspace)
    if not daily_due(workspace, now=now):
        return None
    return take_backup(source or workspace, workspace, reason="daily")


def daily_due(workspace: Path, *, now: datetime | None = None) -> bool:
    """Whether today's copy is still to be taken (no copy today, and the workspace changed since the newest)."""
    workspace = Path(workspace)
    if not workspace.is_file() or workspace.stat().st_size == 0:
        return False
    now = now or datetime.now(timezone.utc)
    today = now.astimezone().date()
    existing = list_backups(workspace, events=False)
    if existing:
        if existing[0].taken.astimezone().date() == today:
            return False
        changed = max(p.stat().st_mtime_ns for p in (workspace, Path(f"{workspace}-wal")) if p.exists())
        if existing[0].path.stat().st_mtime_ns >= changed:
            return False
    return True


def cap_bytes(workspace: Path) -> int:
    override = os.environ.get("WORKBENCH_BACKUP_CAP_MB")
    if override and override.isdigit():
        return int(override) * 1024 * 1024
    size = Path(workspace).stat().st_size if Path(workspace).exists() else 0
    return max(CAP_FLOOR, CAP_COPIES * size)


def prune(workspace: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete the copies the policy no longer keeps; return them."""
    now = now or datetime.now(timezone.utc)
    backups = list_backups(workspace, events=False)  # newest first
    removed: list[Path] = []
    keep = []
    for index, backup in enumerate(backups):
        expired = backup.reason in EXPIRING and now - backup.taken > timedelta(days=DAILY_DAYS)
        if expired and index > 0:
            removed.append(backup.path)
        else:
            keep.append(backup)
    total, cap = sum(b.size for b in keep), cap_bytes(workspace)
    while total > cap and len(keep) > 1:
        oldest = keep.pop()
        total -= oldest.size
        removed.append(oldest.path)
    for path in removed:
        for leftover in (path, sidecar(path)):
            with contextlib.suppress(OSError):
                leftover.unlink()
    _sweep_partials(workspace, now)
    return removed


def _sweep_partials(workspace: Path, now: datetime) -> None:
    """Remove `.part` copies left by a process killed mid-copy (an hour old: no copy takes that long)."""
    folder = backup_folder(workspace)
    with contextlib.suppress(OSError):
        for partial in folder.glob(Path(workspace).name + ".*.part*"):
            age = now.timestamp() - partial.stat().st_mtime
            if age > 3600:
                partial.unlink()


def workspace_file(db) -> Path:
    """The file an open workspace connection (sqlite-utils Database or sqlite3 connection) reads."""
    conn = getattr(db, "conn", db)
    return Path(conn.execute("PRAGMA database_list").fetchone()[2])


def backup_before(db, *, reason: str, detail: str = "", reviewer: str = "") -> Path:
    """A copy of an open workspace before a large write (plan import, 任务分工 import) is made on it."""
    return take_backup(getattr(db, "conn", db), workspace_file(db), reason=reason, detail=detail, reviewer=reviewer)
