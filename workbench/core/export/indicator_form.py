"""The 主要指标 sheet on paper: the plan's indicator table with the units answering for each.

A title, the header row repeated on every page, the footnote (what * and 〔〕
mean, which base-year values are estimates) in one merged cell across the
table so that it prints whole; the linked clause ids, a screen aid, stay to
the right of the print area.
"""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.utils import get_column_letter

from workbench.core.export import print_layout as L
from workbench.core.xlsx_cells import HEADER_FILL, cell, cell_style, format_row, merge, styled

PRINTED_COUNT = 10  # 序号 … 配合单位; 关联条款 is for the screen (the Word paper prints the same ten)


def indicator_headers(base: int, target: int) -> list[str]:
    return ["序号", "类别", "指标", "单位", f"{base}年", f"{target}年目标值", "属性", "标注说明", "牵头单位",
            "配合单位", "关联条款"]


def indicator_title(plan_title: str, department: str | None = None) -> str:
    return f"《{plan_title.strip('《》')}》主要指标及责任单位" + (f"（{department}）" if department else "")


NO_TABLE = "本规划纲要没有主要指标表：导入的规划文件中未找到主要指标。"


def indicator_form(ws, rows, footnote: str, *, plan_title: str, paper: str = "A4",
                   department: str | None = None) -> Iterator[None]:
    if not rows:  # a page of bare headers (and a footnote under nothing) tells a reader nothing
        yield from _no_indicators(ws, plan_title=plan_title, paper=paper)
        return
    base = next((r.indicator.base_year for r in rows if r.indicator.base_year), 2025)
    target = next((r.indicator.target_year for r in rows if r.indicator.target_year), 2030)
    headers = indicator_headers(base, target)
    widths = L.fit_widths({0: 5.0, 1: 10.0, 2: 24.0, 3: 8.0, 4: 9.0, 5: 12.0, 6: 7.0, 7: 14.0, 8: 14.0}, 9, paper)
    widths.append(36.0)
    last = get_column_letter(PRINTED_COUNT)
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    L.page_setup(ws, paper=paper, last_column=PRINTED_COUNT, title_row=2)
    ws.freeze_panes = "D3"
    title, height = L.title_lines(indicator_title(plan_title, department), sum(widths[:PRINTED_COUNT]))
    format_row(ws, 1, height=height)
    ws.merged_cells.add(f"A1:{last}1")
    ws.append([cell(ws, title, font=L.TITLE_FONT, alignment=L.TITLE_ALIGN, border=None)])
    format_row(ws, 2, height=L.row_height(headers[:PRINTED_COUNT], widths))
    ws.append([cell(ws, h, font=L.TABLE_HEADER_FONT, alignment=L.MIDDLE_ALIGN,
                    fill=HEADER_FILL if i >= PRINTED_COUNT else None) for i, h in enumerate(headers)])
    yield
    row_idx = 2
    middle, left = cell_style(ws, font=L.BODY, alignment=L.MIDDLE_ALIGN), cell_style(ws, font=L.BODY,
                                                                                      alignment=L.BODY_ALIGN)
    for r in rows:
        ind = r.indicator
        name = ("　其中：" + ind.name) if ind.parent_key else ind.name
        texts = [ind.number, ind.category, name, ind.unit, ind.base_value, ind.target_value, ind.attribute,
                 r.markers, "、".join(r.leads), "、".join(r.supports), "\n".join(r.clauses)]
        row_idx += 1
        format_row(ws, row_idx, height=L.row_height(texts[:PRINTED_COUNT], widths))
        ws.append([styled(ws, t, middle if i in (0, 3, 4, 5, 6) else left) for i, t in enumerate(texts)])
        yield
    if footnote:
        row_idx += 1
        format_row(ws, row_idx, height=L.row_height([footnote], [sum(widths[:PRINTED_COUNT])]))
        merge(ws, f"A{row_idx}:{last}{row_idx}")
        ws.append([cell(ws, footnote, font=L.BODY, alignment=L.LEFT_ALIGN, border=None)])
        yield
    L.set_print_area(ws, PRINTED_COUNT, row_idx)


def _no_indicators(ws, *, plan_title: str, paper: str) -> Iterator[None]:
    """A plan without an indicator table still gets the sheet asked for, saying so in one line."""
    L.notice_page(ws, indicator_title(plan_title), NO_TABLE, paper=paper)
    yield


__all__ = ["indicator_form", "indicator_headers", "indicator_title"]
