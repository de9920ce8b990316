"""The change list as a table model: 变化 / 章节 / 内容 / 标签 / 审核, one row per Entry."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workbench.ui.revision.entries import Entry

translate = QCoreApplication.translate
HEADERS = ("变化", "章节", "内容", "标签", "审核")
KIND_COLOURS = {
    "reworded": "#fff2cc", "split": "#fce4d6", "merged": "#fce4d6", "deleted": "#f8cbad", "new": "#ddebf7",
    "moved": "#e2efda",
}  # fmt: skip
STATUS = {"pending": "待审核", "accepted": "已确认", "retagged": "已重新标注", "moved": "已移至"}
FILTERS = ("all", "pending", "orphans", "new")
Index = QModelIndex | QPersistentModelIndex


class ChangeListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.all_entries: list[Entry] = []
        self.entries: list[Entry] = []
        self.tags_text = lambda tags: ""
        self.mode = "all"

    def set_entries(self, entries: list[Entry], tags_text) -> None:
        self.beginResetModel()
        self.all_entries = entries
        self.tags_text = tags_text
        self.entries = [e for e in entries if self._shown(e)]
        self.endResetModel()

    def set_filter(self, mode: str) -> None:
        self.mode = mode
        self.set_entries(self.all_entries, self.tags_text)

    def _shown(self, entry: Entry) -> bool:
        if self.mode == "pending":
            return entry.pending
        if self.mode == "orphans":
            return entry.item is not None and entry.item.kind == "orphan"
        if self.mode == "new":
            return entry.row.kind == "new"
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("ChangeReview", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return entry.row.new_text or entry.row.old_text
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            colour = KIND_COLOURS.get(entry.row.kind)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and (entry.pending or entry.untagged_new):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, entry: Entry, column: int) -> str:
        row = entry.row
        if column == 0:
            return translate("ChangeReview", row.change)
        if column == 1:
            return row.place
        if column == 2:
            text = (row.new_text or row.old_text).replace("\n", " ")
            return text if len(text) <= 60 else text[:58] + "…"
        if column == 3:
            if entry.untagged_new:
                return translate("ChangeReview", "未标注")
            return self.tags_text(entry.tags)
        if entry.item is None:
            return translate("ChangeReview", "待标注") if entry.untagged_new else ""
        status = translate("ChangeReview", STATUS[entry.item.status])
        return f"{status} {entry.item.target_key}" if entry.item.target_key else status

    def entry(self, row: int) -> Entry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None
