"""The 重点任务分工方案 sheet: the table a government office attaches to its notice.

Layout, top to bottom: an optional 附件 line, the title 《…》重点任务分工方案,
the header row (repeated on every printed page), then per chapter a header row
carrying the chapter's number and title, followed by its tasks.  The printed
columns are 序号 / 重点任务 / 牵头单位 / 责任单位 / 完成时限 / 备注 (a
department's own workbook adds 本单位角色); the machine columns the round trip
needs (节点编号, 任务分工表述) and the screen-only ones (存在分歧, 关联指标) sit
to the right of the print area, the machine ones hidden.

A streamed (write-only) sheet: rows are written once, in order.
"""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.utils import get_column_letter

from workbench.core.export import print_layout as L
from workbench.core.matrix import DivisionRow
from workbench.core.xlsx_cells import BORDER, HEADER_FILL, cell, cell_style, format_row, merge, styled

ID_HEADER = "节点编号（勿改）"
PASTE_HEADER = "任务分工表述"
ROLE_HEADER = "本单位角色"
DISPUTED_HEADER = "存在分歧"
INDICATOR_HEADER = "关联指标"
PRINTED = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "备注"]
SCREEN = [DISPUTED_HEADER, INDICATOR_HEADER]
MACHINE = [PASTE_HEADER, ID_HEADER]
DISPUTED_TEXT = "是（审核人之间存在未解决的分歧）"


def form_title(plan_title: str, department: str | None = None) -> str:
    title = plan_title.strip("《》") or "规划纲要"
    suffix = f"（{department}）" if department else ""
    return f"《{title}》重点任务分工方案{suffix}"


def division_headers(role_of: str | None) -> list[str]:
    printed = list(PRINTED)
    if role_of:
        printed.insert(2, ROLE_HEADER)
    return printed + SCREEN + MACHINE


def printed_count(role_of: str | None) -> int:
    return len(PRINTED) + (1 if role_of else 0)


def column_widths(options: L.PrintOptions, role_of: str | None) -> list[float]:
    fixed = {0: 5.0, 2: 14.0, 3: 20.0, 4: 13.0, 5: 12.0}
    if options.paper == "A3":
        fixed = {0: 6.0, 2: 20.0, 3: 30.0, 4: 13.0, 5: 20.0}
    if role_of:
        fixed = {i + (1 if i >= 2 else 0): w for i, w in fixed.items()}
        fixed[2] = 11.0
    printed = L.fit_widths(fixed, 1, options.paper)
    return printed + [14.0, 24.0, 36.0, 14.0]


def heading_line(label: str, title: str) -> str:
    """第三章　标题 as documents print it; a label that ends in its own punctuation (一、 （二） 3.) takes no space."""
    if not label or not title:
        return (label or title).strip()
    return f"{label}{title}" if label.endswith(("、", "）", ")", ".", "．")) else f"{label}　{title}"


