"""Safe cells for streamed (write-only) openpyxl sheets.

Every string is written as text, never as a formula (a clause that begins
with = + - @ must not run in a liaison's Excel), control characters Excel
rejects are dropped, and text over Excel's 32,767-character cell limit is
cut with a visible marker.
"""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

EXCEL_CELL_LIMIT = 32767
TRUNCATION_MARKER = "……〔超出Excel单元格长度上限，已截断，原文共{n}字〕"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FONT = Font(name="宋体", bold=True, size=11)
BODY_FONT = Font(name="宋体", size=10)
GROUP_FONT = Font(name="宋体", bold=True, size=10)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
LEAD_FILL = PatternFill("solid", fgColor="F8CBAD")  # 牵头: warm
SUPPORT_FILL = PatternFill("solid", fgColor="C6E0B4")  # 配合: green
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def clean_text(value: str) -> str:
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > EXCEL_CELL_LIMIT:
        marker = TRUNCATION_MARKER.format(n=len(value))
        value = value[: EXCEL_CELL_LIMIT - len(marker)] + marker
    return value


def cell(ws, value, *, font=BODY_FONT, fill=None, alignment=WRAP, border=BORDER, number_format=None):
    """A styled write-only cell; strings always stay text."""
    c = WriteOnlyCell(ws)
    if isinstance(value, str):
        text = clean_text(value)
        c.value = text
        c.data_type = "s"  # never a formula, whatever the first character
        if text.startswith(FORMULA_TRIGGERS):
            c.quotePrefix = True
    else:
        c.value = value
    if font is not None:
        c.font = font
    if fill is not None:
        c.fill = fill
    if alignment is not None:
        c.alignment = alignment
    if border is not None:
        c.border = border
    if number_format:
        c.number_format = number_format
    return c


def header_row(ws, titles: list[str]) -> list:
    return [cell(ws, t, font=HEADER_FONT, fill=HEADER_FILL, alignment=CENTER) for t in titles]


def set_widths(ws, widths: list[float]) -> None:
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def print_setup(ws, *, landscape: bool = True, title_rows: str = "1:1", title_cols: str | None = None) -> None:
    """Landscape, fitted to the page width, header row repeated on every page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    if title_cols:
        ws.print_title_cols = title_cols
    ws.print_options.gridLines = False


def valid_sheet_name(name: str, taken: set[str] | None = None) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    cleaned = "".join("_" if ch in '[]:*?/\\' else ch for ch in name).strip("'") or "Sheet"
    cleaned = cleaned[:31]
    taken = taken if taken is not None else set()
    candidate, n = cleaned, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f"({n})"
        candidate, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


def safe_file_name(name: str) -> str:
    return "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name).strip(" .") or "department"
