"""Retrying a write that lost the race for the workspace's write lock.

Workspace transactions begin IMMEDIATE (database.WorkspaceDatabase), so a
write waits up to the busy timeout (5 s) for another connection's lock.  A
write that still finds the workspace locked after that (a very large import
on another connection) fails with "database is locked"; its transaction has
been rolled back whole, so running the same write again is safe.  The GUI runs
its writes through `retry_busy` and tells the reviewer when one could not be
saved rather than losing it silently.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

ATTEMPTS = 40
DELAY_S = 0.025  # 40 x 25 ms: a second, longer than any single indexing transaction


def is_busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def is_disk_full(exc: BaseException) -> bool:
    """A write SQLite could not make for want of space (SQLite says so itself, not through an OSError)."""
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)


DEADLINE_S = 2.0  # never retry past this: a window must not freeze behind another program's lock


def retry_busy(write: Callable[[], T], *, attempts: int = ATTEMPTS, delay: float = DELAY_S,
               deadline: float = DEADLINE_S) -> T:
    """Run `write`, again after a short sleep while the database is busy (at most `deadline` seconds in all)."""
    started = time.monotonic()
    for attempt in range(attempts):
        try:
            return write()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or attempt == attempts - 1 or time.monotonic() - started > deadline:
                raise
            time.sleep(delay)
    raise AssertionError("unreachable")
