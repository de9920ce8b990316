"""The checked-file stamp: skip `PRAGMA quick_check` on a file unchanged since it last passed.

quick_check reads the whole file: 1.4 s for a 1.2 GB workspace, on every
command.  After a check passes, and after our own clean close of a file we
opened as good, we write a small stamp into the reviewer's data folder (never
beside the workspace: a read-only medium stays untouched) holding the file's
identity:

- its real path, device, inode, size, modification and change times (ns);
- the state of its -wal file (absent or empty, or its size and times);
- from the SQLite header: the file change counter, schema cookie and the
  version-valid-for number.

The next open compares the file with the stamp.  Any difference (another
program wrote it, it was copied or moved to another disk or machine, it was
restored from a backup, a tool put its old modification time back: the
change time cannot be set back) means the full check runs as before.  A
stamp older than MAX_AGE also means a full check, so damage no stat can see
(a disk that silently flips bits) is looked for at least once a day; SQLite
itself reports such a page as "malformed" when a command reads it, and the
command line then forgets the stamp.

Racing writes: a file system records times at a coarse tick (4 ms on Linux,
about 16 ms on Windows, 2 s on FAT).  A change made within the same tick as
the change we stamped would leave the times as they were, so a stamp is only
written once the file's last change is a tick in the past (after our own
writes we wait out the tick, at most TICK_S); on a file system that records
whole seconds we write no stamp after our own writes at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from pathlib import Path

from workbench import paths

MAX_AGE_NS = 24 * 3600 * 10**9
FOLDER = "checked"
_CLOCK_REALTIME_COARSE = 5  # Linux: the clock file times are taken from


def _tick_ns() -> int:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            return int(time.clock_getres(_CLOCK_REALTIME_COARSE) * 1e9) + 1_000_000
    return 20_000_000


TICK_NS = _tick_ns()


def identity(path: Path) -> list | None:
    """What the stamp compares: None when the file cannot be looked at."""
    try:
        real = os.path.realpath(path)
        st = os.stat(real)
        with open(real, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    try:
        wal = os.stat(real + "-wal")
        # an empty -wal (left by a read-only connection) holds nothing: the main file is the whole content
        wal_state = [wal.st_size, wal.st_mtime_ns, wal.st_ctime_ns, wal.st_ino] if wal.st_size else None
    except FileNotFoundError:
        wal_state = None
    except OSError:
        return None
    return [real, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, wal_state,
            header[24:28].hex(), header[40:44].hex(), header[92:96].hex()]


def _stamp_file(real: str) -> Path:
    key = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return paths.user_data_dir() / FOLDER / f"{key}.json"


def _granularity_ns(ident: list) -> int:
    """How finely this file system records times: whole seconds (FAT, ext3) or a clock tick."""
    mtime, ctime = ident[4], ident[5]
    if mtime % 1_000_000_000 == 0 and ctime % 1_000_000_000 == 0:
        return 2_000_000_000
    if mtime % 10_000_000 == 0 and ctime % 10_000_000 == 0:
        return 20_000_000 + TICK_NS
    return TICK_NS


def _settled(ident: list, at: int | None = None) -> bool:
    """True when the file's last recorded change was more than a tick in the past at `at` (default: now),
    the moment `ident` was looked at: a later write in that same tick would not show in it."""
    return (time.time_ns() if at is None else at) - max(ident[4], ident[5]) > _granularity_ns(ident)


def lookup(ident: list | None) -> int | None:
    """When the file with identity `ident` last passed quick_check, if a recent stamp holds exactly that identity."""
    if ident is None:
        return None
    try:
        stamp = json.loads(_stamp_file(ident[0]).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("identity") != ident:
        return None
    checked = stamp.get("checked_ns")
    if isinstance(checked, int) and 0 <= time.time_ns() - checked < MAX_AGE_NS:
        return checked
    return None


KEEP = 256  # stamps kept before those of vanished or long-unchecked files are swept


def _write(ident: list, checked_ns: int) -> None:
    target = _stamp_file(ident[0])
    with contextlib.suppress(OSError):  # a stamp only saves time: no folder, no stamp
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_text(json.dumps({"identity": ident, "checked_ns": checked_ns}), encoding="utf-8")
        os.replace(partial, target)
        stamps = list(target.parent.glob("*.json"))
        if len(stamps) > KEEP:
            _sweep(stamps)


def _sweep(stamps: list[Path]) -> None:
    """Remove the stamps of files that are gone or were not checked for MAX_AGE (scratch copies, old USB sticks)."""
    now = time.time_ns()
    for stamp_file in stamps:
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError, IndexError):
            stamp = json.loads(stamp_file.read_text(encoding="utf-8"))
            if not os.path.exists(stamp["identity"][0]) or now - stamp["checked_ns"] > MAX_AGE_NS:
                stamp_file.unlink()


def record_checked(before: list | None, path: Path, checked_ns: int) -> None:
    """The file whose identity was `before` passed quick_check at `checked_ns`: stamp it if it is still so.

    `checked_ns` is taken before `before` was looked at (inspection.py).  No
    stamp for a file changed moments before that look (a change within the
    same tick would not show, however long the check took): the next open
    checks it again.
    """
    if before is None or not _settled(before, checked_ns):
        return
    if identity(path) == before:
        _write(before, checked_ns)


def record_closed(path: Path, checked: int | None) -> None:
    """After our own clean close of a file we opened as good (checked at `checked`): stamp what we leave.

    Nothing is stamped while another connection keeps a -wal file, when the file
    system records whole seconds, or when the file changes while we wait out
    the tick.
    """
    if checked is None:
        return
    ident = identity(path)
    if ident is None or ident[6] is not None:
        return
    if not _settled(ident):
        wait = _granularity_ns(ident)
        if wait > 100_000_000:
            return
        time.sleep(wait / 1e9)
        if identity(path) != ident:
            return
    _write(ident, checked)


def verified(ident: list | None, verdict_of: str) -> bool:
    """True when the file with identity `ident` passed the state-against-events check of code `verdict_of`."""
    if ident is None or lookup(ident) is None:
        return False
    with contextlib.suppress(OSError, ValueError):
        return json.loads(_stamp_file(ident[0]).read_text(encoding="utf-8")).get("verified") == verdict_of
    return False


def record_verified(before: list | None, path: Path, verdict_of: str, looked_ns: int | None = None) -> None:
    """The file whose identity was `before` (looked at at `looked_ns`) passed the state-against-events
    check of code `verdict_of`.

    Noted beside its checked stamp, only while the file is exactly as checked
    and verified; any rewrite of the stamp (the file changed) drops it.
    """
    if before is None or identity(path) != before or not _settled(before, looked_ns):
        return
    checked = lookup(before)
    if checked is None:
        return
    target = _stamp_file(before[0])
    with contextlib.suppress(OSError):
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_text(json.dumps({"identity": before, "checked_ns": checked, "verified": verdict_of}),
                           encoding="utf-8")
        os.replace(partial, target)


def forget(path: Path) -> None:
    """Drop the stamp of `path` (SQLite found a damaged page): the next open runs the full check."""
    with contextlib.suppress(OSError):
        _stamp_file(os.path.realpath(path)).unlink()
