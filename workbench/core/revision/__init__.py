"""Revised drafts of a plan: match every node and indicator of the old version to the new.

Plain Python on rapidfuzz; no Qt, no SQL.  `match_plans(old, new)` returns a
`Revision`; storage/revision/ carries tags along it.
"""

from __future__ import annotations

from workbench.core.revision.model import (
    AUTOMATIC_KINDS, DELETED, MATCH_KINDS, MERGED, MOVED, NEW, REVIEW_KINDS, REWORDED, SPLIT, UNCHANGED,
    IndicatorMatch, NodeMatch, Revision,
)

__all__ = [
    "AUTOMATIC_KINDS", "DELETED", "MATCH_KINDS", "MERGED", "MOVED", "NEW", "REVIEW_KINDS", "REWORDED", "SPLIT",
    "UNCHANGED", "IndicatorMatch", "NodeMatch", "Revision", "match_plans",
]  # fmt: skip


def __getattr__(name: str):
    """match_plans on first use: matching imports rapidfuzz, which commands that never match plans skip."""
    if name == "match_plans":
        from workbench.core.revision.matching import match_plans

        return match_plans
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
