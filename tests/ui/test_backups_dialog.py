"""File › 备份与恢复…: the copies listed in plain words, and one restored into the open window."""

from __future__ import annotations

from workbench.storage.backups import list_backups, take_backup
from workbench.ui.backups.dialog import open_backups

from .conftest import clause_ids


def test_dialog_lists_backups_and_restores_one_into_the_open_window(qtbot, window, repo, departments, workspace_path):
    node = clause_ids(window)[5]
    before_events = repo.event_count()
    take_backup(repo.db.conn, workspace_path, reason="merge", detail="李四.sqlite")
    window.annotator.set_target(node)
    assert window.annotator.assign(departments["市科技局"])
    assert [a.department_id for a in window.session.assignments(node)] == [departments["市科技局"]]

    dialog = open_backups(window)
    qtbot.addWidget(dialog)
    assert window.actions_by_name["backups"].text().startswith("备份与恢复")
    table = dialog.table
    assert table.rowCount() == 1
    assert table.item(0, 1).text() == "合并 李四.sqlite 之前"
    assert table.item(0, 2).text() == str(before_events)
    dialog.table.selectRow(0)
    assert dialog.restore_selected(confirm=False)

    assert window.session.assignments(node) == []  # the open window shows the restored state
    assert repo.event_count() == before_events + 1  # the copy's events and the restore event
    reasons = [b.reason for b in list_backups(workspace_path)]
    assert sorted(reasons) == ["merge", "restore"]  # what was replaced is kept too
    assert table.rowCount() == 2 and "恢复备份" in table.item(0, 1).text()
