"""Who holds a workspace's write lock, when SQLite says only "database is locked".

SQLite takes its locks as POSIX advisory byte-range locks: in WAL mode the
writer holds byte 120 of the `-shm` file (WAL_WRITE_LOCK); in rollback mode a
writer holds the RESERVED or PENDING byte of the database file itself.  The
operating system will tell any process which process holds a conflicting
lock (fcntl F_GETLK), so a reviewer can be told "held by process 4711
(sqlitebrowser)" instead of a bare "locked".  Where the platform cannot tell
(Windows, or a lock held by this same process) the answer is None.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

WAL_WRITE_LOCK_BYTE = 120  # UNIX_SHM_BASE + WAL_WRITE_LOCK in SQLite's os_unix.c
PENDING_BYTE = 0x40000000
RESERVED_BYTE = PENDING_BYTE + 1


def _holder_pid(file: Path, offset: int, length: int = 1) -> int | None:
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    try:
        fd = os.open(file, os.O_RDONLY)
    except OSError:
        return None
    try:
        # struct flock: short l_type, short l_whence, off_t l_start, off_t l_len, pid_t l_pid (native alignment)
        request = struct.pack("@hhqqi", fcntl.F_WRLCK, os.SEEK_SET, offset, length, 0)
        request += b"\0" * (32 - len(request))
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, request)
        l_type, _, _, _, pid = struct.unpack("@hhqqi", answer[: struct.calcsize("@hhqqi")])
        return pid if l_type != fcntl.F_UNLCK and pid > 0 else None
    except (OSError, struct.error):
        return None
    finally:
        os.close(fd)


def describe_process(pid: int) -> str:
    """'process 4711 (python3 -m workbench assign …)', as much as the platform says."""
    command = ""
    if sys.platform.startswith("linux"):
        try:
            raw = Path(f"/proc/{pid}/cmdline").read_bytes()
            parts = [part.decode(errors="replace") for part in raw.split(b"\0") if part]
            if parts:
                parts[0] = os.path.basename(parts[0])
            command = " ".join(" ".join(parts).split())
        except OSError:
            command = ""
    if len(command) > 80:
        command = command[:79] + "…"
    return f"process {pid} ({command})" if command else f"process {pid}"


def lock_holder(path: Path) -> str | None:
    """A description of the process holding the workspace's write lock, or None if unknown."""
    path = Path(path)
    shm = Path(f"{path}-shm")
    pid = _holder_pid(shm, WAL_WRITE_LOCK_BYTE) if shm.exists() else None
    if pid is None and path.exists():
        pid = _holder_pid(path, PENDING_BYTE, 2)
    return describe_process(pid) if pid else None
