"""Positioned text of a PDF page: lines with size and frame, table rows, page furniture.

pdfplumber is used because it gives, per character, its box, font and size,
and the page's ruling lines and rectangles with a table finder built on them:
that is what telling a 专栏 frame from the indicator table, and a heading from
body text, needs.  (pypdfium2, which pdfplumber also installs, extracts text
faster but gives no vector graphics to find tables and frames with.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
ASCII_WORD = re.compile(r"[A-Za-z0-9]")
MARGIN_SHARE = 0.09  # running headers and footers sit in the top and bottom 9% of the page


@dataclass
class Line:
    page: int  # 1-based
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    text: str
    frame: tuple[int, int] | None = None  # (page, index) of the 专栏 frame holding it
    frame_top: float = 0.0  # the frame's top edge (a frame at the top of a page continues the last one)
    margin: bool = False  # in the header or footer zone


@dataclass
class Row:
    page: int
    top: float
    cells: list[str]


def clean_text(text: str) -> str:
    """A table cell's text: its lines joined (Chinese wraps without a space)."""
    return re.sub(r" {2,}", " ", text.replace("\n", "")).strip()


def line_text(chars: list[dict]) -> str:
    out: list[str] = []
    prev = None
    for ch in chars:
        gap = ch["x0"] - prev["x1"] if prev is not None else 0.0
        if gap > 0.9 * ch["size"]:
            out.append("\u3000")  # a blank as wide as a character: spaces the PDF did not keep as glyphs
        elif gap > 0.3 * ch["size"] and ASCII_WORD.match(prev["text"]) and ASCII_WORD.match(ch["text"]):
            out.append(" ")
        out.append(ch["text"])
        prev = ch
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def page_items(page) -> tuple[list[Line], list[Row]]:
    """The text lines (outside data tables) and the table rows of one page."""
    ruled = bool(page.edges)  # a page without a single rule has no table and no frame: skip the finder
    tables = page.find_tables(TABLE_SETTINGS) if ruled else []
    data = [t for t in tables if t.rows and max(len(r.cells) for r in t.rows) > 1]
    frames = find_frames(page, [t.bbox for t in data]) if ruled else []
    rows: list[Row] = []
    text_page = page
    for table in data:
        for cells, row in zip(table.extract(), table.rows):
            texts = [clean_text(c) if c else "" for c in cells]
            if any(texts):
                rows.append(Row(page.page_number, row.bbox[1], texts))
    if data:
        boxes = [table.bbox for table in data]

        def outside_tables(obj) -> bool:  # by centre: a line touching a table's edge stays text
            if obj.get("object_type") != "char":
                return True
            cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
            return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

        text_page = page.filter(outside_tables)
    lines: list[Line] = []
    margin_top, margin_bottom = page.height * MARGIN_SHARE, page.height * (1 - MARGIN_SHARE)
    for raw in text_page.extract_text_lines(return_chars=True, strip=True):
        chars = raw["chars"]  # space characters the document has are kept; gaps are not spaces
        if not any(c["text"].strip() for c in chars):
            continue
        sizes = sorted(round(c["size"], 1) for c in chars if c["text"].strip())
        line = Line(page.page_number, raw["x0"], raw["x1"], raw["top"], raw["bottom"], sizes[len(sizes) // 2],
                    sum("bold" in c["fontname"].lower() for c in chars) > len(sizes) / 2, line_text(chars))
        line.margin = raw["bottom"] < margin_top or raw["top"] > margin_bottom
        for index, (x0, top, x1, bottom) in enumerate(frames):
            cy = (raw["top"] + raw["bottom"]) / 2
            if x0 - 1 <= raw["x0"] and raw["x1"] <= x1 + 1 and top <= cy <= bottom:
                line.frame, line.frame_top = (page.page_number, index), top
        lines.append(line)
    return lines, rows


def find_frames(page, tables: list[tuple]) -> list[tuple[float, float, float, float]]:
    """Boxes drawn around text (a 专栏 as a one-cell table or a bordered frame): two vertical rules
    of the same height with none between them, outside the data tables."""
    verticals = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > 10]
    frames = []
    for left in verticals:
        partners = [r for r in verticals if r["x0"] > left["x0"] + 20 and abs(r["top"] - left["top"]) < 2
                    and abs(r["bottom"] - left["bottom"]) < 2]
        if not partners:
            continue
        right = min(partners, key=lambda r: r["x0"])
        middle = (left["top"] + left["bottom"]) / 2
        if any(left["x0"] + 2 < v["x0"] < right["x0"] - 2 and v["top"] < middle < v["bottom"] for v in verticals):
            continue  # a rule between them: columns of a table
        box = (left["x0"], left["top"], right["x0"], left["bottom"])
        cx, cy = (box[0] + box[2]) / 2, middle
        if any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in tables):
            continue
        if box not in frames:
            frames.append(box)
    return frames


PAGE_NUMBER_RE = re.compile(r"^[-—–－·\s]*(第\s*)?\d{1,4}(\s*页)?([/／]\s*\d{1,4}\s*页?)?[-—–－·\s]*$")


def furniture(lines: list[Line], pages: int) -> set[int]:
    """Indexes of running headers, footers and page numbers: margin lines that are page numbers,
    or whose text (digits ignored) recurs on at least a third of the pages (and 3)."""
    found: set[int] = set()
    counts: dict[str, set[int]] = {}
    for i, line in enumerate(lines):
        if not line.margin or line.frame is not None:
            continue
        if PAGE_NUMBER_RE.match(line.text):
            found.add(i)
            continue
        counts.setdefault(re.sub(r"\d+", "#", line.text), set()).add(line.page)
    repeated = {text for text, on in counts.items() if len(on) >= max(3, pages // 3)}
    for i, line in enumerate(lines):
        if line.margin and line.frame is None and re.sub(r"\d+", "#", line.text) in repeated:
            found.add(i)
    return found
