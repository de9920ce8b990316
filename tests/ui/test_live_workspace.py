"""A live workspace: writes made elsewhere (the CLI in another process, a second connection) show in the window."""

from __future__ import annotations

import os
import subprocess
import sys

from workbench import paths
from workbench.storage.backups import take_backup

from .conftest import clause_ids


def test_a_cli_write_in_another_process_appears_in_the_open_window(qtbot, window, repo, departments, workspace_path):
    node_id = clause_ids(window)[2]
    from workbench.ui.tree.plan_tree_model import StateRole

    assert window.tree_model.data(window.tree_model.index_for_id(node_id), StateRole) == "none"
    window.select_node(node_id)
    qtbot.waitUntil(lambda: window.annotation.node is not None and window.annotation.node.db_id == node_id)
    key = window.session.node(node_id).key
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "assign", key, "市科技局", "--db", str(workspace_path), "--reviewer", "李四"],
        cwd=paths.PROJECT_ROOT, env={**os.environ}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # within a second (two polls): the session, the annotation pane, the tree and the status bar
    qtbot.waitUntil(lambda: [a.name for a in window.session.assignments(node_id)] == ["市科技局"], timeout=3000)
    assert departments["市科技局"] in window.annotation.assignment_list.departments()
    from workbench.ui.tree.plan_tree_model import StateRole

    assert window.tree_model.data(window.tree_model.index_for_id(node_id), StateRole) == "lead"  # the tree too
    qtbot.waitUntil(lambda: "李四" in window.status.currentMessage(), timeout=3000)
    assert "已刷新" in window.status.currentMessage()


def test_a_note_written_on_a_second_connection_reaches_the_note_box(qtbot, window, workspace_path):
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository, Reviewer

    node_id = clause_ids(window)[8]
    window.select_node(node_id)
    other = Repository(open_workspace(workspace_path), Reviewer("王五"))
    try:
        other.set_note(node_id=node_id, text="另一个窗口写的备注")
    finally:
        other.db.close()
    qtbot.waitUntil(lambda: window.annotation.note_edit.toPlainText() == "另一个窗口写的备注", timeout=3000)


def test_a_restore_made_elsewhere_reloads_everything(qtbot, window, repo, departments, workspace_path):
    from workbench.storage.backups import restore_backup
    from workbench.storage.repository import Reviewer

    node_id = clause_ids(window)[9]
    copy = take_backup(repo.db.conn, workspace_path, reason="daily")
    window.annotator.set_target(node_id)
    assert window.annotator.assign(departments["市教委"])
    restore_backup(workspace_path, copy, reviewer=Reviewer("组长"))  # as `workbench backup restore` does
    qtbot.waitUntil(lambda: window.session.assignments(node_id) == [], timeout=3000)
    assert "重新读取" in window.status.currentMessage()
