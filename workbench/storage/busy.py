"""Retrying a write that lost the race for the workspace's write lock.

Repository writes open their transaction with a plain (deferred) BEGIN and
read before they write.  When another connection (the search indexer on its
worker thread, another process) holds or has just released the write lock,
SQLite cannot upgrade such a read transaction and fails at once with
"database is locked" (SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT): the busy timeout
does not apply to an upgrade.  The failed transaction has been rolled back
whole, so running the same write again is safe.

Added beside the repository by the GUI work rather than changing how the
repository begins its transactions (BEGIN IMMEDIATE would make the busy
timeout apply and this helper unnecessary).
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


def retry_busy(write: Callable[[], T], *, attempts: int = ATTEMPTS, delay: float = DELAY_S) -> T:
    """Run `write`, again after a short sleep while the database is busy."""
    for attempt in range(attempts):
        try:
            return write()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or attempt == attempts - 1:
                raise
            time.sleep(delay)
    raise AssertionError("unreachable")
