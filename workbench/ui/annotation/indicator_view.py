"""The indicator table with, for each indicator, its linked clauses and owners.

Rows are the plans' indicators in table order (sub-rows indented); the
owners and linked-clause columns come right after the name, derived from the
session: the clauses linked to the indicator
and the departments of those clauses (leads first).  After a write only the
rows whose derived columns changed are announced.  Double-clicking a row
(or Enter) selects its first linked clause.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from workbench.storage.state.records import LEAD, Changes, IndicatorRecord

from workbench.ui.session import Session

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
NAME_COLUMN, OWNERS_COLUMN, LINKS_COLUMN = 1, 2, 3  # what this view is for comes first


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.records: list[IndicatorRecord] = []
        self.derived: list[tuple[str, str, tuple[int, ...]]] = []
        self.headers = [
            translate("IndicatorTableModel", "编号"), translate("IndicatorTableModel", "指标"),
            translate("IndicatorTableModel", "责任单位"), translate("IndicatorTableModel", "关联条目"),
            translate("IndicatorTableModel", "2025年"), translate("IndicatorTableModel", "2030年"),
            translate("IndicatorTableModel", "属性"), translate("IndicatorTableModel", "类别"),
        ]  # fmt: skip
        self.reload()
        session.plan_added.connect(lambda _p: self.reload())
        session.changed.connect(self._on_changed)

    def reload(self) -> None:
        self.beginResetModel()
        self.records = [r for plan_id in self.session.loaded_plan_ids for r in self.session.indicators(plan_id)]
        self.derived = self._derive()
        self.endResetModel()

    def _derive(self) -> list[tuple[str, str, tuple[int, ...]]]:
        linked: dict[int, list[int]] = {}
        for node_id, links in self.session.all_links().items():
            for link in links:
                linked.setdefault(link.indicator_id, []).append(node_id)
        rows = []
        for record in self.records:
            node_ids = sorted(linked.get(record.id, []), key=lambda n: self._seq(n))
            labels, leads, supports = [], [], []
            for node_id in node_ids:
                node = self.session.node(node_id)
                if node is None:
                    continue
                target = node.parent if node.kind == "sentence" and node.parent else node
                labels.append(target.display or target.key)
                for a in self.session.effective(node):
                    bucket = leads if a.role == LEAD else supports
                    if a.name not in leads and a.name not in supports:
                        bucket.append(a.name)
            lead_mark = translate("IndicatorTableModel", "（牵头）")
            owners = "、".join([n + lead_mark for n in leads] + supports)
            rows.append(("；".join(labels), owners, tuple(node_ids)))
        return rows

    def _seq(self, node_id: int) -> tuple[int, str]:
        node = self.session.node(node_id)
        return (self.session.plan_id_of(node_id) or 0, node.key if node else "")

    def _on_changed(self, changes: Changes) -> None:
        if not self.records:
            return
        fresh = self._derive()
        for row, (old, new) in enumerate(zip(self.derived, fresh)):
            if old != new:
                self.derived[row] = new
                self.dataChanged.emit(self.index(row, OWNERS_COLUMN), self.index(row, LINKS_COLUMN))

    def linked_nodes(self, row: int) -> tuple[int, ...]:
        return self.derived[row][2] if 0 <= row < len(self.derived) else ()

    # -- QAbstractTableModel ----------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.records[index.row()]
        ind = record.indicator
        column = index.column()
        if column == LINKS_COLUMN:
            return self.derived[index.row()][0]
        if column == OWNERS_COLUMN:
            return self.derived[index.row()][1]
        unit = f"（{ind.unit}）" if ind.unit else ""
        values = {
            0: ind.number, NAME_COLUMN: ("　" if ind.parent_key else "") + ind.name + unit,
            4: ind.base_value, 5: ind.target_value, 6: ind.attribute, 7: ind.category,
        }  # fmt: skip
        return values.get(column)


class IndicatorView(QWidget):
    node_chosen = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IndicatorTableModel(session, self)
        self.table = QTableView()
        self.table.setObjectName("indicatorTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        unit = self.fontMetrics().horizontalAdvance("国")
        for column, chars in ((0, 3), (NAME_COLUMN, 16), (OWNERS_COLUMN, 14), (LINKS_COLUMN, 14), (4, 6), (5, 7), (6, 4)):
            self.table.setColumnWidth(column, unit * chars + 12)
        self.table.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def _on_activated(self, index: QModelIndex) -> None:
        nodes = self.model.linked_nodes(index.row())
        if nodes:
            self.node_chosen.emit(nodes[0])
