"""Fixtures for GUI tests: the real MainWindow on a real workspace with the seed.

The workspace is built once per session by the real importer and the real
migrations (and its search index by the real indexer), then copied for each
test.  Settings live in an INI file in the
test's tmp_path, so tests never touch the user's settings.  Chinese text is
typed the way an input method delivers it (QInputMethodEvent), since
QTest.keyClicks only knows ASCII.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from workbench import paths  # noqa: E402
from workbench.storage.audit.audit import Reviewer  # noqa: E402

REVIEWER = Reviewer("张三", "市发展改革委规划处")


@pytest.fixture(scope="session", autouse=True)
def _no_quit_on_last_window(qapp):
    """Closing a test's window must not post a Quit that ends the next test's wait loop."""
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture(scope="session")
def seed_workspace(tmp_path_factory) -> Path:
    from workbench.core.importing import import_file
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository
    from workbench.storage.search import ensure_index

    path = tmp_path_factory.mktemp("template") / "workspace.sqlite"
    db = open_workspace(path)
    Repository(db, REVIEWER).import_plan(import_file(paths.SEED_PLAN))
    ensure_index(db)  # copies start with an up-to-date index, so the indexer only reads
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def workspace_path(tmp_path: Path, seed_workspace: Path) -> Path:
    path = tmp_path / "workspace.sqlite"
    shutil.copyfile(seed_workspace, path)
    return path


@pytest.fixture
def repo(workspace_path: Path):
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository

    db = open_workspace(workspace_path)
    yield Repository(db, REVIEWER)
    db.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", REVIEWER.name)
    settings.setValue("reviewer/unit", REVIEWER.unit)
    return settings


@pytest.fixture
def window(qtbot, repo, settings, workspace_path):
    from workbench.app import build_main_window

    main = build_main_window(repo, settings, path=workspace_path)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    # Background start-up work (segmenter, index check) done: tests start from a quiet window.
    qtbot.waitUntil(lambda: main.pool.running == 0 and main.search_panel.backend.name == "index", timeout=20000)
    yield main
    main.close()


@pytest.fixture
def departments(repo) -> dict[str, int]:
    return {d.name: d.db_id for d in repo.departments(include_retired=True)}


def type_text(widget: QWidget, text: str) -> None:
    """Type text as an input method commits it (works for Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def clause_ids(window) -> list[int]:
    return [n.db_id for n in window.session.clauses()]


def events(repo) -> list:
    return repo.events()
