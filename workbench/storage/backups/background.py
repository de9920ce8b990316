"""Today's copy taken on a thread, of the workspace as it was when the window opened.

A 1.2 GB workspace takes seconds to copy; the window should not wait for it.
`DailyBackup.pin` opens a connection of its own and starts a read transaction
on it, which in WAL mode fixes the committed state of that moment: writes made
while the copy runs (the reviewer tags at once) are not in the copy, which is
"the workspace before the day's first write" as the synchronous copy was.
`start` copies that state on a thread with SQLite's backup API
(taking.take_backup: a `.part` file renamed when complete, nothing left on
failure); `wait` is called before the process ends.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from workbench.storage.backups.taking import daily_due, take_backup


class DailyBackup:
    def __init__(self, workspace: Path, conn: sqlite3.Connection) -> None:
        self.workspace = workspace
        self._conn = conn
        self._thread: threading.Thread | None = None
        self.taken: Path | None = None
        self.error: BaseException | None = None

    @classmethod
    def pin(cls, workspace: Path) -> DailyBackup | None:
        """Fix the committed state for today's copy; None when no copy is due today."""
        workspace = Path(workspace)
        if not daily_due(workspace):
            return None
        conn = sqlite3.connect(workspace, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read transaction starts here
        except BaseException:
            conn.close()
            raise
        return cls(workspace, conn)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="daily-backup", daemon=False)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.taken = take_backup(self._conn, self.workspace, reason="daily")
        except BaseException as exc:  # noqa: BLE001 - a full disk: reported by whoever started it
            self.error = exc
        finally:
            self._conn.close()

    def done(self) -> bool:
        return self._thread is not None and not self._thread.is_alive()

    def wait(self) -> None:
        """Let a started copy finish; a pinned copy never started lets its snapshot go."""
        if self._thread is None:
            self._conn.close()
        else:
            self._thread.join()
