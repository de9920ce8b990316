"""Typed text survives every failure; Esc and Tab leave the note box."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository
from workbench.ui.notes.drafts import drafts_file

from .conftest import REVIEWER, clause_ids, type_text

NOTE = "请核实牵头单位：本条涉及市科技局与市教委的分工，需与两部门联络员再确认一次。"


def test_a_note_typed_while_read_only_survives_navigation_and_a_restart(qtbot, window, repo, settings,
                                                                       workspace_path):
    from workbench.app import build_main_window

    first, second = clause_ids(window)[10], clause_ids(window)[11]
    window.select_node(first)
    qtbot.waitUntil(lambda: window.annotation.notes.node_id == first)
    repo.db.execute("PRAGMA query_only = ON")  # the workspace refuses every write from now on
    asked = []
    window.annotation.notes.ask_leave = lambda reason: asked.append(reason) or True

    pane = window.annotation
    type_text(pane.note_edit, NOTE)
    window.tree.setFocus()  # leaving the box tries to save: refused
    qtbot.waitUntil(lambda: pane.note_status.isVisible())
    assert "未保存" in pane.note_status.text() and "readonly" in pane.note_status.text()
    assert pane.note_edit.toPlainText() == NOTE and repo.note(first) is None
    draft_path = drafts_file(workspace_path)
    assert NOTE in draft_path.read_text(encoding="utf-8")

    window.select_node(second)  # navigating away asks first
    qtbot.waitUntil(lambda: pane.notes.node_id == second)
    assert asked and "readonly" in asked[0]
    assert pane.note_edit.toPlainText() == ""
    window.select_node(first)  # and coming back shows the text again
    qtbot.waitUntil(lambda: pane.notes.node_id == first)
    assert pane.note_edit.toPlainText() == NOTE and pane.note_status.isVisible()

    window.close()  # "restart": a new window on the same workspace, now writable again
    for timer in (pane.notes.retry_timer, pane.notes.pause, pane.notes.draft_timer):
        timer.stop()  # the old process is gone
    pane.notes.retry_timer.timeout.disconnect()
    repo.db.execute("PRAGMA query_only = OFF")
    db = open_workspace(workspace_path)
    again = build_main_window(Repository(db, REVIEWER), settings, path=workspace_path, start_workers=False)
    qtbot.addWidget(again)
    try:
        again.show()
        again.select_node(first)
        qtbot.waitUntil(lambda: again.annotation.notes.node_id == first)
        assert again.annotation.note_edit.toPlainText() == NOTE  # restored from the draft
        qtbot.waitUntil(lambda: Repository(db, REVIEWER).note(first) is not None, timeout=8000)  # retried, saved
        assert Repository(db, REVIEWER).note(first).text == NOTE
        qtbot.waitUntil(lambda: not draft_path.exists())
        qtbot.waitUntil(lambda: not again.annotation.note_status.isVisible())
    finally:
        again.close()
        db.close()


def test_a_refused_note_is_retried_when_the_workspace_takes_writes_again(qtbot, window, repo):
    node_id = clause_ids(window)[12]
    window.select_node(node_id)
    qtbot.waitUntil(lambda: window.annotation.notes.node_id == node_id)
    pane = window.annotation
    pane.notes.retry_timer.setInterval(200)
    repo.db.execute("PRAGMA query_only = ON")
    type_text(pane.note_edit, "等可写时再存")
    window.tree.setFocus()
    qtbot.waitUntil(lambda: pane.note_status.isVisible())
    repo.db.execute("PRAGMA query_only = OFF")
    qtbot.waitUntil(lambda: repo.note(node_id) is not None, timeout=3000)
    assert repo.note(node_id).text == "等可写时再存" and not pane.note_status.isVisible()
    assert [e.action for e in repo.events(node_key=window.session.node(node_id).key)] == ["note"]


def test_esc_and_tab_leave_the_note_box_and_keys_navigate_again(qtbot, window, repo):
    node_id = clause_ids(window)[13]
    window.select_node(node_id)
    qtbot.waitUntil(lambda: window.annotation.notes.node_id == node_id)
    pane = window.annotation
    type_text(pane.note_edit, "按 Esc 离开")
    qtbot.keyClick(pane.note_edit, Qt.Key.Key_Escape)
    assert window.tree.hasFocus() and not pane.note_edit.hasFocus()
    assert repo.note(node_id).text == "按 Esc 离开"  # leaving the box saved it
    qtbot.keyClick(window.tree, Qt.Key.Key_J)  # J navigates again instead of typing "j"
    assert window.current_node_id != node_id
    assert repo.note(node_id).text == "按 Esc 离开"

    other = window.current_node_id
    pane.note_edit.setFocus()
    qtbot.waitUntil(pane.note_edit.hasFocus)
    qtbot.keyClick(pane.note_edit, Qt.Key.Key_Tab)
    assert not pane.note_edit.hasFocus() and "\t" not in pane.note_edit.toPlainText()
    assert window.current_node_id == other

    pane.indicator_picker.combo.lineEdit().setFocus()
    qtbot.waitUntil(pane.indicator_picker.combo.lineEdit().hasFocus)
    qtbot.keyClick(pane.indicator_picker.combo.lineEdit(), Qt.Key.Key_Escape)
    assert window.tree.hasFocus()


def test_a_retry_never_overwrites_a_note_someone_changed_meanwhile(qtbot, window, repo, workspace_path):
    node_id = clause_ids(window)[14]
    window.select_node(node_id)
    qtbot.waitUntil(lambda: window.annotation.notes.node_id == node_id)
    pane = window.annotation
    pane.notes.retry_timer.setInterval(200)
    repo.db.execute("PRAGMA query_only = ON")
    type_text(pane.note_edit, "我的草稿")
    window.tree.setFocus()
    qtbot.waitUntil(lambda: pane.note_status.isVisible())
    repo.db.execute("PRAGMA query_only = OFF")
    other = Repository(open_workspace(workspace_path), REVIEWER.__class__("李四"))
    try:
        other.set_note(node_id=node_id, text="李四的备注")
    finally:
        other.db.close()
    qtbot.waitUntil(lambda: "他人修改" in pane.note_status.text(), timeout=3000)
    assert repo.note(node_id).text == "李四的备注"  # not overwritten by the background retry
    assert pane.note_edit.toPlainText() == "我的草稿"  # and the reviewer's text is still there
