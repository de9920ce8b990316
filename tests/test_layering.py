"""Imports point one way: ui -> storage -> core.  PySide6 stays out of core/ and
storage/; sqlite3/sqlite_utils stay out of core/ and ui/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0] if not node.module.startswith("workbench.") else node.module)
    return names


def layer_files(layer: str) -> list[Path]:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no modules found in {layer}/"
    return files


@pytest.mark.parametrize("layer", ["core", "storage"])
def test_no_qt_in_core_and_storage(layer):
    offenders = {
        str(f.relative_to(PACKAGE)): sorted(m for m in imported_modules(f) if m in ("PySide6", "shiboken6", "PyQt6"))
        for f in layer_files(layer)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("layer", ["core", "ui"])
def test_no_sql_in_core_and_ui(layer):
    if not (PACKAGE / layer).exists():
        pytest.skip(f"{layer}/ not present")
    offenders = {
        str(f.relative_to(PACKAGE)): sorted(m for m in imported_modules(f) if m in ("sqlite3", "sqlite_utils"))
        for f in layer_files(layer)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_does_not_import_storage_or_ui():
    offenders = {
        str(f.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(f) if m.startswith(("workbench.storage", "workbench.ui", "workbench.app"))
        )
        for f in layer_files("core")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_and_storage_import_with_qt_unavailable():
    """Transitive imports count too: import every core/storage module with PySide6 blocked."""
    modules = [
        ".".join(f.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for layer in ("core", "storage") for f in layer_files(layer)
    ]
    code = (
        "import sys, importlib\n"
        "sys.modules['PySide6'] = None\nsys.modules['shiboken6'] = None\n"
        f"for m in {modules!r}:\n    importlib.import_module(m)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
