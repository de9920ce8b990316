"""Start-up time of the GUI on a workspace that already holds the seed, and on a city's 100 plans.

    python bench/bench_startup.py [--runs 5] [--plans 100 | --plans 0]

Each run is a fresh process (offscreen unless QT_QPA_PLATFORM says
otherwise), timed from just before it is spawned until it prints READY: the
main window shown with the plan tree populated and the event loop running.
Printed beside the floor, a bare QApplication showing an empty QMainWindow in
the same way, and their ratio.  The budget is 1.5 s.

The second case opens a copy of bench_scale's cached workspace of `--plans`
plans (built once, see scale_workspace.py; --plans 0 skips it), budget 2 s
and 500 MB peak memory (issue 14).
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

from timing import installed_env  # (bench/ is the script's folder, or on the path of the bench importing this)

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 1.5
SCALE_BUDGET_S, SCALE_BUDGET_MB = 2.0, 500

APP = r"""
import resource, sys
from workbench.app import run_gui

def ready(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def check():
        if window.isVisible() and window.tree_model.rowCount() > 0 and window.current_node_id is not None:
            print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
            window.close()
            QApplication.quit()
        else:
            QTimer.singleShot(5, check)

    check()

sys.exit(run_gui(["--db", sys.argv[1]], on_ready=ready))
"""

# The same probe with the open-time `PRAGMA quick_check` answered "ok" without reading the file: the start
# without that check (issue 14 budgets the rest; storage decides when the check may be skipped).
APP_WITHOUT_QUICK_CHECK = r"""
import workbench.storage.checks.inspection as inspection

inspection._quick_check = lambda conn: ["ok"]  # the open-time check answered without reading the file
""" + APP

FLOOR = r"""
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1500, 950)
window.show()

def ready():
    print("READY", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)  # and its peak memory
    app.quit()

QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""


def prepare(directory: Path) -> tuple[Path, dict[str, str]]:
    """A workspace with the seed imported and indexed, and settings with a reviewer."""
    sys.path.insert(0, str(ROOT))
    from workbench import paths
    from workbench.core.importing import import_file
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
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
    env = installed_env(dict(os.environ))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(config)
    env["WORKBENCH_DATA_DIR"] = str(directory / "data")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return workspace, env


def time_to_ready(code: str, args: list[str], env: dict[str, str]) -> float:
    return time_and_memory(code, args, env)[0]


def time_and_memory(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds to READY, and the process's peak memory in MB when it printed it (0 if not given)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - started
            parts = line.split()
            memory = int(parts[1]) / 1024 if len(parts) > 1 else 0.0
            break
    else:
        process.wait()
        raise RuntimeError(f"the process exited ({process.returncode}) without becoming ready")
    process.wait(timeout=120)
    return elapsed, memory


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", type=int, default=100, help="also open bench_scale's workspace of this many plans")
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
    ok = app_s <= BUDGET_S
    if args.plans:
        ok &= scale_case(args.plans, max(args.runs // 2, 2), floor_s)
    return 0 if ok else 1


def scale_case(plans: int, runs: int, floor_s: float) -> bool:
    """The GUI on a copy of bench_scale's cached workspace of `plans` plans."""
    import shutil

    sys.path.insert(0, str(ROOT / "bench"))
    import scale_workspace

    cache = scale_workspace.build(plans)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        _seed, env = prepare(Path(tmp))
        workspace = Path(tmp) / "city.sqlite"
        shutil.copyfile(cache / "a.sqlite", workspace)
        time_and_memory(APP, [str(workspace)], env)  # first open of the copy: upgrades, backups, file cache
        results = [time_and_memory(APP, [str(workspace)], env) for _ in range(runs)]
        without = [time_and_memory(APP_WITHOUT_QUICK_CHECK, [str(workspace)], env)[0] for _ in range(runs)]
    seconds = statistics.median(r[0] for r in results)
    memory = max(r[1] for r in results)
    ok = seconds <= SCALE_BUDGET_S and memory <= SCALE_BUDGET_MB
    print(f"workbench, {plans} plans    : {seconds:.3f} s, peak {memory:.0f} MB; without the open-time quick_check "
          f"{statistics.median(without):.3f} s  (floor {floor_s:.3f} s; "
          f"budget {SCALE_BUDGET_S:.0f} s, {SCALE_BUDGET_MB} MB: {'ok' if ok else 'OVER'})")
    return ok


if __name__ == "__main__":
    sys.exit(main())
