"""Shared fixtures: the seed plan, parsed once per session."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Signing keys and rosters live in the profile: never the real user's during tests.  One reviewer key
# serves the whole session (copied into each test's data folder), as one reviewer's computer would.
_SESSION_PROFILE = Path(tempfile.mkdtemp(prefix="workbench-test-profile-"))
os.environ.setdefault("WORKBENCH_DATA_DIR", str(_SESSION_PROFILE))

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
    from workbench.storage.signing.profile import key_path, load_signer

    load_signer(_SESSION_PROFILE)  # made once
    (tmp_path / "data" / "keys").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(key_path(_SESSION_PROFILE), key_path(tmp_path / "data"))
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
