"""Small read-only values the repository hands out.

They carry ids and plain data, never a connection, so the GUI can keep them,
compare them and pass them between threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.plan import Indicator

LEAD = "lead"
SUPPORT = "support"
ROLES = (LEAD, SUPPORT)

REVIEW_STATUSES = ("unreviewed", "reviewed", "question")


@dataclass(frozen=True)
class Changes:
    """What one write changed, so that views redraw only that.

    `events` are the uuids of the events the write appended (one per write).
    An import fills `plan_ids` only: the whole plan is new.
    """

    node_ids: frozenset[int] = frozenset()
    department_ids: frozenset[int] = frozenset()
    indicator_ids: frozenset[int] = frozenset()
    plan_ids: frozenset[int] = frozenset()
    events: tuple[str, ...] = ()

    @classmethod
    def none(cls) -> Changes:
        """The value of a write that changed nothing (and wrote no event)."""
        return cls()

    def __bool__(self) -> bool:
        return bool(self.events)


@dataclass(frozen=True)
class ImportResult:
    plan_id: int
    created: bool  # False when a plan with the same sha256 was already there
    changes: Changes


@dataclass(frozen=True)
class PlanRecord:
    id: int
    title: str
    source_name: str
    sha256: str
    imported_at: str  # UTC, ISO 8601
    indicator_footnote: str
    node_count: int
    body_start_line: int
    numbering: str = ""  # the heading scheme the importer read
    import_corrections: str = "[]"  # the reviewer's corrections, JSON (core/importing/corrections.py)


@dataclass(frozen=True)
class NodeRecord:
    """One stored node without its children (see Repository.load_plan for trees)."""

    id: int
    plan_id: int
    parent_id: int | None
    key: str
    kind: str
    label: str
    title: str
    text: str
    number: int | None
    position: int  # index among its siblings
    seq: int  # document order within the plan
    depth: int
    content_hash: str
    lines: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class IndicatorRecord:
    """A stored indicator: its database id beside the core value."""

    id: int
    plan_id: int
    indicator: Indicator

    @property
    def key(self) -> str:
        return self.indicator.key


@dataclass(frozen=True)
class Assignment:
    """One department on a node's ordered list (leads first, position 0 leads)."""

    node_id: int
    department_id: int
    department_uid: str
    name: str
    role: str  # "lead" | "support"
    position: int
    retired: bool


@dataclass(frozen=True)
class IndicatorLink:
    node_id: int
    indicator_id: int
    key: str
    name: str
    position: int


@dataclass(frozen=True)
class Note:
    node_id: int
    text: str
    updated_at: str  # UTC, ISO 8601


@dataclass(frozen=True)
class NodeStatus:
    node_id: int
    review_status: str = "unreviewed"
    timing: str = ""  # "" | "within_year" | "ongoing" | "2027"
