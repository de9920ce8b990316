"""A node's ordered departments, lead first, reorderable by drag or buttons.

The list never reorders itself: a drop becomes `move_requested(department_id,
new_position)`, the annotator writes it, and the list is redrawn from the
store's answer (which applies the lead-first rule).  Inherited departments are
shown greyed and cannot be selected or moved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from workbench.storage.state.records import LEAD, Assignment

translate = QCoreApplication.translate
DepartmentRole = Qt.ItemDataRole.UserRole + 1
RoleRole = Qt.ItemDataRole.UserRole + 2
LEAD_COLOUR = QColor("#1f7a43")
SUPPORT_COLOUR = QColor("#3b5b8c")
INHERITED_COLOUR = QColor("#9a9a9a")


class AssignmentList(QListWidget):
    move_requested = Signal(int, int)  # department id, new position

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentList")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.inherited = False

    def show_assignments(self, assignments: list[Assignment], *, inherited: bool, keep_department: int | None = None) -> None:
        """Fill the list; keep the current department selected when it is still there.

        Rows already showing the same entries are kept (a J onto a clause tagged
        alike, a write elsewhere), and a changed list is laid out at once, so that
        the pane is painted once per keypress instead of again on the view's
        delayed-layout timer.
        """
        current = keep_department if keep_department is not None else self.current_department()
        rows = [self._row(position, a, inherited) for position, a in enumerate(assignments, start=1)]
        if inherited != self.inherited or rows != self._shown_rows():
            self.inherited = inherited
            self.clear()
            for text, department_id, role in rows:
                item = QListWidgetItem(text)
                item.setData(DepartmentRole, department_id)
                item.setData(RoleRole, role)
                if inherited:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    item.setForeground(QBrush(INHERITED_COLOUR))
                else:
                    item.setForeground(QBrush(LEAD_COLOUR if role == LEAD else SUPPORT_COLOUR))
                self.addItem(item)
            self.executeDelayedItemsLayout()
            self.setDragEnabled(not inherited)
        if not inherited:
            for row, (_text, department_id, _role) in enumerate(rows):
                if department_id == current:
                    if self.currentRow() != row or not self.item(row).isSelected():
                        self.setCurrentRow(row)
                    break
            else:
                if self.currentItem() is not None:
                    self.setCurrentRow(-1)

    @staticmethod
    def _row(position: int, assignment: Assignment, inherited: bool) -> tuple[str, int, str]:
        role = translate("AssignmentList", "牵头") if assignment.role == LEAD else translate("AssignmentList", "配合")
        suffix = translate("AssignmentList", "（已撤销）") if assignment.retired else ""
        return f"{position}. [{role}] {assignment.name}{suffix}", assignment.department_id, assignment.role

    def _shown_rows(self) -> list[tuple[str, int, str]]:
        rows = []
        for row in range(self.count()):
            item = self.item(row)
            rows.append((item.text(), int(item.data(DepartmentRole)), item.data(RoleRole)))
        return rows

    def current_department(self) -> int | None:
        item = self.currentItem()
        if item is None or self.inherited or not item.isSelected():
            return None
        value = item.data(DepartmentRole)
        return int(value) if value is not None else None

    def current_role(self) -> str | None:
        item = self.currentItem()
        return None if item is None or self.inherited else item.data(RoleRole)

    def departments(self) -> list[int]:
        return [int(self.item(row).data(DepartmentRole)) for row in range(self.count())]

    def request_move(self, from_row: int, to_row: int) -> None:
        """Ask to move the entry at `from_row` so that it ends up at `to_row`."""
        if self.inherited or not 0 <= from_row < self.count():
            return
        to_row = max(0, min(to_row, self.count() - 1))
        if to_row != from_row:
            self.move_requested.emit(int(self.item(from_row).data(DepartmentRole)), to_row)

    def drop_row(self, y: int) -> int:
        """The row a drop at viewport height `y` lands before (count() = at the end)."""
        index = self.indexAt(QPoint(4, y))
        if not index.isValid():
            return self.count() if y > 0 else 0
        rect = self.visualRect(index)
        return index.row() + (1 if y > rect.center().y() else 0)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        source = self.currentRow()
        target = self.drop_row(int(event.position().y()))
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        # `target` is a gap between rows; the new position counts rows without the moved one.
        self.request_move(source, target - 1 if target > source else target)
