"""What every row of bench_scale measures with: peak memory, percentiles, and timed child processes."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import installed_env  # (bench/ is on the path: bench_scale.py puts it there)

ROOT = Path(__file__).resolve().parent.parent.parent


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def pct(times: list[float], q: int) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[q - 1] if len(times) > 1 else times[0]


def env() -> dict[str, str]:
    e = installed_env(dict(os.environ))
    e.setdefault("QT_QPA_PLATFORM", "offscreen")
    e["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), e.get("PYTHONPATH", "")) if p)
    return e


def cli(args: list[str], timeout: float = 600) -> float:
    """Seconds of one `workbench ARGS` process, start to exit."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "workbench", *args], check=True, env=env(), timeout=timeout,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    return time.perf_counter() - started


def bare_python() -> float:
    """Seconds of a process that only starts Python and imports the CLI."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import workbench.cli"], check=True, env=env())
    return time.perf_counter() - started
