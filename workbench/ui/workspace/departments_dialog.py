"""File › Department registry…: add, rename, retire and restore departments.

Each change is one audited repository write; renaming keeps the old name as
an alias, retiring keeps the department's assignments.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from workbench.core.departments import KIND_LABELS, KIND_ORDER

translate = QCoreApplication.translate


class AddDepartmentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增部门"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("简称，如 市数据局"))
        self.full_name = QLineEdit()
        self.kind = QComboBox()
        for kind in KIND_ORDER:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setCurrentIndex(KIND_ORDER.index("government_department"))
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("曾用名或俗称，以顿号分隔"))
        form.addRow(self.tr("简称："), self.name)
        form.addRow(self.tr("全称："), self.full_name)
        form.addRow(self.tr("类别："), self.kind)
        form.addRow(self.tr("别名："), self.aliases)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        aliases = tuple(a for a in self.aliases.text().replace(",", "、").replace("，", "、").split("、") if a.strip())
        return {"name": self.name.text().strip(), "full_name": self.full_name.text().strip(),
                "kind": self.kind.currentData(), "aliases": tuple(a.strip() for a in aliases)}


class DepartmentsDialog(QDialog):
    """The workspace's registry; `changed` carries each write's Changes."""

    changed = Signal(object)

    def __init__(self, repo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.setWindowTitle(self.tr("部门名录"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("简称"), self.tr("全称"), self.tr("类别"), self.tr("别名"),
                                              self.tr("状态")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("add", self.tr("新增…"), self.add), ("rename", self.tr("改名…"), self.rename),
                                ("retire", self.tr("撤销"), self.retire), ("restore", self.tr("恢复"), self.restore)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()
        self.resize(900, 600)

    def refresh(self) -> None:
        self.departments = self.repo.departments(include_retired=True)
        self.table.setRowCount(len(self.departments))
        for r, dept in enumerate(self.departments):
            values = [dept.name, dept.full_name, KIND_LABELS.get(dept.kind, dept.kind), "、".join(dept.aliases),
                      self.tr("已撤销") if dept.retired else (self.tr("名称待核实") if dept.unconfirmed else "")]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if dept.retired:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.departments[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        for r, dept in enumerate(self.departments):
            if dept.name == name:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        dept = self.selected()
        self.buttons["rename"].setEnabled(dept is not None)
        self.buttons["retire"].setEnabled(dept is not None and not dept.retired)
        self.buttons["restore"].setEnabled(dept is not None and dept.retired)

    def _write(self, write, select: str | None = None) -> None:
        try:
            changes = write()
        except ValueError as exc:  # StoreError: a name in use, an empty name ...
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.changed.emit(changes)
        self.refresh()
        if select:
            self.select(select)

    def add(self) -> None:
        dialog = AddDepartmentDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self._write(lambda: self.repo.add_department(**values), values["name"])

    def rename(self) -> None:
        dept = self.selected()
        if dept is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("改名"), self.tr("新名称（原名称将作为别名保留）："),
                                        text=dept.name)
        if ok and name.strip() and name.strip() != dept.name:
            self._write(lambda: self.repo.rename_department(department_id=dept.db_id, new_name=name.strip()),
                        name.strip())

    def retire(self) -> None:
        dept = self.selected()
        if dept is not None:
            self._write(lambda: self.repo.retire_department(department_id=dept.db_id), dept.name)

    def restore(self) -> None:
        dept = self.selected()
        if dept is not None:
            self._write(lambda: self.repo.restore_department(department_id=dept.db_id), dept.name)
