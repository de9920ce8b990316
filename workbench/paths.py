"""The one module that knows where resources/, seeds/ and user data live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Frozen by PyInstaller (packaging/), resources/ and seeds/ sit in the bundle's
# data folder, sys._MEIPASS; from a source checkout or an editable install, beside
# the package.
FROZEN = bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")
PROJECT_ROOT = Path(sys._MEIPASS) if FROZEN else Path(__file__).resolve().parent.parent  # type: ignore[attr-defined]
RESOURCES = PROJECT_ROOT / "resources"
SEEDS = PROJECT_ROOT / "seeds"
# A CJK font the bundle carries for machines with none (packaging/ copies it in).
FONTS = RESOURCES / "fonts"

SEED_PLAN = SEEDS / "tianjin-15th-five-year-plan-outline.txt"
DEPARTMENTS_FILE = RESOURCES / "departments.json"


def user_data_dir() -> Path:
    """Where the default workspace lives (XDG on Linux, the usual places elsewhere).

    WORKBENCH_DATA_DIR overrides it, which tests and portable installs use.
    """
    override = os.environ.get("WORKBENCH_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "policy-review-workbench"


def settings_file() -> Path | None:
    """Where the reviewer's identity and the window settings live, when not in the platform's place.

    With WORKBENCH_DATA_DIR set they belong to that directory (settings.ini), so
    two data directories never share one reviewer identity; otherwise None: the
    platform's per-user settings (~/.config on Linux, the registry on Windows).
    """
    override = os.environ.get("WORKBENCH_DATA_DIR")
    return Path(override) / "settings.ini" if override else None


def default_workspace() -> Path:
    return user_data_dir() / "workspace.sqlite"
