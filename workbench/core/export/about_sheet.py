"""The 说明 sheet: one printed page telling a liaison what this workbook is and
what to edit, with the provenance figures for auditors below it.

The auditors' labels are stable: `workbench audit verify --against FILE.xlsx`
finds the event count and the chain head by the texts in PROVENANCE_LABELS, in
column A, with the value in column B.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from openpyxl.styles import Font

from workbench.core.export import print_layout as L
from workbench.core.xlsx_cells import cell, format_row

LABEL_EVENTS = "审计事件数"
LABEL_HEAD = "审计链头哈希"
LABEL_SHA = "规划文件SHA-256"
LABEL_SCOPE = "导出范围代码"
PROVENANCE_LABELS = (LABEL_SHA, "工作区文件", "导出时间", "筛选条件", "包含工作表", LABEL_EVENTS, LABEL_HEAD, LABEL_SCOPE)
WIDTHS = [13.0, 58.0]  # fits a portrait A4 page at 100 % even where LibreOffice draws a unit 9.3 px wide
HEADING = Font(name="黑体", size=16)
SUBHEADING = Font(name="黑体", size=12)
LABEL = Font(name="黑体", size=11)
TEXT = Font(name="宋体", size=11)
SMALL = Font(name="宋体", size=11)

EDIT = ("牵头单位、责任单位（多个单位之间用顿号“、”分隔，单位名称请用规范简称）；完成时限（照文件写法填写，"
        "如“2026年底前”“2027年6月底前”“长期坚持”“持续推进”）；备注。")
EDIT_ROLE = "本单位工作簿中的“本单位角色”一栏可改为“牵头”或“配合”。"
NEW_TASKS = "如需增加任务，请在表格末尾另起一行填写，“节点编号（勿改）”一栏留空；新增行将作为建议提交审核，不会直接生效。"
KEEP = ("序号、重点任务（规划原文）不要修改；隐藏的“任务分工表述”“节点编号（勿改）”两列不要修改或删除；"
        "如某项任务与本单位无关，请不要删除该行，在备注中写明理由即可。")
NO_INDICATORS = "本单位没有牵头或配合的规划主要指标，故未附主要指标表。"
RETURN = "修改完成后请将本工作簿以 .xlsx 格式原样发回，不要改变工作表名称和列的顺序。"


def scope_code(filters, department: str | None) -> str:
    """What the export covered, in a form the re-import reads back (deleted rows are judged against it)."""
    parts = []
    if filters.chapters:
        parts.append("chapters=" + ",".join(sorted(filters.chapters)))
    if department:
        parts.append("department=" + department)
    elif filters.departments:
        parts.append("departments=" + ",".join(sorted(filters.departments)))
    return ";".join(parts) or "all"


def parse_scope(code: str) -> dict[str, list[str]]:
    """{} when the code is missing (an older or hand-made sheet); {"all": []} for a whole-plan export."""
    if (code or "").strip() == "all":
        return {"all": []}
    result: dict[str, list[str]] = {}
    for part in (code or "").split(";"):
        name, _, value = part.partition("=")
        if value:
            result[name.strip()] = [v for v in value.split(",") if v]
    return result


def indicator_line(count: int) -> str:
    """What a department's paper says of its 主要指标, in the workbook's 说明 and under the Word table."""
    if count:
        return f"本单位牵头或配合的主要指标 {count} 项，见“主要指标”表。"
    return NO_INDICATORS


def plain_date(iso: str) -> str:
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{when.year}年{when.month}月{when.day}日 {when.hour:02d}:{when.minute:02d}"


def about_sheet(ws, p, filters, sheet_titles: list[str], figures: dict[str, int], *,
                department: str | None = None, chapter_labels: dict[str, str] | None = None) -> Iterator[None]:
    """`p` is an export Provenance; yields once per row."""
    for index, width in enumerate(WIDTHS, 1):
        ws.column_dimensions["AB"[index - 1]].width = width
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = L.PAPER_SIZES["A4"]
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for side, inches in L.MARGIN_IN.items():
        setattr(ws.page_margins, side, inches)
    ws.oddFooter.center.text = L.PAGE_FOOTER
    ws.oddFooter.center.size = 12
    row = 0

    def put(label, value, *, font=TEXT, label_font=LABEL, border=None):
        nonlocal row
        row += 1
        text = "" if value is None else value
        format_row(ws, row, height=L.row_height([str(label), str(text)], WIDTHS, 11))
        ws.append([cell(ws, label, font=label_font, alignment=L.LEFT_ALIGN, border=border),
                   cell(ws, text, font=font, alignment=L.LEFT_ALIGN, border=border)])

    def heading(text, font, height):
        nonlocal row
        row += 1
        format_row(ws, row, height=height)
        ws.merged_cells.add(f"A{row}:B{row}")
        ws.append([cell(ws, text, font=font, alignment=L.TITLE_ALIGN if font is HEADING else L.LEFT_ALIGN,
                        border=None)])

    heading("填报说明", HEADING, 32)
    yield
    labels = chapter_labels or {}
    chapters = "、".join(labels.get(k, k) for k in sorted(filters.chapters, key=lambda k: (len(k), k))) \
        if filters and filters.chapters else ""
    if department:
        scope = f"{department}牵头或配合的任务" + (f"（{chapters}）" if chapters else "")
    elif filters and filters.departments:
        scope = "涉及" + "、".join(sorted(filters.departments)) + "的任务" + (f"（{chapters}）" if chapters else "")
    else:
        scope = f"{chapters}的任务" if chapters else "规划全部已分工的任务"
    tasks = f"共 {figures.get('tasks', 0)} 项任务，涉及 {figures.get('departments', 0)} 个单位。"
    if department:  # the 主要指标 sheet is there only when the unit answers for an indicator
        tasks += indicator_line(figures.get("indicators", 0))
    put("规划名称", p.plan_title)
    put("本表内容", f"{scope}；{tasks}")
    put("导出日期", plain_date(p.exported_at))
    put("导出人", p.reviewer)
    disputed = figures.get("disputed", 0)
    put("存在分歧", f"{disputed} 项：审核人之间对这些任务的分工意见尚未统一，表中以红色粗体标出，"
                    "“存在分歧”一栏注明“是”；以最终审定结果为准。" if disputed else "无。")
    put("可以修改", EDIT + (EDIT_ROLE if department else "") + NEW_TASKS)
    put("请勿修改", KEEP)
    put("发回方式", RETURN)
    for _ in range(8):
        yield
    row += 1
    ws.append([])
    heading("以下供审计核对（请勿修改）", SUBHEADING, 22)
    put(LABEL_SHA, p.plan_sha256, font=SMALL, label_font=SMALL)
    put("工作区文件", p.workspace, font=SMALL, label_font=SMALL)
    put("导出时间", p.exported_at, font=SMALL, label_font=SMALL)
    put("筛选条件", filters.describe() if filters else "全部", font=SMALL, label_font=SMALL)
    put("包含工作表", "、".join(sheet_titles), font=SMALL, label_font=SMALL)
    put(LABEL_EVENTS, p.event_count, font=SMALL, label_font=SMALL)
    put(LABEL_HEAD, p.head_hash, font=SMALL, label_font=SMALL)
    put(LABEL_SCOPE, scope_code(filters, department), font=SMALL, label_font=SMALL)
    yield
