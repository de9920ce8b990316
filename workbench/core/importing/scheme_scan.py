"""Deciding a document's numbering scheme from its numbered lines outside 专栏 boxes.

A box's items are numbered （一） or 1. as well; they must not make （一） a
heading level.  The scan follows boxes the way the outline builder does (a
box ends at the first ordinary paragraph after its items, or at a heading).
"""

from __future__ import annotations

from workbench.core import plan as P
from workbench.core.importing.headings import match_heading
from workbench.core.importing.numbering import (
    ARTICLE, CN, CONVENTIONAL_ORDER, ITEM_STYLES, Scheme, decide_scheme, heading_split, match_numbered,
)

MIN_OCCURRENCES = 2  # one numbered line alone does not make a heading level


def scan_scheme(raw: list[str], text: list[str], start: int) -> Scheme:
    candidates: list[tuple[str, int]] = []
    in_box = items_seen = False
    for i in range(start, len(text)):
        line = text[i]
        if not line:
            continue
        heading = match_heading(line)
        if raw[i].startswith("\t") and (heading is None or heading.kind != P.BOX):
            continue  # a table cell (a 专栏 laid out as a table still opens a box)
        if heading is not None:
            if heading.kind == P.BOX:
                in_box, items_seen = True, False
            else:
                in_box = False
                candidates.append(("第X" + heading.label[-1], i))
            continue
        numbered = match_numbered(line)
        if numbered is None or numbered.style == ARTICLE:
            if in_box and items_seen:
                in_box = False
            continue
        if in_box and numbered.style in ITEM_STYLES:
            items_seen = True
            continue
        if numbered.style == CN:
            in_box = False
        if heading_split(numbered.rest) is not None:
            candidates.append((numbered.style, i))
    counts: dict[str, int] = {}
    for style, _ in candidates:
        counts[style] = counts.get(style, 0) + 1
    levels = {s for s in counts if counts[s] >= MIN_OCCURRENCES}
    family = {s for s in counts if s.startswith("第X")}
    first = {}
    for style, i in candidates:
        first.setdefault(style, i)
    parents = {s for s in counts if s not in levels and any(
        CONVENTIONAL_ORDER.index(low) > CONVENTIONAL_ORDER.index(s) and first[s] < first[low] for low in levels)}
    levels |= parents  # 一、重点任务 alone above its （一）（二）: a level, as their parent
    if family & levels:  # 第一章 with one 第一节: a single 第X heading beside other 第X levels is a level
        levels |= family
    elif not levels:  # a plan with a single heading of one style still has that level
        levels = family
    return decide_scheme([(s, i) for s, i in candidates if s in levels])
