"""Every Qt name the code uses exists in the installed PySide6.

On its own PySide6 this is a static backstop for code paths the tests do not
drive; .ci/run runs it (with the whole suite) on the oldest supported PySide6,
where a name that exists only in a newer Qt fails here even if no test reaches
it.  Checked: names imported from PySide6 modules, attribute chains on them
(`QSortFilterProxyModel.Direction.Rows`, `Qt.ItemDataRole.UserRole`), and
`self.name` in classes whose bases are all PySide6 classes, where `name` is
camelCase (Qt's style) and neither defined nor assigned in the class.  workbench/ui/qt_compat.py is where
newer APIs are allowed, behind a fallback.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"
ALLOWED = {PACKAGE / "ui" / "qt_compat.py"}


def pyside_names(tree: ast.Module) -> tuple[dict[str, object], list[str]]:
    names: dict[str, object] = {}
    missing: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
                else:
                    missing.append(f"{node.lineno}: {node.module}.{alias.name}")
    return names, missing


def attribute_chains(tree: ast.Module, names: dict[str, object]) -> list[str]:
    missing = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        chain, base = [], node
        while isinstance(base, ast.Attribute):
            chain.append(base.attr)
            base = base.value
        if not (isinstance(base, ast.Name) and base.id in names):
            continue
        obj = names[base.id]
        for attr in reversed(chain):
            if not hasattr(obj, attr):
                missing.append(f"{node.lineno}: {base.id}.{'.'.join(reversed(chain))}")
                break
            obj = getattr(obj, attr)
    return missing


def self_calls(tree: ast.Module, names: dict[str, object]) -> list[str]:
    missing = []
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        bases = [names.get(b.id) for b in cls.bases if isinstance(b, ast.Name)]
        if not bases or len(bases) != len(cls.bases) or any(b is None for b in bases):
            continue  # a base that is not a PySide6 class: its attributes are unknown here
        own = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
        for node in ast.walk(cls):
            targets = list(node.targets) if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            while targets:  # `self.a, self.b = ...` too
                target = targets.pop()
                if isinstance(target, (ast.Tuple, ast.List)):
                    targets.extend(target.elts)
                elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                    own.add(target.attr)
                elif isinstance(target, ast.Name):
                    own.add(target.id)
        for node in ast.walk(cls):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
                    and "_" not in node.attr  # Qt's names are camelCase; snake_case ones are the project's
                    and node.attr not in own and not any(hasattr(b, node.attr) for b in bases)):
                missing.append(f"{node.lineno}: self.{node.attr} ({cls.name})")
    return missing


def test_every_qt_name_used_exists_in_the_installed_pyside6():
    import PySide6

    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names, missing = pyside_names(tree)
        missing += attribute_chains(tree, names) + self_calls(tree, names)
        problems += [f"{path.relative_to(PACKAGE.parent)}:{m}" for m in missing]
    assert not problems, (
        f"Qt names missing from PySide6 {PySide6.__version__} (use workbench/ui/qt_compat.py with a fallback):\n"
        + "\n".join(problems)
    )
