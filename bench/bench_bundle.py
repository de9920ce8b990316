"""Start-up of the bundled application (packaging/) beside the source install, and its sizes.

    python bench/bench_bundle.py [--app dist/workbench] [--runs 5]

Build the folder first (`.venv/bin/python packaging/build.py`).  Each run is a
fresh process, offscreen unless QT_QPA_PLATFORM says otherwise, on a workspace
holding the seed, timed from just before it is spawned until it prints READY
(WORKBENCH_EXIT_WHEN_READY: the main window shown with the plan tree populated).
Printed beside each other: the bundle, the source install (this Python), and the
floor, a bare QApplication showing an empty QMainWindow; then `--version` (process
start and the command line's imports) for both, and the sizes of the folder and
of the .deb beside it.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_startup import FLOOR  # noqa: E402


def prepare(directory: Path) -> tuple[Path, dict[str, str]]:
    """A workspace with the seed imported and indexed, and a data directory that knows the reviewer."""
    from workbench import paths
    from workbench.core.importing import import_file
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository
    from workbench.storage.search import ensure_index

    workspace = directory / "workspace.sqlite"
    db = open_workspace(workspace)
    Repository(db, Reviewer("bench")).import_plan(import_file(paths.SEED_PLAN))
    ensure_index(db)
    db.close()
    data = directory / "data"
    data.mkdir()
    (data / "settings.ini").write_text("[reviewer]\nname=bench\nunit=bench\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(WORKBENCH_DATA_DIR=str(data), WORKBENCH_EXIT_WHEN_READY="1", XDG_CONFIG_HOME=str(directory / "config"))
    return workspace, env


def time_until(command: list[str], env: dict[str, str], *, ready: bool) -> float:
    """Seconds from spawn to READY on stdout (ready=True) or to exit 0."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
                               cwd=ROOT)
    assert process.stdout is not None
    if ready:
        for line in process.stdout:
            if line.strip() == "READY":
                elapsed = time.perf_counter() - started
                break
        else:
            process.wait()
            raise RuntimeError(f"{command[0]} exited ({process.returncode}) without becoming ready")
        process.wait(timeout=60)
        return elapsed
    process.stdout.read()
    if process.wait(timeout=120) != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    return time.perf_counter() - started


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "workbench", help="the built app folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bundle = args.app.resolve() / "workbench"
    if not bundle.is_file():
        print(f"no bundled app at {bundle}: build it with packaging/build.py", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        workspace, env = prepare(Path(tmp))
        source_env = {**env, "PYTHONPATH": str(ROOT)}
        gui = {
            "bundle": ([str(bundle), "--db", str(workspace)], env),
            "source": ([sys.executable, "-m", "workbench", "--db", str(workspace)], source_env),
            "floor": ([sys.executable, "-c", FLOOR], env),
        }
        cli = {
            "bundle": ([str(bundle), "--version"], env),
            "source": ([sys.executable, "-m", "workbench", "--version"], source_env),
        }
        for command, command_env in gui.values():  # warm the OS file cache and jieba's cache
            time_until(command, command_env, ready=True)
        times: dict[str, list[float]] = {f"gui {k}": [] for k in gui} | {f"cli {k}": [] for k in cli}
        for _ in range(args.runs):
            for name, (command, command_env) in gui.items():
                times[f"gui {name}"].append(time_until(command, command_env, ready=True))
            for name, (command, command_env) in cli.items():
                times[f"cli {name}"].append(time_until(command, command_env, ready=False))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs} (median)")
    print(f"window ready, bundled app   : {median['gui bundle']:.3f} s")
    print(f"window ready, source install: {median['gui source']:.3f} s")
    print(f"floor, empty QMainWindow    : {median['gui floor']:.3f} s")
    print(f"ratio bundle / source       : {median['gui bundle'] / median['gui source']:.2f}")
    print(f"--version, bundled app      : {median['cli bundle']:.3f} s")
    print(f"--version, source install   : {median['cli source']:.3f} s")
    print(f"app folder                  : {size(args.app) / 2**20:.1f} MiB ({args.app})")
    for deb in sorted(args.app.resolve().parent.glob("*.deb")):
        print(f".deb                        : {deb.stat().st_size / 2**20:.1f} MiB ({deb.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
