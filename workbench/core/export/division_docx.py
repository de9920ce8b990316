"""The 重点任务分工方案 as a Word document, ready to attach to a 红头文件.

Laid out the way GB/T 9704 (党政机关公文格式) sets an attachment: the 附件 line
in 黑体 三号 at the top left, the title in 小标宋 二号 centred, the body in 仿宋,
page numbers "— N —" in 宋体 四号 at the foot.  The table is on landscape A4
(A3 on request) with its header row repeated on every page and no row split
across pages; chapter rows carry the chapter titles.  Fonts are named as Word
and WPS know them (方正小标宋简体, 黑体, 仿宋, 宋体); a desktop without 小标宋
shows its own substitute.

The Word file is for print and for pasting into documents; the round trip of
edits goes through the Excel workbook, which carries the node ids.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from workbench.core.export.division_form import form_title, heading_line, lead_or_full, numbered, printed_remark
from workbench.core.export.print_layout import PrintOptions
from workbench.core.matrix import AssignmentSnapshot, Filters, division_rows

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
NUMBER_FONT = "宋体"
TABLE_SIZE = Pt(12)  # 小四
HEADERS = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "备注"]
# column widths in cm for the printable width of landscape A4 (29.7 - 2.8 - 2.6 cm); A3 scales them
WIDTHS_A4 = [1.3, 10.0, 3.4, 4.6, 3.8, 2.2]
PAGE_CM = {"A4": (29.7, 21.0), "A3": (42.0, 29.7)}


def write_division_docx(snapshot: AssignmentSnapshot, path: Path, provenance, *, filters: Filters = Filters(),
                        options: PrintOptions = PrintOptions(), department: str | None = None) -> Path:
    """Write the 方案 to `path` (.docx), via a .part file so a failure leaves nothing behind."""
    options.check()
    rows = division_rows(snapshot, filters)
    doc = Document()
    _page(doc, options.paper)
    _styles(doc)
    if options.attachment:
        para = doc.add_paragraph()
        _run(para, options.attachment, HEADING_FONT, Pt(16))
    title_paragraph(doc, form_title(snapshot.plan.title, department), options.paper)
    _table(doc, rows, options)
    if department:  # the unit's 主要指标 follow on their own page, or one line says there are none
        from workbench.core.export.indicator_docx import indicator_part

        indicator_part(doc, snapshot, department, options.paper)
    # Provenance for auditors, in the document's properties (never printed): the same figures as 说明.
    doc.core_properties.title = form_title(snapshot.plan.title, department)
    doc.core_properties.comments = (f"审计事件数：{provenance.event_count}；审计链头哈希：{provenance.head_hash}；"
                                    f"规划文件SHA-256：{provenance.plan_sha256}；导出时间：{provenance.exported_at}")
    doc.core_properties.author = provenance.reviewer
    path = Path(path)
    part = path.with_name(f".{path.name}.part")
    try:
        doc.save(part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


def title_paragraph(doc, text: str, paper: str):
    """The 小标宋 二号 title, centred; a title too long for one line breaks after the plan's name."""
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(18)
    usable_pt = (PAGE_CM[paper][0] - 5.4) / 2.54 * 72
    if len(text) * 22 > usable_pt and "》" in text:  # two balanced lines rather than one orphaned character
        head, _, tail = text.partition("》")
        _run(title, head + "》", TITLE_FONT, Pt(22)).add_break()
        text = tail
    _run(title, text, TITLE_FONT, Pt(22))
    return title


def _page(doc, paper: str) -> None:
    section = doc.sections[0]
    width, height = PAGE_CM[paper]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(width), Cm(height)
    section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.4)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(1.2)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "— ", NUMBER_FONT, Pt(14))
    _page_field(footer)
    _run(footer, " —", NUMBER_FONT, Pt(14))


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(16)  # 三号: the body size of a 公文
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)


def _run(paragraph, text: str, font: str, size, *, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = size
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def _page_field(paragraph) -> None:
    run = _run(paragraph, "", NUMBER_FONT, Pt(14))
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)


def _table(doc, rows, options: PrintOptions) -> None:
    scale = (PAGE_CM[options.paper][0] - 5.4) / (PAGE_CM["A4"][0] - 5.4)
    widths = [Cm(w * (scale if i in (1, 3, 5) else 1)) for i, w in enumerate(WIDTHS_A4)]
    if scale != 1:
        extra = Cm((PAGE_CM[options.paper][0] - 5.4)) - sum(widths, Cm(0))
        widths[1] = Emu(widths[1] + extra)
    table = grid_table(doc, HEADERS, widths)
    for chapter, seq, row in numbered(rows, options.numbering):
        if chapter is not None:
            line = table.add_row()
            _row_flags(line)
            merged = line.cells[0].merge(line.cells[-1])
            _cell(merged, heading_line(chapter.label, chapter.title), HEADING_FONT, None)
        task = lead_or_full(row, options)
        values = [str(seq), task, "、".join(row.leads), row.responsible, row.timing, printed_remark(row, options)]
        line = table.add_row()
        _row_flags(line, keep=_fits_page(values, widths, options.paper))
        for index, (cell, text, width) in enumerate(zip(line.cells, values, widths)):
            _cell(cell, text, BODY_FONT, width, center=index in (0, 4))


def grid_table(doc, headers: list[str], widths):
    """A bordered table of fixed column widths whose 黑体 header row repeats on every page."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")  # fixed: Word, WPS and LibreOffice all keep the planned widths
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, width in zip(table.columns, widths):
        column.width = width
    header = table.rows[0]
    _row_flags(header, repeat=True)
    for cell, text, width in zip(header.cells, headers, widths):
        _cell(cell, text, HEADING_FONT, width, center=True)
    return table


def _fits_page(values: list[str], widths, paper: str) -> bool:
    """Whether a row surely fits on one page: only then is it kept from splitting (a taller row kept
    whole would be cut off at the foot of the page)."""
    usable_pt = (PAGE_CM[paper][1] - 5.0) / 2.54 * 72 - 60  # less the repeated header row
    per_line = [max(int(w.pt / TABLE_SIZE.pt) - 1, 1) for w in widths]
    lines = max(-(-len(v) // n) + v.count("\n") for v, n in zip(values, per_line))
    return lines * TABLE_SIZE.pt * 1.15 * 1.35 < usable_pt


def _row_flags(row, *, repeat: bool = False, keep: bool = True) -> None:
    properties = row._tr.get_or_add_trPr()
    if keep:
        properties.append(OxmlElement("w:cantSplit"))
    if repeat:
        properties.append(OxmlElement("w:tblHeader"))


def _cell(cell, text: str, font: str, width, *, center: bool = False) -> None:
    if width is not None:
        cell.width = width
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.line_spacing = 1.15
    _no_autospace(paragraph)
    for number, line in enumerate(str(text).split("\n")):
        if number:
            paragraph = cell.add_paragraph()
            _no_autospace(paragraph)
        _run(paragraph, line, font, TABLE_SIZE)


def _no_autospace(paragraph) -> None:
    """No extra space between CJK and digits (2027年6月底前 stays as typed, as 公文 set it)."""
    properties = paragraph._p.get_or_add_pPr()
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(name)
        element.set(qn("w:val"), "0")
        properties.append(element)
