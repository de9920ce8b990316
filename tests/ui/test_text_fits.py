"""Text is never cut off where reviewers read it (issue 13): the picker popup, the
linked-indicator rows and the 修改记录 table; the indicator drop-down stays on screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyleOptionViewItem

from .conftest import type_text
from .test_annotation import pick, select_clause


def _fits(view, index, text: str) -> bool:
    """The text fits the item's rectangle (wrapped to its width if need be)."""
    rect = view.visualRect(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    if view.itemDelegate().sizeHint(option, index).width() <= rect.width() + 1:
        return True  # on one line
    needed = view.fontMetrics().boundingRect(QRect(0, 0, max(rect.width() - 8, 1), 10_000), Qt.TextFlag.TextWordWrap, text)
    return needed.height() <= rect.height() + 1


def test_picker_popup_shows_whole_lines(qtbot, window):
    select_clause(qtbot, window, "ch04/s01/p01")
    window.annotation_dock.resize(320, window.annotation_dock.height())
    picker = window.annotation.picker
    type_text(picker.edit, "市委")
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    widest = max(popup.fontMetrics().horizontalAdvance(picker.model.item(r).text()) for r in range(picker.model.rowCount()))
    assert popup.viewport().width() >= min(widest, popup.screen().availableGeometry().width() * 0.9 - 40)
    assert popup.geometry().right() <= popup.screen().availableGeometry().right()


def test_linked_indicator_rows_are_not_cut(qtbot, window):
    select_clause(qtbot, window, "ch05/s02/p01")
    window.annotation_dock.resize(330, window.annotation_dock.height())
    picker = window.annotation.indicator_picker
    records = window.session.indicators(window.session.plan_ids[0])
    for record in records[:3]:
        assert picker.select_indicator(record.id)
        qtbot.mouseClick(picker.button, Qt.MouseButton.LeftButton)
    links = window.annotation.link_list
    assert links.count() == 3
    for row in range(links.count()):
        item = links.item(row)
        assert item.toolTip() == item.text()
        assert _fits(links, links.indexFromItem(item), item.text()), item.text()


def test_history_table_cells_are_not_cut(qtbot, window):
    select_clause(qtbot, window, "ch04/s01/p01")
    pick(qtbot, window, "市科技局")
    pick(qtbot, window, "市工业和信息化局", shift=True)
    window.annotation_tabs.setCurrentWidget(window.history_tab)
    table = window.history_tab.table
    qtbot.waitUntil(lambda: window.history_tab.model.rowCount() == 2)
    model = table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = model.data(index) or ""
            if text:
                assert _fits(table, index, text), (column, text, table.visualRect(index), table.columnWidth(column), table.isVisible())


def test_indicator_drop_down_stays_on_screen(qtbot, window):
    screen = QGuiApplication.primaryScreen().availableGeometry()
    window.move(screen.right() - window.width() + 200, screen.top())  # the pane past the right edge
    select_clause(qtbot, window, "ch05/s02/p01")
    combo = window.annotation.indicator_picker.combo
    combo.showPopup()
    container = combo.view().window()
    qtbot.waitUntil(container.isVisible)
    geometry = container.geometry()
    assert screen.contains(geometry.topLeft()) and screen.contains(geometry.bottomRight()), (geometry, screen)
    combo.hidePopup()
