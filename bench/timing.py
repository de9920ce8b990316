"""Timing helper shared by the benchmarks."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by a busy machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def installed_env(env: dict[str, str]) -> dict[str, str]:
    """`env` for a child Python that starts the workbench as an installed copy does: from bytecode compiled
    once (the wheel's install and the bundle carry it), not from source compiled again at every start, which
    is what a shell with PYTHONDONTWRITEBYTECODE set and a stale __pycache__ would time.  The compiled files
    go to a folder of the benchmarks' own (PYTHONPYCACHEPREFIX), never into the source tree; each row's
    first, untimed start fills it."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "workbench-bench-pycache")
    return env
