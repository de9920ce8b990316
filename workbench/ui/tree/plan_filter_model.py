"""Filters over the plan tree: text, untagged only, department, indicator, chapter.

A QSortFilterProxyModel with recursive filtering, so the chapters and sections
above a matching clause stay visible.  The conditions combine (all must hold).
The node the reviewer is working on is pinned: tagging it under "untagged
only" must not make it vanish under the cursor; it leaves the view when the
selection moves on.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from workbench.core.plan import PLAN, PlanNode

from workbench.ui.tree.plan_tree_model import PlanTreeModel
from workbench.ui.qt_compat import filter_change
from workbench.ui.tagging.tag_state import is_clause

Index = QModelIndex | QPersistentModelIndex


class PlanFilterModel(QSortFilterProxyModel):
    def __init__(self, source: PlanTreeModel, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self.setSourceModel(source)
        self.tree = source
        self.text = ""
        self.untagged_only = False
        self.department_id: int | None = None
        self.indicator_id: int | None = None
        self.chapter_id: int | None = None
        self.pinned_id: int | None = None

    # -- settings ---------------------------------------------------------

    def set_filters(
        self,
        *,
        text: str | None = None,
        untagged_only: bool | None = None,
        department_id: int | None | type[...] = ...,
        indicator_id: int | None | type[...] = ...,
        chapter_id: int | None | type[...] = ...,
    ) -> None:
        """Change any of the filters (omitted ones stay) and re-filter once."""
        with filter_change(self):
            if text is not None:
                self.text = text.strip()
            if untagged_only is not None:
                self.untagged_only = untagged_only
            if department_id is not ...:
                self.department_id = department_id  # type: ignore[assignment]
            if indicator_id is not ...:
                self.indicator_id = indicator_id  # type: ignore[assignment]
            if chapter_id is not ...:
                self.chapter_id = chapter_id  # type: ignore[assignment]

    def clear_filters(self) -> None:
        self.set_filters(text="", untagged_only=False, department_id=None, indicator_id=None, chapter_id=None)

    def set_pinned(self, node_id: int | None) -> None:
        """Keep this node visible whatever the filters say (the current node)."""
        if node_id == self.pinned_id:
            return
        previous, self.pinned_id = self.pinned_id, node_id
        if self.active:
            # Re-filter just the two rows by announcing them as changed.
            for changed in (previous, node_id):
                index = self.tree.index_for_id(changed)
                if index.isValid():
                    self.tree.dataChanged.emit(index, index)

    @property
    def active(self) -> bool:
        return bool(
            self.text or self.untagged_only or self.department_id is not None
            or self.indicator_id is not None or self.chapter_id is not None
        )  # fmt: skip

    # -- filtering --------------------------------------------------------

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.active:
            return True
        node = self.tree.node(self.tree.index(source_row, 0, source_parent))
        if node is None:
            return False
        if node.db_id == self.pinned_id:
            return True
        return self.accepts(node)

    def accepts(self, node: PlanNode) -> bool:
        if node.kind == PLAN:
            return False  # shown only above matches
        session = self.tree.session
        if self.chapter_id is not None and node.db_id != self.chapter_id:
            if all(a.db_id != self.chapter_id for a in node.ancestors()):
                return False
        if self.untagged_only and not (is_clause(node) and session.tag_state(node).untagged):
            return False
        if self.department_id is not None:
            tags = session.effective(node) + session.sentence_assignments(node)
            if all(a.department_id != self.department_id for a in tags):
                return False
        if self.indicator_id is not None:
            ids = {link.indicator_id for link in session.links(node.db_id or -1)}
            for child in node.children:
                if child.kind == "sentence":
                    ids.update(link.indicator_id for link in session.links(child.db_id or -1))
            if self.indicator_id not in ids:
                return False
        if self.text:
            haystack = f"{node.label} {node.title} {node.text}"
            if any(term not in haystack for term in self.text.split()):
                return False
        return True

    def node(self, index: Index) -> PlanNode | None:
        return self.tree.node(self.mapToSource(index)) if index.isValid() else None

    def index_for_id(self, node_id: int | None) -> QModelIndex:
        return self.mapFromSource(self.tree.index_for_id(node_id))
