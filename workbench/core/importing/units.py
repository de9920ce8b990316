"""Source lines -> units the outline builder reads, each remembering its source line.

Text pulled from PDFs and web pages puts two headings on one line
(`第一篇 指导原则和发展目标　　第一章 全面建设小康社会的关键时期`); such a line
becomes two units with the same line number, so the second heading keeps its
place in the tree.  Every other line is one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.importing.headings import NUM, clean, match_heading
from workbench.core.importing.numbering import CN, CONVENTIONAL_ORDER, PAREN, match_numbered

LEVEL_STYLE = {"篇": "第X篇", "章": "第X章", "节": "第X节"}
SECOND_HEADING_RE = re.compile(rf"[\s\u3000]+(?=(第{NUM}(篇|章|节)|[（(][一二三四五六七八九十]+[）)])[\s\u3000]*\S)")


@dataclass
class Unit:
    raw: str  # the text as read (a whole line, or the part of it this unit holds)
    line: int  # 1-based source line number
    column: int = 0  # where in the line this unit starts


def _style(text: str) -> str | None:
    heading = match_heading(text)
    if heading is not None and heading.kind != "box":
        return LEVEL_STYLE[heading.label[-1]]
    numbered = match_numbered(text)
    return numbered.style if numbered is not None and numbered.style in (CN, PAREN) else None


def split_units(lines: list[str]) -> list[Unit]:
    units: list[Unit] = []
    for n, raw in enumerate(lines, 1):
        column = 0
        while True:
            cut = _second_heading(raw[column:])
            if cut is None:
                units.append(Unit(raw[column:] if column else raw, n, column))
                break
            units.append(Unit(raw[column: column + cut].rstrip(), n, column))
            rest = raw[column + cut:]
            column += cut + (len(rest) - len(rest.lstrip()))
    return units


def _second_heading(raw: str) -> int | None:
    """Where a second, lower-level heading starts on a heading line, if one does."""
    if raw.startswith("\t"):
        return None
    text = clean(raw)
    first = _style(text)
    if first is None:
        return None
    for m in SECOND_HEADING_RE.finditer(raw):
        second = _style(clean(raw[m.end():]))
        if second is not None and CONVENTIONAL_ORDER.index(second) > CONVENTIONAL_ORDER.index(first):
            head = clean(raw[: m.start()])
            if _style(head) == first and len(head) > 3:
                return m.start()
    return None
