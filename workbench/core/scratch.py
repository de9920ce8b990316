"""A private temporary folder per process, so that no temporary file outlives its writer.

openpyxl's write-only workbooks stream each sheet into a temporary file
(`openpyxl.*.xml` in the system temp folder) and delete them only when the
workbook is saved or the interpreter exits normally.  An export that fails,
or a process that is killed, used to leave them behind (89 MB after a few
killed exports).  Pointing Python's `tempfile` at a folder named for this
process confines them: the folder is removed when the work ends, and folders
left by processes that no longer exist are swept the next time any workbench
process starts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

PREFIX = "workbench-scratch-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists (another user's) or unknowable: leave it
    return True


def sweep(base: Path | None = None) -> int:
    """Remove scratch folders of processes that no longer run; return how many."""
    base = Path(base or tempfile.gettempdir())
    removed = 0
    with contextlib.suppress(OSError):
        for folder in base.glob(PREFIX + "*"):
            pid = folder.name[len(PREFIX):].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)) and folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
    return removed


@contextlib.contextmanager
def private_tempdir() -> Iterator[Path | None]:
    """Send this process's temporary files to its own folder until the block ends, then remove it.

    Yields the folder, or None when it cannot be made (a full temp disk): then
    temporary files go where they always went.
    """
    base = Path(tempfile.gettempdir())
    sweep(base)
    try:
        folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
    except OSError:
        yield None
        return
    previous = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(folder, ignore_errors=True)
