"""The history of one node, newest first: who changed what on it, when, and what was there before.

Meant as a tab of the annotation pane: call `set_node(plan_sha256, node_key)`
when the selection changes and `refresh()` after a write.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from workbench.storage.audit.audit_log import LogEntry, log_entries
from workbench.storage.repository import Repository

from workbench.ui.audit.event_table import EventTableModel

translate = QCoreApplication.translate
COLUMN_CAP = 260  # px; wider text wraps within the cell


class HistoryTab(QWidget):
    def __init__(self, repo: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.plan_sha256: str | None = None
        self.node_key: str | None = None
        self.model = EventTableModel(parent=self)
        self.title = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.refresh()

    def set_node(self, plan_sha256: str | None, node_key: str | None) -> None:
        self.plan_sha256, self.node_key = plan_sha256, node_key
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        if not self.node_key:
            self.model.set_entries([])
            self.title.setText(translate("HistoryTab", "未选择节点"))
            return
        entries: list[LogEntry] = log_entries(self.repo.db, node_key=self.node_key, plan_sha256=self.plan_sha256)
        entries.reverse()  # newest first
        self.model.set_entries(entries)
        self._fit_cells()
        self.title.setText(translate("HistoryTab", "%1：%n 次修改", "", len(entries)).replace("%1", self.node_key))

    def _fit_cells(self) -> None:
        """Columns as wide as their text (long ones capped and wrapped), rows as tall as needed."""
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), COLUMN_CAP))
        self.table.resizeRowsToContents()
