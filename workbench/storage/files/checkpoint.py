"""A large transaction's checkpoint, moved off the path the reviewer waits on.

In WAL mode a commit appends the changed pages to the -wal file (fsynced:
synchronous=FULL), and SQLite's automatic checkpoint then copies them into
the main file, on the committing connection, before COMMIT returns.  For a
merge of 100,000 events that is 170 MB copied and fsynced once more: about a
second after the merge is already durable.  `deferred` turns the automatic
checkpoint off for one block and, once the block has committed, runs a
PASSIVE checkpoint on a connection of its own, on a thread (SQLite's own
advice for writers that cannot wait: readers and writers go on meanwhile,
nothing is locked against them).

The checkpoint is housekeeping only: a crash in the middle of it loses
nothing (the next connection finishes it from the -wal).  `settle(path)`
waits for it; workspace connections call it before they close, so a command
ends with the file checkpointed as before, and the clean-close stamp
(checks/stamp.py) describes the file as it stays.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

_pending: dict[str, threading.Thread] = {}
_lock = threading.Lock()


@contextlib.contextmanager
def deferred(conn: sqlite3.Connection, path: Path | None) -> Iterator[None]:
    """No automatic checkpoint on `conn` inside the block; a background one for `path` after it, when the
    block leaves no transaction open (a caller's own transaction commits, and checkpoints, later)."""
    if path is None or conn.in_transaction:
        yield
        return
    (pages,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
    if not conn.in_transaction:  # (not after an exception: the block's transaction was rolled back)
        start(path)


def start(path: Path) -> None:
    """A PASSIVE checkpoint of `path` on a thread (one at a time per file; a running one covers a new call
    only if it started after the commit, so a second one is queued behind it)."""
    real = os.path.realpath(path)
    with _lock:
        before = _pending.get(real)
        thread = threading.Thread(target=_run, args=(real, before), name=f"checkpoint {Path(real).name}",
                                  daemon=False)  # (an exiting command waits for it)
        try:
            thread.start()
        except RuntimeError:  # no thread to be had: the write has committed; SQLite checkpoints later
            return
        _pending[real] = thread  # (under the lock: the thread removes itself only after this)


def pending() -> bool:
    """True while a background checkpoint runs (of any file)."""
    return bool(_pending)


def settle(path: Path | None) -> None:
    """Wait for the background checkpoint of `path`, if one runs."""
    if path is None:
        return
    real = os.path.realpath(path)
    with _lock:
        thread = _pending.get(real)
    if thread is not None and thread is not threading.current_thread():
        thread.join()


def _run(real: str, before: threading.Thread | None) -> None:
    if before is not None:
        before.join()
    try:
        with contextlib.suppress(sqlite3.Error):  # housekeeping: the next checkpoint does what this one could not
            conn = sqlite3.connect(f"{Path(real).as_uri()}?mode=rw", uri=True, check_same_thread=False)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
    finally:
        with _lock:
            if _pending.get(real) is threading.current_thread():
                del _pending[real]
