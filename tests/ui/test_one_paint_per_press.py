"""A J press is laid out and painted once (issue 14: J within 16 ms after a reading pause).

The real window on the seed, offscreen.  Each test counts the events Qt sends
during one press and the posted events it causes (the bench's three turns of
the event loop): the reader's new breadcrumb no longer re-lays out the main
window (which painted the breadcrumb and the pane a second time); wrapped
labels take size hints from their font, not from laying their text out; an
empty note box is left as it is; Qt paints without its GUI thread pool.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from workbench.ui.window import paint_threads
from workbench.ui.window.steady_label import SteadyLabel

from .conftest import clause_ids, type_text


class Counter(QObject):
    """Counts events of the given types per watched object."""

    def __init__(self, watched: dict[str, QObject], types: tuple[QEvent.Type, ...]) -> None:
        super().__init__()
        self.watched = watched
        self.types = types
        self.counts = {(name, t): 0 for name in watched for t in types}
        for obj in watched.values():
            obj.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in self.types:
            for name, watched in self.watched.items():
                if watched is obj:
                    self.counts[(name, event.type())] += 1
        return False

    def remove(self) -> None:
        for obj in self.watched.values():
            obj.removeEventFilter(self)

    def __call__(self, name: str, event_type: QEvent.Type) -> int:
        return self.counts[(name, event_type)]


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _press_j(qtbot, window, counter: Counter) -> None:
    window.tree.setFocus()
    _settle()
    for key in counter.counts:
        counter.counts[key] = 0
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    for _ in range(3):  # as bench_scale's nav row: the press and the refreshes it posted
        QApplication.processEvents()


def test_j_lays_out_the_reader_only_and_paints_the_breadcrumb_once(qtbot, window):
    clauses = window.session.clauses()
    window.select_node(clauses[3].db_id)
    counter = Counter({"window": window, "reader": window.reader, "crumb": window.reader.breadcrumb},
                      (QEvent.Type.Paint, QEvent.Type.LayoutRequest))
    try:
        for expected in clauses[4:10]:
            crumb_before = window.reader.breadcrumb.text()
            _press_j(qtbot, window, counter)
            assert window.current_node_id == expected.db_id
            assert window.reader.breadcrumb.text() != crumb_before  # a new trail each press
            assert counter("window", QEvent.Type.LayoutRequest) == 0  # the main window is not laid out again
            assert counter("crumb", QEvent.Type.Paint) == 1
            assert counter("reader", QEvent.Type.Paint) <= 1
    finally:
        counter.remove()


def test_the_breadcrumb_still_shows_every_line_of_a_long_trail(qtbot, window):
    crumb = window.reader.breadcrumb
    window.reader.resize(360, window.reader.height())  # narrow: long trails wrap
    deepest = max(window.session.clauses(), key=lambda n: len(window.reader._crumbs(n)))
    window.select_node(deepest.db_id)
    _settle()
    assert crumb.heightForWidth(crumb.width()) > crumb.minimumSizeHint().height()  # more than one line
    assert crumb.height() == crumb.heightForWidth(crumb.width())  # laid out at its full height
    assert window.reader.browser.geometry().top() > crumb.geometry().bottom()  # the text starts below it


def test_steady_labels_size_hints_do_not_depend_on_the_text(qtbot):
    label = SteadyLabel()
    qtbot.addWidget(label)
    label.setText("<b>标注对象：</b>短")
    hints = label.sizeHint(), label.minimumSizeHint()
    label.setText("<b>标注对象：</b>" + "推动京津冀协同发展走深走实，" * 12)
    assert (label.sizeHint(), label.minimumSizeHint()) == hints
    assert label.heightForWidth(300) > hints[1].height()  # its height for a width is still the text's


def test_j_leaves_an_empty_note_box_alone_but_never_keeps_its_editing_history(qtbot, window):
    pane = window.annotation
    ids = clause_ids(window)
    window.select_node(ids[20])
    qtbot.waitUntil(lambda: pane.notes.node_id == ids[20])
    counter = Counter({"note": pane.note_edit.viewport()}, (QEvent.Type.Paint,))
    try:
        _press_j(qtbot, window, counter)
        assert pane.notes.node_id == ids[21] and pane.note_edit.toPlainText() == ""
        assert counter("note", QEvent.Type.Paint) == 0  # nothing changed in it: not repainted
    finally:
        counter.remove()
    type_text(pane.note_edit, "待")
    qtbot.keyClick(pane.note_edit, Qt.Key.Key_Backspace)
    assert pane.note_edit.toPlainText() == "" and pane.note_edit.document().isUndoAvailable()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: pane.notes.node_id == ids[22])
    assert not pane.note_edit.document().isUndoAvailable()  # Ctrl+Z cannot bring 待 back onto this clause


def test_qt_paints_without_its_gui_thread_pool(window, monkeypatch):
    assert os.environ.get(paint_threads.VARIABLE) == "1"  # set by build_main_window, before the first paint
    monkeypatch.delenv(paint_threads.VARIABLE)
    monkeypatch.setenv(paint_threads.OPT_OUT, "1")
    paint_threads.paint_on_gui_thread()
    assert paint_threads.VARIABLE not in os.environ  # kept for comparison when asked
    monkeypatch.delenv(paint_threads.OPT_OUT)
    paint_threads.paint_on_gui_thread()
    assert os.environ[paint_threads.VARIABLE] == "1"


def test_global_shortcuts_filter_the_focus_widget_not_every_event_of_the_application(qtbot, window):
    shortcuts = window.global_shortcuts
    field = window.search_panel.query
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert shortcuts.watched == [field]
    combo = window.annotation.indicator_picker.combo  # its field passes the focus to it
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    assert shortcuts.watched[0] is combo and combo.lineEdit() in shortcuts.watched
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    assert shortcuts.watched[0] is window.tree and field not in shortcuts.watched and combo not in shortcuts.watched
