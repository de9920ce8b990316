"""First start: the identity and window settings belong to the data directory, and a name is required.

Each test runs the real `run_gui` (the application as `workbench` starts it) on
its own WORKBENCH_DATA_DIR, with the platform's settings location redirected
to tmp so that nothing can leak into (or be read from) the user's settings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from shiboken6 import isValid

from workbench.app import run_gui
from workbench.storage.files.database import open_readonly

from .conftest import type_text

OS_USER = "os-user-sentinel"  # what _os_user() would record (WORKBENCH_REVIEWER)


@pytest.fixture
def native_config(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("WORKBENCH_REVIEWER", OS_USER)
    config = tmp_path / "native-config"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    return config


def run_app(data_dir: Path, monkeypatch, step: Callable[[object, dict], bool]) -> dict:
    """run_gui on data_dir; `step(window, seen)` is polled until it returns True (then the app quits)."""
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(data_dir))
    seen: dict = {"dialogs": []}

    def drive(window) -> None:
        def poll() -> None:
            dialog = getattr(window, "reviewer_dialog", None)
            if (dialog is not None and isValid(dialog) and dialog.isVisible()
                    and all(dialog is not d for d in seen["dialogs"])):
                seen["dialogs"].append(dialog)
            if step(window, seen):
                window.close()
                QApplication.quit()
                return
            QTimer.singleShot(20, poll)

        poll()

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)
    guard.start(30000)
    seen["code"] = run_gui([], on_ready=drive)
    seen["timed_out"] = not guard.isActive()
    guard.stop()
    return seen


def answer(dialog, name: str, unit: str) -> None:
    type_text(dialog.name, name)
    type_text(dialog.unit, unit)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def events(data_dir: Path) -> list[tuple[str, str]]:
    db = open_readonly(data_dir / "workspace.sqlite")
    try:
        return [(row["reviewer"], row["action"]) for row in db.query("select reviewer, action from events")]
    finally:
        db.close()


def plans(data_dir: Path) -> int:
    db = open_readonly(data_dir / "workspace.sqlite")
    try:
        return db.execute("select count(*) from plans").fetchone()[0]
    finally:
        db.close()


def imported(window) -> bool:
    return bool(window.session.plan_ids) and window.current_node_id is not None


def test_identity_and_window_settings_belong_to_the_data_directory(qtbot, tmp_path, native_config, monkeypatch):
    first, second = tmp_path / "office", tmp_path / "home"

    def name_then_import(window, seen) -> bool:
        if len(seen["dialogs"]) == 1 and "answered" not in seen:
            answer(seen["dialogs"][0], "李四", "市财政局预算处")
            seen["answered"] = True
        return "answered" in seen and imported(window)

    seen = run_app(first, monkeypatch, name_then_import)
    assert seen["code"] == 0 and not seen["timed_out"]
    stored = QSettings(str(first / "settings.ini"), QSettings.Format.IniFormat)
    assert stored.value("reviewer/name") == "李四" and stored.value("reviewer/unit") == "市财政局预算处"
    assert not stored.value("ui/geometry").isEmpty()  # the window's settings too
    assert not native_config.exists()  # nothing went to the platform's per-user settings

    # The second data directory does not know the first one's reviewer: it asks.
    def record_and_quit(window, seen) -> bool:
        if seen["dialogs"] and "name" not in seen:
            seen["name"] = seen["dialogs"][0].name.text()
            seen["dialogs"][0].quit_button.click()
        return "name" in seen and not window.isVisible()

    seen = run_app(second, monkeypatch, record_and_quit)
    assert seen["name"] == "" and not seen["timed_out"]
    assert ("李四", "plan_import") in events(first)

    # And the first still does: no dialog, its reviewer is the session's.
    def no_dialog(window, seen) -> bool:
        seen["reviewer"] = window.session.reviewer.name
        return imported(window)

    seen = run_app(first, monkeypatch, no_dialog)
    assert seen["dialogs"] == [] and seen["reviewer"] == "李四"


def test_cancelling_the_first_start_dialog_asks_again_and_records_nobody(qtbot, tmp_path, native_config, monkeypatch):
    data = tmp_path / "data"

    def cancel_then_answer(window, seen) -> bool:
        dialogs = seen["dialogs"]
        if len(dialogs) == 1 and "cancelled" not in seen:
            dialogs[0].buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
            seen["cancelled"] = True
        elif len(dialogs) == 2 and "answered" not in seen:
            seen["plans_while_asking"] = list(window.session.plan_ids)
            seen["reminder"] = [label.text() for label in dialogs[1].findChildren(QLabel, "reviewerReminder")]
            seen["reviewer_while_asking"] = window.session.reviewer.name
            answer(dialogs[1], "王五", "市商务局")
            seen["answered"] = True
        return "answered" in seen and imported(window)

    seen = run_app(data, monkeypatch, cancel_then_answer)
    assert seen["code"] == 0 and not seen["timed_out"]
    assert seen["plans_while_asking"] == [] and seen["reminder"] and "姓名" in seen["reminder"][0]
    recorded = events(data)
    assert ("王五", "plan_import") in recorded
    assert all(reviewer != OS_USER for reviewer, _ in recorded)


def test_quit_on_the_first_start_dialog_writes_nothing_in_anyones_name(qtbot, tmp_path, native_config, monkeypatch):
    data = tmp_path / "data"

    def quit_(window, seen) -> bool:
        if seen["dialogs"] and "quit" not in seen:
            seen["dialogs"][0].quit_button.click()
            seen["quit"] = True
        return "quit" in seen and not window.isVisible()

    seen = run_app(data, monkeypatch, quit_)
    assert seen["code"] == 0 and not seen["timed_out"]
    assert plans(data) == 0
    assert all(reviewer != OS_USER for reviewer, _ in events(data))
    assert QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat).value("reviewer/name") is None


def test_the_status_bar_names_nobody_while_the_first_start_dialog_asks(qtbot, tmp_path, native_config, monkeypatch):
    """Behind the dialog the status bar once read 审核人：<OS user>, the very name the dialog exists to avoid."""
    data = tmp_path / "data"

    def look_then_answer(window, seen) -> bool:
        if seen["dialogs"] and "answered" not in seen:
            seen["status_while_asking"] = window.status.reviewer_label.text()
            answer(seen["dialogs"][0], "王五", "市商务局")
            seen["answered"] = True
        return "answered" in seen and imported(window) and bool(seen.setdefault(
            "status_after", window.status.reviewer_label.text()))

    seen = run_app(data, monkeypatch, look_then_answer)
    assert seen["code"] == 0 and not seen["timed_out"]
    assert OS_USER not in seen["status_while_asking"] and "未设置" in seen["status_while_asking"]
    assert "王五" in seen["status_after"]
