"""The GUI's picture of one open workspace, kept in step with the store.

Views never query the store themselves: they read the plan trees and the
cached annotations (assignments, indicator links, review status) held here,
and listen to `changed`.  Every write goes through a Repository method whose
`Changes` value is handed to `apply()`, which re-reads exactly the nodes,
departments and plans named there and then tells the views, so each view
redraws only what changed.

The tagging state of a node (its own tags, its sentences' tags, or tags it
inherits from an ancestor) is derived from these caches by the session too
(ui.tagging.tag_state), so the tree, the filters, the charts and the
annotation pane all agree on it.

A workspace may hold a city's whole set of plans.  Every plan is known by
its record and its root (a heading); its tree and annotations are loaded
when first asked for (`plan()`, `reveal()`), and a small workspace (up to
EAGER_NODES nodes) is loaded whole at once.  Coverage counts are kept up to
date from each write's Changes (ui.tree.coverage), not recomputed.

GUI thread only (the repository's connection belongs to it).
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QObject, Signal

from workbench.core.departments import Department
from workbench.core.plan import PLAN, Plan, PlanNode
from workbench.storage.audit.audit import Reviewer
from workbench.storage.state.records import Assignment, Changes, IndicatorLink, IndicatorRecord, NodeStatus, PlanRecord
from workbench.storage.repository import Repository

from workbench.ui.tagging.tag_state import TagDerivation, is_clause
from workbench.ui.tree.coverage import Coverage

EAGER_NODES = 20_000  # a workspace of at most this many nodes is loaded whole at start


class Session(TagDerivation, QObject):
    changed = Signal(object)  # Changes, after the caches were refreshed
    plan_added = Signal(int)  # plan id, after its tree was loaded
    departments_changed = Signal(object)  # frozenset of department ids
    reviewer_changed = Signal(object)  # Reviewer
    write_failed = Signal(str)  # a write the store refused (StoreError), one line
    history_failed = Signal(str)  # an undo/redo write failed: the undo stack no longer matches
    history_refused = Signal(str)  # an undo/redo refused: someone else changed the node since (one line)

    def __init__(self, repo: Repository, *, path: object = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.path = path  # the workspace file, for workers that open their own connection
        self._plans: dict[int, Plan] = {}
        self._records: dict[int, PlanRecord] = {}
        self._nodes: dict[int, PlanNode] = {}
        self._plan_of: dict[int, int] = {}
        self._assignments: dict[int, list[Assignment]] = {}
        self._links: dict[int, list[IndicatorLink]] = {}
        self._statuses: dict[int, NodeStatus] = {}
        self._indicators: dict[int, list[IndicatorRecord]] = {}
        self._departments: dict[int, Department] = {}
        self._roots: dict[int, PlanNode] = {}  # plan id -> root (a heading until the plan is loaded)
        self.coverage_counts = Coverage(self)
        self._clauses: dict[int, list[PlanNode]] = {}
        self._order: dict[int, dict[int, int]] = {}  # plan id -> node id -> document position
        self._clause_positions: dict[int, list[int]] = {}  # plan id -> positions of its clauses, for bisect
        self._conflicted: set[int] = set()  # nodes with an open merge conflict
        self._conflict_targets: set[tuple[str, str]] = set()  # (plan sha256, node key) of open conflicts
        # (node id, event subject) -> uuid of the newest event about it as this window's own last write left it:
        # undo/redo write only while that is still the head (commands.py, storage.fences)
        self.own_heads: dict[tuple[int, str], str | None] = {}
        self.read_only = ""  # why the workspace is open for reading only; "" when it can be written
        self._load_departments()

    # -- loading ----------------------------------------------------------

    def load(self, *, eager_nodes: int = EAGER_NODES) -> None:
        """Know every plan of the workspace; load every tree too when they hold at most `eager_nodes` nodes
        together (else each waits until it is opened: the window opens the reviewer's last plan)."""
        roots = self.repo.plan_roots()
        records = [r for r in self.repo.plans() if r.id not in self._records]
        eager = sum(r.node_count for r in records) <= eager_nodes
        for record in records:
            self._add_heading(record, roots.get(record.id))
        for record in records if eager else ():
            self._load_plan(record)
        self.reload_conflicts()

    def _add_heading(self, record: PlanRecord, root_id: int | None) -> None:
        self._records[record.id] = record
        if root_id is not None:
            root = PlanNode(kind=PLAN, key="", title=record.title, db_id=root_id)
            self._roots[record.id] = root
            self._nodes[root_id] = root
            self._plan_of[root_id] = record.id

    def reload_conflicts(self) -> None:
        """Re-read which nodes have an open merge conflict (after a merge or a resolution)."""
        from workbench.storage.disputes.conflicts import open_conflict_targets

        targets = open_conflict_targets(self.repo.db)
        if not targets and not self._conflicted:
            return
        self._conflict_targets = targets
        self._conflicted = set()
        for plan_id in self.loaded_plan_ids:
            self._mark_conflicts(plan_id)

    def reload_conflicts_of(self, node_ids) -> None:
        """After a decision: whether these nodes still have an open merge conflict (one indexed read each)."""
        from workbench.storage.disputes.conflicts import open_conflict_at

        for node_id in node_ids:
            node, plan_id = self._nodes.get(node_id), self._plan_of.get(node_id)
            if node is None or plan_id not in self._records:
                continue
            target = (self._records[plan_id].sha256, node.key)
            if open_conflict_at(self.repo.db, *target):
                self._conflict_targets.add(target)
                self._conflicted.add(node_id)
            else:
                self._conflict_targets.discard(target)
                self._conflicted.discard(node_id)

    def _mark_conflicts(self, plan_id: int) -> None:
        sha = self._records[plan_id].sha256
        keys = {key for target_sha, key in self._conflict_targets if target_sha == sha}
        if keys:
            self._conflicted.update(n.db_id for n in self._plans[plan_id].nodes() if n.key in keys and n.db_id is not None)

    def _load_plan(self, record: PlanRecord) -> None:
        plan = self.repo.load_plan(record.id)
        order = self._order[record.id] = {}
        for position, node in enumerate(plan.nodes()):
            if node.db_id is not None:
                self._nodes[node.db_id] = node
                self._plan_of[node.db_id] = record.id
                order[node.db_id] = position
        self._assignments.update(self.repo.assignments_for_plan(record.id))
        self._links.update(self.repo.links_for_plan(record.id))
        self._statuses.update(self.repo.statuses_for_plan(record.id))
        self._indicators[record.id] = self.repo.indicators(record.id)
        self._clauses[record.id] = [n for n in plan.nodes() if is_clause(n)]
        self._clause_positions.pop(record.id, None)
        self._records[record.id] = record
        self._roots[record.id] = plan.root
        self._plans[record.id] = plan
        if self._conflict_targets:
            self._mark_conflicts(record.id)
        self.plan_added.emit(record.id)

    def _load_departments(self) -> None:
        self._departments = {
            d.db_id: d for d in self.repo.departments(include_retired=True) if d.db_id is not None
        }

    # -- plans and nodes --------------------------------------------------

    @property
    def plan_ids(self) -> list[int]:
        """Every plan of the workspace, loaded or not, in import order."""
        return list(self._records)

    @property
    def loaded_plan_ids(self) -> list[int]:
        return [plan_id for plan_id in self._records if plan_id in self._plans]

    def is_loaded(self, plan_id: int) -> bool:
        return plan_id in self._plans

    def plan(self, plan_id: int) -> Plan:
        """The plan's tree, loaded now if it was only a heading."""
        if plan_id not in self._plans:
            self._load_plan(self._records[plan_id])
        return self._plans[plan_id]

    def root(self, plan_id: int) -> PlanNode | None:
        """The plan's root node, without loading its tree."""
        return self._roots.get(plan_id)

    def reveal(self, node_id: int | None) -> PlanNode | None:
        """A node of any plan, loading that plan's tree first if needed."""
        if node_id is None:
            return None
        plan_id = self._plan_of.get(node_id)
        if plan_id is None:
            record = self.repo.node(node_id)
            if record is None or record.plan_id not in self._records:
                return None
            plan_id = record.plan_id
        if not self.is_loaded(plan_id):
            self.plan(plan_id)
        return self.node(node_id)

    def position(self, node: PlanNode) -> int:
        """The node's place in its plan's document order."""
        return self._order.get(self._plan_of.get(node.db_id or -1, -1), {}).get(node.db_id or -1, 0)

    def plan_record(self, plan_id: int) -> PlanRecord:
        return self._records[plan_id]

    def node(self, node_id: int | None) -> PlanNode | None:
        return None if node_id is None else self._nodes.get(node_id)

    def plan_id_of(self, node_id: int) -> int | None:
        return self._plan_of.get(node_id)

    def plan_root_of(self, node: PlanNode) -> PlanNode:
        while node.parent is not None:
            node = node.parent
        return node

    def clauses(self, plan_id: int | None = None) -> list[PlanNode]:
        """Clauses (paragraph nodes) in document order, of one loaded plan or of all loaded plans."""
        if plan_id is not None:
            return self._clauses.get(plan_id, [])
        return [n for pid in self.loaded_plan_ids for n in self._clauses[pid]]

    def clause_positions(self, plan_id: int) -> list[int]:
        """The document positions of clauses(plan_id), in that order (J bisects them)."""
        positions = self._clause_positions.get(plan_id)
        if positions is None:
            positions = self._clause_positions[plan_id] = [self.position(c) for c in self._clauses.get(plan_id, [])]
        return positions

    def indicators(self, plan_id: int) -> list[IndicatorRecord]:
        return self._indicators.get(plan_id, [])

    def indicator(self, indicator_id: int) -> IndicatorRecord | None:
        for records in self._indicators.values():
            for record in records:
                if record.id == indicator_id:
                    return record
        return None

    # -- departments ------------------------------------------------------

    def departments(self, *, include_retired: bool = False) -> list[Department]:
        """In official order (the store's order)."""
        return [d for d in self._departments.values() if include_retired or not d.retired]

    def department(self, department_id: int) -> Department | None:
        return self._departments.get(department_id)

    def department_by_uid(self, uid: str) -> Department | None:
        department = self.repo.department_by_uid(uid)
        return self._departments.get(department.db_id) if department and department.db_id else None

    # -- annotations ------------------------------------------------------

    def assignments(self, node_id: int) -> list[Assignment]:
        return self._assignments.get(node_id, [])

    def links(self, node_id: int) -> list[IndicatorLink]:
        return self._links.get(node_id, [])

    def status(self, node_id: int) -> NodeStatus:
        return self._statuses.get(node_id) or NodeStatus(node_id)

    def note(self, node_id: int) -> str:
        note = self.repo.note(node_id)
        return note.text if note else ""

    def all_links(self) -> dict[int, list[IndicatorLink]]:
        return self._links

    def all_assignments(self) -> dict[int, list[Assignment]]:
        return self._assignments

    # -- derived state (tag_state.TagDerivation) -------------------------

    def coverage(self, node: PlanNode) -> tuple[int, int]:
        """(clauses with a lead, clauses) under a container node of a loaded plan; (0, 0) for a heading."""
        return self.coverage_counts.of(node)

    # -- writes -----------------------------------------------------------

    @property
    def reviewer(self) -> Reviewer:
        return self.repo.reviewer

    def set_reviewer(self, reviewer: Reviewer) -> None:
        self.repo.reviewer = reviewer
        self.reviewer_changed.emit(reviewer)

    def apply(self, changes: Changes) -> Changes:
        """Refresh what `changes` names from the store, then emit `changed` (if anything did)."""
        if not changes:
            return changes
        for plan_id in sorted(changes.plan_ids):
            if plan_id not in self._plans:
                record = self.repo.plan(plan_id)
                if record is not None:
                    if plan_id not in self._records:
                        self._add_heading(record, self.repo.plan_roots().get(plan_id))
                    self._load_plan(record)
        changed_departments = frozenset(d for d in changes.department_ids if self._refresh_department(d))
        for node_id in changes.node_ids:
            if node_id not in self._nodes:
                continue
            self._set(self._assignments, node_id, self.repo.assignments(node_id))
            self._set(self._links, node_id, self.repo.indicator_links(node_id))
            self._statuses[node_id] = self.repo.status(node_id)
        self.coverage_counts.update(n for n in changes.node_ids if n in self._nodes)
        if changed_departments:
            self.departments_changed.emit(changed_departments)
        self.changed.emit(changes)
        return changes

    def describe_failure(self, exc: BaseException) -> str:
        """A write that failed, in one line the reviewer can act on (who holds the lock, a full disk...)."""
        from PySide6.QtCore import QCoreApplication

        from workbench.storage.files.busy import is_busy

        translate = QCoreApplication.translate
        text = str(exc)
        if is_busy(exc):
            from pathlib import Path

            from workbench.storage.files.locks import lock_holder

            holder = lock_holder(Path(str(self.path))) if self.path else None
            return translate("Session", "工作区正被 %1 占用，请稍后再试").replace("%1", holder or translate("Session", "其他程序"))
        code = getattr(exc, "errno", None)
        if "readonly" in text or "read-only" in text or code == errno.EROFS:
            return translate("Session", "工作区为只读（%1）").replace("%1", text)
        if "full" in text or code == errno.ENOSPC:
            return translate("Session", "磁盘已满（%1）").replace("%1", text)
        return text

    def reload(self) -> Changes:
        """Re-read everything from the store (after a restore, or writes this window cannot pin down).

        Plans new in the store are added; annotations, departments and
        conflicts of every loaded plan are read again in bulk; the views are
        told that every node and department may have changed.
        """
        self.load()
        self._load_departments()
        node_ids: set[int] = set()
        for plan_id in list(self._plans):
            if self.repo.plan(plan_id) is None:
                continue  # gone from the store (a restored older copy): kept on screen, nothing to re-read
            for cache, read in ((self._assignments, self.repo.assignments_for_plan),
                                (self._links, self.repo.links_for_plan),
                                (self._statuses, self.repo.statuses_for_plan)):  # fmt: skip
                for node in self._plans[plan_id].nodes():
                    if node.db_id is not None:
                        cache.pop(node.db_id, None)
                cache.update(read(plan_id))
            self._indicators[plan_id] = self.repo.indicators(plan_id)
            node_ids.update(n.db_id for n in self._plans[plan_id].nodes() if n.db_id is not None)
        self._conflicted = set()
        self.reload_conflicts()
        self.coverage_counts = Coverage(self)  # recounted when next asked
        changes = Changes(node_ids=frozenset(node_ids), department_ids=frozenset(self._departments), events=("reload",))
        self.departments_changed.emit(changes.department_ids)
        self.changed.emit(changes)
        return changes

    def _refresh_department(self, department_id: int) -> bool:
        fresh = self.repo.department(department_id)
        if fresh is None:
            return False
        old = self._departments.get(department_id)
        if old is not None and (old.name, old.retired, old.aliases, old.full_name) == (
            fresh.name, fresh.retired, fresh.aliases, fresh.full_name,
        ):  # fmt: skip
            return False
        self._departments[department_id] = fresh
        if old is None:  # a new department: keep the store's official order
            self._load_departments()
        return True

    @staticmethod
    def _set(cache: dict, node_id: int, values: list) -> None:
        if values:
            cache[node_id] = values
        else:
            cache.pop(node_id, None)
