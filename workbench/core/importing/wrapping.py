"""Hard-wrapped text (pdftotext output): where a line break is only the edge of the page.

Text pulled out of a PDF breaks every paragraph at the page's width and at
page ends.  A paragraph that ends a line with 。 may still go on: when the line
is full width, and (where the text keeps first-line indents, as `pdftotext
-layout` does) the next line is not indented.  The measure is taken from the
document itself: the most common display width of its lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MIN_LINES = 20  # fewer lines than this: not enough to tell wrapped text
FULL_SHARE = 0.3  # at least this share of lines are within a few columns of the common width
SAMPLE = 5000  # lines looked at: enough to tell how a document is wrapped
SLACK = 5  # display columns a full line may fall short (a wide character that did not fit, punctuation)
CJK_SPACE_RE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def display_width(text: str) -> int:
    """Columns a line takes: 2 for a Chinese character, 1 for ASCII (from the UTF-8 length: fast)."""
    return (len(text.encode("utf-8")) + len(text)) // 2


@dataclass
class Wrapping:
    width: int | None = None  # the common line width; None when the text is not hard-wrapped
    indents: bool = False  # paragraphs open with an indented line

    def full(self, raw: str, slack: int = SLACK) -> bool:
        return self.width is not None and display_width(raw.rstrip()) >= self.width - slack

    def indented(self, raw: str) -> bool:
        return self.indents and raw[:2] in ("  ", "\u3000", " \u3000") and not raw.startswith("\t")


def measure(raw_lines: list[str]) -> Wrapping:
    lines = [r.rstrip() for r in raw_lines[:SAMPLE] if len(r.strip()) >= 10 and not r.startswith("\t")]
    if len(lines) < MIN_LINES:
        return Wrapping()
    widths = Counter(display_width(r) for r in lines)
    common = max(widths, key=lambda w: sum(c for v, c in widths.items() if abs(v - w) <= SLACK // 2))
    near = sum(c for v, c in widths.items() if abs(v - common) <= SLACK)
    if near < FULL_SHARE * len(lines):
        return Wrapping()
    indented = sum(1 for r in lines if r[:2] in ("  ", "\u3000", " \u3000"))
    return Wrapping(common, 0.08 <= indented / len(lines) <= 0.7)


def unspace(text: str) -> str:
    """`2026 年` -> `2026年`: the spaces a PDF extractor puts between Chinese and Latin text."""
    return CJK_SPACE_RE.sub("", text)
