"""verify's node comparison run ahead: on a connection and thread of its own, while the log is scanned.

verify (audit_verify.py) first scans the whole log in Python (hashes, light
events), then compares the node tables with each target's last event in SQL
(state_sql.nodes_match), about a fifth of its time at 100 plans.  That
comparison needs the scan only to know each target's last event; where that
event is the target's event of the highest seq, SQLite can find it itself
(state_sql.nodes_match_events).  So it starts before the scan, on a second
read-only connection in a thread, and SQLite does its work there without the
GIL while the scan runs in Python on the other core.  It runs at a lower
priority: on a busy machine it takes the CPU the scan leaves, and verify
waits for it at the end, so it costs about the comparison it replaces.

Its "equal" is taken only when it stands for nodes_match's (`equal`):

* both read the same state of the file: the caller's connection was outside
  a transaction and its PRAGMA data_version did not move from before the
  thread began to after everything was read (no other connection committed
  in between, so the thread's snapshot and every read of the caller's are
  the same);
* each target's last event is its event of the highest seq: the caller
  says so (last_events.py: no target's shown event differs from the one read
  last, as when one workspace wrote each target);
* it found as many targets as the scan did, and took for them the very
  events the scan found last (their seqs compared in order: a count alone
  could hide one target grouped differently and another found twice).

Anything else (it could not run, an SQL error, "may differ", another number
of targets) gives None, and verify compares as before: nodes_match, then the
Python comparison that names the first mismatch.  So the verdict never
depends on this module; only verify's speed does.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path

import sqlite_utils

from workbench.storage.files.database import data_version
from workbench.storage.state.state_sql import nodes_match_events

_BUSY_TIMEOUT_MS = 5000
_CANCEL_POLL_S = 0.05  # how often cancel() repeats its interrupt while the thread runs


def _reader_uri(db: sqlite_utils.Database) -> str | None:
    """How a second reader opens the caller's file as it is, creating nothing beside it; None: it cannot.

    A source opened by readonly.open_source says its own (read-only, immutable where no -wal is); any
    other connection's file is read with mode=ro when its -wal and -shm are there (a live WAL workspace:
    the reader shares them).  An in-memory or temporary database has no file: None.
    """
    uri = getattr(db, "uri", "")
    if uri:
        return uri
    try:
        name = db.conn.execute("PRAGMA database_list").fetchone()[2]
    except sqlite3.Error:
        return None
    if not name or not (Path(f"{name}-wal").exists() and Path(f"{name}-shm").exists()):
        return None
    return Path(name).resolve().as_uri() + "?mode=ro"


def _yield_to_the_caller() -> None:
    """Lower this thread's priority (Linux: per thread), so that on a busy machine it takes the CPU the
    caller's scan leaves rather than slowing it; the caller waits for it at the end anyway."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, os.getpriority(os.PRIO_PROCESS, 0) + 5))


class StateAhead:
    """nodes_match_events of the caller's file on a thread; `equal` says what it found, `cancel` stops it."""

    def __init__(self, conn: sqlite3.Connection, uri: str, version: int) -> None:
        self._caller, self._uri, self._version = conn, uri, version
        self._found: tuple[bool, int] | None = None
        self._last_seqs = array("q")  # the seq of each target's last event it compared, ascending
        self._lock = threading.Lock()
        self._reader: sqlite3.Connection | None = None
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="verify-state-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        _yield_to_the_caller()
        try:
            reader = sqlite3.connect(self._uri, uri=True)
        except sqlite3.Error:
            return
        with self._lock:
            if self._stopped:
                reader.close()
                return
            self._reader = reader
        try:
            reader.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            reader.execute("BEGIN")  # every statement below reads one snapshot
            self._found = nodes_match_events(reader, self._last_seqs)
        except Exception:  # noqa: BLE001  (an SQL error, an interrupt: not known, the caller compares itself)
            self._found = None
        finally:
            with self._lock:
                self._reader = None
            reader.close()

    def equal(self, targets: int, last_seqs: Callable[[], Iterable[int]]) -> bool | None:
        """True when the node tables equal each target's last event (see the module docstring), else None.

        `targets`: how many node targets the scan found; `last_seqs()`: the seqs of their last events (asked
        only when everything else holds).  Call only once every read of the caller's that the verdict rests
        on is done, and when each target's last event is its highest seq's.  Waits for the thread.  From
        the caller's thread.
        """
        self._thread.join()
        found = self._found
        if found is None or data_version(self._caller) != self._version:
            return None
        equal, counted = found
        if not equal or counted != targets or self._last_seqs != array("q", sorted(last_seqs())):
            return None
        return True

    def cancel(self) -> None:
        """Stop the thread (interrupting its statement) and wait for it; harmless once it is done.

        An interrupt that lands between two statements is lost (SQLite clears it when the next one
        starts), so it is repeated until the thread has ended."""
        with self._lock:
            self._stopped = True
        while self._thread.is_alive():
            with self._lock:
                if self._reader is not None:
                    self._reader.interrupt()
            self._thread.join(_CANCEL_POLL_S)


def start(db: sqlite_utils.Database) -> StateAhead | None:
    """The comparison started beside the caller's reads of `db`, or None where it cannot stand for them.

    Not inside a transaction of the caller's (its snapshot may be older than any a new reader gets), nor
    without a file a second reader can open as the caller's connection sees it.  From the caller's thread.
    """
    conn = db.conn
    if conn.in_transaction:
        return None
    uri = _reader_uri(db)
    version = data_version(conn)
    if uri is None or version is None:
        return None
    return StateAhead(conn, uri, version)
