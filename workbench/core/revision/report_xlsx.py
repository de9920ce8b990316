"""The revision 对照表 as an Excel workbook, changed characters highlighted.

Sheets: 对照表 (原文 / 修改后 / 变化 / 责任单位, one row per change), 主要指标变化,
待处理标签 (carried tags flagged for review and orphans, with their text), 说明
(which versions, when, counts).  Deleted or replaced characters are red and
struck through in 原文; inserted or replacing ones red and bold in 修改后.
Written to a .part file and renamed, so a failed write leaves no half file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from functools import lru_cache
from types import SimpleNamespace

from workbench.core.revision.diff import diff_runs
from workbench.core.revision.report import ReportRow


@lru_cache(maxsize=1)
def _x() -> SimpleNamespace:
    """openpyxl and the report's styles, imported on the first write: the window imports this module at start
    (for ReportInfo and PendingRow) and openpyxl takes about 0.2 s to import."""
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from workbench.core.xlsx_cells import clean_text, wrapped_height  # openpyxl too

    thin = Side(style="thin", color="999999")
    return SimpleNamespace(
        Workbook=Workbook, CellRichText=CellRichText, TextBlock=TextBlock, Alignment=Alignment,
        clean_text=clean_text, wrapped_height=wrapped_height,
        BORDER=Border(left=thin, right=thin, top=thin, bottom=thin),
        HEADER_FONT=Font(name="宋体", bold=True, size=11), BODY_FONT=Font(name="宋体", size=10),
        HEADER_FILL=PatternFill("solid", fgColor="D9E1F2"), WRAP=Alignment(wrap_text=True, vertical="top"),
        DELETED_FONT=InlineFont(rFont="宋体", sz=10, color="C00000", strike=True),
        INSERTED_FONT=InlineFont(rFont="宋体", sz=10, color="C00000", b=True, u="single"),
        PLAIN_FONT=InlineFont(rFont="宋体", sz=10),
    )  # fmt: skip


MAIN_HEADERS = ("序号", "章节", "原文", "修改后", "变化", "责任单位", "匹配度", "审核")
MAIN_WIDTHS = (4, 10, 30, 30, 8, 17, 6, 7)  # fit A4 landscape at 100 %: body text prints at 10 pt


@dataclass
class ReportInfo:
    old_title: str
    new_title: str
    old_sha256: str
    new_sha256: str
    written_at: str
    workspace: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PendingRow:
    kind: str  # 待审核 / 孤立标签
    old_keys: str
    new_key: str
    old_text: str
    tags: str
    status: str
    remarks: str = ""


def write_report(path: Path, rows: Sequence[ReportRow], indicators: Sequence[tuple[str, ...]],
                 pending: Sequence[PendingRow], info: ReportInfo) -> Path:
    path = Path(path)
    x = _x()
    wb = x.Workbook()
    ws = wb.active
    ws.title = "对照表"
    _headers(ws, MAIN_HEADERS, MAIN_WIDTHS)
    ws.oddHeader.center.text = x.clean_text(f"《{info.new_title}》修改对照表")  # printed on every page
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    for n, row in enumerate(rows, 1):
        old_runs, new_runs = diff_runs(row.old_text, row.new_text) if row.old_text and row.new_text else (
            [(row.old_text, False)], [(row.new_text, False)])
        values = [n, row.place, _rich(old_runs, x.DELETED_FONT), _rich(new_runs, x.INSERTED_FONT), row.change,
                  row.units, f"{row.confidence:.0%}", row.review]
        _append(ws, values)
    ws2 = wb.create_sheet("主要指标变化")
    _headers(ws2, ("序号", "指标", "项目", "原文", "修改后"), (6, 40, 12, 20, 20))
    for values in indicators:
        _append(ws2, list(values))
    ws3 = wb.create_sheet("待处理标签")
    _headers(ws3, ("类型", "原条目", "新条目", "原文", "标签", "状态", "说明"), (10, 16, 16, 48, 30, 10, 30))
    for p in pending:
        _append(ws3, [p.kind, p.old_keys, p.new_key, p.old_text, p.tags, p.status, p.remarks])
    ws4 = wb.create_sheet("说明")
    _headers(ws4, ("项目", "内容"), (18, 80))
    for label, value in (
        ("原版本", info.old_title), ("原版本 sha256", info.old_sha256),
        ("新版本", info.new_title), ("新版本 sha256", info.new_sha256),
        ("工作区", info.workspace), ("生成时间", info.written_at),
        *((f"{kind}（条）", str(count)) for kind, count in info.counts.items()),
    ):  # fmt: skip
        _append(ws4, [label, value])
    partial = path.with_name(path.name + ".part")
    try:
        wb.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _headers(ws, titles: Sequence[str], widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    x = _x()
    for i, (title, width) in enumerate(zip(titles, widths), 1):
        c = ws.cell(row=1, column=i, value=title)
        c.font, c.fill, c.border, c.alignment = x.HEADER_FONT, x.HEADER_FILL, x.BORDER, x.Alignment(horizontal="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4, as offices print (the renderer's default may be Letter)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _append(ws, values: list) -> None:
    row = ws.max_row + 1
    from openpyxl.utils import get_column_letter

    x = _x()
    widths = [ws.column_dimensions[get_column_letter(i)].width or 10 for i in range(1, len(values) + 1)]
    plain = ["".join(str(t) for t in v) if isinstance(v, x.CellRichText) else v for v in values]
    height = x.wrapped_height(plain, widths)
    if height is not None:
        ws.row_dimensions[row].height = height
    for i, value in enumerate(values, 1):
        c = ws.cell(row=row, column=i)
        if isinstance(value, str):
            c.value = x.clean_text(value)
            c.data_type = "s"  # a clause beginning with '=' stays text
        else:
            c.value = value
        c.font, c.border, c.alignment = x.BODY_FONT, x.BORDER, x.WRAP


def _rich(runs, font):
    if not any(changed for _, changed in runs):
        return "".join(text for text, _ in runs)
    x = _x()
    return x.CellRichText(*(x.TextBlock(font if changed else x.PLAIN_FONT, x.clean_text(text))
                            for text, changed in runs if text))
