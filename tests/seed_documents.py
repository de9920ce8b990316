"""The seed plan written as Word files the ways offices write them (python-docx), for import tests.

Built from the seed's parsed tree, so a faithful importer must give that tree
back.  Variants: a contents list or none; chapter and section numbers typed,
or produced by Word list numbering (w:numPr, 第%1章 in chineseCounting);
专栏 as plain paragraphs, as one-cell tables, or in text boxes; the indicator
table always a real Word table.
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from workbench.core import plan as P

NUMBERING_ID = 90  # our list: abstractNum and num ids chosen not to clash with the template's

ABSTRACT_XML = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="{NUMBERING_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/>
    <w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%2节"/>
    <w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""
NUM_XML = f"""<w:num {nsdecls('w')} w:numId="{NUMBERING_ID}"><w:abstractNumId w:val="{NUMBERING_ID}"/></w:num>"""


def add_list_numbering(document) -> int:
    """Add a 第%1章 / 第%2节 list definition to the document; return its numId."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(ABSTRACT_XML)
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNum elements precede num elements
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM_XML))
    return NUMBERING_ID


def numbered(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def text_box(paragraph, texts: list[str]) -> None:
    """A floating text box (wps:txbx, with Word's VML fallback copy) anchored to `paragraph`."""
    inner = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_esc(t)}</w:t></w:r></w:p>" for t in texts)
    xml = f"""<w:r {nsdecls('w')} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
      xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
      xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
      xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
      xmlns:v="urn:schemas-microsoft-com:vml">
      <mc:AlternateContent>
        <mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"
          relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
          <wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
          <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
          <wp:extent cx="5000000" cy="2000000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="box"/>
          <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
          </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:rect></w:pict>
        </mc:Fallback>
      </mc:AlternateContent></w:r>"""
    paragraph._p.append(parse_xml(xml))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def indicator_rows(plan) -> list[list[str]]:
    rows = [["序号", "指标", "2025年", "2030年目标值", "属性"]]
    counts: dict[str, int] = {}
    for ind in plan.indicators:
        if not ind.parent_key:
            counts[ind.category] = counts.get(ind.category, 0) + 1
    category = None
    for ind in plan.indicators:
        if ind.category != category:
            category = ind.category
            rows.append([f"{category}（{counts[category]}个）"])
        name = f"{ind.name}（{ind.unit}）" if ind.unit else ind.name
        if ind.parent_key:
            rows.append(["", "其中：" + name, ind.base_value, ind.target_value, ""])
        else:
            rows.append([ind.number, name, ind.base_value, ind.target_value, ind.attribute])
    return rows


def add_indicator_table(document, plan, *, repeat_number: str | None = None, title: str | None = None) -> None:
    """The ruled indicator table; `title` (专栏1 …) as its merged first row, as many offices lay it out."""
    rows = ([[title]] if title else []) + indicator_rows(plan)
    if repeat_number is not None:  # a typing slip: the next row repeats this number
        index = next(i for i, r in enumerate(rows) if r[0] == repeat_number)
        rows[index + 1][0] = repeat_number
    table = document.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"  # ruled, as offices print it
    for r, row in enumerate(rows):
        if len(row) == 1:
            merged = table.cell(r, 0).merge(table.cell(r, 4))
            merged.text = row[0]
            continue
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(plan.indicator_footnote)


def seed_docx(plan, path: Path, *, contents: bool = True, numbering: str = "typed", boxes: str = "tables",
              repeat_number: str | None = None, page_furniture: bool = False, title_row: bool = False) -> Path:
    """Write the seed plan (a parsed Plan) as a .docx the way an office would.

    Body paragraphs are indented two characters (首行缩进); `page_furniture` adds a
    running header and a page number in the footer; `title_row` puts 专栏1's title in the
    indicator table's first row.
    """
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    normal.paragraph_format.first_line_indent = Pt(24)
    if page_furniture:
        section = document.sections[0]
        section.header.paragraphs[0].text = plan.title
        footer = section.footer.paragraphs[0]
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    num_id = add_list_numbering(document) if numbering == "auto" else None
    title = plan.title
    document.add_paragraph(title[:12], style="Title")
    document.add_paragraph(title[12:], style="Title")
    document.add_paragraph(plan.root.text)
    preface = plan.root.find("preface")
    document.add_paragraph("前 言")
    for text in preface.text.split("\n"):
        document.add_paragraph(text)
    if contents:
        document.add_paragraph("目录")
        for entry in plan.toc:
            document.add_paragraph(f"{entry.label}  {entry.title}\t{entry.page or 1}")
    for node in plan.root.children:
        if node.key != "preface":
            _node(document, node, plan, num_id, boxes, (repeat_number, title_row))
    document.save(str(path))
    return path


def _heading(document, node, num_id, level: int) -> None:
    if num_id is None:
        document.add_paragraph(f"{node.label}  {node.title}", style=f"Heading {level}")
    else:
        numbered(document.add_paragraph(node.title, style=f"Heading {level}"), num_id, level - 1)


def _node(document, node, plan, num_id, boxes: str, repeat_number) -> None:
    if node.kind == P.CHAPTER:
        _heading(document, node, num_id, 1)
    elif node.kind == P.SECTION:
        _heading(document, node, num_id, 2)
    elif node.kind == P.CLAUSE:
        document.add_paragraph(node.label + node.text)
        return
    elif node.kind == P.BOX:
        _box(document, node, plan, boxes, repeat_number)
        return
    for child in node.children:
        _node(document, child, plan, num_id, boxes, repeat_number)


def _box(document, box, plan, boxes: str, repeat_number) -> None:
    title = f"{box.label}  {box.title}"
    if any(c.kind == P.INDICATOR_TABLE for c in box.children):
        repeat, title_row = repeat_number
        if not title_row:
            document.add_paragraph(title)
        add_indicator_table(document, plan, repeat_number=repeat, title=title if title_row else None)
        return
    texts = [title] + [c.label + c.text for c in box.children]
    if boxes == "tables":
        frame = document.add_table(rows=1, cols=1)
        frame.style = "Table Grid"
        cell = frame.cell(0, 0)
        cell.paragraphs[0].text = texts[0]
        for text in texts[1:]:
            cell.add_paragraph(text)
    elif boxes == "textboxes":
        text_box(document.add_paragraph(), texts)
    else:
        for text in texts:
            document.add_paragraph(text)
        document.add_paragraph("")
        document.add_paragraph("")


def copy_plan(plan):
    return copy.deepcopy(plan)
