"""The plan tree with its filter bar: text, untagged only, department, indicator, chapter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from workbench.core.plan import CHAPTER

from workbench.ui.tree.plan_filter_model import PlanFilterModel
from workbench.ui.session import Session
from workbench.ui.tagging.tag_state import is_clause
from workbench.ui.tree.row_delegate import RowDelegate

translate = QCoreApplication.translate
FILTER_PAUSE_MS = 200


class TreePanel(QWidget):
    settled = Signal()  # a filter was applied and the current row settled (possibly on nothing)

    def __init__(self, session: Session, proxy: PlanFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.proxy = proxy
        self.text = QLineEdit()
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("筛选：标题或正文包含…"))
        self.text.setClearButtonEnabled(True)
        self.untagged = QCheckBox(self.tr("仅未标注"))
        self.untagged.setObjectName("filterUntagged")
        self.untagged.setToolTip(self.tr("只显示尚无单位（自身、句子或上级均无）的条款"))
        self.department = QComboBox()
        self.department.setObjectName("filterDepartment")
        self.indicator = QComboBox()
        self.indicator.setObjectName("filterIndicator")
        self.chapter = QComboBox()
        self.chapter.setObjectName("filterChapter")
        for combo in (self.department, self.indicator, self.chapter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.fill_choices()
        self.view = QTreeView()
        self.view.setObjectName("planTree")
        self.view.setModel(proxy)
        self.view.setUniformRowHeights(True)
        self.view.setItemDelegate(RowDelegate(self.view))  # one model call per painted cell
        self.view.setAllColumnsShowFocus(True)
        self.view.setExpandsOnDoubleClick(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Not ResizeToContents: that re-measures every row on each dataChanged.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("000/000") + 16)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text, 0, 0, 1, 2)
        grid.addWidget(self.untagged, 0, 2)
        grid.addWidget(self.chapter, 1, 0)
        grid.addWidget(self.department, 1, 1)
        grid.addWidget(self.indicator, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_PAUSE_MS)
        self._timer.timeout.connect(self.apply)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self.apply)
        self.untagged.toggled.connect(lambda _c: self.apply())
        for combo in (self.department, self.indicator, self.chapter):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        session.plan_added.connect(lambda _p: self.fill_choices())
        session.departments_changed.connect(lambda _d: self.fill_choices())

    def fill_choices(self) -> None:
        """(Re)fill the department, indicator and chapter choices, keeping the current ones."""
        keep = (self.department.currentData(), self.indicator.currentData(), self.chapter.currentData())
        for combo in (self.department, self.indicator, self.chapter):
            combo.blockSignals(True)
            combo.clear()
        self.department.addItem(self.tr("全部单位"), None)
        for department in self.session.departments():
            self.department.addItem(department.name, department.db_id)
        self.indicator.addItem(self.tr("全部指标"), None)
        self.chapter.addItem(self.tr("全部章"), None)
        for plan_id in self.session.loaded_plan_ids:  # a plan's chapters are offered once it is opened
            for record in self.session.indicators(plan_id):
                self.indicator.addItem(f"{record.indicator.number} {record.indicator.name}", record.id)
            for node in self.session.plan(plan_id).nodes():
                if node.kind == CHAPTER:
                    self.chapter.addItem(node.display, node.db_id)
        for combo, value in zip((self.department, self.indicator, self.chapter), keep):
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def apply(self) -> None:
        """Filter, then make the highlighted row (and so the tag target) a visible match.

        The pinned node (kept visible while it is being tagged) is let go first:
        a filter the reviewer chose shows only what matches it.  If the current
        row is filtered out, the first visible clause becomes current (nothing,
        if nothing matches), so the highlighted row and the tag target are
        always the same node.
        """
        self._timer.stop()
        self.proxy.pinned_id = None
        self.proxy.set_filters(
            text=self.text.text(),
            untagged_only=self.untagged.isChecked(),
            department_id=self.department.currentData(),
            indicator_id=self.indicator.currentData(),
            chapter_id=self.chapter.currentData(),
        )
        if self.proxy.active:
            self.view.expandAll()
        self._settle_current()

    def _settle_current(self) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            current = self._first_visible_clause()
        selection = self.view.selectionModel()
        selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if current.isValid():
            self.view.scrollTo(current)
        self.settled.emit()  # Qt drops a filtered-out current row without a signal: say so

    def _first_visible_clause(self) -> QModelIndex:
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            node = self.proxy.node(parent)
            if node is not None and is_clause(node):
                return parent
            stack.extend(self.proxy.index(row, 0, parent) for row in range(self.proxy.rowCount(parent) - 1, -1, -1))
        return QModelIndex()

    def clear(self) -> None:
        for widget in (self.text, self.untagged, self.department, self.indicator, self.chapter):
            widget.blockSignals(True)
        self.text.clear()
        self.untagged.setChecked(False)
        for combo in (self.department, self.indicator, self.chapter):
            combo.setCurrentIndex(0)
        for widget in (self.text, self.untagged, self.department, self.indicator, self.chapter):
            widget.blockSignals(False)
        self.proxy.clear_filters()
