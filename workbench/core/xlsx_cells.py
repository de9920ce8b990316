"""Safe cells for streamed (write-only) openpyxl sheets.

Every string is written as text, never as a formula (a clause that begins
with = + - @ must not run in a liaison's Excel), control characters Excel
rejects are dropped, and text over Excel's 32,767-character cell limit is
cut with a visible marker.
"""

from __future__ import annotations

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.dimensions import RowDimension

from workbench.core.xlsx_stream import stream_utf8

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
    quote = False
    if isinstance(value, str):
        text = clean_text(value)  # already what openpyxl's own check would make of it
        c._value = text
        c.data_type = "s"  # never a formula, whatever the first character
        quote = text.startswith(FORMULA_TRIGGERS)
    else:
        c.value = value
    # Cells are never restyled after this, so they can share one style array.
    c._style = _style_array(ws, font, fill, alignment, border, number_format, quote)
    return c


class _StyledCell(Cell):
    """A streamed cell whose style is registered once (`cell_style`): the writer asks every styled cell
    for its style id and whether it has a style, which otherwise hashes the style array each time."""

    __slots__ = ("style_id",)
    has_style = True  # the same for every such cell: class attributes, not set per cell
    _hyperlink = _comment = None


def cell_style(ws, *, font=BODY_FONT, fill=None, alignment=WRAP, border=BORDER) -> tuple:
    """A style registered once, for `styled` cells: (array, id) plain, then with the quote prefix."""
    registry = ws.parent._cell_styles
    plain = _style_array(ws, font, fill, alignment, border, None, False)
    quoted = _style_array(ws, font, fill, alignment, border, None, True)
    return (plain, registry.add(plain), quoted, registry.add(quoted))


def styled(ws, value, style: tuple):
    """`cell()` for a style prepared with `cell_style`: the same safety, less work per cell."""
    c = _StyledCell.__new__(_StyledCell)
    c.parent = ws
    c.row = c.column = 1  # the row streamer places it
    if isinstance(value, str):
        text = clean_text(value) if not value.isprintable() or len(value) > EXCEL_CELL_LIMIT else value
        c._value = text
        c.data_type = "s"
        quoted = text.startswith(FORMULA_TRIGGERS)
        c._style, c.style_id = (style[2], style[3]) if quoted else (style[0], style[1])
    else:
        c._value = None
        c.data_type = "n"
        if value is not None:
            c.value = value  # numbers: openpyxl's own checks
        c._style, c.style_id = style[0], style[1]
    return c


def _style_array(ws, font, fill, alignment, border, number_format, quote):
    """Register each style combination once per workbook; cells then share its indices.

    Setting font/fill/border on every cell makes openpyxl hash the style objects
    each time, which costs more than writing the cell itself.
    """
    cache = ws.parent.__dict__.setdefault("_workbench_styles", {})
    key = (id(font), id(fill), id(alignment), id(border), number_format, quote)
    array = cache.get(key)
    if array is None:
        proto = WriteOnlyCell(ws)
        if font is not None:
            proto.font = font
        if fill is not None:
            proto.fill = fill
        if alignment is not None:
            proto.alignment = alignment
        if border is not None:
            proto.border = border
        if number_format:
            proto.number_format = number_format
        if quote:
            proto.quotePrefix = True
        array = cache[key] = proto._style
    return array


def stream_cells(ws) -> None:
    """Let a write-only sheet take our prepared cells directly.

    openpyxl's write-only append first tries each value as a plain value and
    only takes a ready cell after catching the ValueError that raises (and the
    repr it formats), which doubles the cost of a styled cell.  Every value we
    append is a cell made by `cell()` or None, so rows are passed through as
    they are.
    """

    def values_to_row(values, row_idx):
        for col_idx, c in enumerate(values, 1):
            if c is None:
                continue
            c.column = col_idx
            c.row = row_idx
            yield c

    ws._values_to_row = values_to_row
    stream_utf8(ws)


LINE_HEIGHT = 13.5  # points per wrapped line at the 10-point body font


def display_width(text: str) -> int:
    """Width in Excel's column units: a CJK character (3 UTF-8 bytes) takes two, ASCII one."""
    return (len(text.encode("utf-8")) + len(text)) // 2


def wrapped_height(values: list, widths: list[float]) -> float | None:
    """The height a row needs for its wrapped text, or None for one line."""
    lines = 1
    for value, width in zip(values, widths):
        if isinstance(value, str) and len(value) * 2 > width:
            usable = int(max(width - 1.5, 1))
            lines = max(lines, sum(-(-display_width(part) // usable) or 1 for part in value.split("\n")))
    return min(lines, 30) * LINE_HEIGHT if lines > 1 else None


def format_row(ws, row_idx: int, *, height: float | None = None, outline: int = 0) -> None:
    """Height and outline level of a row, set before it is appended (write-only sheets).

    Rows with the same format share one set of <row> attributes, serialised
    once: the write-only writer only merges a row's entry into the <row>
    element's attributes, and building (or iterating) a RowDimension per row
    costs more than writing the row.
    """
    if height is None and not outline:
        return
    shared = ws.__dict__.setdefault("_workbench_row_formats", {})
    key = (height, outline)
    if key not in shared:
        dimension = RowDimension(ws, ht=height, customHeight=height is not None, outlineLevel=outline)
        shared[key] = {name: value for name, value in dict(dimension).items() if name != "r"}
    ws.row_dimensions[row_idx] = shared[key]


def merge(ws, ref: str) -> None:
    """Merge `ref` (e.g. A5:J5) in a sheet whose merges never overlap (each a row of its own, or a header).

    Straight into the set of ranges: MultiCellRange.add first compares the new range with every one
    before it, which is quadratic in a plan's chapter rows."""
    ws.merged_cells.ranges.add(CellRange(ref))


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
    cleaned = "".join("_" if ch in '[]:*?/\\' or ord(ch) < 32 else ch for ch in name).strip("'") or "Sheet"
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
