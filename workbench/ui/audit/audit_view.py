"""The audit view: every event of the workspace, filtered and sortable, a page at a time.

Filters: reviewer, time range, department (name or alias), node key.  The
filters and the sort order go to SQLite (storage.paging.event_pages): the
model holds the rows read so far and fetches the next page as the table
scrolls (canFetchMore/fetchMore), so a history of hundreds of thousands of
events opens as fast as one page.  Dock it anywhere: it needs only a
Repository.  `EventFilter` (in-memory filtering of a list of entries) is kept
for views over short lists.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)  # fmt: skip

from dataclasses import replace
from pathlib import Path

from workbench.storage.audit.audit_log import LogEntry
from workbench.storage.paging.event_pages import LogQuery, count_entries, page_entries, reviewers
from workbench.storage.repository import Repository

from workbench.ui.audit.event_table import COLUMNS, ENTRY_ROLE, SORT_ROLE, EventTableModel
from workbench.ui.qt_compat import filter_change

PAGE = 400
FIT_CAP = 260  # px: the widest a column is made to fit its text

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
        with filter_change(self, rows_only=True):
            for name, value in criteria.items():
                setattr(self, name, value or None)

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


class PagedEventModel(EventTableModel):
    """The events matching a LogQuery, read PAGE rows at a time; sort() re-queries in the new order.

    With a worker pool and the workspace's path, a new query (the first page,
    the count and the reviewers) runs on a pool thread with its own read-only
    connection, and the rows are swapped in when it answers; a newer query
    makes an older answer stale.  Further pages are read as the table scrolls.
    """

    loaded = Signal()  # a query's first page is in

    def __init__(self, repo: Repository, parent=None, *, pool=None, path: Path | None = None) -> None:
        super().__init__(parent=parent)
        self.repo = repo
        self.query = LogQuery()
        self.total = 0
        self.reviewer_names: list[str] = []
        self.pool = pool
        self.path = Path(path) if path is not None else None
        self.pending = 0  # queries asked of a worker and not answered yet
        self._generation = 0
        self._fetching = False

    def reload(self, query: LogQuery | None = None) -> None:
        query = query or self.query
        self._generation += 1
        if self.pool is None or self.path is None:
            self._show(self._generation, _first_page(self.repo.db, query))
            return
        from workbench.ui.workers import Worker

        generation = self._generation
        worker = Worker(_first_page_from_file, self.path, query)
        worker.signals.finished.connect(lambda answer: self._show(generation, answer))
        worker.signals.ended.connect(self._answered)
        self.pending += 1
        self.query = query  # the order and filters asked for (a sort click shows at once in the header)
        self.pool.start(worker)

    def _answered(self) -> None:
        self.pending -= 1

    def _show(self, generation: int, answer: tuple[LogQuery, int, list[LogEntry], list[str]]) -> None:
        if generation != self._generation:
            return  # a newer query was asked meanwhile
        query, total, entries, names = answer
        self._fetching = True  # views ask for more while they handle the reset: not until it is over
        try:
            self.beginResetModel()
            self.query, self.total, self._entries, self.reviewer_names = query, total, entries, names
            self.endResetModel()
        finally:
            self._fetching = False
        self.loaded.emit()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._entries) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if self._fetching or not self.canFetchMore(parent):
            return  # a view may ask again from inside the insertion signals
        self._fetching = True
        try:
            self._fetch_page()
        finally:
            self._fetching = False

    def _fetch_page(self) -> None:
        rows = page_entries(self.repo.db, self.query, len(self._entries), PAGE)
        if not rows:
            self.total = len(self._entries)
            return
        self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries) + len(rows) - 1)
        self._entries.extend(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            query = replace(self.query, order=COLUMNS[column], descending=order == Qt.SortOrder.DescendingOrder)
            if self._generation:
                self.reload(query)
            else:  # the table sorts as it is set up: remember the order, read when first asked (shown)
                self.query = query


class AuditView(QWidget):
    """The audit log; with `pool` and `path` its queries run on a worker (the window's dock), else at once."""

    def __init__(self, repo: Repository, parent: QWidget | None = None, *, load: bool = True, pool=None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.model = PagedEventModel(repo, self, pool=pool, path=path)
        self.proxy = self.model  # filtering and sorting happen in SQL
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
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)  # one line per event; a long cell is cut with … (its tooltip has it all)
        self._fitted = False
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
        self.model.loaded.connect(self._on_loaded)
        if load:  # else the owner refreshes it when first shown
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Re-read the events (after a write or a merge)."""
        self.apply_filters()

    @Slot()
    def apply_filters(self) -> None:
        department_uid = None
        text = self.department_edit.text().strip()
        if text:
            dept = self.repo.find_department(text)
            department_uid = self.repo.department_uid(dept.db_id) if dept and dept.db_id else "\0unknown"
        if self.model.pool is not None:
            self.count_label.setText(translate("AuditView", "正在读取…"))
        self.model.reload(replace(
            self.model.query,
            reviewer=self.reviewer_box.currentData(),
            since_utc=_utc(self.since_edit.dateTime()) if self.since_check.isChecked() else None,
            until_utc=_utc(self.until_edit.dateTime()) if self.until_check.isChecked() else None,
            department_uid=department_uid,
            node_key=self.node_edit.text().strip() or None,
        ))  # fmt: skip

    @Slot()
    def _on_loaded(self) -> None:
        """A query answered: the reviewers offered (keeping the chosen one) and the count."""
        current = self.reviewer_box.currentData()
        names = [self.reviewer_box.itemData(i) for i in range(1, self.reviewer_box.count())]
        if names != self.model.reviewer_names:
            self.reviewer_box.blockSignals(True)
            self.reviewer_box.clear()
            self.reviewer_box.addItem(translate("AuditView", "全部"), None)
            for name in self.model.reviewer_names:
                self.reviewer_box.addItem(name, name)
            self.reviewer_box.setCurrentIndex(max(self.reviewer_box.findData(current), 0))
            self.reviewer_box.blockSignals(False)
        self.count_label.setText(translate("AuditView", "%n 条事件", "", self.model.total))
        if not self._fitted and self.model.rowCount():
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Once, on the first rows: 时间, 审核人, 单位 and 操作 as wide as their text (the user may resize after)."""
        self._fitted = True
        header = self.table.horizontalHeader()
        for name in ("time", "reviewer", "unit", "action"):
            column = COLUMNS.index(name)
            self.table.resizeColumnToContents(column)  # measures the rows read so far: one page
            header.resizeSection(column, min(header.sectionSize(column), FIT_CAP))

    def visible_entries(self) -> list[LogEntry]:
        """Every matching entry, in the table's order (reads the remaining pages)."""
        while self.model.canFetchMore():
            self.model.fetchMore()
        return [self.model.entry(r) for r in range(self.model.rowCount())]


def _first_page(db, query: LogQuery) -> tuple[LogQuery, int, list[LogEntry], list[str]]:
    return query, count_entries(db, query), page_entries(db, query, 0, PAGE), reviewers(db)


def _first_page_from_file(path: Path, query: LogQuery):
    """Worker thread: the first page, the count and the reviewers through this thread's own connection."""
    from workbench.storage.files.database import open_readonly

    db = open_readonly(path)
    try:
        return _first_page(db, query)
    finally:
        db.close()


def _utc(moment: QDateTime) -> str:
    return moment.toUTC().toString("yyyy-MM-dd'T'HH:mm:ss.zzz'000+00:00'")
