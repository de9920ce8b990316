"""How an exported sheet goes onto paper: paper size, margins, page numbers,
the print area, and column widths that fit the page without shrinking text.

Excel and WPS draw a width unit as the digit width of the workbook's default
font plus 5 px padding: 8 px with 宋体 11 (the default of Chinese Excel, whose
standard column is 8.38 = 72 px), which `liaison_workbook` makes the default.
The columns are planned at 8 px a unit to fill the printable width at 100 %,
with a 12 pt (小四) body.  LibreOffice on a machine without Calibri draws a unit
about 9.3 px wide whatever the default font; fit-to-width then scales the page
to about 86 %, which still prints the body above 10 pt, and its wrapped text
takes fewer lines than planned, never more, so no application cuts a cell.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

PAPER_SIZES = {"A4": 9, "A3": 8}  # Excel's paperSize codes
PAPER_MM = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape width, height
MARGIN_IN = {"left": 0.55, "right": 0.55, "top": 0.7, "bottom": 0.75, "header": 0.3, "footer": 0.35}
PAGE_FOOTER = "第 &P 页 共 &N 页"

# 宋体 and 黑体 are on every Windows and WPS desktop; LibreOffice on Linux maps
# them through fontconfig to an installed CJK face (Noto/WenQuanYi).
BODY_SIZE = 12
PLAN_PX = 8  # px per width unit the columns are planned at
NARROW_PX = 8  # px per width unit of the narrowest rendering (Excel, WPS with 宋体 11)
TITLE_FONT = Font(name="宋体", bold=True, size=20)
ATTACHMENT_FONT = Font(name="黑体", size=16)
TABLE_HEADER_FONT = Font(name="黑体", size=BODY_SIZE)
BODY = Font(name="宋体", size=BODY_SIZE)
CHAPTER_FONT = Font(name="黑体", size=BODY_SIZE)
DISPUTED_FONT = Font(name="宋体", size=BODY_SIZE, bold=True, color="C00000")
CHAPTER_FILL = PatternFill("solid", fgColor="EDEDED")
DISPUTED_FILL = PatternFill("solid", fgColor="FCE4D6")
TITLE_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT_ALIGN = Alignment(horizontal="left", vertical="center", wrap_text=True)
BODY_ALIGN = Alignment(horizontal="left", vertical="center", wrap_text=True)
MIDDLE_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass(frozen=True)
class PrintOptions:
    paper: str = "A4"  # A4 | A3, always landscape for the 分工方案
    numbering: str = "continuous"  # continuous | chapter (序号 restarts in each chapter)
    task_text: str = "full"  # full clause text | lead (the clause's lead phrase)
    attachment: str = ""  # e.g. "附件" or "附件2": printed above the title when given
    internal_notes: bool = False  # reviewers' internal notes stay in the workspace unless asked

    def check(self) -> None:
        if self.paper not in PAPER_SIZES:
            raise ValueError(f"paper must be A4 or A3, not {self.paper!r}")
        if self.numbering not in ("continuous", "chapter"):
            raise ValueError(f"numbering must be continuous or chapter, not {self.numbering!r}")
        if self.task_text not in ("full", "lead"):
            raise ValueError(f"task text must be full or lead, not {self.task_text!r}")


def liaison_workbook():
    """A streamed workbook whose default font is 宋体 11, as Chinese Excel and WPS expect."""
    from openpyxl import Workbook
    from openpyxl.utils.indexed_list import IndexedList

    wb = Workbook(write_only=True)
    default = Font(name="宋体", size=11)
    wb._fonts = IndexedList([default])
    normal = wb._named_styles["Normal"]
    normal.font = default
    return wb


def printable_px(paper: str, *, landscape: bool = True) -> int:
    """Width between the margins in 96-dpi pixels."""
    width_mm, height_mm = PAPER_MM[paper]
    page_mm = width_mm if landscape else height_mm
    usable_in = page_mm / 25.4 - MARGIN_IN["left"] - MARGIN_IN["right"]
    return int(usable_in * 96)


def width_for_px(px: float) -> float:
    """Column width whose planned rendering is `px` pixels."""
    return max(round((px - 5) / PLAN_PX, 1), 2.0)


def px_for_width(width: float, per_unit: int = PLAN_PX) -> int:
    return int(width * per_unit + 5)


def fit_widths(fixed: dict[int, float], flexible: int, paper: str, *, landscape: bool = True) -> list[float]:
    """Column widths (Excel units) for the printed columns: `fixed` index -> width, and the
    `flexible` column takes what the page has left, so the columns fill the printable width."""
    count = max([*fixed, flexible]) + 1
    left = printable_px(paper, landscape=landscape) - sum(px_for_width(w) for w in fixed.values()) - 4
    return [fixed.get(i, width_for_px(left) if i == flexible else 10.0) for i in range(count)]


@functools.lru_cache(maxsize=256)
def chars_per_line(width: float, size: float = BODY_SIZE) -> int:
    """CJK characters a wrapped cell of this width holds per line at this font size."""
    return max(int((px_for_width(width, NARROW_PX) - 8) / (size * 96 / 72)), 1)


def line_count(text: str, width: float, size: float = BODY_SIZE) -> int:
    per_line = chars_per_line(width, size)
    if len(text) <= per_line and "\n" not in text:  # surely one line, whatever the characters
        return 1
    total = 0
    for part in text.split("\n"):
        units = (len(part.encode("utf-8")) + len(part)) / 4  # CJK 1, ASCII 0.5
        total += max(-(-int(units + 0.99) // per_line), 1)
    return total


def row_height(values: list, widths: list[float], size: float = BODY_SIZE, *, max_lines: int = 28) -> float:
    """Points a row needs so its wrapped text shows whole (CJK faces run ~1.35 em a line)."""
    lines = max((line_count(v, w, size) for v, w in zip(values, widths) if isinstance(v, str) and v), default=1)
    return round(min(lines, max_lines) * size * 1.32 + 6, 1)


def page_setup(ws, *, paper: str, last_column: int, landscape: bool = True, title_row: int | None = None) -> None:
    """A4/A3, margins, 第 N 页 共 M 页, the print area A:last_column, header rows repeated."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = PAPER_SIZES[paper]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    for side, inches in MARGIN_IN.items():
        setattr(ws.page_margins, side, inches)
    ws.oddFooter.center.text = PAGE_FOOTER
    ws.oddFooter.center.size = 12
    ws.oddFooter.center.font = "宋体,常规"
    if title_row:
        ws.print_title_rows = f"{title_row}:{title_row}"
    ws.print_area = f"A1:{get_column_letter(last_column)}1048576"


