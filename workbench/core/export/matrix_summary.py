"""The responsibility matrix for paper: departments × chapters with task counts.

The full clause × department grid needs a screen (40 columns of 牵头/配合);
on paper a leader reads, for each unit, how many tasks it leads and supports
in each chapter.  Only units that have tasks are listed, in the registry's
official order; the chapters with tasks are columns numbered 一、二… as the
plan numbers them, with their titles in a key below the table.  Every cell
has a border, empty or not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from workbench.core.departments import Department
from workbench.core.export import print_layout as L
from workbench.core.matrix import LEAD, AssignmentSnapshot, Filters, chapter_of, matrix_departments, tagged_nodes
from workbench.core.plan import PlanNode
from workbench.core.xlsx_cells import cell, cell_style, format_row, merge, styled

OTHER = "其他"  # tasks outside any chapter (前言, boxes hung on the plan itself)


@dataclass
class ChapterCounts:
    chapters: list[PlanNode | None]  # None: outside any chapter
    departments: list[Department]
    counts: dict[tuple[str, str | None], list[int]] = field(default_factory=dict)  # (dept, chapter key) -> [l, s]

    def totals(self, department: str) -> tuple[int, int]:
        if "_totals" not in self.__dict__:
            sums: dict[str, list[int]] = {}
            for (name, _), (lead, support) in self.counts.items():
                entry = sums.setdefault(name, [0, 0])
                entry[0] += lead
                entry[1] += support
            self.__dict__["_totals"] = sums
        lead, support = self.__dict__["_totals"].get(department, (0, 0))
        return lead, support


def chapter_counts(snapshot: AssignmentSnapshot, filters: Filters = Filters(), *,
                   nodes: list[PlanNode] | None = None) -> ChapterCounts:
    nodes = tagged_nodes(snapshot, filters) if nodes is None else nodes
    chapters: dict[str | None, PlanNode | None] = {}
    result = ChapterCounts([], [d for d in matrix_departments(snapshot, nodes)
                               if filters.departments is None or d.name in filters.departments])
    for node in nodes:
        chapter = chapter_of(node)
        key = chapter.key if chapter is not None else None
        chapters.setdefault(key, chapter)
        for tag in snapshot.tags[node.key]:
            entry = result.counts.setdefault((tag.department, key), [0, 0])
            entry[0 if tag.role == LEAD else 1] += 1
    result.chapters = [c for k, c in chapters.items() if k is not None] + ([None] if None in chapters else [])
    return result


def chapter_numeral(chapter: PlanNode | None) -> str:
    if chapter is None:
        return OTHER
    return chapter.label.removeprefix("第").removesuffix("章") or str(chapter.number)


def _summary_title(plan_title: str) -> str:
    return f"《{plan_title.strip('《》')}》责任矩阵汇总"


def _empty_summary(ws, *, plan_title: str, paper: str) -> Iterator[None]:
    """A plan with no tagged task still gets its summary page, saying so (no zero-width merges)."""
    L.notice_page(ws, _summary_title(plan_title), "尚无已分工的任务：本规划还没有标注牵头或配合单位。", paper=paper)
    yield


def matrix_summary_sheet(ws, data: ChapterCounts, *, plan_title: str, paper: str = "A4") -> Iterator[None]:
    n = len(data.chapters)
    if n == 0:
        yield from _empty_summary(ws, plan_title=plan_title, paper=paper)
        return
    last = n + 3
    total_px = L.printable_px(paper) - L.px_for_width(18) - 2 * L.px_for_width(8.5) - 4
    each = max(min(L.width_for_px(total_px / max(n, 1)), 9.0), 4.5)
    widths = [18.0] + [each] * n + [8.5, 8.5]
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    L.page_setup(ws, paper=paper, last_column=last, title_row=3)
    ws.print_title_rows = "2:3"
    ws.freeze_panes = "B4"
    letter = get_column_letter(last)
    title = _summary_title(plan_title)
    format_row(ws, 1, height=40)
    ws.merged_cells.add(f"A1:{letter}1")
    ws.append([cell(ws, title, font=L.TITLE_FONT, alignment=L.TITLE_ALIGN, border=None)])
    head = dict(font=L.TABLE_HEADER_FONT, alignment=L.MIDDLE_ALIGN)
    format_row(ws, 2, height=24)
    ws.merged_cells.add("A2:A3")
    ws.merged_cells.add(f"B2:{get_column_letter(n + 1)}2")
    ws.merged_cells.add(f"{get_column_letter(n + 2)}2:{letter}2")
    ws.append([cell(ws, "单位", **head), cell(ws, "各章任务数（牵头/配合）", **head)]
              + [cell(ws, "", **head) for _ in range(n - 1)]
              + [cell(ws, "合计", **head), cell(ws, "", **head)])
    format_row(ws, 3, height=24)
    ws.append([cell(ws, "", **head)] + [cell(ws, chapter_numeral(c), **head) for c in data.chapters]
              + [cell(ws, "牵头", **head), cell(ws, "配合", **head)])
    yield
    row_idx = 3
    name_style = cell_style(ws, font=L.BODY, alignment=L.BODY_ALIGN)
    count_style = cell_style(ws, font=L.BODY, alignment=L.MIDDLE_ALIGN)
    keys = [c.key if c is not None else None for c in data.chapters]
    for dept in data.departments:
        row_idx += 1
        values = [styled(ws, dept.name, name_style)]
        for key in keys:
            lead, support = data.counts.get((dept.name, key), (0, 0))
            values.append(styled(ws, f"{lead}/{support}" if lead or support else None, count_style))
        lead, support = data.totals(dept.name)
        values += [styled(ws, lead, count_style), styled(ws, support, count_style)]
        format_row(ws, row_idx, height=L.row_height([dept.name], [18.0]))
        ws.append(values)
        yield
    row_idx += 1
    format_row(ws, row_idx, height=12)
    ws.append([])
    for chapter in data.chapters:
        row_idx += 1
        text = (f"{chapter_numeral(chapter)}、{chapter.title}" if chapter is not None
                else f"{OTHER}：前言及不属于任何一章的条目")
        merge(ws, f"A{row_idx}:{letter}{row_idx}")
        format_row(ws, row_idx, height=L.row_height([text], [sum(widths)]))
        ws.append([cell(ws, text, font=L.BODY, alignment=L.LEFT_ALIGN, border=None)])
        yield
    L.set_print_area(ws, last, row_idx)


__all__ = ["ChapterCounts", "chapter_counts", "matrix_summary_sheet"]
