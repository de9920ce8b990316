"""The plan tree: plain dataclasses shared by the importer, the store and the GUI.

A plan document becomes a tree of `PlanNode` objects (plan > part > chapter >
section > clause > sentence, with boxes and their items inside sections) plus a
list of structured `Indicator` rows taken from the indicator table.  Nothing
here knows about SQLite or Qt.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

# Node kinds, in the plan's own vocabulary.
PLAN = "plan"
PART = "part"  # 篇
CHAPTER = "chapter"  # 章
SECTION = "section"  # 节
CLAUSE = "clause"  # one paragraph
SENTENCE = "sentence"
BOX = "box"  # 专栏
BOX_ITEM = "box_item"  # （一） / 1. inside a box
INDICATOR_TABLE = "indicator_table"

NODE_KINDS = (PLAN, PART, CHAPTER, SECTION, CLAUSE, SENTENCE, BOX, BOX_ITEM, INDICATOR_TABLE)

# Kinds a reviewer tags: the text-bearing units of the plan.
TAGGABLE_KINDS = frozenset({CLAUSE, SENTENCE, BOX, BOX_ITEM, INDICATOR_TABLE, SECTION, CHAPTER, PART})
# Kinds whose body is a paragraph (they own sentences).
PARAGRAPH_KINDS = frozenset({CLAUSE, BOX_ITEM})


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def content_hash(*parts: str) -> str:
    """A short, stable hash of a node's visible content (16 hex digits)."""
    # One normalisation of the joined parts; the separator survives NFKC and str.split().
    digest = hashlib.sha256(normalise_text("\u241f".join(parts)).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(eq=False)
class PlanNode:
    """One node of the plan tree.

    `key` is a readable path (ch04/s02/p03, box07/i02, preface); together with
    `content_hash` it identifies the node across revised drafts of a plan.
    `lines` are the 1-based source line numbers the node consumed itself
    (headings, paragraphs), not those of its children.
    """

    kind: str
    key: str
    label: str = ""  # number label: 第三章, 第一节, 专栏7, （一）, 1.
    title: str = ""
    text: str = ""
    number: int | None = None  # the label's number, when it has one
    lines: list[int] = field(default_factory=list)
    children: list[PlanNode] = field(default_factory=list)
    parent: PlanNode | None = field(default=None, repr=False)
    row: int = 0  # cached index in parent.children
    db_id: int | None = None  # filled in by the store

    def add(self, child: PlanNode) -> PlanNode:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    @cached_property
    def content_hash(self) -> str:
        """Computed once: nodes are not edited after the importer built them."""
        return content_hash(self.kind, self.label, self.title, self.text)

    @property
    def display(self) -> str:
        """Label and title as a reader sees them in a tree."""
        if self.label and self.title:
            return f"{self.label} {self.title}"
        return self.label or self.title

    def walk(self) -> Iterator[PlanNode]:
        """This node and all descendants, in document order (iteratively: no generator chain per level)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def ancestors(self) -> list[PlanNode]:
        """Ancestors from the root down to the parent."""
        chain: list[PlanNode] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    def find(self, key: str) -> PlanNode | None:
        return next((n for n in self.walk() if n.key == key), None)


@dataclass
class Indicator:
    """One row of the plan's indicator table (主要指标), or a sub-row of one."""

    key: str  # ind10, ind10.1
    number: str  # "10", "10.1"
    category: str  # 高质量发展 ...
    name: str
    unit: str = ""
    base_year: int | None = None  # 2025
    base_value: str = ""  # as printed, markers included: "4.4*"
    target_year: int | None = None  # 2030
    target_value: str = ""
    attribute: str = ""  # 预期性 / 约束性
    five_year_average: bool = False  # value marked *
    five_year_cumulative: bool = False  # value in 〔〕
    base_estimated: bool = False  # the footnote says the base value is an estimate
    parent_key: str | None = None
    position: int = 0  # order in the table

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class TocEntry:
    """One heading as the table of contents lists it."""

    kind: str
    label: str
    title: str
    page: str = ""
    within: str = ""  # label of the enclosing chapter (for sections) or part (for chapters)


@dataclass
class Plan:
    """A whole imported plan: its tree, indicators and provenance."""

    title: str
    root: PlanNode
    indicators: list[Indicator] = field(default_factory=list)
    indicator_footnote: str = ""
    toc: list[TocEntry] = field(default_factory=list)
    source_name: str = ""
    sha256: str = ""
    body_start_line: int = 1  # first line after the table of contents
    warnings: list[str] = field(default_factory=list)
    numbering: str = ""  # the heading scheme read: "第X章 > 第X节", "一、 > （一） > 1."
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, reason) kept out on purpose
    derived_titles: set[str] = field(default_factory=set)  # keys whose title was made up, not read
    fidelity: object | None = None  # importing.fidelity.FidelityReport, set by the importer
    corrections: tuple = ()  # the reviewer's corrections applied (importing.corrections.Correction)
    line_locations: list[str] = field(default_factory=list)  # where source line n is, when not "line n"

    def locate(self, line: int) -> str:
        """A source line as a reader finds it: `line 12`, or `paragraph 40` in a Word file."""
        if 0 < line <= len(self.line_locations):
            return self.line_locations[line - 1]
        return f"line {line}"

    def nodes(self) -> Iterator[PlanNode]:
        return self.root.walk()

    def count(self, kind: str) -> int:
        return sum(1 for n in self.nodes() if n.kind == kind)
