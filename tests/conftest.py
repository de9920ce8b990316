"""Shared fixtures: the seed plan, parsed once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workbench import paths  # noqa: E402


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return paths.SEED_PLAN


@pytest.fixture(scope="session")
def seed_plan(seed_path):
    from workbench.core.importing import import_file

    return import_file(seed_path)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Drafts, error logs and default workspaces go to the test's own folder, never the user's."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
