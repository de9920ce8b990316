"""Open merge conflicts with both sides and their authors; the lead reviewer takes A or B.

Each decision is one conflict_resolution event written through
storage.conflicts.resolve_conflict, attributed to the repository's reviewer,
with the reason typed here.  `resolved(conflict_id, event_uuid)` is emitted
after each decision so the main window can redraw the node.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)  # fmt: skip

from workbench.storage.audit_log import local_time
from workbench.storage.conflicts import Conflict, Side, describe_value, list_conflicts, resolve_conflict, sync_conflicts
from workbench.storage.errors import StoreError
from workbench.storage.repository import Repository

translate = QCoreApplication.translate
KIND_LABELS = {"lead": "牵头单位不同", "tag": "一方有、另一方无", "assignments": "责任单位不同",
               "indicator_links": "关联指标不同", "note": "备注不同", "review_status": "审核状态不同",
               "timing": "完成时限不同", "department": "部门信息不同"}  # fmt: skip


class ConflictsView(QWidget):
    resolved = Signal(int, str)  # conflict id, resolution event uuid

    def __init__(self, repo: Repository, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.repo = repo
        self.conflicts: list[Conflict] = []
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            translate("ConflictsView", "编号"), translate("ConflictsView", "对象"), translate("ConflictsView", "分歧"),
            translate("ConflictsView", "A 方"), translate("ConflictsView", "B 方（当前显示）"),
            translate("ConflictsView", "说明"),
        ])  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(translate("ConflictsView", "裁决理由（可选）"))
        self.take_a = QPushButton(translate("ConflictsView", "采用 A 方"))
        self.take_b = QPushButton(translate("ConflictsView", "采用 B 方"))
        self.status_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason_edit, 1)
        buttons.addWidget(self.take_a)
        buttons.addWidget(self.take_b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.take_a.clicked.connect(lambda: self.take("a"))
        self.take_b.clicked.connect(lambda: self.take("b"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        if load:  # else the owner refreshes it when first shown
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        sync_conflicts(self.repo.db)
        self.conflicts = list_conflicts(self.repo.db)
        names = {self.repo.department_uid(d.db_id): d.name for d in self.repo.departments(include_retired=True)
                 if d.db_id is not None}  # fmt: skip
        self.table.setRowCount(len(self.conflicts))
        for row, c in enumerate(self.conflicts):
            cells = [f"#{c.ref}", c.target, translate("ConflictsView", KIND_LABELS.get(c.kind, c.kind)),
                     _side(c.subject, c.a, names), _side(c.subject, c.b, names),
                     " / ".join(filter(None, (c.a.event.reason, c.b.event.reason)))]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.status_label.setText(translate("ConflictsView", "%n 个待裁决的冲突", "", len(self.conflicts)))
        if self.conflicts and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Conflict | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.conflicts[min(rows)] if rows else None

    @Slot()
    def take(self, side: str) -> str | None:
        conflict = self.selected()
        if conflict is None:
            return None
        try:
            uuid = resolve_conflict(self.repo, conflict.id, take=side, reason=self.reason_edit.text().strip() or None)
        except StoreError as exc:
            QMessageBox.warning(self, translate("ConflictsView", "无法裁决"), str(exc))
            return None
        self.reason_edit.clear()
        self.refresh()
        self.resolved.emit(conflict.id, uuid)
        return uuid

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None
        self.take_a.setEnabled(enabled)
        self.take_b.setEnabled(enabled)


def _side(subject: str, side: Side, names: dict[str, str]) -> str:
    when = local_time(side.event.time_utc, side.event.tz_offset)
    return f"{describe_value(subject, side.value, names)}\n— {side.author}，{when}"
