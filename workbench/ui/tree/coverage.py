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

from workbench.core.plan import CHAPTER, SENTENCE, PlanNode

if TYPE_CHECKING:
    from workbench.ui.session import Session

REVIEWED, QUESTION = "reviewed", "question"
CLASSES = ("lead", "inherited", "support", "none")  # the coverage chart's series, in order


def coverage_class(source: str, has_lead: bool) -> str:
    """A clause's class in the coverage chart, from its tag state's source and lead."""
    if source in ("own", "sentences"):
        return "lead" if has_lead else "support"
    if source == "inherited":
        return "inherited" if has_lead else "support"
    return "none"


class Coverage:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._lead: dict[int, bool] = {}  # clause id -> has a lead
        self._status: dict[int, str] = {}  # clause id -> review status
        self._counts: dict[int, list[int]] = {}  # container id -> [with lead, clauses]
        self._reviews: dict[int, list[int]] = {}  # plan id -> [reviewed, questioned]
        self._class: dict[int, str] = {}  # clause id -> coverage class
        self._chapter_of: dict[int, int] = {}  # clause id -> its chapter's id
        self._classes: dict[int, dict[str, int]] = {}  # chapter id -> clauses per class
        self._chapters: dict[int, list[PlanNode]] = {}  # plan id -> chapters in document order
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

    def chapters(self, plan_id: int) -> list[PlanNode]:
        self._build(plan_id)
        return self._chapters[plan_id]

    def chapter_classes(self, chapter: PlanNode) -> tuple[int, ...]:
        """Clauses of a chapter per coverage class (CLASSES order)."""
        counts = self._classes.get(chapter.db_id or -1, {})
        return tuple(counts.get(c, 0) for c in CLASSES)

    def _build(self, plan_id: int) -> None:
        if plan_id in self._ready:
            return
        reviews = self._reviews[plan_id] = [0, 0]
        plan = self.session.plan(plan_id)
        chapters = self._chapters[plan_id] = []
        for node in plan.nodes():
            if node.db_id is not None and node.kind != SENTENCE:
                self._counts[node.db_id] = [0, 0]
                if node.kind == CHAPTER:
                    chapters.append(node)
                    self._classes[node.db_id] = dict.fromkeys(CLASSES, 0)
        for clause in self.session.clauses(plan_id):
            state = self.session.tag_state(clause)
            lead = state.has_lead
            status = self.session.status(clause.db_id or -1).review_status
            self._note_class(clause, coverage_class(state.source, lead))
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
            state = self.session.tag_state(clause)
            lead = state.has_lead
            self._note_class(clause, coverage_class(state.source, lead))
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

    def _note_class(self, clause: PlanNode, new: str) -> None:
        clause_id = clause.db_id or -1
        if clause_id not in self._chapter_of:
            chapter = clause.parent
            while chapter is not None and chapter.kind != CHAPTER:
                chapter = chapter.parent
            self._chapter_of[clause_id] = chapter.db_id or -1 if chapter is not None else -1
        counts = self._classes.get(self._chapter_of[clause_id])
        old = self._class.get(clause_id)
        self._class[clause_id] = new
        if counts is not None and old != new:
            if old is not None:
                counts[old] -= 1
            counts[new] += 1

    def _affected(self, node_ids: Iterable[int]) -> list[PlanNode]:
        from workbench.ui.tagging.tag_state import is_clause

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
