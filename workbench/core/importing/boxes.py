"""专栏 boxes and the indicator table, for the outline builder (outline.py).

A box sits inside a section and holds an optional introduction and items
（一）（二）… or 1. 2.; it ends at the first ordinary paragraph after its items,
at two blank lines, or at the next heading.  One box holds the indicator
table: tab-led cells (text and Word), or columns laid out with spaces
(pdftotext -layout).
"""

from __future__ import annotations

import re

from workbench.core import plan as P
from workbench.core.importing.headings import Heading, ends_paragraph, match_item
from workbench.core.importing.indicator_table import is_footnote, parse_indicator_table
from workbench.core.importing.layout_table import is_layout_table, layout_rows
from workbench.core.plan import PlanNode
from workbench.core.sentences import paragraph_title


UNREAD_TABLE_MIN_LINES = 8  # a table this long that gives no indicator was not read, not empty


class Boxes:
    """Mixed into OutlineBuilder: uses its cursor, units, furniture, _add, _gather and match."""

    def _open_box(self, heading: Heading, title: str, lines: list[int]) -> PlanNode:
        node = self._add(self._container(), P.BOX, f"box{heading.number:02d}", heading.label, title,
                         lines=lines, number=heading.number)
        self.cur.box, self.cur.box_has_items = node, False
        return node

    def _close_box(self) -> None:
        self.cur.box, self.cur.box_has_items = None, False

    def _continues_items(self, heading: Heading) -> bool:
        items = sum(1 for c in self.cur.box.children if c.kind == P.BOX_ITEM) if self.cur.box else 0
        return heading.number == items + 1

    def _box_line(self, i: int, text: str, blank_run: int) -> int | None:
        """Place a paragraph inside the open box; return the next line, or None when it ends the box."""
        box = self.cur.box
        assert box is not None
        label = match_item(text)
        if label is None and (self.cur.box_has_items or (blank_run >= 2 and box.children)):
            self._close_box()
            return None
        text, lines, k = self._gather(i)
        if label is not None:
            body = text[len(label):].strip()
            node = self._add(box, P.BOX_ITEM, f"{box.key}/i{self._next(box.key + '/i'):02d}", label,
                             paragraph_title(body, allow_comma=True, max_len=40), body, lines=lines)
            self.cur.box_has_items = True
        else:
            node = self._add(box, P.CLAUSE, f"{box.key}/p{self._next(box.key + '/p'):02d}", "",
                             paragraph_title(text), text, lines=lines)
        self._add_sentences(node)
        return k

    def _starts_indicator_table(self, j: int) -> bool:
        for k in range(j, min(j + 12, len(self.text))):
            if self.text[k]:
                if self.text[k] in ("序号", "指标") or self.raw[k].startswith("\t序号"):
                    return True
                if self.raw[k].split("\t").count("序号") or "序号\t" in self.raw[k]:
                    return True
                if re.match(r"^\s*序号\s{2,}", self.raw[k]):  # columns laid out with spaces (pdftotext -layout)
                    return True
        return False

    def _captioned_table_start(self, i: int) -> int | None:
        """The header row's line when line i starts an indicator table outside any 专栏, else None.

        District plans put the table under a caption line (主要指标表, 表1 “十五五”主要指标) or
        straight after a paragraph; Word and PDF give its rows as tab-separated cells.
        """
        if self.indicator_table is not None or self.cur.box is not None:
            return None
        if _is_header_row(self.raw[i]):
            return i
        text = self.text[i]
        if len(text) > 40 or "指标" not in text or ends_paragraph(text):
            return None
        for k in range(i + 1, min(i + 3, len(self.text))):
            if self.text[k]:
                return k if _is_header_row(self.raw[k]) else None
        return None

    def _indicator_table(self, box: PlanNode, j: int, caption: int | None = None) -> int:
        k = j
        table_lines: list[int] = []
        footnote_lines: list[int] = []
        while k < len(self.text):
            text = self.text[k]
            if text and is_footnote(text):
                footnote_lines.append(k)
                k += 1
                while k < len(self.text) and self.text[k] and not self.match(self.text[k]) \
                        and not self.raw[k].startswith("\t") and len(footnote_lines) < 3 \
                        and not ends_paragraph(self.text[footnote_lines[-1]]):
                    footnote_lines.append(k)
                    k += 1
                break
            if text and (self.match(text) or (not self.raw[k].startswith("\t") and ends_paragraph(text)
                                                  and len(text) > 40)):
                break
            if k not in self.furniture:
                table_lines.append(k)
            k += 1
        footnote = "".join(self.text[f] for f in footnote_lines)
        raw_rows = [self.raw[t] for t in table_lines]
        row_lines = table_lines
        if is_layout_table(raw_rows):
            raw_rows, row_lines = layout_rows(raw_rows), []  # rows no longer map onto source lines
        self.indicator_table = parse_indicator_table(
            raw_rows, footnote,
            locate=lambda n: f"{self.source_name}, "
                             f"{self.locate(self.ln[row_lines[n]]) if row_lines else f'table row {n + 1}'}")
        used = [self.ln[t] for t in ([caption] if caption is not None else []) + table_lines + footnote_lines
                if self.text[t]]
        text = footnote
        cells = [self.text[t] for t in table_lines if self.text[t]]
        if len(cells) >= UNREAD_TABLE_MIN_LINES and not self.indicator_table.indicators:
            # A table printed column by column (pdftotext without -layout) cannot be put back into rows:
            # keep its text, visibly, rather than guess indicators or lose it.
            text = "\n".join(cells + ([footnote] if footnote else []))
            self.indicator_table.warnings = []  # row-by-row complaints about rows that were never rows
            self.warnings.append(f"{self.locate(self.ln[table_lines[0]])}: the indicator table could not be read "
                                 f"into rows ({len(cells)} lines kept as the table's text, no indicators); import the "
                                 f"PDF itself, or text from `pdftotext -layout`, for structured indicators")
        title = self.text[caption] if caption is not None else "指标表"
        self._add(box, P.INDICATOR_TABLE, f"{box.key}/table", "", title, text, lines=used)
        self._close_box()
        return k


def _is_header_row(raw: str) -> bool:
    """序号<tab>指标<tab>2025年… (Word, PDF, text) or the same laid out with spaces."""
    cells = [c for c in re.split(r"\t|[ \u3000]{2,}", raw.strip()) if c.strip()]
    return len(cells) >= 3 and "序号" in [c.strip() for c in cells[:2]] and any("指标" in c for c in cells[1:])
