"""A copy taken on a thread, of the workspace as it was at one moment.

A 1.2 GB workspace takes seconds to copy; the window, or a merge, should not
wait for it.  `pin` opens a connection of its own and starts a read
transaction on it, which in WAL mode fixes the committed state of that
moment: writes made while the copy runs are not in the copy.  `start` copies
that state on a thread with SQLite's backup API (taking.take_backup: a `.part`
file renamed when complete, nothing left on failure).

DailyBackup: the workspace before the day's first write (pinned when the
window opens, the reviewer tags at once); `wait` is called before the
process ends.  MergeBackup: a merge pins the state before it checks the other
file, makes sure once it holds the write lock that nothing was committed
since (else pins again), copies it while it merges (started once a core is
free: the pin, not the start, fixes what is copied), and keeps the copy
(`kept`) only if it commits (`discard` otherwise: a refused merge leaves no
copy, and prunes none; a copy still running stops at its next step, so a
refusal is not held up by it).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from workbench.storage.backups.catalog import sidecar
from workbench.storage.backups.taking import daily_due, prune, take_backup
from workbench.storage.files.database import data_version


class CopyStopped(Exception):
    """The copy was stopped between two steps (it was discarded): nothing of it is left."""


class PinnedBackup:
    reason = "pinned"
    _pruning = True  # (take_backup prunes the copies after this one)

    def __init__(self, workspace: Path, conn: sqlite3.Connection, reason: str = "", detail: str = "") -> None:
        self.workspace = workspace
        self._conn = conn
        self._reason, self._detail = reason or self.reason, detail
        self._thread: threading.Thread | None = None
        self._stopping = False  # set: the copy stops at its next step (CopyStopped)
        self.taken: Path | None = None
        self.error: BaseException | None = None

    @classmethod
    def pin_now(cls, workspace: Path, reason: str = "", detail: str = "") -> PinnedBackup:
        """Fix the committed state of this moment for a copy (started by `start`)."""
        workspace = Path(workspace)
        conn = sqlite3.connect(workspace, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read transaction starts here
        except BaseException:
            conn.close()
            raise
        return cls(workspace, conn, reason, detail)

    def start(self) -> None:
        """Copy the pinned state on a thread (once: a started copy is left running)."""
        if self._thread is not None:
            return
        thread = threading.Thread(target=self._run, name=f"{self._reason}-backup", daemon=False)
        thread.start()  # (no thread to be had: RuntimeError, and the copy stays not started)
        self._thread = thread

    def _run(self) -> None:
        try:
            self.taken = take_backup(self._conn, self.workspace, reason=self._reason, detail=self._detail,
                                     pruning=self._pruning, between_steps=self._between_steps)  # fmt: skip
        except BaseException as exc:  # noqa: BLE001 - a full disk: reported by whoever started it
            self.error = exc
        finally:
            self._conn.close()

    def _between_steps(self) -> None:
        if self._stopping:
            raise CopyStopped(f"the copy of {self.workspace.name} was stopped")

    def done(self) -> bool:
        return self._thread is not None and not self._thread.is_alive()

    def wait(self) -> None:
        """Let a started copy finish; a pinned copy never started lets its snapshot go."""
        if self._thread is None:
            self._conn.close()
        else:
            self._thread.join()


class DailyBackup(PinnedBackup):
    reason = "daily"

    @classmethod
    def pin(cls, workspace: Path) -> DailyBackup | None:
        """Fix the committed state for today's copy; None when no copy is due today."""
        if not daily_due(Path(workspace)):
            return None
        return cls.pin_now(workspace)  # type: ignore[return-value]


class MergeBackup(PinnedBackup):
    """The copy before a merge: kept (and the copies pruned) only when the merge commits.

    Pinned before the merge checks the other file (the copy runs beside the check), with the file's
    data_version on the merging connection; `confirm`, once the merge holds the write lock, pins again if
    another connection committed meanwhile, so the copy is exactly the state the merge began with."""

    reason = "merge"
    _pruning = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._finished = self._discarded = False
        self.version: int | None = None  # the merging connection's data_version just before the pin

    @classmethod
    def pin_for(cls, conn: sqlite3.Connection, workspace: Path, detail: str, *, start: bool = True) -> MergeBackup:
        """Pin the state `conn` sees committed; copy it now, or (start=False) when `start` is called."""
        version = data_version(conn)
        copy = cls.pin_now(workspace, detail=detail)
        assert isinstance(copy, MergeBackup)
        copy.version = version
        if start:
            copy.start()
        return copy

    def confirm(self, conn: sqlite3.Connection, detail: str) -> MergeBackup:
        """This copy, or (another connection committed since the pin) a new one pinned now; call it once the
        merge's transaction holds the write lock and before it writes."""
        if self.version is not None and data_version(conn) == self.version:
            return self
        self.discard(wait=False)
        return MergeBackup.pin_for(conn, self.workspace, detail, start=self._thread is not None)

    def start(self) -> None:
        """Copy the pinned state on a thread, unless discarded (any thread may call it; once)."""
        with self._lock:
            if not self._discarded:
                super().start()

    def _run(self) -> None:
        super()._run()
        with self._lock:
            self._finished = True
            discarded = self._discarded
        if discarded:
            self._remove()

    def ready(self) -> Path:
        """Wait for the copy; return it, or raise what stopped it (the merge must then not commit).  Called
        inside the merge's transaction: nothing is pruned yet (its COMMIT may still fail)."""
        self.wait()
        if self.error is not None:
            raise self.error
        assert self.taken is not None
        return self.taken

    def kept(self) -> Path:
        """The copy, once the merge has committed: the copies it makes redundant are pruned now."""
        taken = self.ready()
        with contextlib.suppress(OSError):  # housekeeping after the commit: the next copy prunes again
            prune(self.workspace)
        return taken

    def discard(self, *, wait: bool = True) -> None:
        """Remove the copy (the merge did not commit): a copy still running stops at its next step (64 MB) and
        leaves nothing; one done is removed now if `wait` or finished, else when its thread ends."""
        with self._lock:
            self._discarded = True
            self._stopping = True  # a copy still running stops at its next step and removes what it wrote
            finished = self._finished
            started = self._thread is not None
        if not started:  # its snapshot is let go now
            self._conn.close()
        elif wait or finished:
            self.wait()
            self._remove()

    def _remove(self) -> None:
        for leftover in (self.taken, self.taken and sidecar(self.taken)):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()

