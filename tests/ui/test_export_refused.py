"""File › Export refuses a workspace whose state rows do not match its events, as the CLI does (issue 10)."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.core.export_jobs import MODE_DEPARTMENTS, MODE_WORKBOOK, ExportRequest


@pytest.fixture
def tagged(repo, departments):
    """The seed with one clause tagged through the app, and that clause's node id."""
    plan = repo.plans()[0]
    node = repo.load_plan(plan.id).root.find("ch03/s01/p01")
    repo.assign(node_id=node.db_id, department_id=departments["市教委"], role="lead")
    repo.assign(node_id=node.db_id, department_id=departments["市财政局"], role="support")
    return plan.id, node.db_id


def _export(qtbot, repo, settings, workspace_path, plan_id, request, monkeypatch):
    from workbench.app import build_main_window
    from workbench.ui.export import export_dialog

    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(export_dialog.QMessageBox, "warning", lambda _parent, title, text: warnings.append((title, text)))
    window = build_main_window(repo, settings, path=workspace_path, start_workers=False)
    qtbot.addWidget(window)
    done: list[object] = []
    worker = export_dialog.start_export(window, window.pool, repo, plan_id, request, workspace=workspace_path,
                                        on_done=done.append)
    with qtbot.waitSignal(worker.signals.ended, timeout=30000):
        pass
    window.close()
    return warnings, done


def _edit_behind_the_apps_back(workspace_path, node_id) -> None:
    """What a user with a SQLite browser does: the state row changes, no event says so."""
    conn = sqlite3.connect(workspace_path)
    conn.execute("UPDATE assignments SET role = 'support' WHERE node_id = ? AND role = 'lead'", (node_id,))
    conn.commit()
    conn.close()


def test_an_edited_state_row_is_refused_naming_the_clause(qtbot, repo, settings, workspace_path, tagged, tmp_path,
                                                          monkeypatch):
    plan_id, node_id = tagged
    _edit_behind_the_apps_back(workspace_path, node_id)
    output = tmp_path / "分工.xlsx"
    warnings, done = _export(qtbot, repo, settings, workspace_path, plan_id, ExportRequest(MODE_WORKBOOK, output),
                             monkeypatch)
    assert not output.exists() and done == []
    assert len(warnings) == 1
    message = warnings[0][1]
    assert message.startswith("已拒绝导出") and "\n" not in message
    assert "条目 ch03/s01/p01 的责任单位" in message  # the first mismatch, named


def test_department_workbooks_are_refused_too(qtbot, repo, settings, workspace_path, tagged, tmp_path, monkeypatch):
    plan_id, node_id = tagged
    _edit_behind_the_apps_back(workspace_path, node_id)
    folder = tmp_path / "各部门"
    warnings, done = _export(qtbot, repo, settings, workspace_path, plan_id, ExportRequest(MODE_DEPARTMENTS, folder),
                             monkeypatch)
    assert done == [] and not (folder.exists() and any(folder.iterdir()))
    assert len(warnings) == 1 and "ch03/s01/p01" in warnings[0][1]


def test_a_workspace_that_matches_its_events_exports(qtbot, repo, settings, workspace_path, tagged, tmp_path,
                                                     monkeypatch):
    plan_id, _node_id = tagged
    output = tmp_path / "分工.xlsx"
    warnings, done = _export(qtbot, repo, settings, workspace_path, plan_id, ExportRequest(MODE_WORKBOOK, output),
                             monkeypatch)
    assert warnings == [] and output.exists()
    assert [str(p) for p in done[0]] == [str(output)]
