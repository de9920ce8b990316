"""Small dialogs of the change review: re-tag a node, or pick the node that receives tags."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)  # fmt: skip

from workbench.core.plan import PlanNode
from workbench.core.revision.carry import NodeTags
from workbench.core.revision.report import place

translate = QCoreApplication.translate
TARGET_KINDS = ("clause", "box_item", "section", "box", "chapter")


class RetagDialog(QDialog):
    """Choose the lead and the supporting departments anew; links, note, status and timing stay."""

    def __init__(self, departments: list[tuple[str, str]], current: NodeTags, parent: QWidget | None = None) -> None:
        """`departments`: (uid, name) pairs in registry order."""
        super().__init__(parent)
        self.setWindowTitle(translate("ChangeReview", "重新标注"))
        self.current = current
        lead = next((u for u, r in current.assignments if r == "lead"), None)
        supports = {u for u, r in current.assignments if r != "lead"}
        self.lead_box = QComboBox()
        self.support_list = QListWidget()
        for uid, name in departments:
            self.lead_box.addItem(name, uid)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if uid in supports else Qt.CheckState.Unchecked)
            self.support_list.addItem(item)
        if lead is not None:
            self.lead_box.setCurrentIndex(max(0, self.lead_box.findData(lead)))
        form = QFormLayout()
        form.addRow(translate("ChangeReview", "牵头单位"), self.lead_box)
        form.addRow(translate("ChangeReview", "责任单位"), self.support_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def tags(self) -> NodeTags:
        lead = self.lead_box.currentData()
        supports = [
            self.support_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.support_list.count())
            if self.support_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        assignments = ((lead, "lead"), *((u, "support") for u in supports if u != lead))
        c = self.current
        return NodeTags(tuple(assignments), c.indicator_links, c.note, c.review_status, c.timing, c.remark)


class NodePickerDialog(QDialog):
    """Pick a node of the new version (type to filter by place or text)."""

    def __init__(self, nodes: list[PlanNode], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ChangeReview", "移至其他条款"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(translate("ChangeReview", "输入章节或文字筛选"))
        self.list = QListWidget()
        for node in nodes:
            if node.kind not in TARGET_KINDS or node.db_id is None:
                continue
            text = f"{place(node) or node.key}  {node.title or node.text[:40]}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, node.db_id)
            item.setToolTip(node.text[:300] or node.display)
            self.list.addItem(item)
        self.filter_edit.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _filter(self, text: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text) and text not in item.text() and text not in item.toolTip())

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else int(item.data(Qt.ItemDataRole.UserRole))
