"""The conflicts list as a table model that reads a page at a time, and its first page read off the GUI thread.

After merging two city-wide workspaces there are tens of thousands of
disputes.  The model holds the conflicts read so far and asks for the next
page as the table scrolls (canFetchMore/fetchMore, Qt's lazy population);
each cell's text is made when the view asks for it.  `load_first_page` runs
on a worker with a connection of its own: it brings the conflicts table up to
date (a replay of every event once, for a file last synced by an older
version) and reads the count and the first page, as plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from workbench.storage.audit.audit_log import local_time
from workbench.storage.disputes.conflicts import (
    Conflict, Side, count_conflicts, describe_value, indicator_names, list_conflicts, sync_conflicts,
)  # fmt: skip

translate = QCoreApplication.translate
PAGE = 200
KIND_LABELS = {"lead": "牵头单位不同", "tag": "一方有、另一方无", "assignments": "责任单位不同",
               "indicator_links": "关联指标不同", "note": "备注不同", "review_status": "审核状态不同",
               "timing": "完成时限不同", "department": "部门信息不同", "remark": "公开备注不同"}  # fmt: skip


def headers() -> list[str]:
    return [translate("ConflictsView", "编号"), translate("ConflictsView", "对象"), translate("ConflictsView", "分歧"),
            translate("ConflictsView", "A 方"), translate("ConflictsView", "B 方（当前显示）"),
            translate("ConflictsView", "说明"), translate("ConflictsView", "状态")]  # fmt: skip


@dataclass
class FirstPage:
    """What a (background) load hands the GUI: plain values."""

    total: int
    rows: list[Conflict]
    names: dict[str, str]  # department uid -> name
    indicators: dict[str, dict[str, str]] = field(default_factory=dict)  # plan sha256 -> key -> name


def read_first_page(db, status: str | None, limit: int = PAGE) -> FirstPage:
    """Bring the table up to date and read the count and the first page (on the connection's own thread)."""
    from workbench.storage.repository import Repository, Reviewer

    sync_conflicts(db)
    repo = Repository(db, Reviewer("reader"))
    names = {repo.department_uid(d.db_id): d.name for d in repo.departments(include_retired=True)
             if d.db_id is not None}  # fmt: skip
    rows = list_conflicts(db, status=status, limit=limit)
    plans = {c.plan_sha256 for c in rows if c.subject == "indicator_links" and c.plan_sha256}
    return FirstPage(count_conflicts(db, status=status), rows, names, {s: indicator_names(db, s) for s in plans})


def load_first_page(path: Path, signer: Any, status: str | None) -> FirstPage:
    """Worker thread: its own connection (the window's key, so it is the same workspace), then read_first_page."""
    from workbench.storage.files.busy import retry_busy
    from workbench.storage.files.database import open_workspace

    db = open_workspace(path, create=False, check=False, signer=signer)
    try:
        return retry_busy(lambda: read_first_page(db, status))
    finally:
        db.close()


class ConflictsModel(QAbstractTableModel):
    """Conflicts read so far (in id order) out of `total`; `fetch(after_id, limit)` reads the next page."""

    def __init__(self, fetch: Callable[[int, int], list[Conflict]], indicators: Callable[[str], dict[str, str]],
                 parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._indicators = indicators
        self.rows: list[Conflict] = []
        self.total = 0
        self.names: dict[str, str] = {}
        self._indicator_cache: dict[str, dict[str, str]] = {}
        self._fetching = False
        self._headers = headers()

    def reset(self, page: FirstPage) -> None:
        self.beginResetModel()
        self.rows, self.total, self.names = list(page.rows), page.total, page.names
        self._indicator_cache = dict(page.indicators)
        self.endResetModel()

    def conflict(self, row: int) -> Conflict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        conflict = self.conflict(index.row()) if index.isValid() else None
        if conflict is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(conflict, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return conflict.id
        return None

    def text(self, c: Conflict, column: int) -> str:
        if column == 0:
            return f"#{c.ref}"
        if column == 1:
            return c.target
        if column == 2:
            return translate("ConflictsView", KIND_LABELS.get(c.kind, c.kind))
        if column in (3, 4):
            return self._side(c, c.a if column == 3 else c.b)
        if column == 5:
            return " / ".join(filter(None, (c.a.event.reason, c.b.event.reason)))
        if column == 6:
            return c.fate
        return ""

    def _side(self, c: Conflict, side: Side) -> str:
        names = self.names
        if c.subject == "indicator_links" and c.plan_sha256:
            if c.plan_sha256 not in self._indicator_cache:
                self._indicator_cache[c.plan_sha256] = self._indicators(c.plan_sha256)
            names = {**names, **self._indicator_cache[c.plan_sha256]}
        when = local_time(side.event.time_utc, side.event.tz_offset)
        return f"{describe_value(c.subject, side.value, names)}\n— {side.author}，{when}"

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802
        if self._fetching or not self.canFetchMore(parent):
            return
        self._fetching = True
        try:
            more = self._fetch(self.rows[-1].id if self.rows else 0, PAGE)
            if not more:  # fewer than counted (resolved elsewhere meanwhile): stop asking
                self.total = len(self.rows)
                return
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()
        finally:
            self._fetching = False
