"""Annotating through the real window: picker, number keys, reorder, indicators,
note, status and timing; each undone and redone, checked in the store and in
the event log (undo and redo are events; the log only grows)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from .conftest import type_text


def entries(repo, node_id):
    return [(a.name, a.role) for a in repo.assignments(node_id)]


def last_actions(repo, n):
    return [e.action for e in repo.events()[-n:]]


def select_clause(qtbot, window, key):
    node = window.session.plan(window.session.plan_ids[0]).root.find(key)
    assert window.select_node(node.db_id)
    qtbot.waitUntil(lambda: window.target_id == node.db_id)
    return node.db_id


def pick(qtbot, window, text, *, shift=False):
    picker = window.annotation.picker
    type_text(picker.edit, text)
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(popup, Qt.Key.Key_Return, modifier)


def test_picker_finds_by_any_part_of_name(window):
    picker = window.annotation.picker
    for query in ("教委", "教育", "市教委"):
        assert "市教委" in [d.name for d in picker.matches(query)], query


def test_assign_lead_with_picker_then_undo_redo(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch05/s01/p01")
    count = repo.event_count()
    pick(qtbot, window, "教委")
    assert entries(repo, node_id) == [("市教委", "lead")]
    assert window.annotation.picker.edit.text() == ""
    assert repo.event_count() == count + 1
    assert repo.events()[-1].action == "assign"
    assert repo.events()[-1].reviewer == "张三"
    assert window.annotation.assignment_list.count() == 1
    assert window.annotator.recent[0] == repo.find_department("市教委").db_id

    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entries(repo, node_id) == []
    assert repo.event_count() == count + 2 and repo.events()[-1].action == "undo"
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert entries(repo, node_id) == [("市教委", "lead")]
    assert repo.event_count() == count + 3 and repo.events()[-1].action == "redo"
    assert window.annotation.assignment_list.count() == 1


def test_number_keys_assign_recent_departments(qtbot, window, repo):
    first = select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "教委")  # 市教委 takes number 1
    pick(qtbot, window, "财政")  # 市财政局 number 2 (numbers never shift)
    assert entries(repo, first) == [("市教委", "lead"), ("市财政局", "lead")]
    assert "1&nbsp;市教委" in window.annotation.recent_label.text()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    second = window.current_node_id
    assert second != first
    qtbot.keyClick(window.tree, Qt.Key.Key_1)
    assert entries(repo, second) == [("市教委", "lead")]
    qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    assert entries(repo, second) == [("市教委", "lead"), ("市财政局", "support")]
    # Delete removes the selected (just added) department; undo brings it back.
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert entries(repo, second) == [("市教委", "lead")]
    window.undo_stack.undo()
    assert entries(repo, second) == [("市教委", "lead"), ("市财政局", "support")]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert entries(repo, second) == []
    window.undo_stack.redo()
    assert entries(repo, second) == [("市教委", "lead")]


def test_add_support_reorder_and_set_role(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch06/s01/p01")
    pick(qtbot, window, "教委")
    pick(qtbot, window, "市科技局", shift=True)
    assert entries(repo, node_id) == [("市教委", "lead"), ("市科技局", "support")]
    pane = window.annotation
    pane.assignment_list.setCurrentRow(1)
    qtbot.mouseClick(pane.up_button, Qt.MouseButton.LeftButton)
    assert entries(repo, node_id) == [("市科技局", "lead"), ("市教委", "lead")]
    assert repo.events()[-1].action == "reorder"
    window.undo_stack.undo()
    assert entries(repo, node_id) == [("市教委", "lead"), ("市科技局", "support")]
    window.undo_stack.redo()
    assert entries(repo, node_id) == [("市科技局", "lead"), ("市教委", "lead")]
    pane.assignment_list.setCurrentRow(1)
    qtbot.mouseClick(pane.role_button, Qt.MouseButton.LeftButton)
    assert entries(repo, node_id) == [("市科技局", "lead"), ("市教委", "support")]
    window.undo_stack.undo()
    assert entries(repo, node_id) == [("市科技局", "lead"), ("市教委", "lead")]
    # Dragging the last entry above the first makes it lead first.
    pick(qtbot, window, "市财政局", shift=True)
    assert entries(repo, node_id) == [("市科技局", "lead"), ("市教委", "lead"), ("市财政局", "support")]
    view = pane.assignment_list
    view.setCurrentRow(2)
    top = view.visualItemRect(view.item(0)).top() + 1
    mime = view.model().mimeData([view.model().index(2, 0)])
    drop = QDropEvent(QPointF(5, top), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(drop)
    assert entries(repo, node_id) == [("市财政局", "lead"), ("市科技局", "lead"), ("市教委", "lead")]
    window.undo_stack.undo()
    assert entries(repo, node_id) == [("市科技局", "lead"), ("市教委", "lead"), ("市财政局", "support")]


def test_link_indicator_then_undo_redo(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch05/s02/p01")
    picker = window.annotation.indicator_picker
    records = window.session.indicators(window.session.plan_ids[0])
    target = next(r for r in records if "研发" in r.indicator.name)
    assert picker.select_indicator(target.id)
    assert picker.model.item(picker.combo.currentIndex(), 3).text() == target.indicator.base_value
    qtbot.mouseClick(picker.button, Qt.MouseButton.LeftButton)
    assert [l.indicator_id for l in repo.indicator_links(node_id)] == [target.id]
    assert repo.events()[-1].action == "link_indicator"
    assert window.annotation.link_list.count() == 1
    row = window.indicator_view.model.records.index(target)
    assert window.indicator_view.model.linked_nodes(row) == (node_id,)
    window.undo_stack.undo()
    assert repo.indicator_links(node_id) == [] and repo.events()[-1].action == "undo"
    assert window.indicator_view.model.linked_nodes(row) == ()
    window.undo_stack.redo()
    assert [l.indicator_id for l in repo.indicator_links(node_id)] == [target.id]


def test_note_status_and_timing_with_undo(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch07/s01/p01")
    pane = window.annotation
    start = repo.event_count()
    type_text(pane.note_edit, "请核实牵头单位")
    window.tree.setFocus()  # leaving the editor saves the note
    qtbot.waitUntil(lambda: repo.note(node_id) is not None)
    assert repo.note(node_id).text == "请核实牵头单位"
    qtbot.mouseClick(pane.status_buttons["question"], Qt.MouseButton.LeftButton)
    assert repo.status(node_id).review_status == "question"
    assert window.tree_model.data(window.tree_model.index_for_id(node_id), Qt.ItemDataRole.UserRole + 2) == "disputed"
    pane.timing.setCurrentIndex(pane.timing.findData("2027"))
    pane.timing.activated.emit(pane.timing.currentIndex())
    assert repo.status(node_id).timing == "2027"
    assert last_actions(repo, 3) == ["note", "review_status", "timing"]

    window.undo_stack.undo()
    assert repo.status(node_id).timing == ""
    assert pane.timing.currentData() == ""
    window.undo_stack.undo()
    assert repo.status(node_id).review_status == "unreviewed"
    assert pane.status_buttons["unreviewed"].isChecked()
    window.undo_stack.undo()
    assert repo.note(node_id) is None and pane.note_edit.toPlainText() == ""
    for _ in range(3):
        window.undo_stack.redo()
    assert repo.note(node_id).text == "请核实牵头单位"
    assert repo.status(node_id).review_status == "question" and repo.status(node_id).timing == "2027"
    assert repo.event_count() == start + 9
    assert last_actions(repo, 6) == ["undo", "undo", "undo", "redo", "redo", "redo"]


def test_note_saves_after_a_longer_pause(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch07/s01/p02")
    window.annotation.notes.pause.setInterval(300)  # NOTE_PAUSE_MS (20 s), shortened for the test
    type_text(window.annotation.note_edit, "停顿后保存")
    qtbot.waitUntil(lambda: repo.note(node_id) is not None, timeout=5000)
    assert repo.note(node_id).text == "停顿后保存"


def test_sentence_narrows_the_tag_target(qtbot, window, repo):
    clause_id = select_clause(qtbot, window, "ch03/s01/p01")
    clause = window.session.node(clause_id)
    sentence = clause.children[2]
    rect = window.reader.sentence_rect(sentence.db_id)
    assert rect is not None
    qtbot.mouseClick(window.reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.target_id == sentence.db_id)
    assert window.annotation.back_button.isVisibleTo(window.annotation)
    pick(qtbot, window, "教委")
    assert entries(repo, sentence.db_id) == [("市教委", "lead")]
    assert entries(repo, clause_id) == []
    window.back_to_clause()
    assert window.target_id == clause_id
    assert "按句标注" in window.annotation.inherited_label.text()


def test_inherited_tags_shown_greyed(qtbot, window, repo, departments):
    section = window.session.plan(window.session.plan_ids[0]).root.find("ch03/s02")
    window.session.apply(repo.assign(node_id=section.db_id, department_id=departments["市发展改革委"]))
    select_clause(qtbot, window, "ch03/s02/p01")
    pane = window.annotation
    assert pane.assignment_list.inherited and pane.assignment_list.count() == 1
    assert "继承自" in pane.inherited_label.text()
    assert not pane.assignment_list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    assert QApplication.instance() is not None


def test_note_saves_of_one_editing_session_undo_as_one_step(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch08/s02/p01")
    pane = window.annotation
    steps = window.undo_stack.count()
    type_text(pane.note_edit, "第一段")
    qtbot.wait(1700)  # a short pause (the old autosave interval) saves nothing
    assert repo.note(node_id) is None
    type_text(pane.note_edit, "，补充")
    window.tree.setFocus()  # leaving the editor ends the editing session: one save
    qtbot.waitUntil(lambda: repo.note(node_id) is not None and repo.note(node_id).text == "第一段，补充")
    assert window.undo_stack.count() == steps + 1
    assert [e.action for e in repo.events(node_key="ch08/s02/p01")] == ["note"]  # one event, not one per pause
    window.undo_stack.undo()
    assert repo.note(node_id) is None
    window.undo_stack.redo()
    assert repo.note(node_id).text == "第一段，补充"
