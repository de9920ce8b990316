"""File › 分发副本 in the real window: a copy for another reviewer, written while the workspace is open."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from workbench.storage.audit import audit
from workbench.storage.files.readonly import open_source
from workbench.ui.handout.handout_dialog import HandoutDialog, write_handout


def test_handout_from_the_file_menu(qtbot, window, workspace_path, tmp_path, monkeypatch):
    repo = window.session.repo
    plan_id = window.session.plan_ids[0]
    node = repo.node_by_key(plan_id, "ch05/s01/p01")
    window.session.apply(repo.assign(node_id=node.id, department_id=repo.find_department("市科技局").db_id))
    written = audit.event_count(repo.db)
    assert "分发副本(&H)…" in [a.text() for a in window.file_menu.actions()]

    dialog = HandoutDialog(workspace_path, window)
    qtbot.addWidget(dialog)
    dialog.reviewer_edit.setText("李四")
    assert dialog.path() == workspace_path.with_name("workspace-李四.sqlite")  # suggested beside the workspace

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append("warning: " + a[2]))
    target = write_handout(window, dialog.reviewer(), dialog.path())
    assert target is not None and "李四" in shown[-1]
    assert not target.with_name(target.name + "-wal").exists()
    copy = open_source(target)
    try:
        assert audit.event_count(copy) == written + 1 and audit.workspace_uuid(copy) != audit.workspace_uuid(repo.db)
        assert copy.execute("SELECT count(*) FROM assignments").fetchone()[0] == \
            repo.db.execute("SELECT count(*) FROM assignments").fetchone()[0]
    finally:
        copy.close()
    assert write_handout(window, "李四", target) is None and "already exists" in shown[-1]  # never overwrites
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
