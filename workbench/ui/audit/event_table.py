"""A read-only table model over audit log entries, shared by the audit view and the history tab.

Rows are `storage.audit_log.LogEntry` values (plain data, no connection).
Qt.UserRole gives a sort key per column (UTC time for the time column, seq
for the row's identity) so that a QSortFilterProxyModel sorts correctly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from workbench.storage.audit.audit_log import LogEntry

translate = QCoreApplication.translate
ACTION_LABELS = {
    "plan_import": "导入规划", "registry_load": "载入部门名录", "department_add": "新增部门",
    "department_rename": "部门改名", "department_retire": "撤销部门", "department_restore": "恢复部门",
    "assign": "分配", "unassign": "取消分配", "reorder": "调整顺序", "set_role": "改变角色",
    "set_assignments": "设置责任单位", "undo": "撤销", "redo": "重做", "division_import": "导入任务分工",
    "conflict_resolution": "裁决冲突", "link_indicator": "关联指标", "unlink_indicator": "取消关联指标",
    "set_indicator_links": "设置关联指标", "note": "备注", "review_status": "审核状态", "timing": "完成时限",
    "merge": "合并工作区", "remark": "公开备注",
}  # fmt: skip
COLUMNS = ("time", "reviewer", "unit", "action", "target", "department", "before", "after", "reason")
SORT_ROLE = Qt.ItemDataRole.UserRole
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _headers() -> list[str]:
    return [
        translate("EventTableModel", "时间"), translate("EventTableModel", "审核人"),
        translate("EventTableModel", "单位"), translate("EventTableModel", "操作"),
        translate("EventTableModel", "对象"), translate("EventTableModel", "部门"),
        translate("EventTableModel", "修改前"), translate("EventTableModel", "修改后"),
        translate("EventTableModel", "理由"),
    ]  # fmt: skip


class EventTableModel(QAbstractTableModel):
    def __init__(self, entries: Sequence[LogEntry] = (), parent=None) -> None:
        super().__init__(parent)
        self._entries: list[LogEntry] = list(entries)
        self._headers = _headers()

    def set_entries(self, entries: Sequence[LogEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> LogEntry:
        return self._entries[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = COLUMNS[index.column()]
        if role == ENTRY_ROLE:
            return entry
        if role == SORT_ROLE:
            return entry.time_utc + f"{entry.seq:012d}" if column == "time" else self._text(entry, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("before", "after", "target"):
            return self._text(entry, column) or None
        return None

    @staticmethod
    def _text(entry: LogEntry, column: str) -> str:
        if column == "time":
            return entry.local_time
        if column == "reviewer":
            return entry.reviewer
        if column == "unit":
            return entry.reviewer_unit
        if column == "action":
            return translate("EventTableModel", ACTION_LABELS.get(entry.action, entry.action))
        if column == "target":
            return entry.target
        if column == "department":
            return entry.department_name
        return str(getattr(entry, column))
