"""One version of a plan indexed for matching: its nodes in document order, its paragraph units and
their normalised text, and each node's container.  Plain values; matching.py pairs two of these."""

from __future__ import annotations

from workbench.core import plan as P
from workbench.core.plan import Plan, PlanNode, normalise_text

UNIT_KINDS = frozenset({P.CLAUSE, P.BOX_ITEM, P.INDICATOR_TABLE})
CONTAINER_KINDS = (P.BOX, P.SECTION, P.CHAPTER, P.PART)  # innermost first


class Side:
    """One version's nodes, indexed for matching."""

    def __init__(self, plan: Plan) -> None:
        self.nodes = list(plan.nodes())
        self.seq = {id(n): i for i, n in enumerate(self.nodes)}
        self.units = [n for n in self.nodes if n.kind in UNIT_KINDS]
        self.text = {id(n): unit_text(n) for n in self.units}
        self.container = {id(n): container_of(n) for n in self.nodes}

    def siblings(self, node: PlanNode) -> tuple[PlanNode | None, PlanNode | None]:
        """The previous and next unit under the same parent."""
        parent = node.parent
        if parent is None:
            return None, None
        units = [c for c in parent.children if c.kind in UNIT_KINDS]
        i = next(k for k, c in enumerate(units) if c is node)
        return (units[i - 1] if i else None), (units[i + 1] if i + 1 < len(units) else None)


def unit_text(node: PlanNode) -> str:
    if node.kind == P.INDICATOR_TABLE:
        return normalise_text("指标表" + node.text)
    return normalise_text(node.text or node.title)


def container_of(node: PlanNode) -> PlanNode | None:
    parent = node.parent
    while parent is not None and parent.kind not in CONTAINER_KINDS and parent.kind != P.PLAN:
        parent = parent.parent
    return parent


def unit_class(node: PlanNode) -> str:
    """Clauses and box items may turn into each other; the indicator table only into itself."""
    return "table" if node.kind == P.INDICATOR_TABLE else "paragraph"
