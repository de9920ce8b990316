"""Numbering schemes: which numbered lines are headings, and which level each style is.

Five-year plan outlines number their levels 第X篇 / 第X章 / 第X节; district
plans, implementation plans and notices number them 一、 / （一） / 1. / （1）
(the order of GB/T 9704), often with the heading ending in 。 and its body run
on after it (`（一）加强组织领导。各区要……`).  Some plans mix the two, with
一、 parts above 第X章 chapters.  A `Scheme` is decided once per document from
the numbered lines outside 专栏 boxes and maps each style onto the plan's
node kinds (part, chapter, section; deeper levels become numbered clauses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core import plan as P
from workbench.core.importing.headings import NUM, cn_number

PIAN, ZHANG, JIE = "第X篇", "第X章", "第X节"
CN, PAREN, ARABIC, ARABIC_PAREN = "一、", "（一）", "1.", "（1）"
ARTICLE = "第X条"
CONVENTIONAL_ORDER = (PIAN, ZHANG, JIE, CN, PAREN, ARABIC, ARABIC_PAREN)
ITEM_STYLES = (PAREN, ARABIC, ARABIC_PAREN)  # styles that also number 专栏 items
CN_NUM = r"[一二三四五六七八九十百零〇两]+"

_STYLE_RES = (
    (CN, re.compile(rf"^({CN_NUM})[、．]\s*(.*)$")),
    (PAREN, re.compile(rf"^[（(]({CN_NUM})[）)]\s*(.*)$")),
    (ARABIC, re.compile(r"^(\d{1,2})[\.．、](?![\d%％])\s*(.*)$")),
    (ARABIC_PAREN, re.compile(r"^[（(](\d{1,2})[）)]\s*(.*)$")),
    (ARTICLE, re.compile(rf"^第({NUM})条[\s\u3000]*(.*)$")),
)
HEADING_TITLE_MAX = 40  # a run-in heading's first sentence is at most this long
SENTENCE_END = "。；！？!?;"


@dataclass
class Numbered:
    """A line that starts with a number in one of the non-篇章节 styles."""

    style: str
    label: str  # as printed: 一、 （一） 1. 第八条
    number: int
    rest: str  # the text after the number


def match_numbered(text: str) -> Numbered | None:
    for style, regex in _STYLE_RES:
        m = regex.match(text)
        if m:
            label = text[: m.start(2)].rstrip(" \u3000\t")  # as printed: fidelity counts its characters
            return Numbered(style, label, cn_number(m.group(1)), m.group(2))
    return None


def heading_split(rest: str) -> tuple[str, str] | None:
    """(title, body) of a numbered line that reads as a heading, else None.

    `明确定价范围和管理权限。` is a heading ending in 。; `加强组织领导。各区要……`
    is a run-in heading (title = first sentence, body = the rest); a line whose
    first sentence is longer than a heading can be is a numbered paragraph.
    """
    rest = rest.strip()
    if not rest:
        return None
    cut = next((k for k, ch in enumerate(rest) if ch in SENTENCE_END), None)
    if cut is None:
        if len(rest) <= HEADING_TITLE_MAX and "，" not in rest[HEADING_TITLE_MAX // 2:]:
            return rest, ""
        return None
    if cut + 1 > HEADING_TITLE_MAX:
        return None
    return rest[: cut + 1], rest[cut + 1:].strip()


@dataclass
class Scheme:
    """The document's heading styles, top level first, and the node kind of each."""

    styles: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)

    def kind(self, style: str) -> str | None:
        return self.kinds.get(style)

    def describe(self) -> str:
        """As recorded on the plan: `第X章 > 第X节`, `一、 > （一） > 1.`."""
        return " > ".join(self.styles)


def decide_scheme(candidates: list[tuple[str, int]]) -> Scheme:
    """The scheme from heading candidates (style, index) outside boxes, in document order.

    Styles rank in the conventional order, except 一、 that opens the body
    before the first 第X章 and recurs between chapters: then it is a part.
    """
    present = {style for style, _ in candidates}
    order = [s for s in CONVENTIONAL_ORDER if s in present]
    if CN in present and ZHANG in present and PIAN not in present:
        first_cn = next(i for s, i in candidates if s == CN)
        first_zhang = next(i for s, i in candidates if s == ZHANG)
        cn_between_chapters = any(
            s == CN and i > first_zhang for s, i in candidates
        ) and first_cn < first_zhang
        if cn_between_chapters:
            order.remove(CN)
            order.insert(0, CN)
    kinds: dict[str, str] = {}
    if ZHANG in present:
        for style in order[: order.index(ZHANG)]:
            if P.PART not in kinds.values():
                kinds[style] = P.PART
        kinds[ZHANG] = P.CHAPTER
        below = order[order.index(ZHANG) + 1:]
    else:
        rest = list(order)
        if PIAN in rest:
            kinds[PIAN] = P.PART
            rest.remove(PIAN)
        if rest:
            kinds[rest[0]] = P.CHAPTER
        below = rest[1:]
    if below:
        kinds[below[0]] = P.SECTION
    for style in below[1:]:
        kinds[style] = P.CLAUSE  # a numbered clause: label kept, body as its text
    styles = [s for s in order if s in kinds]
    return Scheme(styles, kinds)
