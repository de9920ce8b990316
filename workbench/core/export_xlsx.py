"""Workbook writers: 责任矩阵, 任务分工, 主要指标, 部门汇总, 说明, and per-department books.

Each writer is a generator yielding (done, total, message) so the GUI can show
progress and cancel between rows; the workbook is streamed (openpyxl
write-only) to a temporary file and moved into place only when complete, so a
cancelled or failed export never leaves half a workbook behind.
"""

from __future__ import annotations

import os
from contextlib import contextmanager, suppress
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook  # noqa: F401 (type of the streamed books)

from workbench.core.export.about_sheet import about_sheet
from workbench.core.export.division_form import division_form, heading_line
from workbench.core.export.indicator_form import indicator_form
from workbench.core.export.matrix_summary import chapter_counts, matrix_summary_sheet
from workbench.core.export.print_layout import PrintOptions, liaison_workbook, page_setup, set_print_area
from workbench.core.matrix import (
    ROLE_LABELS, AssignmentSnapshot, Filters, department_indicators, department_summary, department_totals,
    division_rows, tagged_nodes, indicator_rows, matrix_rows,
)
from workbench.core.xlsx_cells import (
    CENTER, GROUP_FILL, GROUP_FONT, LEAD_FILL, SUPPORT_FILL, cell, cell_style, format_row, header_row, styled,
    safe_file_name, set_widths, stream_cells, valid_sheet_name, wrapped_height,
)

Progress = Iterator[tuple[int, int, str]]
SHEETS = ("matrix", "division", "indicators", "summary", "about")
SHEET_TITLES = {"matrix": "责任矩阵", "division": "任务分工", "indicators": "主要指标", "summary": "部门汇总",
                "about": "说明"}
MATRIX_SUMMARY_TITLE = "责任矩阵汇总"
EXCERPT = 60
MATRIX_WIDTHS = [26, 44]  # 条目 (lead phrase), 内容摘要; then 7.5 per department, then the node id


@dataclass
class Provenance:
    plan_title: str
    plan_sha256: str
    workspace: str
    exported_at: str  # ISO time with offset
    reviewer: str
    event_count: int
    head_hash: str
    filters: Filters = field(default_factory=Filters)


def export_workbook(snapshot: AssignmentSnapshot, path: Path, provenance: Provenance, *,
                    sheets: tuple[str, ...] = SHEETS, filters: Filters = Filters(),
                    options: PrintOptions = PrintOptions()) -> Progress:
    """Write the chosen sheets to `path`; yields (done, total, message)."""
    unknown = set(sheets) - set(SHEETS)
    if unknown or not sheets:
        raise ValueError(f"unknown sheet(s): {', '.join(sorted(unknown)) or 'none chosen'}")
    if "about" not in sheets:  # every workbook cites the event count and chain head its data came from
        sheets = (*sheets, "about")
    wb = liaison_workbook()
    nodes = tagged_nodes(snapshot, filters)  # walked once for every sheet
    division = division_rows(snapshot, filters, nodes=nodes)
    columns, mrows = matrix_rows(snapshot, filters, nodes=nodes)
    indicators = indicator_rows(snapshot)
    summary = department_summary(snapshot, filters, nodes=nodes)
    sizes = {"matrix": len(mrows) + 3, "division": len(division) + 1, "indicators": len(indicators) + 1,
             "summary": len(summary) + 1, "about": 10}
    total = sum(sizes[s] for s in sheets)
    done = 0
    with _discard_on_abort(wb):
        for sheet in SHEETS:
            if sheet not in sheets:
                continue
            if sheet == "matrix":  # the printable summary first, then the grid for the screen
                ws = wb.create_sheet(MATRIX_SUMMARY_TITLE)
                stream_cells(ws)
                for _ in matrix_summary_sheet(ws, chapter_counts(snapshot, filters, nodes=nodes),
                                              plan_title=snapshot.plan.title,
                                              paper=options.paper):
                    pass
            ws = wb.create_sheet(SHEET_TITLES[sheet])
            stream_cells(ws)
            if sheet == "matrix":
                rows = _matrix_sheet(ws, columns, mrows)
            elif sheet == "division":
                rows = division_form(ws, division, plan_title=snapshot.plan.title, options=options)
            elif sheet == "indicators":
                rows = indicator_form(ws, indicators, snapshot.plan.indicator_footnote, plan_title=snapshot.plan.title,
                                      paper=options.paper)
            elif sheet == "summary":
                rows = _summary_sheet(ws, summary)
            else:
                rows = _about_sheet(ws, provenance, filters, sheets, _figures(snapshot, division),
                                    plan=snapshot.plan)
            for _ in rows:
                done += 1
                if done % 200 == 0:
                    yield done, total, SHEET_TITLES[sheet]
    yield from _save(wb, path, total)


