"""One fidelity check for every import, whatever the format: nothing of the body is lost.

Every character of the source's body must be in exactly one node of the tree,
or be listed as deliberately skipped (the table of contents, page numbers and
running headers) with its location.  Cells of the indicator table must each
be found in the structured indicators (or in the table's kept text, when a
table could not be read into rows).  Whitespace and markdown markup are
not content (the importer only ever removes whitespace and markup, so nothing
else needs normalising).

Lost text refuses the import (`lost` non-empty): a plan that silently misses a
paragraph leaves a task nobody is assigned to, and the reviewer cannot see the
gap later.  The reviewer can instead mark what the importer misread with
corrections (a heading, front matter, a contents list) and import again.
Characters held twice are a warning (`duplicated`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from workbench.core import plan as P
from workbench.core.importing.headings import clean
from workbench.core.importing.indicator_table import CATEGORY_RE
from workbench.core.plan import Plan, PlanNode


def normalise_text(text: str) -> str:
    """Text as compared: no whitespace."""
    return "".join(text.split())

HEADER_CELL_RE = re.compile(r"^(序号|编号|指标|指标名称|类别|单位|属性|指标属性|目标值|\d{4}年(目标值)?|\d{4}年目标值"
                            r"|年均增[长速](\(%\))?|(五年)?累计|备注)$")
TITLE_LIKE_KINDS = (P.PLAN, P.PART, P.CHAPTER, P.SECTION, P.BOX)


@dataclass
class Loss:
    location: str  # "line 12", "paragraph 40", "page 3"
    text: str


@dataclass
class FidelityReport:
    source_chars: int = 0  # characters of the body (after skipping)
    tree_chars: int = 0  # characters the tree holds (sentences not counted twice)
    skipped_chars: int = 0
    lost: list[Loss] = field(default_factory=list)
    duplicated: list[Loss] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.lost

    def summary(self) -> str:
        return (f"{self.tree_chars} of {self.source_chars} body characters in the tree, "
                f"{self.skipped_chars} skipped on purpose, {sum(len(x.text) for x in self.lost)} lost")


def node_source_text(node: PlanNode, derived: set[str]) -> str:
    """The characters of the source a node holds (a clause's title is made from its text: not counted)."""
    if node.kind == P.SENTENCE:
        return ""
    if node.kind == P.INDICATOR_TABLE:
        return ""  # its lines are checked cell by cell against the indicators and the table's own text
    parts = [node.label, node.text]
    if (node.kind in TITLE_LIKE_KINDS or node.key == "preface") and node.key not in derived:
        parts.insert(1, node.title)
    return "".join(parts)


def check(plan: Plan, lines: list[str], locate=None) -> FidelityReport:
    """Compare the source lines (1-based numbering) with the tree built from them."""
    locate = locate or (lambda n: f"line {n}")
    report = FidelityReport()
    skipped_lines = {line for line, _, _ in plan.skipped}
    report.skipped_chars = sum(len(normalise_text(t)) for _, t, _ in plan.skipped)
    owners: dict[int, list[PlanNode]] = {}
    table_lines: set[int] = set()
    held_by: dict[int, str] = {}
    kept_tables: list[str] = []
    for node in plan.nodes():
        held_by[id(node)] = normalise_text(node_source_text(node, plan.derived_titles))
        if node.kind == P.INDICATOR_TABLE:
            kept_tables += [node.title, node.text]  # a caption line (主要指标表) is the title
            table_lines.update(node.lines)
        for line in node.lines:
            owners.setdefault(line, []).append(node)
    table_text = _indicator_haystack(plan, kept_tables)
    source_parts: list[str] = []
    for n, raw in enumerate(lines, 1):
        text = normalise_text(clean(raw))
        if not text or n in skipped_lines:
            continue
        if n in table_lines:
            for cell in re.split(r"\t| {2,}", raw):
                cell = normalise_text(cell)
                if cell and not _cell_accounted(cell, table_text):
                    report.lost.append(Loss(locate(n), cell))
            continue
        source_parts.append(text)
        held = "".join(held_by[id(o)] for o in owners.get(n, []))
        if text not in held and not _pieces_in(text, owners.get(n, []), plan.derived_titles):
            report.lost.append(Loss(locate(n), clean(raw)))
    source_text, tree_text = "".join(source_parts), "".join(held_by.values())
    report.source_chars, report.tree_chars = len(source_text), len(tree_text)
    if report.source_chars == report.tree_chars and not report.lost:
        return report  # every line is in its nodes and nothing more is held: no need to count characters
    source, tree = Counter(source_text), Counter(tree_text)
    missing = source - tree
    extra = tree - source
    if missing and not report.lost:
        report.lost.append(Loss("somewhere in the body", "".join(sorted(missing.elements()))[:80]))
    if extra:
        report.duplicated.append(Loss("the tree", "".join(sorted(extra.elements()))[:80]))
    return report


def _pieces_in(text: str, owners: list[PlanNode], derived: set[str]) -> bool:
    """A line shared by nodes (a heading and its run-in body): each node holds one piece, in order."""
    rest = text
    for node in owners:
        piece = normalise_text(node_source_text(node, derived))
        if piece and rest.startswith(piece):
            rest = rest[len(piece):]
        elif piece and piece.startswith(rest):
            return True
    return rest == ""


def _indicator_haystack(plan: Plan, kept: list[str]) -> str:
    fields = []
    for ind in plan.indicators:
        fields += [ind.number, ind.category, ind.name, ind.unit, ind.base_value, ind.target_value, ind.attribute]
        if ind.unit:
            fields += [f"{ind.name}({ind.unit})", f"{ind.name}（{ind.unit}）"]
    return normalise_text("\u241f".join(fields + kept) + "\u241f" + plan.indicator_footnote)


def _cell_accounted(cell: str, haystack: str) -> bool:
    cell = re.sub(r"^其中[:：]", "", cell)
    if cell in haystack or HEADER_CELL_RE.match(cell):
        return True
    m = CATEGORY_RE.match(cell)
    return bool(m and normalise_text(m.group(1)) in haystack)


def skipped_runs(plan: Plan) -> list[tuple[int, int, int, str, str]]:
    """Skipped lines, a contents list (or lines in a row) as one run: (first, last, count, reason, first text)."""
    runs: list[list] = []
    for line, text, reason in plan.skipped:
        if runs and runs[-1][3] == reason and (reason == "contents" or line == runs[-1][1] + 1):
            runs[-1][1], runs[-1][2] = line, runs[-1][2] + 1
        else:
            runs.append([line, line, 1, reason, text])
    return [tuple(run) for run in runs]
