"""Keyboard defects that cost wrong tags (issue 13), each pinned through the real window.

Stable recent-department numbers, Shift+N only ever adding a support,
application-wide shortcuts from text fields, the highlighted tree row being the
tag target after each filter, and the picker's ranking and pinyin.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from .conftest import type_text
from .test_annotation import entries, pick, select_clause


def numbers(window) -> dict[int, str]:
    """Recent-department number -> department name, as the annotator holds them."""
    return {n: window.session.department(d).name for n, d in window.annotator.numbered()}


# -- stable numbers -------------------------------------------------------------


def test_recent_numbers_stay_stable_across_first_uses(qtbot, window, repo):
    select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "财政")
    pick(qtbot, window, "教委")
    pick(qtbot, window, "天津海关")
    # New units take the next free number; nobody moves.
    assert numbers(window) == {1: "市财政局", 2: "市教委", 3: "天津海关"}
    assert "3&nbsp;天津海关" in window.annotation.recent_label.text()
    pick(qtbot, window, "统计局")
    assert numbers(window)[3] == "天津海关" and numbers(window)[4] == "市统计局"
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    second = window.current_node_id
    qtbot.keyClick(window.tree, Qt.Key.Key_3)
    assert entries(repo, second) == [("天津海关", "lead")]


def test_numbers_survive_a_restart_and_can_be_pinned(qtbot, window, repo, settings):
    select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "财政")
    pick(qtbot, window, "教委")
    customs = repo.find_department("天津海关").db_id
    window.annotator.pin(customs, 7)
    assert numbers(window) == {1: "市财政局", 2: "市教委", 7: "天津海关"}
    # Filling the free numbers never takes a pinned one.
    for query in ("统计局", "科技局", "商务局", "工业和信息化", "生态环境", "农业农村"):
        pick(qtbot, window, query)
    assert numbers(window)[7] == "天津海关"
    assert len(numbers(window)) == 9
    # A tenth unit replaces the least recently used unpinned one (市财政局, number 1).
    pick(qtbot, window, "住房城乡建设")
    assert numbers(window)[1] == "市住房城乡建设委" and numbers(window)[7] == "天津海关"
    # Reloaded from the settings (a new session) the numbers are the same.
    from workbench.ui.annotation.annotator import Annotator

    again = Annotator(window.session, window.undo_stack, settings)
    assert dict(again.numbered()) == dict(window.annotator.numbered())
    assert again.pinned == {7}


def test_pin_from_the_keyboard(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "教委")
    pick(qtbot, window, "天津海关", shift=True)
    assert entries(repo, node_id) == [("市教委", "lead"), ("天津海关", "support")]
    window.annotation.assignment_list.setCurrentRow(1)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert numbers(window)[5] == "天津海关" and 5 in window.annotator.pinned
    assert "5&nbsp;天津海关</a>📌" in window.annotation.recent_label.text()
    qtbot.keyClick(window.tree, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # again: let go
    assert numbers(window)[5] == "天津海关" and 5 not in window.annotator.pinned


# -- Shift+N --------------------------------------------------------------------


def test_shift_number_never_changes_the_lead(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "教委")  # number 1, the lead here
    pick(qtbot, window, "财政", shift=True)  # number 2
    window.tree.setFocus()
    count = repo.event_count()
    qtbot.keyClick(window.tree, Qt.Key.Key_1, Qt.KeyboardModifier.ShiftModifier)
    assert entries(repo, node_id) == [("市教委", "lead"), ("市财政局", "support")]
    assert repo.event_count() == count
    assert "牵头" in window.status.currentMessage() and "市教委" in window.status.currentMessage()
    assert "添加配合" not in window.status.currentMessage()
    # Already a support: nothing changes, and the status bar says so.
    qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    assert repo.event_count() == count
    assert "已是配合单位" in window.status.currentMessage()


def test_shift_number_on_an_empty_clause_adds_nothing(qtbot, window, repo):
    first = select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "教委")
    second = select_clause(qtbot, window, "ch09/s01/p01")
    assert entries(repo, second) == []
    window.tree.setFocus()
    count = repo.event_count()
    qtbot.keyClick(window.tree, Qt.Key.Key_1, Qt.KeyboardModifier.ShiftModifier)
    assert entries(repo, second) == [] and repo.event_count() == count
    assert "尚无牵头单位" in window.status.currentMessage()
    assert entries(repo, first) == [("市教委", "lead")]


def test_shift_number_adds_a_support_and_says_so(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "财政")  # 1
    pick(qtbot, window, "教委", shift=True)  # 2 (a support, as the first unit leads)
    window.annotation.assignment_list.setCurrentRow(1)
    window.annotation.remove_selected()
    assert entries(repo, node_id) == [("市财政局", "lead")]
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    assert entries(repo, node_id) == [("市财政局", "lead"), ("市教委", "support")]
    assert "配合" in window.status.currentMessage() and "市教委" in window.status.currentMessage()


def test_shift_number_moves_a_second_lead_to_support(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "财政")  # 1
    pick(qtbot, window, "教委")  # 2, second lead
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    assert entries(repo, node_id) == [("市财政局", "lead"), ("市教委", "support")]
    assert "市教委" in window.status.currentMessage() and "配合" in window.status.currentMessage()


# -- application-wide shortcuts from text fields ------------------------------------


class X11LineEditKeys(QObject):
    """What QLineEdit does under X11's key scheme: it claims Ctrl+E (end of line).

    The offscreen platform uses a scheme without that binding, so the test puts
    the X11 behaviour back on the field; the window must still export.
    """

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination() == QKeySequence("Ctrl+E")[0]:
            event.accept()
            return True
        return False


def test_ctrl_e_exports_from_every_text_field(qtbot, window):
    calls: list[str] = []
    window.register_export_handler(lambda _w: calls.append(QApplication.focusWidget().objectName()))
    claim = X11LineEditKeys(window)
    fields = {
        "filterText": window.tree_panel.text,
        "departmentPicker": window.annotation.picker.edit,
        "indicatorPicker": window.annotation.indicator_picker.combo.lineEdit(),
        "searchQuery": window.search_panel.query,
    }
    for name, field in fields.items():
        field.installEventFilter(claim)
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        type_text(field, "港口")
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert len(calls) == len(list(fields)[: list(fields).index(name) + 1]), name
        field.clear()
    # Ctrl+F from the picker reaches the search box; typing still types.
    window.annotation.picker.edit.setFocus()
    qtbot.keyClick(window.annotation.picker.edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_panel.query.hasFocus)
    # Keys a field does use for itself stay with it: Ctrl+A selects all in the field.
    field = window.tree_panel.text
    type_text(field, "港口")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.selectedText() == "港口"


# -- highlighted row = tag target after each filter -----------------------------


def _row_node(window):
    return window.proxy.node(window.tree.currentIndex())


def _selected_nodes(window):
    return [window.proxy.node(i) for i in window.tree.selectionModel().selectedRows()]


def test_chapter_filter_keeps_highlight_and_target_together(qtbot, window):
    node_id = select_clause(qtbot, window, "ch04/s01/p01")
    chapter = window.session.plan(window.session.plan_ids[0]).root.find("ch09")
    combo = window.tree_panel.chapter
    combo.setCurrentIndex(combo.findData(chapter.db_id))
    row = _row_node(window)
    assert row is not None and row.db_id == window.annotator.target_id
    assert row.db_id != node_id and chapter in row.ancestors()
    assert _selected_nodes(window) == [row]
    # Back to all chapters: the row and the target still agree.
    combo.setCurrentIndex(0)
    assert _row_node(window).db_id == window.annotator.target_id


def test_department_filter_shows_only_clauses_that_carry_it(qtbot, window, repo):
    tagged = select_clause(qtbot, window, "ch05/s01/p02")
    pick(qtbot, window, "教委")
    untagged = select_clause(qtbot, window, "ch04/s01/p01")
    combo = window.tree_panel.department
    combo.setCurrentIndex(combo.findData(repo.find_department("市教委").db_id))
    visible = []
    from workbench.ui.tree.navigation import preorder
    from workbench.ui.tagging.tag_state import is_clause

    for index in preorder(window.proxy):
        node = window.proxy.node(index)
        if node is not None and is_clause(node):
            visible.append(node.db_id)
    assert untagged not in visible and tagged in visible
    for node_id in visible:
        node = window.session.node(node_id)
        tags = window.session.effective(node) + window.session.sentence_assignments(node)
        assert any(a.name == "市教委" for a in tags)
    row = _row_node(window)
    assert row is not None and row.db_id == window.annotator.target_id and row.db_id in visible


# -- picker ---------------------------------------------------------------------


def test_picker_prefers_the_official_body_for_a_place_name(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch04/s01/p01")
    assert window.annotation.picker.matches("滨海")[0].name == "滨海新区政府"
    type_text(window.annotation.picker.edit, "滨海")
    qtbot.keyClick(window.annotation.picker.edit, Qt.Key.Key_Return)
    assert entries(repo, node_id) == [("滨海新区政府", "lead")]


def test_picker_finds_units_by_pinyin(qtbot, window, repo):
    picker = window.annotation.picker
    assert picker.matches("fgw")[0].name == "市发展改革委"
    assert picker.matches("kjj")[0].name == "市科技局"
    assert picker.matches("kejiju")[0].name == "市科技局"
    assert picker.matches("FGW")[0].name == "市发展改革委"
    node_id = select_clause(qtbot, window, "ch04/s01/p01")
    picker.edit.setFocus()
    qtbot.keyClicks(picker.edit, "kjj")
    qtbot.waitUntil(picker.completer.popup().isVisible)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert entries(repo, node_id) == [("市科技局", "lead")]


def test_ctrl_e_from_a_floating_search_dock(qtbot, window):
    calls: list[int] = []
    window.register_export_handler(lambda _w: calls.append(1))
    window.search_dock.setFloating(True)
    field = window.search_panel.query
    field.installEventFilter(X11LineEditKeys(window))
    window.search_dock.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert calls == [1]


def test_untagged_and_text_filters_keep_highlight_and_target_together(qtbot, window, repo):
    tagged = select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "教委")
    window.tree_panel.untagged.setChecked(True)
    row = _row_node(window)
    assert row is not None and row.db_id != tagged and row.db_id == window.annotator.target_id
    assert window.session.tag_state(row).untagged
    window.tree_panel.untagged.setChecked(False)
    window.tree_panel.text.setText("碳市场")
    window.tree_panel.apply()
    row = _row_node(window)
    assert row is not None and "碳市场" in f"{row.title}{row.text}" and row.db_id == window.annotator.target_id
    window.tree_panel.text.setText("没有这样的条款文字")
    window.tree_panel.apply()
    assert _row_node(window) is None and window.annotator.target_id is None
