"""The plan tree of every plan in the workspace, as a QAbstractItemModel.

Rows are PlanNode objects (sentences excluded: the reader shows them).  An
index's internal id is the node's database id, so an index never points at
Python memory; each node's row among its visible siblings is cached when a
plan is added (a tree never changes shape afterwards, only grows by whole
plans).  Column 0 shows the number label and title with the tagging state as
an icon; column 1 the number of tags of a clause or, for chapters, sections
and boxes, the coverage "clauses with a lead / clauses".

When the session applies a write, only the rows it touched are announced
(dataChanged on the node and its ancestors for the counts, and on its
descendants when their inherited tags changed), and only their cached row
texts are forgotten.

Every plan of the workspace is a top-level row; a plan the session has not
loaded is a heading whose rows are fetched (canFetchMore/fetchMore) when the
reviewer opens it, so a workspace of a hundred plans shows at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from workbench.core.plan import PLAN, SENTENCE, PlanNode
from workbench.storage.state.records import LEAD, Changes

from workbench.ui import icons
from workbench.ui.session import Session
from workbench.ui.tagging.tag_state import STATE_INHERITED, STATE_NONE, TagState, is_clause
from workbench.ui.tree.row_delegate import CellRole

translate = QCoreApplication.translate
NodeRole = Qt.ItemDataRole.UserRole + 1  # the node's database id
StateRole = Qt.ItemDataRole.UserRole + 2  # the tagging state string
KindRole = Qt.ItemDataRole.UserRole + 3
COLUMNS = 2
_ROOT_ID = 0
_INHERITED_COLOUR = QColor("#8a8f98")
_INHERITED_BRUSH = QBrush(_INHERITED_COLOUR)

Index = QModelIndex | QPersistentModelIndex
_HANDLED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
    NodeRole, StateRole, KindRole, CellRole,
})  # fmt: skip
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class _RowInfo:
    display: str
    count: str
    state: str | None
    icon: QIcon | None
    bold: bool = False

    @cached_property
    def cells(self) -> tuple[tuple, tuple]:
        """CellRole per column: (text, icon, bold, foreground brush, right-aligned), as data() answers role by role."""
        grey = _INHERITED_BRUSH if self.state == STATE_INHERITED else None
        return (self.display, self.icon, self.bold, None, False), (self.count, None, False, grey, True)


@lru_cache(maxsize=1)
def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class PlanTreeModel(QAbstractItemModel):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._roots: list[PlanNode] = []
        self._kids: dict[int, list[PlanNode]] = {}
        self._rows: dict[int, int] = {}
        self._up: dict[int, tuple[int, int]] = {}  # node id -> (its parent's row, its parent's id), for parent()
        self._info: dict[int, _RowInfo] = {}
        self._plan_rows: dict[int, int] = {}  # plan id -> top-level row
        for plan_id in session.plan_ids:
            self._add_plan(plan_id)
        session.plan_added.connect(self._on_plan_added)
        session.changed.connect(self._on_changed)
        session.departments_changed.connect(self._on_departments_changed)

    # -- structure --------------------------------------------------------

    def _add_plan(self, plan_id: int) -> None:
        root = self.session.root(plan_id)
        if root is None:
            return
        self._plan_rows[plan_id] = len(self._roots)
        self._rows[root.db_id or -1] = len(self._roots)
        self._roots.append(root)
        if self.session.is_loaded(plan_id):
            self._add_tree(root)

    def _add_tree(self, root: PlanNode) -> None:
        stack = [root]
        while stack:
            node = stack.pop()
            kids = [c for c in node.children if c.kind != SENTENCE and c.db_id is not None]
            self._kids[node.db_id or -1] = kids
            up = (self._rows[node.db_id or -1], node.db_id or -1)
            for row, child in enumerate(kids):
                self._rows[child.db_id or -1] = row
                self._up[child.db_id or -1] = up
            stack.extend(kids)

    def _on_plan_added(self, plan_id: int) -> None:
        root = self.session.plan(plan_id).root
        row = self._plan_rows.get(plan_id)
        if row is None:  # a plan imported now
            row = len(self._roots)
            self.beginInsertRows(QModelIndex(), row, row)
            self._add_plan(plan_id)
            self.endInsertRows()
            return
        if self._roots[row] is root:
            return
        # A heading whose tree was loaded: its rows appear under it.
        self._roots[row] = root
        self._info.pop(root.db_id or -1, None)
        kids = [c for c in root.children if c.kind != SENTENCE and c.db_id is not None]
        parent = self.createIndex(row, 0, root.db_id)
        if kids:
            self.beginInsertRows(parent, 0, len(kids) - 1)
        self._add_tree(root)
        if kids:
            self.endInsertRows()
        self.dataChanged.emit(parent, parent.siblingAtColumn(COLUMNS - 1))

    def _heading(self, index: Index) -> int | None:
        """The plan id of a top-level row whose tree is not loaded yet."""
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        plan_id = self.session.plan_id_of(index.internalId())
        return plan_id if plan_id is not None and not self.session.is_loaded(plan_id) else None

    def node(self, index: Index) -> PlanNode | None:
        if not index.isValid():
            return None
        return self.session.node(index.internalId())

    def index_for(self, node: PlanNode | None, column: int = 0) -> QModelIndex:
        """The index of a node (its clause's, for a sentence); invalid if not a row."""
        if node is not None and node.kind == SENTENCE:
            node = node.parent
        if node is None or node.db_id not in self._rows:
            return QModelIndex()
        return self.createIndex(self._rows[node.db_id], column, node.db_id)

    def index_for_id(self, node_id: int | None, column: int = 0) -> QModelIndex:
        return self.index_for(self.session.node(node_id), column)

    def _children(self, parent: Index) -> list[PlanNode]:
        if not parent.isValid():
            return self._roots
        if parent.column() != 0:
            return []
        return self._kids.get(parent.internalId(), [])

    # -- QAbstractItemModel -----------------------------------------------

    # index() and parent() run a dozen times per painted row (the view asks through the filter
    # proxy): dictionary look-ups only.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        where = parent.column()
        kids = self._roots if where < 0 else self._kids.get(parent.internalId(), ()) if where == 0 else ()
        if 0 <= row < len(kids) and 0 <= column < COLUMNS:
            return self.createIndex(row, column, kids[row].db_id)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()):  # type: ignore[override]
        up = self._up.get(index.internalId()) if index.isValid() else None
        return QModelIndex() if up is None else self.createIndex(up[0], 0, up[1])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return COLUMNS

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return bool(self._children(parent)) or self._heading(parent) is not None

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return self._heading(parent) is not None

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        plan_id = self._heading(parent)
        if plan_id is not None:
            self.session.plan(plan_id)  # emits plan_added: the rows are inserted there

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (translate("PlanTreeModel", "条目"), translate("PlanTreeModel", "标注"))[section] if 0 <= section < COLUMNS else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _HANDLED_ROLES:
            return None
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == NodeRole:
            return node.db_id
        if role == KindRole:
            return node.kind
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.title if node.kind == PLAN else self._tooltip(node, self.session.tag_state(node))
        row = self._row_info(node)
        if role == CellRole:  # everything the tree's RowDelegate paints, in one call
            return row.cells[column] if 0 <= column < COLUMNS else None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.display if column == 0 else row.count
        if role == StateRole:
            return row.state
        if role == Qt.ItemDataRole.DecorationRole:
            return row.icon if column == 0 else None
        if role == Qt.ItemDataRole.FontRole:
            return _bold_font() if node.kind == PLAN and column == 0 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_INHERITED_COLOUR) if column == 1 and row.state == STATE_INHERITED else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _row_info(self, node: PlanNode) -> _RowInfo:
        """What a row shows, computed once per change of the node (see _forget)."""
        key = node.db_id or -1
        info = self._info.get(key)
        if info is None:
            if node.kind == PLAN:
                info = _RowInfo(self._display(node), self._count_text(node), None, None, bold=True)
            else:
                state = self.session.tag_state(node)
                info = _RowInfo(self._display(node), self._count_text(node), state.state, self._icon(node, state))
            self._info[key] = info
        return info

    # -- presentation -----------------------------------------------------

    @staticmethod
    def _display(node: PlanNode) -> str:
        if node.kind == PLAN:
            return node.title
        return node.display

    def _count_text(self, node: PlanNode) -> str:
        """Containers: coverage "with lead/clauses"; clauses: their number of tags."""
        if not is_clause(node):
            with_lead, total = self.session.coverage(node)
            return f"{with_lead}/{total}" if total else self._own_count(node)
        state = self.session.tag_state(node)
        if state.source == "inherited":
            return translate("PlanTreeModel", "继承")
        return str(state.count) if state.count else ""

    def _own_count(self, node: PlanNode) -> str:
        count = len(self.session.assignments(node.db_id or -1))
        return str(count) if count else ""

    def _icon(self, node: PlanNode, state: TagState) -> QIcon:
        if is_clause(node) or node.kind == "indicator_table" or state.source == "own":
            return icons.state_icon(state.state)
        with_lead, total = self.session.coverage(node)
        return icons.coverage_icon(with_lead, total)

    def _tooltip(self, node: PlanNode, state: TagState) -> str:
        lines = [node.display or node.key]
        own = self.session.assignments(node.db_id or -1)
        shown = own or self.session.sentence_assignments(node)
        if shown:
            leads = [a.name for a in shown if a.role == LEAD]
            supports = [a.name for a in shown if a.role != LEAD]
            if state.source == "sentences":
                lines.append(translate("PlanTreeModel", "（按句标注）"))
            if leads:
                lines.append(translate("PlanTreeModel", "牵头：") + "、".join(leads))
            if supports:
                lines.append(translate("PlanTreeModel", "配合：") + "、".join(supports))
        elif state.source == "inherited":
            ancestor = self.session.node(state.inherited_from)
            names = "、".join(a.name for a in self.session.effective(node))
            lines.append(translate("PlanTreeModel", "继承自 %1：%2").replace("%1", ancestor.display if ancestor else "").replace("%2", names))
        elif state.state == STATE_NONE and is_clause(node):
            lines.append(translate("PlanTreeModel", "未标注"))
        if state.disputed:
            lines.append(translate("PlanTreeModel", "有疑问"))
        if not is_clause(node) and node.kind != PLAN:
            with_lead, total = self.session.coverage(node)
            if total:
                lines.append(translate("PlanTreeModel", "%1/%2 条已有牵头单位").replace("%1", str(with_lead)).replace("%2", str(total)))
        return "\n".join(lines)

    # -- refresh ----------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        rows: set[int] = set()
        for node_id in changes.node_ids:
            node = self.session.node(node_id)
            if node is None:
                continue
            if node.kind == SENTENCE and node.parent is not None:
                node = node.parent
            rows.add(node.db_id or -1)
            rows.update(a.db_id or -1 for a in node.ancestors())
            if self._kids.get(node.db_id or -1):
                for below in node.walk():  # their inherited state may have changed
                    self._info.pop(below.db_id or -1, None)
                self._announce_subtree(node)
        for node_id in rows:
            self._info.pop(node_id, None)
            self._announce(node_id)

    def _on_departments_changed(self, _ids: frozenset[int]) -> None:
        # A rename or retirement shows in tooltips only; announce every row once.
        self._info.clear()
        for root in self._roots:
            self._announce_subtree(root)

    def _announce(self, node_id: int) -> None:
        index = self.index_for_id(node_id)
        if index.isValid():
            self.dataChanged.emit(index, index.siblingAtColumn(COLUMNS - 1))

    def _announce_subtree(self, node: PlanNode) -> None:
        """dataChanged for every row below `node`, one range per parent."""
        stack = [node]
        while stack:
            current = stack.pop()
            kids = self._kids.get(current.db_id or -1, [])
            if not kids:
                continue
            parent = self.index_for(current)
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(kids) - 1, COLUMNS - 1, parent))
            stack.extend(kids)