def set_print_area(ws, last_column: int, last_row: int) -> None:
    ws.print_area = f"A1:{get_column_letter(last_column)}{max(last_row, 1)}"


def title_lines(title: str, width: float) -> tuple[str, float]:
    """A sheet title too long for one printed line breaks after the plan's name (》), as the Word paper's
    does, rather than wherever the width runs out; returns the text and the row height its lines need
    (a 20 pt title wrapped into a row planned for one line printed over the header row below it)."""
    size = TITLE_FONT.size
    if line_count(title, width, size) > 1 and "》" in title.rstrip("》"):
        head, _, tail = title.partition("》")
        title = f"{head}》\n{tail}"
    return title, max(row_height([title], [width], size), 40.0)


def notice_page(ws, title: str, text: str, *, paper: str) -> None:
    """A sheet asked for that has nothing to tabulate: its title and one line saying why, on one page.
    One column as wide as the page even where LibreOffice draws a unit 9.3 px wide (a single column wider
    than the page is not shrunk to fit: it runs off both edges), the title row tall enough for its lines."""
    from workbench.core.xlsx_cells import cell, format_row

    width = round(printable_px(paper) / 9.3 - 1, 1)
    ws.column_dimensions["A"].width = width
    page_setup(ws, paper=paper, last_column=1)
    title, height = title_lines(title, width)
    format_row(ws, 1, height=height)
    ws.append([cell(ws, title, font=TITLE_FONT, alignment=TITLE_ALIGN, border=None)])
    format_row(ws, 2, height=row_height([text], [width]))
    ws.append([cell(ws, text, font=BODY, alignment=LEFT_ALIGN, border=None)])
    set_print_area(ws, 1, 2)
