"""The change review: what a revised version changed and what its carried tags need.

Lists every changed node (the 对照表's rows; a split clause once per piece;
flagged sentences and orphans too), shows the selected one's old and new text
side by side with the differences highlighted and its tags, and offers the
decisions: 确认 (accept the carried tags), 重新标注 (choose the departments
anew), 移至其他条款 (give the tags to another node of the new version, e.g. an
orphan of a deleted clause whose task moved elsewhere) and 转到条款 (select the
node in the main window, where new clauses are tagged like any other).  Every
decision is one audited repository write; `changed` carries its Changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
    QSplitter, QTableView, QVBoxLayout, QWidget,
)  # fmt: skip

from workbench.storage.errors import StoreError
from workbench.storage.state.records import Changes
from workbench.core.revision.report_xlsx import write_report
from workbench.storage.revision.report_data import RevisionData, report_parts, revision_data

from workbench.ui.revision.compare import ComparePane
from workbench.ui.revision.dialogs import NodePickerDialog, RetagDialog
from workbench.ui.revision.entries import Entry, build_entries
from workbench.ui.revision.review_model import FILTERS, ChangeListModel

translate = QCoreApplication.translate
FILTER_LABELS = {"all": "全部变化", "pending": "待审核", "orphans": "孤立标签", "new": "新增条款"}


class ChangeReviewView(QWidget):
    changed = Signal(object)  # Changes of a decision
    node_requested = Signal(int)  # a node of the new version to show in the main window

    def __init__(self, repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.data: RevisionData | None = None
        self.plan_box = QComboBox()
        self.filter_box = QComboBox()
        for mode in FILTERS:
            self.filter_box.addItem(translate("ChangeReview", FILTER_LABELS[mode]), mode)
        self.summary = QLabel()
        self.model = ChangeListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in ((0, 72), (1, 100), (3, 110), (4, 60)):
            self.table.setColumnWidth(column, width)
        self.table.setWordWrap(False)
        self.compare = ComparePane()
        self.accept_button = QPushButton(translate("ChangeReview", "确认"))
        self.retag_button = QPushButton(translate("ChangeReview", "重新标注…"))
        self.move_button = QPushButton(translate("ChangeReview", "移至其他条款…"))
        self.goto_button = QPushButton(translate("ChangeReview", "转到条款"))
        self.export_button = QPushButton(translate("ChangeReview", "导出对照表…"))
        self.export_button.setToolTip(translate("ChangeReview", "原文 / 修改后 / 变化 / 责任单位，Excel 工作簿"))
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("ChangeReview", "新版本")))
        top.addWidget(self.plan_box, 1)
        top.addWidget(self.filter_box)
        top.addWidget(self.export_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.accept_button, self.retag_button, self.move_button, self.goto_button):
            buttons.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.compare)
        splitter.setStretchFactor(0, 2)  # the list gets the larger share; the texts wrap
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.plan_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_box.currentIndexChanged.connect(lambda _i: self._filter())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current.row()))
        self.table.doubleClicked.connect(lambda _index: self.go_to())
        self.accept_button.clicked.connect(self.accept_current)
        self.retag_button.clicked.connect(self.retag_current)
        self.move_button.clicked.connect(self.move_current)
        self.goto_button.clicked.connect(self.go_to)
        self.export_button.clicked.connect(lambda: self.export_report())
        self.reload_plans()

    # -- loading ---------------------------------------------------------------

    @Slot()
    def reload_plans(self) -> None:
        """Fill the version chooser with every revision in the workspace (newest first)."""
        chosen = self.plan_box.currentData()
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for new_id, old_id in self.repo.revisions():
            new, old = self.repo.plan(new_id), self.repo.plan(old_id)
            label = translate("ChangeReview", "%1（修订自 %2）").replace("%1", f"{new_id} · {new.source_name or new.title}")
            self.plan_box.addItem(label.replace("%2", f"{old_id} · {old.source_name or old.title}"), new_id)
        if chosen is not None and self.plan_box.findData(chosen) >= 0:
            self.plan_box.setCurrentIndex(self.plan_box.findData(chosen))
        self.plan_box.blockSignals(False)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        plan_id = self.plan_box.currentData()
        if plan_id is None:
            self.data = None
            self.model.set_entries([], lambda tags: "")
            self.summary.setText(translate("ChangeReview", "工作区中还没有修订稿：用 文件 › 导入修订稿 导入新版本"))
            self._update_buttons()
            return
        current = self._current()
        self.data = revision_data(self.repo, int(plan_id))
        entries = build_entries(self.data, self.repo.plan_tags(int(plan_id)))
        self.model.set_entries(entries, self.data.tags_text)
        pending = sum(1 for e in entries if e.pending)
        untagged = sum(1 for e in entries if e.untagged_new)
        self.summary.setText(
            translate("ChangeReview", "%1 处变化，%2 项待审核，%3 条新增条款待标注")
            .replace("%1", str(len(self.data.rows))).replace("%2", str(pending)).replace("%3", str(untagged))
        )
        self._reselect(current)

    def _filter(self) -> None:
        current = self._current()
        self.model.set_filter(self.filter_box.currentData())
        self._reselect(current)

    def _reselect(self, previous: Entry | None) -> None:
        row = 0
        if previous is not None:
            key = (previous.row.old_keys, previous.new_key)
            row = next((i for i, e in enumerate(self.model.entries) if (e.row.old_keys, e.new_key) == key), 0)
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show(row)
        else:
            self.compare.show_texts("", "")
        self._update_buttons()

    def _current(self) -> Entry | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self._show(row)

    def _show(self, row: int) -> None:
        entry = self.model.entry(row)
        if entry is None or self.data is None:
            return
        tags = self.data.tags_text(entry.tags) or translate("ChangeReview", "（无标签）")
        if entry.item is not None and entry.item.remarks:
            tags += "\n" + "；".join(entry.item.remarks)
        prefix = translate("ChangeReview", "标签：") if entry.new_key else translate("ChangeReview", "原有标签（孤立）：")
        self.compare.show_texts(entry.row.old_text, entry.row.new_text, prefix + tags)
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self._current()
        pending = entry is not None and entry.pending
        self.accept_button.setEnabled(pending)
        self.retag_button.setEnabled(pending and entry is not None and entry.new_key is not None)
        self.move_button.setEnabled(pending)
        self.goto_button.setEnabled(entry is not None and entry.new_node_id is not None)

    # -- decisions ----------------------------------------------------------------

    @Slot()
    def accept_current(self) -> Changes | None:
        entry = self._current()
        if entry is None or entry.item is None:
            return None
        return self._write(lambda: self.repo.accept_revision_item(entry.item.id))

    @Slot()
    def retag_current(self, dialog: RetagDialog | None = None) -> Changes | None:
        entry = self._current()
        if entry is None or entry.item is None or entry.new_key is None:
            return None
        if dialog is None:
            departments = [(self.repo.department_uid(d.db_id), d.name) for d in self.repo.departments()
                           if d.db_id is not None]
            dialog = RetagDialog(departments, entry.tags, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        tags = dialog.tags()
        return self._write(lambda: self.repo.retag_revision_item(entry.item.id, tags=tags))

    @Slot()
    def move_current(self, target_node_id: int | None = None) -> Changes | None:
        entry = self._current()
        if entry is None or entry.item is None or self.data is None:
            return None
        if target_node_id is None:
            dialog = NodePickerDialog(list(self.data.new.nodes()), self)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
                return None
            target_node_id = dialog.chosen()
        return self._write(lambda: self.repo.move_revision_item(entry.item.id, target_node_id=target_node_id))

    @Slot()
    def go_to(self) -> None:
        entry = self._current()
        if entry is not None and entry.new_node_id is not None:
            self.node_requested.emit(entry.new_node_id)

    @Slot()
    def export_report(self, path: str | None = None) -> Path | None:
        """Write the 对照表 workbook of the shown revision (asks where, unless `path` is given)."""
        if self.data is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("ChangeReview", "导出对照表"), "对照表.xlsx",
                                                  translate("ChangeReview", "Excel 工作簿 (*.xlsx)"))
            if not path:
                return None
        rows, indicators, pending, info = report_parts(self.repo, self.data)
        try:
            written = write_report(Path(path), rows, indicators, pending, info)
        except OSError as exc:
            QMessageBox.warning(self, translate("ChangeReview", "无法完成"), f"{path}: {exc.strerror or exc}")
            return None
        self.summary.setText(translate("ChangeReview", "已导出：%1").replace("%1", str(written)))
        return written

    def _write(self, write) -> Changes | None:
        try:
            changes = write()
        except StoreError as exc:
            QMessageBox.warning(self, translate("ChangeReview", "无法完成"), str(exc))
            return None
        self.refresh()
        self.changed.emit(changes)
        return changes
