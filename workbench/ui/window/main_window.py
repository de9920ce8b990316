"""The reviewer's main window: plan tree, reader, annotation pane and the docks.

The window wires the parts together and owns what is per-window: the undo
stack, the annotator, the worker pool, the current node and tag target, and
the persistence of its geometry, dock layout and last selected node in
QSettings.  Menus and shortcuts are built in main_actions.py.

Later issues plug in through hooks rather than editing this file:
`register_export_handler` (File › Export…, Ctrl+E), `register_merge_handler`
(File › Merge…) and `register_audit_view` (View › Audit log dock).  Until a
handler is registered its action is present but disabled, with a tooltip
saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QWidget

from workbench.core.plan import SENTENCE, PlanNode

from workbench.ui.window import main_actions
from workbench.ui.tree import navigation
from workbench.ui.annotation.annotation_pane import AnnotationPane
from workbench.ui.annotation.annotator import Annotator
from workbench.ui.window.charts import ChartsView
from workbench.ui.annotation.indicator_view import IndicatorView
from workbench.ui.tree.chapter_opener import ChapterOpener
from workbench.ui.tree.plan_filter_model import PlanFilterModel
from workbench.ui.tree.plan_tree_model import PlanTreeModel
from workbench.ui.window.reader import Reader
from workbench.ui.search.search_backend import SearchBackend, SearchResult, make_backend
from workbench.ui.search.search_panel import SearchPanel
from workbench.ui.session import Session
from workbench.ui.tagging.tag_state import is_clause
from workbench.ui.window.status_bar import StatusBar
from workbench.ui.window.still_docks import keep_still
from workbench.ui.tree.tree_panel import TreePanel
from workbench.ui.workers import WorkerPool

GEOMETRY_KEY = "ui/geometry"
STATE_KEY = "ui/window_state"
LAST_NODE_KEY = "ui/last_node"
STATE_VERSION = 1
LAST_NODE_PAUSE_MS = 2000

Handler = Callable[["MainWindow"], object]


class MainWindow(QMainWindow):
    node_selected = Signal(object)  # node id or None
    search_index_ready = Signal()  # the background indexing finished (see background.start_indexing)

    def __init__(self, session: Session, settings: QSettings, *, backend: SearchBackend | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.session = session
        if session.parent() is None:
            session.setParent(self)  # its signals end with the window
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.annotator = Annotator(session, self.undo_stack, settings, self)
        self.pool = WorkerPool(self)
        self.current_node_id: int | None = None
        self._last_node: str | None = None  # the selection not yet written to the settings
        self._last_node_timer = QTimer(self)
        self._last_node_timer.setSingleShot(True)
        self._last_node_timer.setInterval(LAST_NODE_PAUSE_MS)
        self._last_node_timer.timeout.connect(self._remember_last_node)
        self.export_handler: Handler | None = None
        self.merge_handler: Handler | None = None
        self.audit_dock: QDockWidget | None = None

        self.tree_model = PlanTreeModel(session, self)
        self.proxy = PlanFilterModel(self.tree_model, self)
        self.tree_panel = TreePanel(session, self.proxy)
        self.tree = self.tree_panel.view
        self.chapter_opener = ChapterOpener(session, self.tree, self.proxy, self)  # J/K/N open chapters whole, the next one ahead
        self.reader = Reader(session)
        self.annotation = AnnotationPane(session, self.annotator)
        self.search_panel = SearchPanel(session, backend or make_backend(session))
        self.indicator_view = IndicatorView(session)
        self.charts = ChartsView(session, pool=self.pool)  # counts the department load on a worker
        self.setCentralWidget(self.reader)
        keep_still(self, self.reader)  # see still_docks.py: one paint per keypress
        # The side docks run the full height; the bottom docks sit under the reader only.
        for corner, area in (
            (Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
            (Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
            (Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
            (Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            self.setCorner(corner, area)
        self.tree_dock = self._dock("treeDock", self.tr("规划结构"), self.tree_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.annotation_dock = self._dock("annotationDock", self.tr("标注"), self.annotation, Qt.DockWidgetArea.RightDockWidgetArea)
        self.search_dock = self._dock("searchDock", self.tr("搜索"), self.search_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.indicator_dock = self._dock("indicatorDock", self.tr("指标"), self.indicator_view, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.charts_dock = self._dock("chartsDock", self.tr("统计图"), self.charts, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.search_dock, self.indicator_dock)
        self.tabifyDockWidget(self.indicator_dock, self.charts_dock)
        self.search_dock.raise_()
        self.resizeDocks([self.tree_dock, self.annotation_dock], [400, 400], Qt.Orientation.Horizontal)
        self.resizeDocks([self.search_dock], [260], Qt.Orientation.Vertical)

        self.status = StatusBar(session, self)
        self.setStatusBar(self.status)
        main_actions.build(self)
        self._connect()
        self._update_title()
        self.resize(1500, 950)
        self.restore_layout()

    # -- construction -----------------------------------------------------

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        keep_still(self, dock)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(lambda current, _previous: self._on_current(current))
        self.tree_panel.settled.connect(lambda: self._on_current(self.tree.currentIndex()))
        self.reader.sentence_clicked.connect(self.narrow_to_sentence)
        self.reader.node_activated.connect(self.select_node)
        self.reader.navigate.connect(self.step_clause)
        self.annotation.back_to_clause.connect(self.back_to_clause)
        self.annotation.escaped.connect(self.focus_tree)
        self.search_panel.result_chosen.connect(self._on_result)
        self.search_panel.query_changed.connect(lambda terms: self.reader.set_highlights(terms))
        self.indicator_view.node_chosen.connect(self.select_node)
        self.annotator.message.connect(lambda text: self.status.showMessage(text, 4000))
        self.session.write_failed.connect(self._on_write_failed)
        self.session.history_failed.connect(self._on_history_failed)
        self.session.history_refused.connect(  # after the stack's own "可撤销" message (issue 11)
            lambda message: QTimer.singleShot(0, lambda: self.status.showMessage(message, 20000)))
        self.session.plan_added.connect(lambda _p: self._on_plan_added())
        self.undo_stack.undoTextChanged.connect(self.status.show_undo)

    def restore_layout(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state, STATE_VERSION)

    def _remember_last_node(self) -> None:
        self._last_node_timer.stop()
        if self._last_node is not None:
            self.settings.setValue(LAST_NODE_KEY, self._last_node)
            self._last_node = None

    def save_layout(self) -> None:
        self._remember_last_node()
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState(STATE_VERSION))
        self.settings.sync()

    # -- selection --------------------------------------------------------

    @property
    def current_node(self) -> PlanNode | None:
        return self.session.node(self.current_node_id)

    @property
    def target_id(self) -> int | None:
        return self.annotator.target_id

    def _on_current(self, proxy_index) -> None:
        node = self.proxy.node(proxy_index)
        node_id = node.db_id if node is not None else None
        if node_id == self.current_node_id:
            return
        self.current_node_id = node_id
        self.proxy.set_pinned(node_id)
        self.reader.show_node(node)
        self.annotator.set_target(node_id)
        plan_id = self.session.plan_id_of(node_id) if node_id is not None else None
        if node is not None and plan_id is not None:
            # Remembered once the reviewer pauses (and on close): QSettings rewrites its file on every change,
            # which cost a J keypress a few milliseconds.
            self._last_node = f"{self.session.plan_record(plan_id).sha256}:{node.key}"
            self._last_node_timer.start()
        self.node_selected.emit(node_id)

    def select_node(self, node_id: int | None) -> bool:
        """Select a node in the tree (a sentence: its clause, then narrow to it)."""
        node = self.session.reveal(node_id)
        if node is None:
            return False
        row_node = node.parent if node.kind == SENTENCE and node.parent is not None else node
        index = self.proxy.index_for_id(row_node.db_id)
        if not index.isValid():  # hidden by the filters: show everything
            self.tree_panel.clear()
            index = self.proxy.index_for_id(row_node.db_id)
            if not index.isValid():
                return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        if node is not row_node:
            self.narrow_to_sentence(node.db_id)
        return True

    def narrow_to_sentence(self, sentence_id: int) -> None:
        sentence = self.session.node(sentence_id)
        if sentence is None or sentence.parent is None:
            return
        if sentence.parent.db_id != self.current_node_id:
            self.select_node(sentence.parent.db_id)
        self.annotator.set_target(sentence_id)
        self.reader.set_target(sentence_id)

    def back_to_clause(self) -> None:
        self.annotator.set_target(self.current_node_id)
        self.reader.set_target(None)

    def step_sentence(self, direction: int) -> None:
        node = self.current_node
        if node is None or not is_clause(node):
            return
        sentences = [c for c in node.children if c.kind == SENTENCE]
        if not sentences:
            return
        ids = [s.db_id for s in sentences]
        target = self.target_id
        position = ids.index(target) + direction if target in ids else (0 if direction > 0 else len(ids) - 1)
        if 0 <= position < len(ids):
            self.narrow_to_sentence(ids[position])  # type: ignore[arg-type]
        else:
            self.back_to_clause()

    def step_clause(self, direction: int) -> bool:
        found = self._go(navigation.next_clause(self.session, self.proxy, self.current_node, direction), direction)
        if not found:
            self.status.showMessage(self.tr("已经是最后一条") if direction > 0 else self.tr("已经是第一条"), 3000)
            return False
        return True

    def next_untagged(self) -> bool:
        found = self._go(navigation.next_clause(
            self.session, self.proxy, self.current_node, 1,
            lambda n: is_clause(n) and self.session.tag_state(n).untagged, wrap=True,
        ), 1)  # fmt: skip
        if not found:
            self.status.showMessage(self.tr("所有条款都已标注"), 4000)
            return False
        return True

    def _go(self, node: PlanNode | None, direction: int | None = None) -> bool:
        """Make a clause found by navigation current (its clause of the current node when it is a sentence).

        Its chapter is expanded whole unless J/K/N did so before, so that stepping on from section to section
        moves the highlight instead of opening a section (which reflows and repaints the whole tree) each time;
        with a direction, the chapter the reviewer will enter next is opened once the window is idle
        (chapter_opener.py), so that the press into it does not pay for that.
        """
        if node is None:
            return False
        index = self.proxy.index_for_id(node.db_id)
        if not index.isValid():
            return False
        self.chapter_opener.enter(node, direction)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def restore_last_node(self) -> None:
        value = str(self.settings.value(LAST_NODE_KEY, "") or "")
        sha256, _, key = value.partition(":")
        for plan_id in self.session.plan_ids:
            if self.session.plan_record(plan_id).sha256 == sha256:
                node = self.session.plan(plan_id).root.find(key)
                if node is not None and self.select_node(node.db_id):
                    return
        if self.session.plan_ids and not self.tree.currentIndex().isValid():
            self.step_clause(1)
            self.tree.expand(self.proxy.index(0, 0))

    def focus_tree(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus_query()

    def delete_selected_tag(self) -> bool:
        if self.annotation.link_list.hasFocus() and self.annotation.unlink_selected():
            return True
        if self.annotation.remove_selected():
            return True
        self.status.showMessage(self.tr("请先在标注区选择要移除的单位"), 4000)
        return False

    def _on_result(self, result: SearchResult) -> None:
        self.reader.set_highlights(self.search_panel.backend.terms(self.search_panel.query.text()), {result.node_id: list(result.text_matches)})
        self.select_node(result.node_id)
        self.reader.scroll_to_first_hit()

    def _on_plan_added(self) -> None:
        self._update_title()
        if not self.tree.currentIndex().isValid():
            self.restore_last_node()

    def _on_write_failed(self, message: str) -> None:
        self.status.showMessage(self.tr("未保存：%1").replace("%1", message), 8000)

    def _on_history_failed(self, message: str) -> None:
        # Not from inside the failing undo(): clearing deletes the running command.
        QTimer.singleShot(0, self.undo_stack.clear)
        self.show_error(self.tr("撤销失败"), self.tr("撤销或重做未能写入工作区，撤销记录已清空；已保存的标注不受影响。\n%1").replace("%1", message))

    def _update_title(self) -> None:
        name = Path(str(self.session.path)).name if self.session.path else ""
        title = self.tr("规划纲要任务分工审核工作台")
        self.setWindowTitle(f"{title} — {name}" if name else title)

    # -- hooks for later issues -------------------------------------------

    def register_export_handler(self, handler: Handler) -> None:
        """File › Export… and Ctrl+E call handler(window)."""
        self.export_handler = handler
        main_actions.enable_hook(self.actions_by_name["export"])

    def register_merge_handler(self, handler: Handler) -> None:
        """File › Merge… calls handler(window)."""
        self.merge_handler = handler
        main_actions.enable_hook(self.actions_by_name["merge"])

    def register_audit_view(self, factory: Callable[["MainWindow"], QWidget], title: str | None = None) -> QDockWidget:
        """Add the audit log as a dock, toggled by View › Audit log."""
        self.audit_dock = self._dock("auditDock", title or self.tr("审计日志"), factory(self), Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.charts_dock, self.audit_dock)
        action = self.actions_by_name["audit"]
        main_actions.enable_hook(action)
        action.triggered.connect(lambda: (self.audit_dock.show(), self.audit_dock.raise_()))
        return self.audit_dock

    def add_dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        """A further dock beside the charts, listed in the View menu."""
        dock = self._dock(name, title, widget, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.charts_dock, dock)
        self.view_menu.insertAction(self.actions_by_name["audit"], dock.toggleViewAction())
        dock.hide()
        return dock

    def run_export(self) -> None:
        if self.export_handler is not None:
            self.export_handler(self)

    def run_merge(self) -> None:
        if self.merge_handler is not None:
            self.merge_handler(self)

    # -- closing ----------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.annotation.save_note()
        self.save_layout()
        self.pool.shutdown()
        super().closeEvent(event)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)
