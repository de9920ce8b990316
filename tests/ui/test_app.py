"""The application as `workbench` starts it: first start asks for the reviewer,
then imports the shipped plan in a worker; settings, hooks and layout persist."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from workbench.app import run_gui
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository

from .conftest import REVIEWER, type_text


def test_first_start_asks_reviewer_then_imports_the_seed(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "data"))
    config = tmp_path / "config"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    seen: dict[str, object] = {}

    def drive(window) -> None:
        seen["window_shown"] = window.isVisible()
        seen["plans_at_start"] = list(window.session.plan_ids)

        def step() -> None:
            dialog = getattr(window, "reviewer_dialog", None)
            if "answered" not in seen and dialog is not None and dialog.isVisible():
                type_text(dialog.name, "李四")
                type_text(dialog.unit, "市财政局预算处")
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
                seen["answered"] = True
            if window.session.plan_ids and window.tree_model.rowCount() == 1 and window.current_node_id:
                seen["status"] = window.status.reviewer_label.text()
                seen["current"] = window.current_node_id
                window.close()
                QApplication.quit()
                return
            QTimer.singleShot(20, step)

        step()

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(QApplication.quit)
    guard.start(30000)
    assert run_gui([], on_ready=drive) == 0
    guard.stop()
    assert seen["window_shown"] and seen["plans_at_start"] == [] and seen.get("answered")
    assert "李四" in seen["status"] and "市财政局预算处" in seen["status"]
    settings = QSettings(str(tmp_path / "data" / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("reviewer/name") == "李四"
    db = open_workspace(tmp_path / "data" / "workspace.sqlite")
    try:
        repo = Repository(db, REVIEWER)
        assert len(repo.plans()) == 1
        imported = repo.events(action="plan_import")
        assert [(e.reviewer, e.reviewer_unit) for e in imported] == [("李四", "市财政局预算处")]
    finally:
        db.close()


def test_hooks_start_disabled_and_plug_in(qtbot, repo, settings, workspace_path):
    from workbench.app import build_main_window

    window = build_main_window(repo, settings, path=workspace_path, start_workers=False, features=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    export = window.actions_by_name["export"]
    assert not export.isEnabled() and "尚未安装" in export.toolTip()
    assert export.shortcut().toString() == "Ctrl+E"
    assert not window.actions_by_name["merge"].isEnabled()
    assert not window.actions_by_name["audit"].isEnabled()
    calls = []
    window.register_export_handler(lambda w: calls.append(("export", w)))
    window.register_merge_handler(lambda w: calls.append(("merge", w)))
    assert export.isEnabled()
    export.trigger()  # Ctrl+E itself is driven in test_integrations.py
    window.actions_by_name["merge"].trigger()
    assert calls == [("export", window), ("merge", window)]
    from PySide6.QtWidgets import QLabel

    dock = window.register_audit_view(lambda w: QLabel("audit"))
    window.actions_by_name["audit"].trigger()
    assert dock.isVisible() and window.actions_by_name["audit"].isEnabled()


def test_layout_size_and_last_node_persist(qtbot, repo, settings, workspace_path):
    from workbench.app import build_main_window

    first = build_main_window(repo, settings, path=workspace_path, start_workers=False)
    qtbot.addWidget(first)
    first.show()
    node = first.session.plan(first.session.plan_ids[0]).root.find("ch09/s02/p01")
    first.select_node(node.db_id)
    first.resize(700, 500)
    first.charts_dock.hide()
    first.close()
    second = build_main_window(repo, settings, path=workspace_path, start_workers=False)
    qtbot.addWidget(second)
    second.show()
    assert second.current_node_id == node.db_id
    assert (second.width(), second.height()) == (700, 500)
    assert not second.charts_dock.isVisible()
    second.close()


def test_settings_dialog_stores_language(qtbot, window):
    from workbench.ui.workspace.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert window.settings.value("ui/language") == "en"


def test_import_another_plan_in_a_worker(qtbot, window, tmp_path):
    from workbench import paths
    from workbench.ui import background

    text = paths.SEED_PLAN.read_text(encoding="utf-8").replace("天津市", "滨海新区", 3)
    other = tmp_path / "other-plan.txt"
    other.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(window.session.plan_added, timeout=10000):
        worker = background.import_plan_file(window, other)
    assert len(window.session.plan_ids) == 2 and window.tree_model.rowCount() == 2
    assert worker is not None
    assert len(window.search_panel.search("港口")) > 0
    results = {r.plan_id for r in window.search_panel.results}
    assert results == set(window.session.plan_ids)


def test_changing_the_reviewer_applies_to_the_next_write(qtbot, window, repo, departments):
    from workbench.ui.window import main_actions

    dialog = main_actions.ask_reviewer(window, first_start=False)
    assert dialog.name.text() == REVIEWER.name
    dialog.name.clear()
    type_text(dialog.name, "王五")
    dialog.unit.clear()
    type_text(dialog.unit, "市商务局")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.session.reviewer.name == "王五"
    assert "王五（市商务局）" in window.status.reviewer_label.text()
    assert window.settings.value("reviewer/name") == "王五"
    window.select_node(window.session.clauses()[2].db_id)
    assert window.annotator.assign(departments["市商务局"])
    event = repo.events()[-1]
    assert (event.reviewer, event.reviewer_unit, event.action) == ("王五", "市商务局", "assign")


def test_gui_is_routed_from_the_command_line(monkeypatch):
    import workbench.__main__ as entry

    calls = []
    monkeypatch.setattr("workbench.app.run_gui", lambda argv: calls.append(list(argv)) or 0)
    assert entry.main([]) == 0 and entry.main(["--db", "w.sqlite"]) == 0 and entry.main(["gui", "--db", "x"]) == 0
    assert calls == [[], ["--db", "w.sqlite"], ["--db", "x"]]


def test_last_node_is_written_once_the_reviewer_pauses(qtbot, repo, settings, workspace_path):
    """J must not rewrite the settings file on every keypress; the selection is remembered after a pause."""
    from workbench.app import build_main_window
    from workbench.ui.window import main_window

    window = build_main_window(repo, settings, path=workspace_path, start_workers=False)
    qtbot.addWidget(window)
    window.show()
    before = settings.value(main_window.LAST_NODE_KEY)
    node = window.session.plan(window.session.plan_ids[0]).root.find("ch09/s02/p01")
    window.select_node(node.db_id)
    assert settings.value(main_window.LAST_NODE_KEY) == before  # not yet: the reviewer may be stepping on
    qtbot.waitUntil(lambda: str(settings.value(main_window.LAST_NODE_KEY) or "").endswith(":ch09/s02/p01"),
                    timeout=main_window.LAST_NODE_PAUSE_MS + 3000)
    window.close()
