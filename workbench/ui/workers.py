"""Long work off the GUI thread: a QRunnable driving a progress generator.

Core functions that take time are generators yielding (done, total, message)
and returning their result; `Worker` runs one in Qt's thread pool and reports
through signals that live on a separate QObject (a QRunnable is not a QObject),
so the GUI receives them as queued calls on its own thread.  Cancel is checked
between yields: a generator that never yields cannot be cancelled, only its
result discarded.  A plain function (not a generator) is run as one step.

A SQLite connection belongs to the thread that opened it: give workers plain
data, or let the work open its own read-only connection inside `run`.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

_log = logging.getLogger(__name__)
Progress = tuple[int, int, str]
Work = Callable[..., "Generator[Progress, None, Any] | Any"]


class WorkerSignals(QObject):
    """The signals of one Worker (created on, and living in, the GUI thread)."""

    progress = Signal(int, int, str)  # done, total (0 = unknown), message
    finished = Signal(object)  # the generator's return value
    failed = Signal(str)  # one-line reason
    cancelled = Signal()
    ended = Signal()  # after any of the three above


class Worker(QRunnable):
    """Runs `work(*args, **kwargs)` on a pool thread; see the module docstring."""

    def __init__(self, work: Work, *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the pool must not delete what Python still references
        self.signals = WorkerSignals()
        self._work = work
        self._args = args
        self._kwargs = kwargs
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next yield (any thread)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # pool thread
        signals = self.signals
        try:
            result = self._work(*self._args, **self._kwargs)
            if inspect.isgenerator(result):
                result = self._drive(result)
                if result is _CANCELLED:
                    signals.cancelled.emit()
                    return
            if self._cancel.is_set():
                signals.cancelled.emit()
                return
            signals.finished.emit(result)
        except Exception as exc:  # reported, never raised into Qt
            message = str(exc) or type(exc).__name__
            _log.exception("worker failed")
            signals.failed.emit(message.splitlines()[0] if message else type(exc).__name__)
        finally:
            signals.ended.emit()

    def _drive(self, generator: Generator[Progress, None, Any]) -> Any:
        while True:
            if self._cancel.is_set():
                generator.close()
                return _CANCELLED
            try:
                done, total, message = next(generator)
            except StopIteration as stop:
                return stop.value
            self.signals.progress.emit(int(done), int(total), str(message))


_CANCELLED = object()


class WorkerPool(QObject):
    """Starts workers and keeps them referenced until they end."""

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._running: set[Worker] = set()
        self._closed = False

    def start(self, worker: Worker) -> Worker:
        """Run the worker in the pool; after shutdown() it is not run (its signals never fire)."""
        if self._closed:
            return worker
        self._running.add(worker)
        worker.signals.ended.connect(lambda w=worker: self._running.discard(w), Qt.ConnectionType.QueuedConnection)
        self._pool.start(worker)
        return worker

    @property
    def running(self) -> int:
        return len(self._running)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything, wait for the threads and start nothing more (GUI thread, at exit)."""
        self._closed = True
        for worker in list(self._running):
            worker.cancel()
        return self._pool.waitForDone(timeout_ms)


def run_with_progress(
    pool: WorkerPool,
    parent: QWidget | None,
    work: Work,
    *args: Any,
    title: str,
    label: str,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    cancellable: bool = True,
    show_after_ms: int = 300,
    **kwargs: Any,
) -> Worker:
    """Run work in the pool behind a progress dialog with a cancel button.

    The dialog appears only if the work takes longer than `show_after_ms`.
    Returns the worker; its signals also report the outcome.
    """
    worker = Worker(work, *args, **kwargs)
    dialog = QProgressDialog(label, QCoreApplication.translate("Workers", "取消"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setValue(0)

    def on_progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)
        if message:
            dialog.setLabelText(message)

    def close_dialog() -> None:
        dialog.hide()
        dialog.deleteLater()

    worker.signals.progress.connect(on_progress)
    dialog.canceled.connect(worker.cancel)
    worker.signals.ended.connect(close_dialog)
    if on_finished is not None:
        worker.signals.finished.connect(on_finished)
    if on_failed is not None:
        worker.signals.failed.connect(on_failed)
    worker.progress_dialog = dialog  # type: ignore[attr-defined]  # for tests and callers
    # Start on the next turn of the event loop so callers can connect first.
    QTimer.singleShot(0, lambda: pool.start(worker))
    return worker
