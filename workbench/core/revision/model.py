"""What matching an old version of a plan to a new one produces: plain values.

A `NodeMatch` pairs old node keys with new node keys and says how the text got
from one to the other.  One match covers every case:

* unchanged  one old node, one new node, same content (only its number label
             may differ, e.g. 专栏9 -> 专栏11 after renumbering);
* moved      same content, but now under another section or chapter;
* reworded   one old node, one new node, the text edited;
* split      one old node, two or more new nodes;
* merged     two or more old nodes, one new node;
* deleted    an old node with no counterpart;
* new        a new node with no counterpart.

Unchanged and moved nodes carry their tags automatically; reworded, split and
merged ones carry them flagged for review; deleted nodes' tags become orphans.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

UNCHANGED = "unchanged"
MOVED = "moved"
REWORDED = "reworded"
SPLIT = "split"
MERGED = "merged"
DELETED = "deleted"
NEW = "new"

MATCH_KINDS = (UNCHANGED, MOVED, REWORDED, SPLIT, MERGED, DELETED, NEW)
# Kinds whose tags move to the new node without a reviewer looking again.
AUTOMATIC_KINDS = frozenset({UNCHANGED, MOVED})
# Kinds whose tags move but are flagged for review.
REVIEW_KINDS = frozenset({REWORDED, SPLIT, MERGED})

# How the match was found, for the report and for tests.
BY_CONTENT = "content"  # identical normalised text
BY_TEXT = "text"  # fuzzy text similarity with context
BY_STRUCTURE = "structure"  # same place between matched neighbours, weak text similarity
BY_CHILDREN = "children"  # a container whose children went to the same new container
BY_ROOT = "root"


@dataclass(frozen=True)
class NodeMatch:
    kind: str
    node_kind: str  # the old node's kind (the new node's for `new`)
    old: tuple[str, ...]  # old node keys (empty for `new`)
    new: tuple[str, ...]  # new node keys (empty for `deleted`)
    confidence: float  # 0..1: 1 for identical content
    method: str = BY_CONTENT
    moved: bool = False  # also under another section or chapter (a reworded node can have moved too)
    renumbered: bool = False  # the number label changed (专栏9 -> 专栏11, 第三节 -> 第二节)

    @property
    def needs_review(self) -> bool:
        return self.kind in REVIEW_KINDS

    @property
    def carries(self) -> bool:
        """Tags of the old node(s) go to the new node(s)."""
        return bool(self.old) and bool(self.new)


@dataclass(frozen=True)
class IndicatorMatch:
    """An indicator of the old version and its counterpart; `changes` are (field, old, new) triples."""

    kind: str  # unchanged | changed | deleted | new
    old: str | None  # old indicator key
    new: str | None
    name: str  # the new name (the old one when deleted)
    changes: tuple[tuple[str, object, object], ...] = ()


@dataclass
class Revision:
    """Every node of the old version matched to the new, and the indicators likewise."""

    matches: list[NodeMatch]
    indicators: list[IndicatorMatch] = field(default_factory=list)
    old_sha256: str = ""
    new_sha256: str = ""

    def __post_init__(self) -> None:
        self._by_old = {key: m for m in self.matches for key in m.old}
        self._by_new = {key: m for m in self.matches for key in m.new}
        self._ind_old = {m.old: m for m in self.indicators if m.old}

    def for_old(self, key: str) -> NodeMatch | None:
        return self._by_old.get(key)

    def for_new(self, key: str) -> NodeMatch | None:
        return self._by_new.get(key)

    def indicator_for_old(self, key: str) -> IndicatorMatch | None:
        return self._ind_old.get(key)

    def counts(self, node_kinds: frozenset[str] | None = None) -> Counter[str]:
        """Matches per kind (optionally of some node kinds only)."""
        return Counter(m.kind for m in self.matches if node_kinds is None or m.node_kind in node_kinds)
