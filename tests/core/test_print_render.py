"""The 任务分工方案 on paper: rendered by LibreOffice headless, measured in the PDF.

Body text at least 10 pt, every page numbered 第 N 页 共 M 页, every printed column on every page with
nothing cut (each task's text ends on paper), the machine columns never printed; and the same file read
back with openpyxl.
"""

from __future__ import annotations

import random

import openpyxl
import pytest
from docx.oxml.ns import qn

from tests.print_checks import (
    MIN_CJK_BOX, dash_numbered, needs_renderer, numbered, pdf_pages, render_pdf, smallest_cjk_box, squash,
)
from workbench import paths
from workbench.core.departments import load_registry
from workbench.core.export.print_layout import PrintOptions
from workbench.core.export_xlsx import Provenance, export_department, export_workbook
from workbench.core.matrix import AssignmentSnapshot, Filters, Tag, division_rows

PRINTED = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "备注"]


@pytest.fixture(scope="module")
def tagged(seed_plan):
    """Every clause and box item of the seed tagged, the way a finished division looks."""
    departments = load_registry(paths.DEPARTMENTS_FILE)
    rnd = random.Random(12)
    pool = [d for d in departments if d.kind == "government_department"]
    tags, timing, remarks = {}, {}, {}
    for node in seed_plan.nodes():
        if node.kind in ("clause", "box_item"):
            chosen = rnd.sample(pool, rnd.randint(1, 4))
            tags[node.key] = [Tag(chosen[0].name, "lead")] + [Tag(d.name, "support") for d in chosen[1:]]
            if rnd.random() < 0.2:
                tags[node.key].append(Tag("各区人民政府", "support"))
            timing[node.key] = rnd.choice(["2026年底前", "2027年6月底前", "长期坚持", "ongoing", "2028", ""])
            if rnd.random() < 0.1:
                remarks[node.key] = "与年度重点工作统筹推进"
    return AssignmentSnapshot(seed_plan, departments, tags, timing=timing, remarks=remarks,
                              notes={k: "内部：牵头单位待市政府领导同志审定" for k in list(tags)[:5]})


@pytest.fixture(scope="module")
def provenance(seed_plan):
    return Provenance(seed_plan.title, seed_plan.sha256, "/tmp/ws.sqlite", "2026-11-24T20:00:00+08:00",
                      "张三（市发展改革委）", 42, "ab" * 32)


def check_printed_table(pages, rows, headers, page_number=numbered):
    """What every printed 分工方案 must satisfy; returns the smallest CJK box for the report."""
    total = len(pages)
    assert total > 1
    for page in pages:
        assert page_number(page, total), f"page {page.number} carries no page number"
        text = page.text()
        for title in headers:
            assert title in text, f"page {page.number} lacks the {title} column (header not repeated or cut)"
        assert "节点编号" not in text and "任务分工表述" not in text and "ch0" not in text  # machine columns
        assert all(w.x1 <= page.width - 18 and w.x0 >= 18 for w in page.words), "text runs into the margin"
    box, where = smallest_cjk_box(pages)
    assert box >= MIN_CJK_BOX, f"text printed below 10 pt: {where} ({box:.1f} pt box)"
    # nothing cut: each task's text ends on paper, in the 重点任务 column
    column = ""
    for page in pages:
        seq = next(w for w in page.words if w.text == headers[0])
        title = next(w for w in page.words if w.text == headers[1])
        below = [w for w in page.words if w.y0 > title.y1 and w.x0 > seq.x1 + 2]
        left = min(w.x0 for w in below)  # task text is left-aligned in its column
        right = title.x0 + title.x1 - left  # the header is centred in the same column
        column += page.column_text(left, right)
    for row in rows:
        assert squash(row.task)[-12:] in column, f"the end of {row.node.key} is not printed"
    return box