def export_department(snapshot: AssignmentSnapshot, department: str, path: Path, provenance: Provenance, *,
                      options: PrintOptions = PrintOptions()) -> Progress:
    """One department's tasks and indicators: what a liaison sends to their bureau.

    A unit that answers for no indicator gets no 主要指标 sheet (printed, it would be a page of headers
    over nothing); its 说明 says so in one line, as the Word paper of the department does."""
    filters = Filters(chapters=provenance.filters.chapters, departments=frozenset({department}))
    rows = division_rows(snapshot, filters)
    indicators = department_indicators(snapshot, department)
    wb = liaison_workbook()
    tasks = wb.create_sheet(valid_sheet_name(f"{department}任务"))
    form = wb.create_sheet(SHEET_TITLES["indicators"]) if indicators else None
    about = wb.create_sheet(SHEET_TITLES["about"])
    sheets = [ws for ws in (tasks, form, about) if ws is not None]
    for ws in sheets:
        stream_cells(ws)
    total = len(rows) + len(indicators) + 12
    done = 0
    for _ in division_form(tasks, rows, plan_title=snapshot.plan.title, options=options, role_of=department):
        done += 1
    if form is not None:
        for _ in indicator_form(form, indicators, snapshot.plan.indicator_footnote, plan_title=snapshot.plan.title,
                                paper=options.paper, department=department):
            done += 1
    with _discard_on_abort(wb):
        yield done, total, department
    figures = {**_figures(snapshot, rows), "indicators": len(indicators)}
    for _ in _about_sheet(about, provenance, filters, [ws.title for ws in sheets[:-1]], figures,
                          plan=snapshot.plan, department=department):
        done += 1
    yield from _save(wb, path, total)


def departments_with_tasks(snapshot: AssignmentSnapshot, chapters: frozenset[str] | None = None) -> list[str]:
    """The units that get a workbook: those with a task in the chosen chapters (every chapter when None).
    A unit with none would get a table of bare headers."""
    nodes = tagged_nodes(snapshot, Filters(chapters=chapters))
    return sorted({t.department for node in nodes for t in snapshot.tags[node.key]})


def department_file_name(department: str, plan_title: str = "") -> str:
    return safe_file_name(f"{department}-任务分工.xlsx")


@contextmanager
def _discard_on_abort(wb: Workbook) -> Iterator[None]:
    """A cancelled export (the generator closed) closes its streams cleanly."""
    try:
        yield
    except GeneratorExit:
        for ws in wb.worksheets:
            with suppress(Exception):
                ws.close()
        raise


def _save(wb: Workbook, path: Path, total: int) -> Progress:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    yield total, total, "saved"


