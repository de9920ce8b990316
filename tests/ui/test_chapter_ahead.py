"""J/K/N open the chapter the reviewer will enter next while the window is idle (ui/tree/chapter_opener.py).

The real window on the seed: after a press lands in a chapter and the window
goes idle, the next chapter (the previous one for K) is expanded whole, without
moving the current row or the rows on screen; the press into it then expands
nothing.  When no idle moment came between presses, the press expands the
chapter itself, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

from workbench.ui.tree.chapter_opener import chapter_of, open_whole


def _chapter(window, key: str):
    plan_id = window.session.plan_ids[0]
    return window.session.plan(plan_id).root.find(key)


def _clauses_of(window, key: str) -> list:
    chapter = _chapter(window, key)
    return [c for c in window.session.clauses(window.session.plan_ids[0]) if chapter_of(c) is chapter]


def _index(window, node):
    return window.proxy.index_for_id(node.db_id)


def _whole(window, node) -> bool:
    """The chapter's row and every row below it that has rows are expanded."""
    stack = [_index(window, node)]
    while stack:
        index = stack.pop()
        count = window.proxy.rowCount(index)
        if count and not window.tree.isExpanded(index):
            return False
        stack.extend(window.proxy.index(row, 0, index) for row in range(count))
    return True


def _expansions_during(qtbot, window, key) -> list:
    seen = []
    window.tree.expanded.connect(seen.append)
    try:
        qtbot.keyClick(window.tree, key)
    finally:
        window.tree.expanded.disconnect(seen.append)
    return seen


def _j_from(qtbot, window, node) -> None:
    """The reviewer on `node` in the tree presses J."""
    window.select_node(node.db_id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_J)


def test_the_next_chapter_opens_whole_in_idle_time_and_the_current_row_stays(qtbot, window):
    ch01 = _clauses_of(window, "ch01")
    ch02 = _chapter(window, "ch02")
    _j_from(qtbot, window, ch01[0])
    assert window.current_node_id == ch01[1].db_id
    current = window.tree.currentIndex()
    top = window.tree.indexAt(QPoint(0, 0))
    assert not window.tree.isExpanded(_index(window, ch02))  # not inside the press
    qtbot.waitUntil(lambda: window.tree.isExpanded(_index(window, ch02)))
    assert _whole(window, ch02)
    assert ch02.db_id in window.chapter_opener.opened
    assert window.tree.currentIndex() == current and window.current_node_id == ch01[1].db_id
    assert window.tree.indexAt(QPoint(0, 0)) == top
    assert window.annotator.target_id == ch01[1].db_id


def test_the_press_into_a_chapter_opened_ahead_expands_nothing(qtbot, window):
    ch01 = _clauses_of(window, "ch01")
    ch02 = _chapter(window, "ch02")
    _j_from(qtbot, window, ch01[-2])
    qtbot.waitUntil(lambda: window.tree.isExpanded(_index(window, ch02)))
    assert _expansions_during(qtbot, window, Qt.Key.Key_J) == []
    assert window.current_node_id == _clauses_of(window, "ch02")[0].db_id
    assert _whole(window, ch02)


def test_without_an_idle_moment_the_press_opens_the_chapter_itself(qtbot, window):
    ch01 = _clauses_of(window, "ch01")
    ch02 = _chapter(window, "ch02")
    _j_from(qtbot, window, ch01[-2])
    assert not window.tree.isExpanded(_index(window, ch02))
    expanded = _expansions_during(qtbot, window, Qt.Key.Key_J)  # at once: the window never went idle
    assert window.current_node_id == _clauses_of(window, "ch02")[0].db_id
    assert _index(window, ch02) in expanded
    assert _whole(window, ch02)  # right after the press, as before
    assert window.chapter_opener.ahead_opened == 1  # the one opened when the window started (after the preface)
    # The next idle moment opens the chapter after that one.
    qtbot.waitUntil(lambda: window.tree.isExpanded(_index(window, _chapter(window, "ch03"))))


def test_k_opens_the_chapter_above_without_moving_the_rows_on_screen(qtbot, window):
    ch02 = _chapter(window, "ch02")
    for chapter in ch02.parent.children:  # enough rows below for ch02 to be scrolled out of sight
        if chapter is not ch02 and window.proxy.rowCount(_index(window, chapter)):
            open_whole(window.tree, _index(window, chapter))
    window.select_node(_clauses_of(window, "ch04")[0].db_id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_K)
    current = window.tree.currentIndex()
    assert window.current_node_id == _clauses_of(window, "ch03")[-1].db_id
    window.tree.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtTop)  # ch02's row is above the top
    top = window.tree.indexAt(QPoint(0, 0))
    assert window.tree.visualRect(_index(window, ch02)).bottom() < 0
    qtbot.waitUntil(lambda: window.tree.isExpanded(_index(window, ch02)))
    assert _whole(window, ch02)
    assert window.tree.indexAt(QPoint(0, 0)) == top
    assert window.tree.currentIndex() == current


def test_a_chapter_collapsed_by_hand_is_not_opened_ahead(qtbot, window):
    ch01 = _clauses_of(window, "ch01")
    ch02 = _chapter(window, "ch02")
    window.tree.expand(_index(window, ch02))
    window.tree.collapse(_index(window, ch02))  # the reviewer closed it
    _j_from(qtbot, window, ch01[0])
    assert not window.chapter_opener.pending
    qtbot.wait(100)
    assert not window.tree.isExpanded(_index(window, ch02))
    # J/K/N entering it still open it whole, as before.
    window.select_node(ch01[-1].db_id)
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    assert _whole(window, ch02)


def test_the_opening_ahead_is_dropped_when_the_reviewer_moves_elsewhere_or_filters(qtbot, window):
    ch01 = _clauses_of(window, "ch01")
    ch02 = _chapter(window, "ch02")
    _j_from(qtbot, window, ch01[0])
    assert window.chapter_opener.pending
    elsewhere = _clauses_of(window, "ch05")[0]
    window.tree.setCurrentIndex(_index(window, elsewhere))  # a click on another chapter's clause
    qtbot.wait(100)
    assert not window.tree.isExpanded(_index(window, ch02))
    assert window.current_node_id == elsewhere.db_id
    # A filter change drops it too.
    window.select_node(ch01[0].db_id)
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    assert window.chapter_opener.pending
    window.proxy.set_filters(text="发展")
    assert not window.chapter_opener.pending
