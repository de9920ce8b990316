"""Start-up time of the GUI on a workspace that already holds the seed.

    python bench/bench_startup.py [--runs 5]

Each run is a fresh process (offscreen unless QT_QPA_PLATFORM says
otherwise), timed from just before it is spawned until it prints READY: the
main window shown with the plan tree populated and the event loop running.
Printed beside the floor, a bare QApplication showing an empty QMainWindow in
the same way, and their ratio.  The budget is 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 1.5

APP = r"""
import sys
from workbench.app import run_gui

def ready(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def check():
        if window.isVisible() and window.tree_model.rowCount() > 0 and window.current_node_id is not None:
            print("READY", flush=True)
            window.close()
            QApplication.quit()
        else:
            QTimer.singleShot(5, check)

    check()

sys.exit(run_gui(["--db", sys.argv[1]], on_ready=ready))
"""

FLOOR = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1500, 950)
window.show()

def ready():
    print("READY", flush=True)
    app.quit()

QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""


def prepare(directory: Path) -> tuple[Path, dict[str, str]]:
    """A workspace with the seed imported and indexed, and settings with a reviewer."""
    sys.path.insert(0, str(ROOT))
    from workbench import paths
    from workbench.core.importing import import_file
    from workbench.storage.audit import Reviewer
    from workbench.storage.database import open_workspace
    from workbench.storage.repository import Repository

    workspace = directory / "workspace.sqlite"
    db = open_workspace(workspace)
    Repository(db, Reviewer("bench")).import_plan(import_file(paths.SEED_PLAN))
    try:
        from workbench.storage.search import ensure_index

        ensure_index(db)
    except ImportError:
        pass
    db.close()
    config = directory / "config"
    (directory / "data").mkdir()
    # With WORKBENCH_DATA_DIR set the settings (the reviewer) live in it.
    (directory / "data" / "settings.ini").write_text("[reviewer]\nname=bench\nunit=bench\n", encoding="utf-8")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(config)
    env["WORKBENCH_DATA_DIR"] = str(directory / "data")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return workspace, env


def time_to_ready(code: str, args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "READY":
            elapsed = time.perf_counter() - started
            break
    else:
        process.wait()
        raise RuntimeError(f"the process exited ({process.returncode}) without becoming ready")
    process.wait(timeout=30)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workspace, env = prepare(Path(tmp))
        time_to_ready(APP, [str(workspace)], env)  # warm the OS file cache and jieba's cache
        apps, floors = [], []
        for _ in range(args.runs):
            floors.append(time_to_ready(FLOOR, [], env))
            apps.append(time_to_ready(APP, [str(workspace)], env))
    app_s, floor_s = statistics.median(apps), statistics.median(floors)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} (median; min app {min(apps):.3f} s)")
    print(f"workbench, seed workspace : {app_s:.3f} s  (process start -> window shown, tree populated)")
    print(f"floor, empty QMainWindow  : {floor_s:.3f} s")
    print(f"ratio                     : {app_s / floor_s:.2f}")
    print(f"budget {BUDGET_S:.1f} s            : {'ok' if app_s <= BUDGET_S else 'OVER'}")
    return 0 if app_s <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
