"""How a node stands in the tree: where its departments come from, and whether one leads.

The tree, the filters, the charts and the annotation pane must all agree on
a node's tagging state (its own tags, its sentences' tags, or tags it
inherits from an ancestor), so it is derived in one place: TagDerivation,
which Session takes in, reading the session's cached assignments, statuses
and open conflicts.  Qt-free: plain derivations over the caches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.core.plan import PARAGRAPH_KINDS, PLAN, SENTENCE, PlanNode
from workbench.storage.state.records import LEAD, Assignment, NodeStatus

# Tagging states, as the tree shows them.
STATE_NONE = "none"
STATE_LEAD = "lead"  # the node (or one of its sentences) has a lead
STATE_SUPPORT = "support"  # tags, but no lead (merged or legacy data; the store puts a lead first)
STATE_INHERITED = "inherited"  # no tags of its own; an ancestor's apply
STATE_DISPUTED = "disputed"  # review status "question", or an open merge conflict


@dataclass(frozen=True)
class TagState:
    """How a node stands: where its departments come from and whether one leads."""

    source: str  # "own" | "sentences" | "inherited" | ""
    has_lead: bool
    count: int  # the node's own tags plus its sentences' tags
    disputed: bool
    inherited_from: int | None = None  # the ancestor whose tags apply

    @property
    def state(self) -> str:
        if self.disputed:
            return STATE_DISPUTED
        if self.source in ("own", "sentences"):
            return STATE_LEAD if self.has_lead else STATE_SUPPORT
        if self.source == "inherited":
            return STATE_INHERITED
        return STATE_NONE

    @property
    def untagged(self) -> bool:
        return not self.source


def is_clause(node: PlanNode) -> bool:
    """Clauses in the navigation and coverage sense: paragraphs (clauses and box items)."""
    return node.kind in PARAGRAPH_KINDS


class TagDerivation:
    """The derived tagging state of nodes, for a class holding the caches below (Session)."""

    _assignments: dict[int, list[Assignment]]  # node id -> its own assignments
    _conflicted: set[int]  # nodes with an open merge conflict
    status: Callable[[int], NodeStatus]  # node id -> its review status


    def inherited(self, node: PlanNode) -> tuple[PlanNode, list[Assignment]] | None:
        """The nearest ancestor with departments of its own, and those departments."""
        ancestor = node.parent
        while ancestor is not None and ancestor.kind != PLAN:
            own = self._assignments.get(ancestor.db_id or -1)
            if own:
                return ancestor, own
            ancestor = ancestor.parent
        return None

    def effective(self, node: PlanNode) -> list[Assignment]:
        """The departments that apply to a node: its own, else the inherited ones."""
        own = self._assignments.get(node.db_id or -1)
        if own:
            return own
        found = self.inherited(node)
        return found[1] if found else []

    def sentence_assignments(self, node: PlanNode) -> list[Assignment]:
        result: list[Assignment] = []
        for child in node.children:
            if child.kind == SENTENCE and child.db_id is not None:
                result.extend(self._assignments.get(child.db_id, ()))
        return result

    def tag_state(self, node: PlanNode) -> TagState:
        node_id = node.db_id or -1
        disputed = self.status(node_id).review_status == "question" or node_id in self._conflicted
        own = self._assignments.get(node_id)
        if own:
            return TagState("own", any(a.role == LEAD for a in own), len(own) + len(self.sentence_assignments(node)), disputed)
        sentences = self.sentence_assignments(node) if is_clause(node) else []
        if sentences:
            return TagState("sentences", any(a.role == LEAD for a in sentences), len(sentences), disputed)
        found = self.inherited(node)
        if found:
            ancestor, tags = found
            return TagState("inherited", any(a.role == LEAD for a in tags), 0, disputed, ancestor.db_id)
        return TagState("", False, 0, disputed)
