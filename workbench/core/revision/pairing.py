"""What the matching passes build: which old paragraphs pair with which new ones, and which old
container is which new one.  Each pass reads and extends one Pairing; match_results.py reports it."""

from __future__ import annotations

from workbench.core.plan import Plan, PlanNode
from workbench.core.revision.sides import Side


class Pairing:
    def __init__(self, old: Plan, new: Plan) -> None:
        self.old_plan, self.new_plan = old, new
        self.old, self.new = Side(old), Side(new)
        # Paragraph pairing: old unit id -> group; a group is (old units, new units, method, score).
        self.groups: list[tuple[list[PlanNode], list[PlanNode], str, float]] = []
        self.old_taken: dict[int, int] = {}  # id(old node) -> group index
        self.new_taken: dict[int, int] = {}
        self.counterpart: dict[int, PlanNode] = {}  # id(old container) -> new container
        self.container_score: dict[int, tuple[str, float]] = {}

    def pair(self, olds: list[PlanNode], news: list[PlanNode], method: str, score: float) -> None:
        index = len(self.groups)
        self.groups.append((olds, news, method, score))
        for n in olds:
            self.old_taken[id(n)] = index
        for n in news:
            self.new_taken[id(n)] = index

    def free_old(self) -> list[PlanNode]:
        return [n for n in self.old.units if id(n) not in self.old_taken]

    def free_new(self) -> list[PlanNode]:
        return [n for n in self.new.units if id(n) not in self.new_taken]
