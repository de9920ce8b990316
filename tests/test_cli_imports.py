"""A short command imports what it uses and nothing more (issue 14: a command's fixed cost).

Each command runs as its own process, as a reviewer's shell runs it; the test reads the modules that
process had loaded when the command returned.  Timing is bench/bench_scale.py's job (the `cli` row);
this pins the mechanisms behind it, so that an import added at the top of a module on every command's
path (the GUI, a document reader, the revision matcher, cryptography's PEM reader...) shows up here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import paths
from workbench.cli import main

ROOT = Path(paths.__file__).resolve().parent.parent

# Never on a short command's path: the window, document readers and writers, segmentation, matching.
HEAVY = ("PySide6", "shiboken6", "openpyxl", "docx", "lxml", "jieba", "rapidfuzz", "pdfplumber", "pypdfium2",
         "numpy", "pandas", "workbench.ui", "workbench.app", "workbench.core.importing")  # fmt: skip
# Imported by the short commands until issue 14's last CLI work, and used by none of them.
NOT_USED = (
    "workbench.core.revision",  # carry/match values: only revision methods use them
    "workbench.storage.revision.tags", "workbench.storage.revision.results",
    "workbench.storage.audit.audit_chain",  # verifying the chain
    "workbench.storage.audit.history",  # only when a copy forks its chain
    "workbench.storage.backups.restore", "workbench.storage.backups.background",
    "cryptography.hazmat.primitives.serialization",  # PEM/PKCS#8/ssh: the plain key file is read without it
    "dateutil.parser._parser",  # sqlite-utils' recipes import the parser; it loads on first use
    "_strptime",  # the backup stamps are read by slicing
    *(("socket",) if hasattr(os, "uname") else ()),  # the host name comes from uname
)  # fmt: skip

_PROBE = """
import json, sys
from workbench.__main__ import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def _modules(tmp_path: Path, *args: str) -> tuple[set[str], str]:
    """Run `workbench ARGS` in a fresh process; the modules it had loaded when it returned, and its stdout."""
    report = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", _PROBE, str(report), *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=tmp_path, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["code"] == 0, done.stderr
    return set(result["modules"]), done.stdout


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture()
def db(tmp_path: Path, seed_path: Path) -> Path:
    path = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(path), "--reviewer", "张三"]) == 0
    return path


def test_a_reading_command_imports_neither_the_heavy_parts_nor_cryptography(tmp_path: Path, db: Path) -> None:
    modules, out = _modules(tmp_path, "departments", "--db", str(db))
    assert "市科技局" in out
    assert "workbench.storage.repository" in modules and "sqlite_utils" in modules  # the probe sees the command
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, NOT_USED) == []
    assert _loaded(modules, ("cryptography",)) == []  # nothing is signed


def test_a_writing_command_imports_only_what_signing_and_writing_need(tmp_path: Path, db: Path) -> None:
    args = ["ch03/s01/p01", "市科技局", "--db", str(db), "--reviewer", "李四"]
    _modules(tmp_path, "assign", *args)  # the first write of the process's profile: its key is made and saved
    assert (Path(os.environ["WORKBENCH_DATA_DIR"]) / "keys").is_dir()
    for command in (["unassign", *args], ["assign", *args, "--role", "support"]):
        modules, out = _modules(tmp_path, *command)
        assert out.startswith(command[0] + "ed"), out
        assert "cryptography.hazmat.primitives.asymmetric.ed25519" in modules  # the event was signed
        assert _loaded(modules, HEAVY) == []
        assert _loaded(modules, NOT_USED) == []
