"""A table as `pdftotext -layout` prints it -> one tab-separated line per row.

Columns are runs of text separated by two or more spaces; a cell's text that
wrapped in the PDF continues on the following lines, at roughly its column's
position.  A row opens with its number at the left edge (or 其中： for a
sub-row, or a category line such as 高质量发展（5个）); every other line
continues the row above, each piece going to the nearest column.
"""

from __future__ import annotations

import re

from workbench.core.importing.indicator_table import CATEGORY_RE, NUMBER_RE
from workbench.core.importing.wrapping import unspace

TOKEN_RE = re.compile(r"\S+(?: \S+)*")  # runs of text with single spaces inside
NUMBER_EDGE = 3  # a row's number starts within this many columns of the left edge


def is_layout_table(raw_lines: list[str]) -> bool:
    """True when the lines look like columns laid out with spaces (and not tab-led cells)."""
    multi = [r for r in raw_lines if "\t" not in r.strip() and len(tokens(r)) >= 3]  # tab-separated: cells already
    return len(multi) >= 3


def tokens(raw: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: (?! )\S*)*", raw.rstrip())]


def layout_rows(raw_lines: list[str]) -> list[str]:
    rows: list[list[str]] = []
    columns: list[int] = []  # start columns of the last full row
    current: list[str] | None = None
    current_cols: list[int] = []
    for raw in raw_lines:
        toks = [(start, unspace(text)) for start, text in tokens(raw)]
        if not toks:
            continue
        first_start, first = toks[0]
        if len(toks) == 1 and CATEGORY_RE.match(first):
            current = None
            rows.append([first])
            continue
        opens_row = (NUMBER_RE.match(first) and first_start <= NUMBER_EDGE) or first.startswith("其中")
        if opens_row or current is None and len(toks) >= 3:
            if len(toks) >= 4:
                columns = [start for start, _ in toks]
            cols = columns or [start for start, _ in toks]
            current = [""] * max(len(cols), 5)
            if first.startswith("其中"):
                current[1] = first
                rest = toks[1:]
            else:
                rest = toks
            for start, text in rest:
                index = _nearest(cols, start, allow_first=not first.startswith("其中"))
                current[index] += text
            current_cols = cols
            rows.append(current)
            continue
        if current is None:
            continue
        for start, text in toks:  # the wrapped part of the row's cells
            current[_nearest(current_cols, start, allow_first=False)] += text
    return ["\t" + "\t".join(row) for row in rows]


def _nearest(cols: list[int], start: int, *, allow_first: bool) -> int:
    candidates = range(len(cols)) if allow_first else range(1, len(cols))
    return min(candidates, key=lambda i: abs(cols[i] - start)) if candidates else 0
