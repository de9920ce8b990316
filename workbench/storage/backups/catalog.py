"""The copies of a workspace kept in `backups/` beside it, and what each one is.

A copy is `backups/<workspace name>.<UTC time>.<reason>.sqlite`, with a small
`.json` beside it saying what it was taken before (the merged file, the
imported sheet), how many events it holds and who took it.  Copies made by
older versions (reason `open`) have no `.json`; their event count is read
from the copy itself.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

FOLDER = "backups"
# reason -> plain English, for the command line (the GUI has its own Chinese labels)
REASONS = {
    "merge": "before a merge",
    "import": "before a plan import",
    "division": "before a 任务分工 import",
    "restore": "before a restore",
    "daily": "daily copy",
    "open": "on opening (older version)",
    "damaged": "the damaged file, set aside",
}


@dataclass(frozen=True)
class Backup:
    path: Path
    number: int  # 1 = newest, as `workbench backup list` shows it
    taken: datetime  # UTC
    reason: str
    detail: str
    events: int | None
    size: int

    @property
    def local_time(self) -> str:
        return self.taken.astimezone().strftime("%Y-%m-%d %H:%M")

    @property
    def reason_text(self) -> str:
        text = REASONS.get(self.reason, self.reason)
        return f"{text} {self.detail}" if self.detail else text

    def describe(self) -> str:
        events = f"{self.events} events" if self.events is not None else "events unknown"
        return f"taken {self.local_time}, {self.reason_text}, {events}"


def backup_folder(workspace: Path) -> Path:
    return Path(workspace).resolve().parent / FOLDER


def sidecar(copy: Path) -> Path:
    return copy.with_name(copy.name + ".json")


def _parse(copy: Path, prefix: str) -> tuple[datetime, str] | None:
    rest = copy.name[len(prefix):-len(".sqlite")]
    stamp, _, reason = rest.partition(".")
    try:
        taken = _stamp_time(stamp)
    except ValueError:
        return None
    return taken, reason or "copy"


def _stamp_time(stamp: str) -> datetime:
    """The UTC time of a copy's name stamp ("%Y%m%dT%H%M%S%fZ"; ValueError if it is none).

    The stamps the workbench writes (20261202T011628123456Z) are read by slicing; anything else by
    strptime, whose first call in a process costs 3-6 ms (its locale tables and regexes), which every
    writing command would pay in its daily-copy check."""
    digits = stamp[:8] + stamp[9:21]
    if len(stamp) == 22 and stamp[8] == "T" and stamp[21] == "Z" and digits.isascii() and digits.isdigit():
        return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]), int(stamp[11:13]),
                        int(stamp[13:15]), int(stamp[15:21]), tzinfo=timezone.utc)  # fmt: skip
    return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)


def count_events(copy: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def list_backups(workspace: Path, *, events: bool = True) -> list[Backup]:
    """The copies of `workspace`, newest first (number 1 is the newest).

    `events=False` skips opening copies that have no .json to count their events.
    """
    folder = backup_folder(workspace)
    if not folder.is_dir():
        return []
    prefix = Path(workspace).name + "."
    found: list[tuple[datetime, str, Path]] = []
    for copy in folder.iterdir():
        if copy.name.startswith(prefix) and copy.name.endswith(".sqlite") and copy.is_file():
            parsed = _parse(copy, prefix)
            if parsed is not None:
                found.append((parsed[0], parsed[1], copy))
    found.sort(key=lambda item: (item[0], item[2].name), reverse=True)
    result = []
    for number, (taken, reason, copy) in enumerate(found, start=1):
        info: dict = {}
        try:
            info = json.loads(sidecar(copy).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        count = info.get("events") if isinstance(info.get("events"), int) else (count_events(copy) if events else None)
        result.append(Backup(copy, number, taken, reason, str(info.get("detail") or ""), count, copy.stat().st_size))
    return result


def newest_good(workspace: Path) -> Backup | None:
    """The newest copy that passes the open-time checks (a damaged copy is skipped)."""
    from workbench.storage.files.database import check_workspace
    from workbench.storage.errors import WorkspaceError

    for backup in list_backups(workspace):
        if backup.reason == "damaged":
            continue
        try:
            check_workspace(backup.path)
        except WorkspaceError:
            continue
        return backup
    return None


def find_backup(workspace: Path, which: str) -> Backup | None:
    """A copy by its number in the list (1 = newest) or by its file name or path."""
    backups = list_backups(workspace)
    if which.isdigit():
        return next((b for b in backups if b.number == int(which)), None)
    name = Path(which).name
    return next((b for b in backups if b.path.name == name), None)
