"""What importing a revision returns, and a flagged node or orphan as the review lists it.

Kept apart from store.py, whose methods every Repository carries: these classes are built when a
revision is imported or reviewed, not at every command's start.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.core.revision.carry import NodeTags
    from workbench.core.revision.model import Revision


@dataclass(frozen=True)
class RevisionResult:
    plan_id: int
    old_plan_id: int
    created: bool
    revision: Revision | None
    carried: int = 0  # new nodes that received tags
    flagged: int = 0
    orphans: int = 0
    events: int = 0

    def summary(self) -> str:
        if not self.created or self.revision is None:
            return f"plan {self.plan_id} is already the revision of plan {self.old_plan_id}: nothing changed"
        counts = self.revision.counts(frozenset({"clause", "box_item"}))
        changed = ", ".join(f"{counts[k]} {k}" for k in ("unchanged", "moved", "reworded", "split", "merged",
                                                         "deleted", "new") if counts[k])
        indicators = sum(1 for m in self.revision.indicators if m.kind != "unchanged")
        return (f"plan {self.plan_id} is the new version of plan {self.old_plan_id} (now read-only); clauses: "
                f"{changed}; {indicators} indicator(s) changed; tags carried to {self.carried} node(s), "
                f"{self.flagged} flagged for review, {self.orphans} orphan(s)")


@dataclass(frozen=True)
class RevisionItem:
    """A flagged node or an orphan of a revision, as the review lists it."""

    id: int
    plan_id: int
    kind: str  # flag | orphan
    node_key: str | None  # the new node (flags)
    old_keys: tuple[str, ...]
    match_kind: str
    reason: str  # orphans: deleted | indicator
    confidence: float
    tags: NodeTags
    old_text: str
    remarks: tuple[str, ...]
    status: str
    target_key: str | None
