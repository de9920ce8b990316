"""Coverage and review counts, kept up to date from each write's Changes.

For every loaded plan: which clauses have a lead (their own, their
sentences' or an inherited one), the (clauses with a lead, clauses) of every
container, and how many clauses are reviewed or questioned.  A plan is
counted once, when first asked; afterwards a write re-derives only the
clauses it can affect (the node itself, its clause when it is a sentence,
the clauses below it when it is a container, whose inherited tags changed)
and moves the counts of their ancestors by the difference.  So a keypress
costs the size of what it touched, not the size of the workspace.

GUI thread only (reads the session's caches).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbench.core.plan import SENTENCE, PlanNode

if TYPE_CHECKING:
    from workbench.ui.session import Session

REVIEWED, QUESTION = "reviewed", "question"


class Coverage:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._lead: dict[int, bool] = {}  # clause id -> has a lead
        self._status: dict[int, str] = {}  # clause id -> review status
        self._counts: dict[int, list[int]] = {}  # container id -> [with lead, clauses]
        self._reviews: dict[int, list[int]] = {}  # plan id -> [reviewed, questioned]
        self._ready: set[int] = set()

    def of(self, node: PlanNode) -> tuple[int, int]:
        """(clauses with a lead, clauses) under a container node."""
        plan_id = self.session.plan_id_of(node.db_id or -1)
        if plan_id is None or not self.session.is_loaded(plan_id):
            return (0, 0)
        self._build(plan_id)
        with_lead, total = self._counts.get(node.db_id or -1, (0, 0))
        return with_lead, total

    def totals(self, plan_ids: Iterable[int]) -> tuple[int, int, int, int]:
        """(clauses, with a lead, reviewed, questioned) over the given loaded plans."""
        clauses = with_lead = reviewed = questioned = 0
        for plan_id in plan_ids:
            self._build(plan_id)
            root = self.session.plan(plan_id).root
            lead, total = self._counts.get(root.db_id or -1, (0, 0))
            clauses += total
            with_lead += lead
            reviewed += self._reviews[plan_id][0]
            questioned += self._reviews[plan_id][1]
        return clauses, with_lead, reviewed, questioned

    def forget(self, plan_id: int) -> None:
        self._ready.discard(plan_id)

    def _build(self, plan_id: int) -> None:
        if plan_id in self._ready:
            return
        reviews = self._reviews[plan_id] = [0, 0]
        plan = self.session.plan(plan_id)
        for node in plan.nodes():
            if node.db_id is not None and node.kind != SENTENCE:
                self._counts[node.db_id] = [0, 0]
        for clause in self.session.clauses(plan_id):
            lead = self.session.tag_state(clause).has_lead
            status = self.session.status(clause.db_id or -1).review_status
            self._lead[clause.db_id or -1] = lead
            self._status[clause.db_id or -1] = status
            reviews[0] += status == REVIEWED
            reviews[1] += status == QUESTION
            ancestor = clause.parent
            while ancestor is not None:
                entry = self._counts[ancestor.db_id or -1]
                entry[0] += lead
                entry[1] += 1
                ancestor = ancestor.parent
        self._ready.add(plan_id)

    def update(self, node_ids: Iterable[int]) -> set[int]:
        """Re-derive the clauses the changed nodes can affect; return the ids whose counts moved."""
        moved: set[int] = set()
        for clause in self._affected(node_ids):
            clause_id = clause.db_id or -1
            plan_id = self.session.plan_id_of(clause_id)
            if plan_id not in self._ready or clause_id not in self._lead:
                continue
            lead = self.session.tag_state(clause).has_lead
            status = self.session.status(clause_id).review_status
            old_status = self._status[clause_id]
            if status != old_status:
                reviews = self._reviews[plan_id]
                reviews[0] += (status == REVIEWED) - (old_status == REVIEWED)
                reviews[1] += (status == QUESTION) - (old_status == QUESTION)
                self._status[clause_id] = status
            if lead != self._lead[clause_id]:
                self._lead[clause_id] = lead
                ancestor = clause.parent
                while ancestor is not None:
                    self._counts[ancestor.db_id or -1][0] += 1 if lead else -1
                    moved.add(ancestor.db_id or -1)
                    ancestor = ancestor.parent
        return moved

    def _affected(self, node_ids: Iterable[int]) -> list[PlanNode]:
        from workbench.ui.session import is_clause

        seen: set[int] = set()
        found: list[PlanNode] = []
        for node_id in node_ids:
            node = self.session.node(node_id)
            if node is None:
                continue
            if node.kind == SENTENCE and node.parent is not None:
                node = node.parent
            below = [node] if is_clause(node) else [n for n in node.walk() if is_clause(n)]
            for clause in below:
                if clause.db_id not in seen:
                    seen.add(clause.db_id or -1)
                    found.append(clause)
        return found