@needs_renderer
def test_division_form_prints_readably(tmp_path, tagged, provenance):
    path = tmp_path / "分工方案.xlsx"
    list(export_workbook(tagged, path, provenance, sheets=("division",),
                         options=PrintOptions(attachment="附件", numbering="chapter")))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["任务分工", "说明"]
    ws = wb["任务分工"]
    assert (ws["A1"].value, ws["A2"].value) == ("附件", "《天津市国民经济和社会发展第十五个五年规划纲要》重点任务分工方案")
    seqs = [r[0] for r in ws.iter_rows(min_row=4, values_only=True) if r[-1]]
    assert seqs.count(1) > 10  # restarted in each chapter
    del wb["说明"]  # render the form alone, so its pages are numbered on their own
    wb.save(path)
    pages = pdf_pages(render_pdf(path, tmp_path / "pdf"))
    rows = division_rows(tagged)
    check_printed_table(pages, rows, PRINTED)
    assert "附件" in pages[0].text() and "重点任务分工方案" in pages[0].text()
    assert all(p.width > p.height for p in pages)  # landscape
    full = squash("".join(p.text() for p in pages))
    assert "待市政府领导同志审定" not in full  # internal notes never printed
    assert "第三章" in full and "以推进京津冀协同发展为战略牵引" in full  # chapter rows with titles


@needs_renderer
def test_a3_option_prints_fewer_pages(tmp_path, tagged, provenance):
    filters = Filters(chapters=frozenset({"ch03", "ch04"}))
    counts = {}
    for paper in ("A4", "A3"):
        path = tmp_path / f"{paper}.xlsx"
        list(export_workbook(tagged, path, provenance, sheets=("division",), filters=filters,
                             options=PrintOptions(paper=paper)))
        wb = openpyxl.load_workbook(path)
        del wb["说明"]
        wb.save(path)
        pages = pdf_pages(render_pdf(path, tmp_path / paper))
        check_printed_table(pages, division_rows(tagged, filters), PRINTED)
        counts[paper] = len(pages)
        assert round(pages[0].width) == (842 if paper == "A4" else 1191)
    assert counts["A3"] < counts["A4"]


@needs_renderer
def test_department_workbook_prints_readably(tmp_path, tagged, provenance):
    path = tmp_path / "市科技局.xlsx"
    list(export_department(tagged, "市科技局", path, provenance))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["市科技局任务", "说明"]  # no clause linked to an indicator: no 主要指标 sheet
    texts = [str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value]
    assert not any("待市政府领导同志审定" in t for t in texts)
    del wb["说明"]
    wb.save(path)
    pages = pdf_pages(render_pdf(path, tmp_path / "pdf"))
    rows = division_rows(tagged, Filters(departments=frozenset({"市科技局"})))
    check_printed_table(pages, rows, PRINTED[:2] + ["本单位角色"] + PRINTED[2:])
    assert "重点任务分工方案（市科技局）" in squash(pages[0].text())


@needs_renderer
def test_indicators_footnote_and_about_page(tmp_path, tagged, provenance):
    path = tmp_path / "指标.xlsx"
    list(export_workbook(tagged, path, provenance, sheets=("indicators",)))
    wb = openpyxl.load_workbook(path)
    ws = wb["主要指标"]
    footnote_row = ws.max_row
    assert ws.cell(row=footnote_row, column=1).value == tagged.plan.indicator_footnote
    assert f"A{footnote_row}:J{footnote_row}" in {str(r) for r in ws.merged_cells.ranges}
    about = dict(r[:2] for r in wb["说明"].iter_rows(values_only=True))
    assert about["审计事件数"] == 42 and about["审计链头哈希"] == "ab" * 32 and about["导出人"] == "张三（市发展改革委）"
    pages = pdf_pages(render_pdf(path, tmp_path / "pdf"))
    box, where = smallest_cjk_box(pages)
    assert box >= MIN_CJK_BOX, where
    about_pages = [p for p in pages if "填报说明" in p.text()]
    assert len(about_pages) == 1 and about_pages[0] is pages[-1]
    page = squash(about_pages[0].text())
    for label in ("规划名称", "导出人", "可以修改", "请勿修改", "审计事件数", "审计链头哈希", "ab" * 32):
        assert label in page  # the liaison's page and the auditors' figures, all on one page
    indicator_text = squash("".join(p.text() for p in pages[:-1]))
    assert squash(tagged.plan.indicator_footnote) in indicator_text  # the footnote prints whole
    assert "ch03" not in indicator_text  # linked clause ids stay on screen
    for page in pages:
        assert numbered(page, len(pages))


