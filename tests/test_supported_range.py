"""The supported PySide6 range is stated once and CI tests both ends of it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_pins_the_oldest_pyside6_the_project_allows():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    lower = {re.search(r"PySide6>=([\d.]+)", d).group(1) for d in deps if d.startswith("PySide6")}
    assert len(lower) == 1, deps
    pinned = re.search(r"^QT_OLDEST=([\d.]+)$", (ROOT / ".ci/run").read_text(encoding="utf-8"), re.M).group(1)
    assert pinned.split(".")[:2] == lower.pop().split(".")[:2]


def test_readme_states_the_supported_range_and_glibc():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "PySide6 6.8" in readme and "glibc 2.28" in readme
