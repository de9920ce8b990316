"""Workers: progress from a generator, its return value, cancel between yields, failure."""

from __future__ import annotations

import threading

from workbench.ui.workers import Worker, WorkerPool


def counting(n: int, gate: threading.Event | None = None):
    for i in range(n):
        if gate is not None and i == 2:
            gate.wait(5)
        yield (i, n, f"step {i}")
    return "done"


def test_progress_and_result(qtbot):
    pool = WorkerPool()
    worker = Worker(counting, 5)
    progress = []
    worker.signals.progress.connect(lambda d, t, m: progress.append((d, t, m)))
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as finished:
        pool.start(worker)
    assert finished.args == ["done"]
    assert progress == [(i, 5, f"step {i}") for i in range(5)]
    qtbot.waitUntil(lambda: pool.running == 0)


def test_cancel_between_yields(qtbot):
    pool = WorkerPool()
    gate = threading.Event()
    worker = Worker(counting, 100, gate)
    finished = []
    worker.signals.finished.connect(finished.append)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        pool.start(worker)
        worker.cancel()
        gate.set()
    assert finished == []
    assert pool.shutdown(2000)


def test_failure_is_reported_not_raised(qtbot):
    def broken():
        yield (0, 1, "")
        raise ValueError("plan.txt: no recognisable structure")

    pool = WorkerPool()
    worker = Worker(broken)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed:
        pool.start(worker)
    assert failed.args == ["plan.txt: no recognisable structure"]
