"""Numbered lines of a plan -> the plan tree.

The reading order of a plan outline: front matter (title, approval note,
前言), the table of contents (kept out of the tree), then 篇/章/节 headings with
paragraphs; 专栏 boxes sit inside sections and hold an optional introduction
and items （一）（二）… or 1. 2.; one box holds the indicator table.  A box ends
at the first ordinary paragraph after its items, at two blank lines, or at the
next heading.  Every non-blank line outside the table of contents ends up in
exactly one node's `lines`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core import plan as P
from workbench.core.importing.applied import Applied, apply_splits
from workbench.core.importing.applied import apply as apply_corrections
from workbench.core.importing.boxes import Boxes
from workbench.core.importing.heading_titles import HeadingTitles
from workbench.core.importing.corrections import normalise
from workbench.core.importing.front_matter import FrontMatter
from workbench.core.importing.headings import Heading, clean, ends_paragraph, match_heading, match_item
from workbench.core.importing.numbering import ARTICLE, ITEM_STYLES, Scheme, heading_split, match_numbered
from workbench.core.importing.scheme_scan import scan_scheme
from workbench.core.importing.toc import TableOfContents, contents_at, find_toc, running_headers
from workbench.core.importing.units import split_units
from workbench.core.importing.wrapping import measure, unspace
from workbench.core.plan import Plan, PlanNode
from workbench.core.sentences import paragraph_title, split_sentences

class StructureError(ValueError):
    """The text has no recognisable plan structure."""


@dataclass
class _Cursor:
    part: PlanNode | None = None
    chapter: PlanNode | None = None
    section: PlanNode | None = None
    box: PlanNode | None = None
    box_has_items: bool = False
    counters: dict[str, int] = field(default_factory=dict)


class OutlineBuilder(FrontMatter, Boxes, HeadingTitles):
    def __init__(self, lines: list[str], source_name: str, locate=None,
                 heading_levels: dict[int, int] | None = None, furniture: set[int] | None = None,
                 corrections=()) -> None:
        self.known_furniture = furniture or set()  # source lines a reader marked as headers/footers
        self.locate = locate or (lambda line: f"line {line}")
        self.corrections = normalise(corrections)
        units, starts = apply_splits(split_units(lines), self.corrections)
        self.raw = [u.raw for u in units]
        self.ln = [u.line for u in units]  # unit index -> 1-based source line
        self.text = [clean(raw) for raw in self.raw]
        self.wrap = measure(self.raw)
        if self.wrap.width is not None:  # text from a PDF: drop the spaces the extractor put beside CJK
            self.text = [t if raw.startswith("\t") else unspace(t) for t, raw in zip(self.text, self.raw)]
        self.source_name = source_name
        self.headers = running_headers(self.raw, self.text)  # running headers of a PDF's text (toc.py)
        self.toc: TableOfContents = find_toc(self.raw, ignore=self.headers)
        self.scheme: Scheme = scan_scheme(self.raw, self.text, self.toc.end if self.toc else 0)
        self.skipped: list[tuple[int, str, str]] = []  # (line, text, reason): deliberately not in the tree
        self.derived_titles: set[str] = set()  # keys whose title is made from their text, not read
        self.styled = self._styled_headings(heading_levels or {})
        self.fix = Applied()
        self.fix = apply_corrections(self.corrections, self.ln, self.text, starts, self.match_at)
        if self.fix.contents is not None:
            self.toc = contents_at(self.raw, *self.fix.contents)
        self.root = PlanNode(P.PLAN, "plan")
        self.cur = _Cursor()
        self.warnings: list[str] = []
        self.keys: set[str] = set()
        self.indicator_table = None
        self.furniture: set[int] = set()

    # -- entry point -------------------------------------------------------
    def match(self, text: str) -> Heading | None:
        """A structural line under this document's scheme: heading, 专栏, or numbered clause."""
        heading = match_heading(text)
        if heading is not None:
            if heading.kind == P.BOX:
                return heading
            heading.style = "第X" + heading.label[-1]
            kind = self.scheme.kind(heading.style)
            if kind in (P.PART, P.CHAPTER, P.SECTION):
                heading.kind = kind
                return heading
            return None if kind is None else Heading(P.CLAUSE, heading.label, heading.number, "", heading.style,
                                                     heading.title)
        numbered = match_numbered(text)
        if numbered is None:
            return None
        kind = P.CLAUSE if numbered.style == ARTICLE else self.scheme.kind(numbered.style)
        if kind is None:
            return None
        split = heading_split(numbered.rest) if kind != P.CLAUSE else None
        if split is None:
            return Heading(P.CLAUSE, numbered.label, numbered.number, "", numbered.style, numbered.rest)
        return Heading(kind, numbered.label, numbered.number, split[0], numbered.style, split[1])

    def _styled_headings(self, levels: dict[int, int]) -> dict[int, Heading]:
        """Word paragraphs in a Heading 1/2 style with no number in their text: chapters and sections."""
        styled: dict[int, Heading] = {}
        chapters = sections = 0
        for i, line in enumerate(self.ln):
            level = levels.get(line)
            text = self.text[i]
            if level is None:
                heading = self.match(text) if text else None
                if heading is not None and heading.kind == P.CHAPTER:
                    chapters, sections = heading.number, 0
                continue
            if level > 2 or not text or self.match(text) is not None or len(text) > 60 or ends_paragraph(text):
                continue
            if level == 1:
                chapters, sections = chapters + 1, 0
                styled[i] = Heading(P.CHAPTER, "", chapters, text, "Heading 1")
            else:
                sections += 1
                styled[i] = Heading(P.SECTION, "", sections, text, "Heading 2")
        return styled

    def match_at(self, i: int) -> Heading | None:
        """match() for unit i, or the heading its Word style or a reviewer's correction makes it."""
        if i in self.fix.headings:
            h = self.fix.headings[i]
            return Heading(h.kind, h.label, h.number, h.title, h.style, "")
        if i in self.fix.body:
            return None
        if i in self.styled:
            h = self.styled[i]
            return Heading(h.kind, h.label, h.number, h.title, h.style, "")
        return self.match(self.text[i])

    def build(self) -> Plan:
        body_start = self.toc.end if self.toc else self._first_heading_index()
        front_end = self.toc.start if self.toc else body_start
        if self.fix.front_end is not None and not self.toc:  # the reviewer said where the front matter ends
            front_end = body_start = max(self.fix.front_end, min(body_start, self.fix.front_end))
        self.furniture = self._page_furniture(0)
        self._front_matter(0, front_end)
        for i in range(front_end, body_start):
            if self.text[i]:
                self.skipped.append((self.ln[i], self.text[i], "contents"))
        self._body(body_start)
        if not any(n.kind in (P.CHAPTER, P.PART, P.SECTION) for n in self.root.walk()):
            raise StructureError("no recognisable plan structure (no headings numbered 第…篇/章/节 or 一、（一）1.)")
        self._cross_check_toc()
        plan = Plan(
            title=self.root.title, root=self.root, toc=self.toc.entries, source_name=self.source_name,
            body_start_line=self.ln[body_start] if body_start < len(self.ln) else len(self.ln) + 1,
            warnings=self.warnings, numbering=self.scheme.describe(), skipped=self.skipped,
            derived_titles=self.derived_titles, corrections=self.corrections,
        )
        if self.indicator_table is not None:
            plan.indicators = self.indicator_table.indicators
            plan.indicator_footnote = self.indicator_table.footnote
            self.warnings.extend(self.indicator_table.warnings)
        return plan

    def _first_heading_index(self) -> int:
        for i, text in enumerate(self.text):
            heading = self.match_at(i) if text else None
            if heading is not None and heading.kind in (P.PART, P.CHAPTER, P.SECTION):
                return i
        return len(self.text)

    # -- body --------------------------------------------------------------
    def _body(self, start: int) -> None:
        i = start
        n = len(self.text)
        blank_run = 0
        while i < n:
            text = self.text[i]
            if i in self.furniture:
                i += 1
                continue
            if not text:
                blank_run += 1
                i += 1
                continue
            heading = self.match_at(i)
            if self.cur.box is not None and heading is not None and heading.style in ITEM_STYLES \
                    and self._continues_items(heading):
                heading = None  # （三） after a box's （二） is its next item, not a section
            if heading is not None and heading.kind == P.CLAUSE:
                i = self._numbered_clause(i, heading)
            elif heading is not None:
                i = self._heading(i, heading)
            elif self.cur.box is not None and (k := self._box_line(i, text, blank_run)) is not None:
                i = k
            elif (k := self._captioned_table_start(i)) is not None:
                i = self._indicator_table(self._container(), k, caption=i if k != i else None)
            else:
                i = self._paragraph(i)
            blank_run = 0

    def _heading(self, i: int, heading: Heading) -> int:
        """Create a part/chapter/section/box node; return the next line index."""
        lines = [self.ln[i]]
        if heading.body is not None:  # numbered 一、（一） heading: title and run-in body already split
            title, rest = heading.title, heading.body
        else:
            title, rest = self._split_title(heading, self.ln[i])
        j = i + 1
        if rest is None:
            title, j, more = self._continue_title(heading, title, i + 1)
            lines += more
        self._close_box()
        if heading.kind == P.BOX:
            node = self._open_box(heading, title, lines)
            if self._starts_indicator_table(j):
                return self._indicator_table(node, j)
        else:
            node = self._open_level(heading, title, lines)
        if rest:
            if ends_paragraph(rest) or j >= len(self.text):
                self._paragraph_text(rest, [self.ln[i]])
            else:  # the run-in body goes on over the next lines
                text, more, j = self._gather(j - 1, text=rest)
                self._paragraph_text(text, [self.ln[i]] + more[1:])
        return j

    def _numbered_clause(self, i: int, heading: Heading) -> int:
        """1. / 第八条 / a numbered paragraph: a clause that keeps its number as label."""
        text, lines, k = self._gather(i, text=heading.body or "")
        parent = self._container()
        prefix = parent.key + "/" if parent is not self.root else ""
        node = self._add(parent, P.CLAUSE, f"{prefix}p{self._next(prefix + 'p'):02d}", heading.label,
                         paragraph_title(text), text, lines=lines)
        self.derived_titles.add(node.key)
        self._add_sentences(node)
        return k

    def _open_level(self, heading: Heading, title: str, lines: list[int]) -> PlanNode:
        cur = self.cur
        if heading.kind == P.PART:
            node = self._add(self.root, P.PART, f"pt{heading.number:02d}", heading.label, title, lines=lines,
                             number=heading.number)
            cur.part, cur.chapter, cur.section = node, None, None
        elif heading.kind == P.CHAPTER:
            parent = cur.part or self.root
            key = f"ch{heading.number:02d}"
            if key in self.keys and cur.part is not None:  # chapters numbered afresh in each part
                key = f"{cur.part.key}/{key}"
            node = self._add(parent, P.CHAPTER, key, heading.label, title, lines=lines, number=heading.number)
            cur.chapter, cur.section = node, None
        else:
            parent = cur.chapter or cur.part or self.root
            if cur.chapter is None:
                self.warnings.append(f"{self.locate(lines[0])}: {heading.label} outside any chapter")
            prefix = parent.key + "/" if parent is not self.root else ""
            node = self._add(parent, P.SECTION, f"{prefix}s{heading.number:02d}", heading.label, title,
                             lines=lines, number=heading.number)
            cur.section = node
        return node

    def _container(self) -> PlanNode:
        return self.cur.section or self.cur.chapter or self.cur.part or self.root

    def _paragraph(self, i: int) -> int:
        text, lines, k = self._gather(i)
        self._paragraph_text(text, lines)
        return k

    def _gather(self, i: int, *, text: str | None = None, limit: int | None = None) -> tuple[str, list[int], int]:
        """A paragraph from unit i on: lines broken inside it (PDF wrapping, page breaks) are joined.

        `text` replaces unit i's own text (a numbered line without its number); `limit` bounds the search.
        """
        lines = [self.ln[i]]
        text = self.text[i] if text is None else text
        k = i + 1
        last = i
        end = len(self.text) if limit is None else limit
        while k < end:
            ahead = k
            while ahead < end and (not self.text[ahead] or ahead in self.furniture):
                ahead += 1
            if ahead < end and ahead in self.fix.joins:  # the reviewer joined it to this paragraph
                text += self.text[ahead]
                lines.append(self.ln[ahead])
                last, k = ahead, ahead + 1
                continue
            if k in self.fix.starts:
                break
            if not self.text[k] or k in self.furniture:  # a page break inside the paragraph?
                j = k
                while j < end and (not self.text[j] or j in self.furniture):
                    j += 1
                if not any(m in self.furniture for m in range(k, j)):
                    break
                k = j
                continue
            if ends_paragraph(text) and not self._wraps_on(last, k):
                break
            nxt = self.text[k]
            if k not in self.fix.body and (self.match_at(k) or match_item(nxt) or match_heading(nxt)) \
                    or self.raw[k].startswith("\t"):
                break
            if self.wrap.indented(self.raw[k]) and k == last + 1:
                break  # an indented line opens the next paragraph
            text += nxt
            lines.append(self.ln[k])
            last = k
            k += 1
        return text, lines, k

    def _wraps_on(self, last: int, k: int) -> bool:
        """A line ending a sentence at the page's edge, followed by an unindented line: the paragraph goes on."""
        if not self.wrap.full(self.raw[last]) or self.wrap.indented(self.raw[k]):
            return False
        # Without indents (pdftotext's plain output) a paragraph's indented first line still shows: it is
        # two characters short of full.  A full line next is a continuation.
        return self.wrap.indents or k > last + 1 or self.wrap.full(self.raw[k], slack=2)

    def _paragraph_text(self, text: str, lines: list[int]) -> None:
        parent = self._container()
        prefix = parent.key + "/" if parent is not self.root else ""
        key = f"{prefix}p{self._next(prefix + 'p'):02d}"
        node = self._add(parent, P.CLAUSE, key, "", paragraph_title(text), text, lines=lines)
        self._add_sentences(node)

    # -- helpers -----------------------------------------------------------
    def _next(self, counter: str) -> int:
        self.cur.counters[counter] = self.cur.counters.get(counter, 0) + 1
        return self.cur.counters[counter]

    def _add(self, parent: PlanNode, kind: str, key: str, label: str = "", title: str = "", text: str = "",
             *, lines: list[int], number: int | None = None) -> PlanNode:
        base, n = key, 2
        while key in self.keys:  # a duplicated number in a malformed plan
            key, n = f"{base}~{n}", n + 1
        if key != base:
            self.warnings.append(f"{self.locate(lines[0]) if lines else '?'}: duplicate {label or kind}, keyed {key}")
        self.keys.add(key)
        return parent.add(PlanNode(kind, key, label, title, text, number=number, lines=list(lines)))

    def _add_sentences(self, node: PlanNode) -> None:
        for n, sentence in enumerate(split_sentences(node.text), 1):
            node.add(PlanNode(P.SENTENCE, f"{node.key}/t{n:02d}", "", "", sentence.strip()))
            self.keys.add(f"{node.key}/t{n:02d}")

    def _cross_check_toc(self) -> None:
        if not self.toc:
            return
        body = {(n.kind, n.label): n for n in self.root.walk() if n.kind in (P.PART, P.CHAPTER)}
        for entry in self.toc.entries:
            if entry.kind not in (P.PART, P.CHAPTER):
                continue
            node = body.get((entry.kind, entry.label))
            if node is None:
                self.warnings.append(f"table of contents lists {entry.label} {entry.title}, not found in the body")
            elif "".join(node.title.split()) != "".join(entry.title.split()):
                self.warnings.append(f"{entry.label}: body title {node.title!r} differs from contents {entry.title!r}")


def build_plan(lines: list[str], source_name: str, locate=None, heading_levels: dict[int, int] | None = None,
               furniture: set[int] | None = None, corrections=()) -> Plan:
    """`locate(line)` names a 1-based source line in warnings (`paragraph 12` for Word files);
    `heading_levels` maps lines to their heading level (Word style, PDF type size); `furniture` are
    lines the reader found to be page headers and footers; `corrections` are the reviewer's."""
    return OutlineBuilder(lines, source_name, locate, heading_levels, furniture, corrections).build()