@needs_renderer
def test_word_division_form(tmp_path, tagged, provenance):
    import docx

    from workbench.core.export.division_docx import write_division_docx

    path = tmp_path / "方案.docx"
    filters = Filters(chapters=frozenset({"ch03", "ch04", "ch05"}))
    write_division_docx(tagged, path, provenance, filters=filters, options=PrintOptions(attachment="附件"))
    document = docx.Document(path)
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert document.paragraphs[0].text == "附件" and "重点任务分工方案" in document.paragraphs[1].text
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == PRINTED
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeated on each page
    for line in table.rows:  # only a row taller than a page may break across pages
        assert line._tr.trPr.find(qn("w:cantSplit")) is not None or len(line.cells[1].text) > 400
    rows = division_rows(tagged, filters)
    texts = [r.cells[1].text for r in table.rows[1:] if r.cells[0].text.isdigit()]
    assert texts == [r.task for r in rows]
    assert "审计事件数：42" in document.core_properties.comments and "ab" * 32 in document.core_properties.comments
    body_fonts = {run.font.name for r in table.rows[1:] for c in r.cells for p in c.paragraphs for run in p.runs}
    assert body_fonts <= {"仿宋", "黑体"}
    pages = pdf_pages(render_pdf(path, tmp_path / "pdf"))
    check_printed_table(pages, rows, PRINTED, page_number=dash_numbered)
    assert "待市政府领导同志审定" not in squash("".join(p.text() for p in pages))


@needs_renderer
def test_matrix_summary_prints_readably(tmp_path, tagged, provenance):
    path = tmp_path / "矩阵.xlsx"
    list(export_workbook(tagged, path, provenance, sheets=("matrix",)))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["责任矩阵汇总", "责任矩阵", "说明"]
    ws = wb["责任矩阵汇总"]
    units = [r[0] for r in ws.iter_rows(min_row=4, values_only=True) if isinstance(r[-1], int)]
    used = {t.department for tags in tagged.tags.values() for t in tags}
    assert set(units) == used  # only units that have tasks
    for name in ("责任矩阵", "说明"):
        del wb[name]
    wb.save(path)
    pages = pdf_pages(render_pdf(path, tmp_path / "pdf"))
    box, where = smallest_cjk_box(pages)
    assert box >= MIN_CJK_BOX, where
    text = squash("".join(p.text() for p in pages))
    for page in pages:
        assert numbered(page, len(pages))
        assert all(w.x1 <= page.width - 18 for w in page.words)
        assert "单位" in page.text() and "合计" in page.text()  # header rows repeated, last column on paper
    for unit in used:
        assert unit in text
    assert "十七" in text and "以推进京津冀协同发展为战略牵引" in text  # chapter numerals and the key below


@needs_renderer
def test_department_papers_print_indicators_or_say_there_are_none(tmp_path, seed_plan, provenance):
    """On paper: a unit without indicators gets no page of bare 主要指标 headers, and its 说明 page says so;
    a unit with indicators gets them on a numbered page of its Word paper, with the footnote, at 10 pt or more."""
    from workbench.core.export.about_sheet import NO_INDICATORS
    from workbench.core.export.division_docx import write_division_docx

    departments = load_registry(paths.DEPARTMENTS_FILE)
    tags = {"ch03/s01/p01": [Tag("市科技局", "lead"), Tag("市发展改革委", "support")],
            "ch03/s02/p01": [Tag("市商务局", "lead"), Tag("市科技局", "support")]}
    snapshot = AssignmentSnapshot(seed_plan, departments, tags, indicator_links={"ch03/s01/p01": ["ind10", "ind10.1"]})
    path = tmp_path / "市商务局.xlsx"
    list(export_department(snapshot, "市商务局", path, provenance))
    pages = pdf_pages(render_pdf(path, tmp_path / "xlsx"))
    assert all(numbered(p, len(pages)) for p in pages)
    assert not any("主要指标及责任单位" in squash(p.text()) for p in pages)
    assert squash(NO_INDICATORS) in squash(pages[-1].text()) and "填报说明" in pages[-1].text()
    path = tmp_path / "市科技局.docx"
    write_division_docx(snapshot, path, provenance, filters=Filters(departments=frozenset({"市科技局"})),
                        department="市科技局")
    pages = pdf_pages(render_pdf(path, tmp_path / "docx"))
    assert all(dash_numbered(p, len(pages)) for p in pages)
    last = pages[-1]
    assert "主要指标及责任单位（市科技局）" in squash(last.text())
    assert not any("主要指标及责任单位" in squash(p.text()) for p in pages[:-1])  # a page of its own
    for header in ("序号", "指标", "牵头单位", "配合单位"):
        assert header in last.text()
    text = squash(last.text())
    assert "全市技术合同成交额" in text and "与京冀技术合同成交额" in text and "市发展改革委" in text
    assert squash(seed_plan.indicator_footnote) in text  # the footnote prints whole
    assert all(w.x1 <= last.width - 18 and w.x0 >= 18 for w in last.words), "the table runs into the margin"
    box, where = smallest_cjk_box([last])
    assert box >= MIN_CJK_BOX, where


