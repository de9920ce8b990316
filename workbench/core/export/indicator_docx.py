"""A department's 主要指标 in its Word paper: the indicators the unit leads or supports.

The Word paper of a department says what its workbook says: where the workbook
has a 主要指标 sheet, the Word file has the same ten printed columns as a table
on a page of its own, with the plan's footnote below it; where the unit answers
for no indicator, the workbook has no such sheet and the Word file one line under
the task table saying so (the very sentence of the workbook's 说明).
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Emu, Pt

from workbench.core.export.about_sheet import NO_INDICATORS
from workbench.core.export.division_docx import (
    BODY_FONT, PAGE_CM, TABLE_SIZE, _cell, _row_flags, _run, grid_table, title_paragraph,
)
from workbench.core.export.indicator_form import PRINTED_COUNT, indicator_headers, indicator_title
from workbench.core.matrix import AssignmentSnapshot, department_indicators

# cm on landscape A4 (24.3 cm between the margins): 序号 类别 指标 单位 基年 目标值 属性 标注说明 牵头 配合
WIDTHS_A4 = [1.6, 2.6, 4.5, 1.6, 1.8, 2.2, 1.7, 2.3, 3.0, 3.0]  # a 6-character unit on one line
WIDE = (2, 7, 9)  # 指标, 标注说明, 配合单位 take the room an A3 page adds
CENTRED = (0, 3, 4, 5, 6)


def indicator_part(doc, snapshot: AssignmentSnapshot, department: str, paper: str) -> None:
    rows = department_indicators(snapshot, department)
    if not rows:
        note = doc.add_paragraph()
        note.paragraph_format.space_before = Pt(6)
        _run(note, "注：" + NO_INDICATORS, BODY_FONT, TABLE_SIZE)
        return
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    title_paragraph(doc, indicator_title(snapshot.plan.title, department), paper)
    base = next((r.indicator.base_year for r in rows if r.indicator.base_year), 2025)
    target = next((r.indicator.target_year for r in rows if r.indicator.target_year), 2030)
    widths = [Cm(w) for w in WIDTHS_A4]
    extra = Cm(PAGE_CM[paper][0] - 5.4) - sum(widths, Cm(0))
    for index in WIDE:
        widths[index] = Emu(widths[index] + extra // len(WIDE))
    table = grid_table(doc, indicator_headers(base, target)[:PRINTED_COUNT], widths)
    for r in rows:
        ind = r.indicator
        name = ("\u3000其中：" + ind.name) if ind.parent_key else ind.name
        values = [ind.number, ind.category, name, ind.unit, ind.base_value, ind.target_value, ind.attribute,
                  r.markers, "、".join(r.leads), "、".join(r.supports)]
        line = table.add_row()
        _row_flags(line)
        for index, (cell, text, width) in enumerate(zip(line.cells, values, widths)):
            _cell(cell, text or "", BODY_FONT, width, center=index in CENTRED)
    footnote = snapshot.plan.indicator_footnote
    if footnote:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT
        para.paragraph_format.space_before = Pt(6)
        _run(para, footnote, BODY_FONT, TABLE_SIZE)
