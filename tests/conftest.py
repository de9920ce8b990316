"""Shared fixtures: the seed plan, parsed once per session."""

from __future__ import annotations

import os
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
    from workbench.storage.signing import profile

    # The session's reviewer key signs in this folder too (until a test makes a key of its own there),
    # without writing a file: a test may check that a command leaves nothing behind.
    session_key, data, original = profile.load_signer(_SESSION_PROFILE), tmp_path / "data", profile._cached

    def cached(path: str, passphrase: str | None):
        if path == str(profile.key_path(data)) and not Path(path).exists():
            return session_key
        return original(path, passphrase)

    cached.cache_clear = original.cache_clear  # type: ignore[attr-defined]
    monkeypatch.setattr(profile, "_cached", cached)
    monkeypatch.setattr(profile, "_UNLOCKED", [])  # a key the GUI unlocked in an earlier test is not this one
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data))
