"""The detected tree of a plan not yet stored, as a read-only QAbstractItemModel.

Nodes have no database ids yet, so each visible node gets a number (its
place in document order) as the index's internal id; rows are cached.
Sentences are not shown: the preview is about structure.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from workbench.core import plan as P
from workbench.core.plan import Plan, PlanNode

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
LineRole = Qt.ItemDataRole.UserRole + 1  # the node's first source line (0 when it has none)


def kind_names() -> dict[str, str]:
    return {
        P.PLAN: translate("PreviewTreeModel", "规划"), P.PART: translate("PreviewTreeModel", "篇"),
        P.CHAPTER: translate("PreviewTreeModel", "章"), P.SECTION: translate("PreviewTreeModel", "节"),
        P.CLAUSE: translate("PreviewTreeModel", "段"), P.BOX: translate("PreviewTreeModel", "专栏"),
        P.BOX_ITEM: translate("PreviewTreeModel", "专栏条目"), P.INDICATOR_TABLE: translate("PreviewTreeModel", "指标表"),
    }  # fmt: skip


class PreviewTreeModel(QAbstractItemModel):
    COLUMNS = 3  # item, kind, source lines

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._nodes: list[PlanNode] = []  # internal id - 1 -> node
        self._ids: dict[int, int] = {}  # id(node) -> internal id
        self._kids: dict[int, list[PlanNode]] = {}
        self._rows: dict[int, int] = {}
        self._root: PlanNode | None = None
        self._kinds = kind_names()

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self._nodes, self._ids, self._kids, self._rows = [], {}, {}, {}
        self._root = plan.root if plan else None
        if plan is not None:
            for node in plan.root.walk():
                if node.kind == P.SENTENCE:
                    continue
                self._nodes.append(node)
                self._ids[id(node)] = len(self._nodes)
                kids = [c for c in node.children if c.kind != P.SENTENCE]
                self._kids[id(node)] = kids
                for row, kid in enumerate(kids):
                    self._rows[id(kid)] = row
        self.endResetModel()

    def node(self, index: Index) -> PlanNode | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId() - 1]

    def index_for(self, node: PlanNode) -> QModelIndex:
        if node is self._root or id(node) not in self._ids:
            return QModelIndex()
        return self.createIndex(self._rows[id(node)], 0, self._ids[id(node)])

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        kids = self._children(parent)
        if not (0 <= row < len(kids)) or not (0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, self._ids[id(kids[row])])

    def parent(self, index: Index = QModelIndex()):  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.index_for(node.parent)

    def _children(self, parent: Index) -> list[PlanNode]:
        if self._root is None:
            return []
        node = self.node(parent) if parent.isValid() else self._root
        return self._kids.get(id(node), []) if node is not None else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("条目"), self.tr("层级"), self.tr("原文行"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                text = node.display or node.text
                return text if len(text) <= 60 else text[:59] + "…"
            if index.column() == 1:
                return self._kinds.get(node.kind, node.kind)
            if node.lines:
                first, last = min(node.lines), max(node.lines)
                return str(first) if first == last else f"{first}–{last}"
            return ""
        if role == LineRole:
            return min(node.lines) if node.lines else 0
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return node.text[:300] or node.display
        return None