def division_form(ws, rows: list[DivisionRow], *, plan_title: str, options: L.PrintOptions = L.PrintOptions(),
                  role_of: str | None = None) -> Iterator[None]:
    """Write the 分工方案 into a write-only sheet; yields once per row written."""
    options.check()
    headers = division_headers(role_of)
    printed = printed_count(role_of)
    widths = column_widths(options, role_of)
    last_letter = get_column_letter(printed)
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    for letter in (get_column_letter(len(headers) - 1), get_column_letter(len(headers))):
        ws.column_dimensions[letter].hidden = True
    header_at = 3 if options.attachment else 2
    # Everything in <sheetPr>/<sheetViews>/<cols> must be set before the first row is streamed.
    L.page_setup(ws, paper=options.paper, last_column=printed, title_row=header_at)
    ws.freeze_panes = f"A{header_at + 1}"  # the header stays; no wide frozen column on a small screen
    row_idx = 0

    def merged(text: str, font, alignment, height: float, *, fill=None, border=None) -> None:
        nonlocal row_idx
        row_idx += 1
        format_row(ws, row_idx, height=height)
        merge(ws, f"A{row_idx}:{last_letter}{row_idx}")
        first = cell(ws, text, font=font, alignment=alignment, fill=fill, border=border)
        rest = [cell(ws, "", fill=fill, border=border) for _ in range(printed - 1)] if border or fill else []
        ws.append([first, *rest])

    if options.attachment:
        merged(options.attachment, L.ATTACHMENT_FONT, L.LEFT_ALIGN, 24)
    title, height = L.title_lines(form_title(plan_title, role_of), sum(widths[:printed]))
    merged(title, L.TITLE_FONT, L.TITLE_ALIGN, max(height, 48))
    row_idx += 1
    format_row(ws, row_idx, height=30)
    ws.append([cell(ws, h, font=L.TABLE_HEADER_FONT, fill=HEADER_FILL if i >= printed else None,
                    alignment=L.MIDDLE_ALIGN) for i, h in enumerate(headers)])
    yield
    styles = {(middle, disputed): cell_style(ws, font=L.DISPUTED_FONT if disputed else L.BODY,
                                             fill=L.DISPUTED_FILL if disputed else None,
                                             alignment=L.MIDDLE_ALIGN if middle else L.BODY_ALIGN)
              for middle in (False, True) for disputed in (False, True)}
    for chapter, seq, row in numbered(rows, options.numbering):
        if chapter is not None:
            heading = heading_line(chapter.label, chapter.title)
            height = L.row_height([heading], [sum(widths[:printed])])
            merged(heading, L.CHAPTER_FONT, L.LEFT_ALIGN, height, fill=L.CHAPTER_FILL, border=BORDER)
        row_idx += 1
        values = _row_values(row, seq, options, role_of)
        format_row(ws, row_idx, height=L.row_height(values[:printed], widths[:printed]))
        ws.append(_row_cells(ws, values, row, printed, styles))
        yield
    L.set_print_area(ws, printed, row_idx)
    ws.auto_filter.ref = f"A{header_at}:{get_column_letter(len(headers))}{max(row_idx, header_at)}"


def numbered(rows, numbering: str) -> Iterator[tuple]:
    """Each row as (chapter, 序号, row): chapter is the chapter whose header row goes before this row,
    else None; 序号 runs on through the plan or restarts per chapter (numbering == "chapter").
    The Excel and the Word 方案 both number through this, so they always agree."""
    chapter_key = object()
    seq = 0
    for row in rows:
        key = row.chapter.key if row.chapter is not None else None
        opens = None
        if key != chapter_key:
            chapter_key = key
            if numbering == "chapter":
                seq = 0
            opens = row.chapter
        seq += 1
        yield opens, seq, row


def printed_remark(row: DivisionRow, options: L.PrintOptions) -> str:
    """The 备注 as printed: public remarks, and the internal note only when asked for."""
    if options.internal_notes and row.note:
        return f"{row.remark}\n（内部备注）{row.note}".strip()
    return row.remark


def lead_or_full(row: DivisionRow, options: L.PrintOptions) -> str:
    """The 重点任务 text: the clause's lead phrase when asked and the plan has one, else the full text
    (a title the importer cut short with … is no lead phrase)."""
    title = row.node.title
    if options.task_text == "lead" and title and not title.endswith("…"):
        return title
    return row.task


def _row_values(row: DivisionRow, seq: int, options: L.PrintOptions, role_of: str | None) -> list:
    task = lead_or_full(row, options)
    values: list = [seq, task, "、".join(row.leads), row.responsible, row.timing, printed_remark(row, options)]
    if role_of:
        values.insert(2, "牵头" if role_of in row.leads else "配合")
    return values + [DISPUTED_TEXT if row.disputed else "", "；".join(row.indicators), row.paste_text, row.node.key]


def _row_cells(ws, values: list, row: DivisionRow, printed: int, styles: dict) -> list:
    unit_columns = {printed - 4, printed - 3}  # 牵头单位, 责任单位
    cells = []
    for i, value in enumerate(values):
        if i >= printed and value == "":
            cells.append(None)  # an empty screen column needs no border: no cell at all
            continue
        middle = i == 0 or i == printed - 2 or (printed == 7 and i == 2)
        disputed = row.disputed and (i in unit_columns or i == printed)
        # an empty printed cell keeps its border but holds no value (no empty string to write)
        cells.append(styled(ws, None if value == "" else value, styles[(middle, disputed)]))
    return cells