def _matrix_sheet(ws, columns, rows) -> Iterator[None]:
    """The full clause × department grid, for the screen; printed, it runs over several pages at full size
    with the clause labels and the header repeated and the cell grid printed (empty cells stay unwritten:
    30 columns × 300 rows of nothing)."""
    from openpyxl.utils import get_column_letter

    names = [d.name for d in columns]
    set_widths(ws, MATRIX_WIDTHS + [7.5] * len(names) + [14])
    ws.freeze_panes = "C2"
    last_col = 3 + len(names)
    page_setup(ws, paper="A4", last_column=last_col - 1, title_row=1)
    ws.sheet_properties.pageSetUpPr.fitToPage = False  # full size: never shrunk to unreadable
    ws.page_setup.pageOrder = "overThenDown"
    ws.print_options.gridLines = True  # a border on every cell on paper, written or not
    ws.print_title_cols = "A:B"
    ws.sheet_properties.outlinePr.summaryBelow = False
    format_row(ws, 1, height=30)  # two lines for the longer unit names
    ws.append(header_row(ws, ["条目", "内容摘要", *names, "节点编号"]))
    yield
    plain = cell_style(ws)
    lead_style = cell_style(ws, fill=LEAD_FILL, alignment=CENTER)
    support_style = cell_style(ws, fill=SUPPORT_FILL, alignment=CENTER)
    lead_label = ROLE_LABELS["lead"]
    column = {name: index for index, name in enumerate(names, 2)}
    blank = [None] * len(names)
    row_idx = 1
    for row in rows:
        row_idx += 1
        node = row.node
        if row.group:
            heading = heading_line(node.label, node.title)
            format_row(ws, row_idx, height=wrapped_height([heading], MATRIX_WIDTHS), outline=row.level)
            ws.append([cell(ws, heading, font=GROUP_FONT, fill=GROUP_FILL),
                       cell(ws, "", fill=GROUP_FILL)] + [None] * len(names) + [styled(ws, node.key, plain)])
        else:
            excerpt = node.text if len(node.text) <= EXCERPT else node.text[:EXCERPT] + "…"
            label = lead_phrase(node)
            format_row(ws, row_idx, height=wrapped_height([label, excerpt], MATRIX_WIDTHS), outline=row.level)
            values = [styled(ws, label, plain), styled(ws, excerpt, plain), *blank, styled(ws, node.key, plain)]
            for name, role in row.cells.items():  # a row's few units, not every column
                values[column[name]] = styled(ws, role, lead_style if role == lead_label else support_style)
            ws.append(values)
        yield
    totals = department_totals(columns, rows)
    for role_index, caption in ((0, "牵头合计"), (1, "配合合计")):
        row_idx += 1
        ws.append([cell(ws, caption, font=GROUP_FONT), cell(ws, "")]
                  + [cell(ws, totals[n][role_index], font=GROUP_FONT, alignment=CENTER) for n in names])
        yield
    set_print_area(ws, last_col - 1, row_idx)
    ws.auto_filter.ref = f"A1:{get_column_letter(last_col)}{max(row_idx - 2, 1)}"


def lead_phrase(node) -> str:
    """A clause's label in the grid: its lead phrase (the plan's own words; one the importer cut short
    keeps its …), else its number and title."""
    title = node.title or ""
    if node.kind in ("box_item",) and node.label:
        return f"{node.label}{title or node.text[:20]}"
    return title or node.display


def _summary_sheet(ws, summary) -> Iterator[None]:
    """部门汇总: portrait A4 at 12 pt, the widths fitting the page even where LibreOffice draws units wide."""
    from workbench.core.departments import KIND_LABELS
    from workbench.core.export import print_layout as L

    set_widths(ws, [22, 14, 10, 10, 10])
    ws.freeze_panes = "B2"
    page_setup(ws, paper="A4", last_column=5, landscape=False, title_row=1)
    ws.append([cell(ws, t, font=L.TABLE_HEADER_FONT, alignment=L.MIDDLE_ALIGN)
               for t in ["部门", "类别", "牵头任务", "配合任务", "关联指标"]])
    yield
    left, middle = cell_style(ws, font=L.BODY, alignment=L.BODY_ALIGN), cell_style(ws, font=L.BODY,
                                                                                     alignment=L.MIDDLE_ALIGN)
    for s in summary:
        ws.append([styled(ws, s.department.name, left), styled(ws, KIND_LABELS.get(s.department.kind, ""), left),
                   styled(ws, s.lead_tasks, middle), styled(ws, s.support_tasks, middle),
                   styled(ws, s.indicators, middle)])
        yield
    set_print_area(ws, 5, len(summary) + 1)


def _figures(snapshot: AssignmentSnapshot, rows) -> dict[str, int]:
    departments = {n for r in rows for n in r.leads + r.supports}
    return {"tasks": len(rows), "departments": len(departments), "disputed": sum(1 for r in rows if r.disputed),
            "leads": len(rows) and sum(1 for r in rows if r.leads), "plan_disputed": len(snapshot.disputed)}


def _about_sheet(ws, p: Provenance, filters: Filters, sheets, figures: dict[str, int], *,
                 department: str | None = None, plan=None) -> Iterator[None]:
    labels = {}
    if plan is not None and filters.chapters:
        labels = {n.key: n.label for n in plan.nodes() if n.kind == "chapter"}
    yield from about_sheet(ws, p, filters, [SHEET_TITLES.get(s, s) for s in sheets], figures, department=department,
                           chapter_labels=labels)
