"""The bundled application, built once per session by the documented command (packaging/build.py).

Building takes minutes, so these tests are marked `slow`; CI runs them (CI=true turns a missing
PyInstaller or dpkg-deb into a failure instead of a skip).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.policyreview.workbench"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available: bool, what: str) -> None:
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing: .ci/install must provide it")
    pytest.skip(f"{what} is not installed (bash .ci/install provides it)")


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    require(importlib.util.find_spec("PyInstaller") is not None, "PyInstaller")
    out = tmp_path_factory.mktemp("dist")
    args = [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(out)]
    if shutil.which("dpkg-deb") is None:
        args.append("--no-deb")
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=3600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    print(result.stdout)
    return out


@pytest.fixture(scope="session")
def app_dir(dist: Path) -> Path:
    return dist / "workbench"


def plain_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment with no Python in it: the bundle must not need one."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "WORKBENCH_DATA_DIR": str(tmp_path / "data")}
    env.update(extra)
    return env
