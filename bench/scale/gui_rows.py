"""bench_scale's GUI rows: keys and nav through the real window, start as a process (each row runs alone)."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from bench_startup import APP, APP_WITHOUT_QUICK_CHECK, FLOOR, time_and_memory  # (the start-up benchmark's "window ready" probes)

from scale.measure import env, pct
from scale.workspace import open_repo, scratch


def open_window(tmp: Path, cache: Path):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from workbench.app import build_main_window

    app = QApplication.instance() or QApplication([sys.argv[0]])
    work = scratch(cache / "a.sqlite", tmp)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    repo = open_repo(work)
    window = build_main_window(repo, settings, path=work, start_workers=False)
    # As a reviewer has the window once it has started: the segmenter loaded (suggestions follow each clause).
    from workbench.core import segment
    from workbench.core.tagging import pinyin

    segment.initialise(departments=window.session.departments(include_retired=True), cache_dir=cache / "jieba")
    pinyin.initialise()
    window.status.show_segmenter(ready=True)
    window.annotation.refresh_suggestions()
    window.show()
    for _ in range(5):
        app.processEvents()
    window.tree.setFocus()
    window.activateWindow()
    return app, window, repo


def press(app, widget, key, modifier=None) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    started = time.perf_counter()
    QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
    for _ in range(3):  # the deferred (0 ms timer) refreshes the key caused
        app.processEvents()
    return (time.perf_counter() - started) * 1000


def idle(ms: int) -> None:
    """Let the window sit for `ms` as it does in the app (its event loop waits for events): the work it defers
    to idle time (the chapter J opens ahead, the suggestions after a pause) runs here, untimed."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def row_keys(cache: Path, tmp: Path, rounds: int = int(os.environ.get("BENCH_SCALE_ROUNDS", "8"))) -> dict:
    from PySide6.QtCore import Qt

    app, window, repo = open_window(tmp, cache)
    for department in [d.db_id for d in repo.departments()][40:49]:  # the recent list keys 1-9 use
        if hasattr(window.annotator, "remember"):
            window.annotator.remember(department)
        else:  # the annotator before issue 13
            window.annotator.recent.append(department)
    k, mod = Qt.Key, Qt.KeyboardModifier
    times: list[float] = []
    writes: list[float] = []
    for _ in range(rounds):
        press(app, window.tree, k.Key_J)
        node = window.current_node_id
        for key, modifier in ((k.Key_1, None), (k.Key_2, mod.ShiftModifier), (k.Key_Z, mod.ControlModifier),
                              (k.Key_R, None)):
            times.append(press(app, window.tree, key, modifier))
        started = time.perf_counter()
        repo.set_review_status(node_id=node, status="question")
        writes.append((time.perf_counter() - started) * 1000)
    events = repo.event_count()
    window.close()
    return {"median_ms": statistics.median(times), "p90_ms": pct(times, 90), "max_ms": max(times),
            "floor_ms": statistics.median(writes), "presses": len(times), "events": events}


def row_nav(cache: Path, tmp: Path, presses: int = int(os.environ.get("BENCH_SCALE_PRESSES", "30")),
            pause_ms: int = int(os.environ.get("BENCH_SCALE_NAV_PAUSE_MS", "200"))) -> dict:
    """J back to back (a key held down: the window is never idle), then J after a reading pause each (the
    window idles between presses as in the app, so work it defers to idle time is not in the press)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    app, window, _repo = open_window(tmp, cache)
    times = [press(app, window.tree, Qt.Key.Key_J) for _ in range(presses)]
    paused, crossing = [], []
    for _ in range(presses):
        idle(pause_ms)
        before = _chapter(window.current_node)
        paused.append(press(app, window.tree, Qt.Key.Key_J))
        if _chapter(window.current_node) is not before:
            crossing.append(paused[-1])
    bare = QWidget()
    bare.show()
    floor = [press(app, bare, Qt.Key.Key_J) for _ in range(presses)]
    window.close()
    return {"median_ms": statistics.median(times), "p90_ms": pct(times, 90), "max_ms": max(times),
            "paused_median_ms": statistics.median(paused), "paused_p90_ms": pct(paused, 90),
            "paused_max_ms": max(paused), "pause_ms": pause_ms, "floor_ms": statistics.median(floor),
            "crossing_ms": crossing}


def _chapter(node):
    """The top-level row below the plan (a chapter, or a part) holding `node`: J entering a new one crossed over."""
    while node is not None and node.parent is not None and node.parent.kind != "plan":
        node = node.parent
    return node


def row_start(cache: Path, tmp: Path, runs: int = 2) -> dict:
    work = scratch(cache / "a.sqlite", tmp)
    config = tmp / "config" / "policy-review-workbench"
    config.mkdir(parents=True)
    (config / "workbench.conf").write_text("[reviewer]\nname=bench\nunit=bench\n", encoding="utf-8")
    environment = env()
    environment["XDG_CONFIG_HOME"] = str(tmp / "config")
    environment["WORKBENCH_DATA_DIR"] = str(tmp / "data")
    time_and_memory(APP, [str(work)], environment)  # first open: backups, index check, OS file cache
    apps = [time_and_memory(APP, [str(work)], environment) for _ in range(runs)]
    without = [time_and_memory(APP_WITHOUT_QUICK_CHECK, [str(work)], environment) for _ in range(runs)]
    floors = [time_and_memory(FLOOR, [], environment) for _ in range(runs)]
    import sqlite3

    conn = sqlite3.connect(f"file:{work}?mode=ro", uri=True)
    started = time.perf_counter()
    conn.execute("PRAGMA quick_check").fetchall()
    quick = time.perf_counter() - started
    conn.close()
    return {"quick_check_s": quick, "s": statistics.median(a[0] for a in apps), "mb": max(a[1] for a in apps),
            "without_quick_check_s": statistics.median(a[0] for a in without),
            "floor_s": statistics.median(f[0] for f in floors), "floor_mb": max(f[1] for f in floors)}  # fmt: skip
