"""The command line as a process in a pipeline or without a display: quiet, one line, the right exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import paths
from workbench.cli import main

ROOT = Path(paths.__file__).resolve().parent.parent


@pytest.fixture()
def db(tmp_path, seed_path) -> Path:
    path = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(path), "--reviewer", "张三"]) == 0
    return path


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), **extra)
    return env


def test_tree_into_a_closed_pipe_ends_quietly(db: Path) -> None:
    """`workbench tree | head -1`: the reader has gone before the outline is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "workbench", "tree", "--db", str(db)], stdout=write_end,
                              stderr=subprocess.PIPE, env=_env(), timeout=120)  # fmt: skip
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 141  # as a Unix tool ended by SIGPIPE


def test_tree_read_to_the_end_through_a_pipe_exits_0(db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "workbench", "tree", "--db", str(db)], capture_output=True,
                          env=_env(), timeout=120)  # fmt: skip
    assert done.returncode == 0 and done.stderr == b""
    assert "共计" in done.stdout.decode("utf-8")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Windows and macOS always have a screen")
@pytest.mark.parametrize("display", [None, ":77"])
def test_the_window_without_a_display_is_one_line_not_an_abort(tmp_path: Path, display: str | None) -> None:
    env = {k: v for k, v in _env().items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if display is not None:
        env["DISPLAY"] = display  # nothing listens there
    target = tmp_path / "ws.sqlite"
    done = subprocess.run([sys.executable, "-m", "workbench", "--db", str(target)], capture_output=True, env=env,
                          timeout=120)  # fmt: skip
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1, err
    assert err.count("\n") == 1 and err.startswith("workbench: no ") and "display" in err
    assert not target.exists()  # nothing was created for a window that could not open
