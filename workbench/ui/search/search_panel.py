"""Search across all plans (Ctrl+F): a query field and ranked results with context.

Typing searches after a short pause (Enter at once).  Each result shows where
it is (label and title, the plan when there are several) and a snippet with
the matches highlighted.  Choosing a result emits `result_chosen`; the main
window selects the node and the reader highlights the query.  Up/Down in the
query field move through the results, so the hand never leaves the keys.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import (
    QApplication, QLabel, QLineEdit, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget,
)  # fmt: skip

from workbench.ui.window.reader import marked_html
from workbench.ui.search.search_backend import SearchBackend, SearchResult
from workbench.ui.session import Session

translate = QCoreApplication.translate
HtmlRole = Qt.ItemDataRole.UserRole + 1
ResultRole = Qt.ItemDataRole.UserRole + 2
DEBOUNCE_MS = 150
RESULT_LIMIT = 50
class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HtmlRole rich text (two lines: where, then the snippet)."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HtmlRole) or "")
        document.setTextWidth(max(option.rect.width(), 200) - 8)
        return document

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        option_copy = QStyleOptionViewItem(option)
        option_copy.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option_copy, painter, option.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 4)


class SearchPanel(QWidget):
    result_chosen = Signal(object)  # SearchResult
    query_changed = Signal(list)  # the terms to highlight
    searched = Signal(str, int)  # query, number of results

    def __init__(self, session: Session, backend: SearchBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.backend = backend
        self.results: list[SearchResult] = []
        self.last_ms = 0.0
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("搜索全部规划（如 港口、财政；空格分隔多个词）"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.status = QLabel()
        self.status.setStyleSheet("color:#666")
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("searchResults")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.list.activated.connect(self._on_current)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.run)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)

    def set_backend(self, backend: SearchBackend) -> None:
        self.backend = backend
        if self.query.text().strip():
            self.run()

    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def search(self, text: str) -> list[SearchResult]:
        """Set the query and run it now (what typing + Enter does)."""
        self.query.setText(text)
        self.run()
        return self.results

    def run(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        started = time.perf_counter()
        self.results = self.backend.search(text, RESULT_LIMIT) if text else []
        self.last_ms = (time.perf_counter() - started) * 1000
        self._fill()
        self.query_changed.emit(self.backend.terms(text) if text else [])
        self.searched.emit(text, len(self.results))

    def _fill(self) -> None:
        self.model.clear()
        several_plans = len(self.session.plan_ids) > 1
        for result in self.results:
            where = f"{result.label} {result.title}".strip() or result.key
            if several_plans:
                where = f"{self.session.plan_record(result.plan_id).title} › {where}"
            markup = (
                f"<div style='font-weight:bold'>{html.escape(where)}</div>"
                f"<div style='color:#333'>{marked_html(result.snippet, 0, sorted(result.highlights))}</div>"
            )
            item = QStandardItem(f"{where}\n{result.snippet}")
            item.setData(markup, HtmlRole)
            item.setData(result, ResultRole)
            item.setEditable(False)
            self.model.appendRow(item)
        if self.query.text().strip():
            self.status.setText(
                self.tr("%1 条结果（%2 毫秒）").replace("%1", str(len(self.results))).replace("%2", f"{self.last_ms:.1f}")
            )
        else:
            self.status.setText("")

    def choose(self, row: int) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.list.setCurrentIndex(index)

    def _on_current(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if index.isValid():
            self.result_chosen.emit(index.data(ResultRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.list.currentIndex().row()
                row = 0 if row < 0 else row + (1 if key == Qt.Key.Key_Down else -1)
                self.choose(max(0, min(row, self.model.rowCount() - 1)))
                return True
        return super().eventFilter(watched, event)
