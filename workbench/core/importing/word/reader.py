"""A .docx body -> numbered lines with their locations, the shape a text export has.

Offices write plans in Word in ways a plain text export loses:
- chapter numbers produced by list numbering (w:numPr): the label a reader
  sees is computed (list_numbers.py) and put before the paragraph's text;
- 专栏 laid out as a one-cell table (or a table of one-cell rows): its
  paragraphs are read as ordinary lines, followed by a box break;
- 专栏 in text boxes (w:txbxContent, read once even when Word stores a
  fallback copy): read after the paragraph that anchors them;
- real tables (the indicator table): one tab-led line per row;
- content controls (w:sdt, where Word keeps its table of contents): read through.
Each line carries a location (`paragraph 12`, `table 2 row 3`) for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.importing.headings import BOX_RE
from workbench.core.importing.word.list_numbers import W, ListNumbering

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
HEADING_STYLE_RE = re.compile(r"^(Heading|标题)\s*(\d)$", re.IGNORECASE)
BOX_BREAK = ["", ""]  # two blank lines end a 专栏 (see outline.py)


@dataclass
class WordLines:
    lines: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    heading_levels: dict[int, int] = field(default_factory=dict)  # 1-based line -> heading style level
    warnings: list[str] = field(default_factory=list)

    def add(self, text: str, location: str) -> None:
        self.lines.append(text)
        self.locations.append(location)


class BodyReader:
    def __init__(self, document) -> None:
        self.document = document
        part = document.part
        try:
            numbering_root = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_root = None
        self.numbering = ListNumbering.from_element(numbering_root)
        self.styles = {s.get(f"{W}styleId"): s for s in part.styles.element.iter(f"{W}style")}
        self.out = WordLines()
        self.paragraphs = 0
        self.tables = 0

    def read(self) -> WordLines:
        self._blocks(self.document.element.body, None)
        return self.out

    # -- blocks ------------------------------------------------------------
    def _blocks(self, container, where: str | None) -> None:
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                self._paragraph(child, where)
            elif tag == "tbl":
                self._table(child, where)
            elif tag == "sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self._blocks(content, where)

    def _paragraph(self, p, where: str | None) -> None:
        self.paragraphs += 1
        location = f"{where}, paragraph {self.paragraphs}" if where else f"paragraph {self.paragraphs}"
        label, suffix = self._list_label(p)
        text = "".join(self._run_text(p))
        line = label + suffix + text if label else text
        style_level = self._heading_level(p)
        self.out.add(line, location)
        if style_level is not None and text.strip():
            self.out.heading_levels[len(self.out.lines)] = style_level
        for box in self._text_boxes(p):
            self.out.add("", location)
            self._blocks(box, f"text box at {location}")
            for blank in BOX_BREAK:
                self.out.add(blank, location)

    def _table(self, tbl, where: str | None) -> None:
        self.tables += 1
        number = self.tables
        rows = tbl.findall(f"{W}tr")
        cells_per_row = [_distinct_cells(row) for row in rows]
        if rows and all(len(cells) == 1 for cells in cells_per_row):  # a frame: a 专栏 drawn as a table
            self.out.add("", f"table {number}")
            for r, cells in enumerate(cells_per_row, 1):
                self._blocks(cells[0], f"table {number} row {r}")
            for blank in BOX_BREAK:
                self.out.add(blank, f"table {number}")
            return
        for r, cells in enumerate(cells_per_row, 1):
            texts = [" ".join(_cell_text(cell).split()) for cell in cells]
            if r == 1 and len(cells) == 1 and BOX_RE.match(texts[0]):  # 专栏1 … as the table's merged first row
                self.out.add(texts[0], f"table {number} row {r}")
                continue
            self.out.add("\t" + "\t".join(texts), f"table {number} row {r}")
        self.out.add("", f"table {number}")

    # -- paragraph parts ---------------------------------------------------
    def _run_text(self, p):
        """The visible text of a paragraph: runs, hyperlinks, fields' results; not text boxes."""
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}txbxContent", f"{W}delText"):
            tag = node.tag.rsplit("}", 1)[-1]
            if _inside(node, f"{W}txbxContent", p) or tag in ("txbxContent", "delText"):
                continue
            if tag == "t":
                yield node.text or ""
            elif tag == "tab":
                yield "\t"  # as python-docx and Word's text export give it
            elif tag == "br":
                yield ""

    def _text_boxes(self, p):
        for box in p.iter(f"{W}txbxContent"):
            if _inside(box, MC_FALLBACK, p) or _inside(box.getparent(), f"{W}txbxContent", p):
                continue  # Word's fallback copy of the same box, or a box inside a box (read with it)
            yield box

    def _list_label(self, p) -> tuple[str, str]:
        num_id, ilvl, suffix = self._num_pr(p)
        if num_id is None:
            return "", ""
        label = self.numbering.label(num_id, ilvl)
        return label, {"nothing": "", "space": " "}.get(suffix, "  ")

    def _num_pr(self, p) -> tuple[str | None, int, str]:
        ppr = p.find(f"{W}pPr")
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None and ppr.find(f"{W}pStyle") is not None else None
        chain = 0
        while num_pr is None and style_id and chain < 10:  # numbering inherited from the style
            style = self.styles.get(style_id)
            if style is None:
                break
            spr = style.find(f"{W}pPr")
            num_pr = spr.find(f"{W}numPr") if spr is not None else None
            based = style.find(f"{W}basedOn")
            style_id = _val(based) if based is not None else None
            chain += 1
        if num_pr is None:
            return None, 0, ""
        num_el, ilvl_el = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
        if num_el is None:
            return None, 0, ""
        num_id = _val(num_el)
        ilvl = int(_val(ilvl_el)) if ilvl_el is not None else 0
        level = self.numbering.levels.get(self.numbering.nums.get(num_id, ""), {}).get(ilvl)
        return num_id, ilvl, level.suffix if level is not None else "tab"

    def _heading_level(self, p) -> int | None:
        ppr = p.find(f"{W}pPr")
        style_el = ppr.find(f"{W}pStyle") if ppr is not None else None
        if style_el is None:
            return None
        style = self.styles.get(_val(style_el))
        name_el = style.find(f"{W}name") if style is not None else None
        m = HEADING_STYLE_RE.match(_val(name_el) or "") if name_el is not None else None
        return int(m.group(2)) if m else None


def _val(el) -> str:
    return el.get(f"{W}val", "") if el is not None else ""


def _inside(node, tag: str, stop) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _distinct_cells(row) -> list:
    """A row's cells, a horizontally merged (gridSpan) cell once."""
    return row.findall(f"{W}tc")


def _cell_text(cell) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p"))
