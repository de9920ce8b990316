"""The storage layer stays Qt-free (STYLE.md: imports point ui -> storage -> core)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import workbench.storage

STORAGE = Path(workbench.storage.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_storage_module_imports_qt() -> None:
    for path in STORAGE.glob("*.py"):
        assert not _imports(path) & {"PySide6", "PyQt5", "PyQt6", "shiboken6"}, path.name
        assert "workbench.ui" not in path.read_text(encoding="utf-8"), path.name


def test_importing_storage_loads_no_qt() -> None:
    modules = sorted(f"workbench.storage.{p.stem}" for p in STORAGE.glob("*.py") if p.stem != "__init__")
    code = f"import sys\nfor m in {modules!r}: __import__(m)\nprint(sorted(m for m in sys.modules if 'PySide' in m))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
