"""Fixtures for the ordinary-failure tests: a seed workspace, a CLI run in a child process,
and (when the test may mount, as root here and in CI) small tmpfs file systems."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench import paths


@pytest.fixture(scope="session")
def seed_workspace(tmp_path_factory, seed_path) -> Path:
    from workbench.cli import main

    path = tmp_path_factory.mktemp("seedws") / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(path), "--reviewer", "张三"]) == 0
    assert main(["assign", "ch03/s01/p01", "市科技局", "--db", str(path), "--reviewer", "张三"]) == 0
    return path


@pytest.fixture()
def ws(tmp_path, seed_workspace) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    path = folder / "ws.sqlite"
    shutil.copyfile(seed_workspace, path)
    settle(path)
    return path


def settle(path: Path) -> None:
    """Open a copied workspace once for writing, so that it takes its new identity (fork.py) now."""
    from workbench.storage.files.database import open_workspace

    open_workspace(path, create=False).close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def events(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def run_cli(*args, env: dict | None = None, fsize: int | None = None, timeout: float = 120):
    """`python -m workbench ARGS` in a child process (optionally with a file-size limit, as a full disk)."""
    import resource
    import signal

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    full_env = {**os.environ, "WORKBENCH_REVIEWER": "测试", **(env or {})}
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, args)], capture_output=True, text=True,
                          cwd=paths.PROJECT_ROOT, env=full_env, timeout=timeout,
                          preexec_fn=limit if fsize is not None else None)


def _mount(target: Path, size: str) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
                          capture_output=True).returncode == 0


class Mounts:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.mounted: list[Path] = []

    def tmpfs(self, size: str) -> Path | None:
        target = self.base / f"mnt-{uuid.uuid4().hex[:8]}"
        if os.geteuid() != 0 or not shutil.which("mount") or not _mount(target, size):
            return None
        self.mounted.append(target)
        return target

    def remount_read_only(self, target: Path) -> bool:
        return subprocess.run(["mount", "-o", "remount,ro", str(target)], capture_output=True).returncode == 0


@pytest.fixture()
def mounts(tmp_path) -> Iterator[Mounts]:
    found = Mounts(tmp_path)
    yield found
    for target in reversed(found.mounted):
        subprocess.run(["umount", "-l", str(target)], capture_output=True)