@needs_renderer
def test_sheets_with_nothing_to_tabulate_print_their_title_and_one_line(tmp_path, seed_plan, provenance):
    """An untagged plan's 责任矩阵汇总 and a plan without indicators' 主要指标: on paper, the title whole and
    above the line saying why, both inside the margins (the title used to wrap over that line)."""
    import dataclasses

    from workbench.core.export.indicator_form import NO_TABLE

    plan = dataclasses.replace(seed_plan, indicators=[], indicator_footnote="")
    empty = AssignmentSnapshot(plan, load_registry(paths.DEPARTMENTS_FILE), {})
    path = tmp_path / "empty.xlsx"
    list(export_workbook(empty, path, provenance, sheets=("matrix", "indicators")))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["责任矩阵汇总", "责任矩阵", "主要指标", "说明"]
    for name in ("责任矩阵", "说明"):
        del wb[name]
    wb.save(path)
    pages = pdf_pages(render_pdf(path, tmp_path / "pdf"))
    assert len(pages) == 2
    for page, (title, line) in zip(pages, (("责任矩阵汇总", "尚无已分工的任务"), ("主要指标及责任单位", NO_TABLE))):
        assert numbered(page, 2)
        plan_name = next(w for w in page.words if w.text.startswith(f"《{seed_plan.title}》"))  # whole
        rest = next(w for w in page.words if w.text.endswith(title))  # on the same line or the next, whole
        notice = next(w for w in page.words if w.text.startswith(line[:8]))
        assert plan_name.y0 <= rest.y0 and rest.y1 <= notice.y0 + 1, "the title runs over the line below it"
        assert squash(line) in squash(page.text())
        assert "序号" not in page.text()  # no header row over nothing
        assert all(w.x0 >= 18 and w.x1 <= page.width - 18 for w in page.words), "text runs off the page"


@needs_renderer
def test_long_unit_name_title_breaks_after_the_plan_name_above_the_header(tmp_path, seed_plan, provenance):
    """A department's title too long for one line breaks after 》 as its Word paper does, in a row tall
    enough for both lines: it used to wrap anywhere and print its second line over the header row."""
    unit = "天津经济技术开发区管委会"
    tags = {"ch03/s01/p01": [Tag(unit, "lead"), Tag("市发展改革委", "support")]}
    snapshot = AssignmentSnapshot(seed_plan, load_registry(paths.DEPARTMENTS_FILE), tags,
                                  indicator_links={"ch03/s01/p01": ["ind10"]})
    path = tmp_path / "long.xlsx"
    list(export_department(snapshot, unit, path, provenance, options=PrintOptions(attachment="附件")))
    wb = openpyxl.load_workbook(path)
    for name, cell in ((f"{unit}任务", "A2"), ("主要指标", "A1")):
        head, tail = wb[name][cell].value.split("\n")
        assert head == f"《{seed_plan.title}》" and tail.endswith(f"（{unit}）")
    del wb["说明"]
    wb.save(path)
    pages = pdf_pages(render_pdf(path, tmp_path / "pdf"))
    assert len(pages) == 2
    for page, tail in zip(pages, ("重点任务分工方案", "主要指标及责任单位")):
        first = next(w for w in page.words if w.text == f"《{seed_plan.title}》")  # the plan's name whole
        second = next(w for w in page.words if w.text == f"{tail}（{unit}）")  # and the rest on one line
        header = next(w for w in page.words if w.text == "序号")
        assert first.y0 + 10 < second.y0 and second.y1 <= header.y0, "the title prints over the header row"
