"""The audit view: every event of the workspace, filtered and sortable.

Filters: reviewer, time range, department (name or alias), node key.  The
entries are read once per `refresh()` (storage.audit_log, no SQL here); the
filters work on them in memory through a QSortFilterProxyModel, so typing in a
filter field never touches the database.  Dock it anywhere: it needs only a
Repository.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)  # fmt: skip

from workbench.storage.audit_log import LogEntry, log_entries
from workbench.storage.repository import Repository

from .event_table import ENTRY_ROLE, SORT_ROLE, EventTableModel

translate = QCoreApplication.translate


class EventFilter(QSortFilterProxyModel):
    """Keeps the rows matching every set criterion."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.reviewer: str | None = None
        self.since_utc: str | None = None
        self.until_utc: str | None = None
        self.department_uid: str | None = None
        self.node_key: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_criteria(self, **criteria: str | None) -> None:
        self.beginFilterChange()
        for name, value in criteria.items():
            setattr(self, name, value or None)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        entry: LogEntry = self.sourceModel().index(row, 0, parent).data(ENTRY_ROLE)
        if self.reviewer and entry.reviewer != self.reviewer:
            return False
        if self.since_utc and entry.time_utc < self.since_utc:
            return False
        if self.until_utc and entry.time_utc > self.until_utc:
            return False
        if self.department_uid and self.department_uid not in entry.departments:
            return False
        if self.node_key and entry.node_key != self.node_key and not (entry.node_key or "").startswith(self.node_key + "/"):
            return False
        return True


class AuditView(QWidget):
    def __init__(self, repo: Repository, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.repo = repo
        self.model = EventTableModel(parent=self)
        self.proxy = EventFilter(self)
        self.proxy.setSourceModel(self.model)
        self.reviewer_box = QComboBox()
        self.since_check = QCheckBox(translate("AuditView", "自"))
        self.since_edit = QDateTimeEdit(QDateTime.currentDateTime().addDays(-7))
        self.until_check = QCheckBox(translate("AuditView", "至"))
        self.until_edit = QDateTimeEdit(QDateTime.currentDateTime())
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.department_edit = QLineEdit()
        self.department_edit.setPlaceholderText(translate("AuditView", "部门名称或别名"))
        self.node_edit = QLineEdit()
        self.node_edit.setPlaceholderText(translate("AuditView", "节点编号，如 ch03/s01"))
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(translate("AuditView", "审核人")))
        filters.addWidget(self.reviewer_box)
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            filters.addWidget(widget)
        filters.addWidget(self.department_edit)
        filters.addWidget(self.node_edit)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.reviewer_box.currentIndexChanged.connect(self.apply_filters)
        for signal in (self.since_check.toggled, self.until_check.toggled, self.since_edit.dateTimeChanged,
                       self.until_edit.dateTimeChanged, self.department_edit.textChanged, self.node_edit.textChanged):
            signal.connect(self.apply_filters)  # fmt: skip
        if load:  # else the owner refreshes it when first shown
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Re-read the events (after a write or a merge)."""
        entries = log_entries(self.repo.db)
        self.model.set_entries(entries)
        current = self.reviewer_box.currentData()
        self.reviewer_box.blockSignals(True)
        self.reviewer_box.clear()
        self.reviewer_box.addItem(translate("AuditView", "全部"), None)
        for name in sorted({e.reviewer for e in entries}):
            self.reviewer_box.addItem(name, name)
        index = self.reviewer_box.findData(current)
        self.reviewer_box.setCurrentIndex(max(index, 0))
        self.reviewer_box.blockSignals(False)
        self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        department_uid = None
        text = self.department_edit.text().strip()
        if text:
            dept = self.repo.find_department(text)
            department_uid = self.repo.department_uid(dept.db_id) if dept and dept.db_id else "\0unknown"
        self.proxy.set_criteria(
            reviewer=self.reviewer_box.currentData(),
            since_utc=_utc(self.since_edit.dateTime()) if self.since_check.isChecked() else None,
            until_utc=_utc(self.until_edit.dateTime()) if self.until_check.isChecked() else None,
            department_uid=department_uid,
            node_key=self.node_edit.text().strip() or None,
        )
        self.count_label.setText(translate("AuditView", "%n 条事件", "", self.proxy.rowCount()))

    def visible_entries(self) -> list[LogEntry]:
        return [self.proxy.index(r, 0).data(ENTRY_ROLE) for r in range(self.proxy.rowCount())]


def _utc(moment: QDateTime) -> str:
    return moment.toUTC().toString("yyyy-MM-dd'T'HH:mm:ss.zzz'000+00:00'")
