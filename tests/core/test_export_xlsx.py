"""Workbooks read back with openpyxl: every sheet and cell as a liaison sees it."""

from __future__ import annotations

import random
import shutil
import subprocess

import openpyxl
import pytest

from workbench import paths
from workbench.core.departments import load_registry
from workbench.core.export_xlsx import Provenance, export_department, export_workbook
from workbench.core.matrix import AssignmentSnapshot, Filters, Tag, division_text
from workbench.core.xlsx_cells import EXCEL_CELL_LIMIT, valid_sheet_name


@pytest.fixture(scope="module")
def departments():
    return load_registry(paths.DEPARTMENTS_FILE)


@pytest.fixture(scope="module")
def snapshot(seed_plan, departments):
    rnd = random.Random(7)
    pool = [d for d in departments if d.kind == "government_department"]
    tags = {}
    for node in seed_plan.nodes():
        if node.kind in ("clause", "box_item") and rnd.random() < 0.6:
            chosen = rnd.sample(pool, rnd.randint(1, 3))
            tags[node.key] = [Tag(chosen[0].name, "lead")] + [Tag(d.name, "support") for d in chosen[1:]]
    tags["ch03/s01/p01"] = [Tag("市科技局", "lead"), Tag("市发展改革委", "support"), Tag("市财政局", "support")]
    tags["ch03/s01/p02"] = [Tag("市工业和信息化局", "lead")]
    tags["ch03/s02/p01"] = [Tag("市发展改革委", "lead"), Tag("市商务局", "support")]
    return AssignmentSnapshot(
        plan=seed_plan, departments=departments, tags=tags,
        indicator_links={"ch03/s01/p01": ["ind10", "ind10.1"]},
        notes={"ch03/s01/p01": "牵头单位待市政府领导同志审定", "ch03/s02/p01": "内部：再议"},
        timing={"ch03/s01/p01": "within_year", "ch03/s01/p02": "2027", "ch03/s02/p01": "2027年6月底前"},
        remarks={"ch03/s01/p01": "=HYPERLINK(\"http://x\")", "ch03/s01/p02": "+1", "ch03/s02/p01": "@SUM(A1)"},
        disputed=frozenset({"ch03/s01/p02"}),
    )


@pytest.fixture(scope="module")
def provenance(seed_plan):
    return Provenance(seed_plan.title, seed_plan.sha256, "/tmp/ws.sqlite", "2026-11-24T20:00:00+08:00",
                      "张三（市发展改革委）", 42, "ab" * 32)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory, snapshot, provenance):
    path = tmp_path_factory.mktemp("xlsx") / "all.xlsx"
    progress = list(export_workbook(snapshot, path, provenance))
    assert progress[-1][0] == progress[-1][1]
    assert all(a <= b for (a, _, _), (b, _, _) in zip(progress, progress[1:]))
    return path


def task_rows(ws, header_row=2):
    """Rows of a 分工方案 sheet that carry a node id, keyed by it, with their sheet row numbers."""
    header = [c.value for c in ws[header_row]]
    at = header.index("节点编号（勿改）")
    return header, {r[at].value: r for r in ws.iter_rows(min_row=header_row + 1) if r[at].value}


def test_the_title_and_every_chapter_row_of_the_division_are_merged_across_the_printed_columns(workbook):
    ws = openpyxl.load_workbook(workbook)["任务分工"]
    chapter_rows = [c.row for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("第") and "章" in c.value]
    assert len(chapter_rows) > 3
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:F1"} | {f"A{row}:F{row}" for row in chapter_rows}


def test_sheets_and_division_rows(workbook, snapshot):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["责任矩阵汇总", "责任矩阵", "任务分工", "主要指标", "部门汇总", "说明"]
    ws = wb["任务分工"]
    assert ws["A1"].value == "《天津市国民经济和社会发展第十五个五年规划纲要》重点任务分工方案"
    assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
    header, cells = task_rows(ws)
    assert header == ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "备注", "存在分歧", "关联指标",
                      "任务分工表述", "节点编号（勿改）"]
    rows = {k: [c.value for c in r] for k, r in cells.items()}
    assert len(rows) == len(snapshot.tags)
    row = rows["ch03/s01/p01"]
    assert row[1].startswith("深化京津冀协同创新共同体建设。")
    # 责任单位 lists the supporting units only, as the 表述 does
    assert (row[2], row[3]) == ("市科技局", "市发展改革委、市财政局")
    assert row[7] == "10 全市技术合同成交额；10.1 与京冀技术合同成交额"
    assert row[4] == "年内完成"
    assert row[8] == "牵头单位：市科技局；责任单位：市发展改革委、市财政局"
    assert rows["ch03/s01/p02"][4] == "2027年底前" and rows["ch03/s02/p01"][4] == "2027年6月底前"
    # 序号 runs on across chapters; each chapter opens with its own heading row carrying its title
    assert [r[0] for r in rows.values()] == list(range(1, len(rows) + 1))
    first = cells["ch03/s01/p01"][0].row
    heading = next(ws.cell(row=r, column=1).value for r in range(first - 1, 2, -1)
                   if isinstance(ws.cell(row=r, column=1).value, str))
    assert heading.startswith("第三章　以推进京津冀协同发展")
    # Long tasks get rows tall enough for their wrapped text (LibreOffice keeps default heights otherwise).
    assert ws.row_dimensions[first].height >= 4 * 12
    # plan order
    keys = list(rows)
    order = [n.key for n in snapshot.plan.nodes() if n.key in rows]
    assert keys == order
    # machine columns: outside the print area, hidden
    assert ws.print_area.endswith(f"$F${ws.max_row}") and ws.print_area.startswith("'任务分工'!$A$1")
    assert ws.column_dimensions["I"].hidden and ws.column_dimensions["J"].hidden
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9 and "第 &P 页 共 &N 页" in ws.oddFooter.center.text


def test_internal_notes_never_leave_disputed_marked(workbook):
    wb = openpyxl.load_workbook(workbook)
    texts = [str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value is not None]
    assert not any("待市政府领导同志审定" in t or "内部：再议" in t for t in texts)
    header, cells = task_rows(wb["任务分工"])
    disputed = cells["ch03/s01/p02"]
    assert disputed[6].value.startswith("是") and disputed[2].font.b and disputed[2].fill.fgColor.rgb.endswith("FCE4D6")
    assert not cells["ch03/s01/p01"][6].value and not cells["ch03/s01/p01"][2].font.b
    about = dict(r[:2] for r in wb["说明"].iter_rows(values_only=True))
    assert about["存在分歧"].startswith("1 项")


def test_formula_injection_is_text(workbook):
    _, cells = task_rows(openpyxl.load_workbook(workbook)["任务分工"])
    notes = {key: r[5] for key, r in cells.items()}
    for key, expected in (("ch03/s01/p01", "=HYPERLINK(\"http://x\")"), ("ch03/s01/p02", "+1"), ("ch03/s02/p01", "@SUM(A1)")):
        assert notes[key].value == expected
        assert notes[key].data_type != "f"


def test_matrix_sheet(workbook, snapshot, departments):
    ws = openpyxl.load_workbook(workbook)["责任矩阵"]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["条目", "内容摘要"] and header[-1] == "节点编号"
    names = header[2:-1]
    order = {d.name: i for i, d in enumerate(sorted(departments, key=lambda d: d.sort_key()))}
    assert names == sorted(names, key=order.__getitem__)
    used = {t.department for tags in snapshot.tags.values() for t in tags}
    assert set(names) == used
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    by_key = {r[-1]: r for r in rows if r[-1]}
    row = by_key["ch03/s01/p01"]
    assert row[0] == "深化京津冀协同创新共同体建设"  # labelled by the clause's lead phrase, not its id
    assert row[2 + names.index("市科技局")] == "牵头"
    assert row[2 + names.index("市财政局")] == "配合"
    assert by_key["ch03"][0].startswith("第三章　以推进京津冀协同发展")  # chapter group row with its title
    lead_total = rows[-2]
    assert lead_total[0] == "牵头合计"
    expected = sum(1 for tags in snapshot.tags.values() for t in tags if t.department == "市科技局" and t.role == "lead")
    assert lead_total[2 + names.index("市科技局")] == expected
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert ws.print_options.gridLines and not ws.sheet_properties.pageSetUpPr.fitToPage


def test_matrix_summary_sheet(workbook, snapshot):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames.index("责任矩阵汇总") == wb.sheetnames.index("责任矩阵") - 1
    ws = wb["责任矩阵汇总"]
    assert ws["A1"].value.endswith("责任矩阵汇总") and ws["A2"].value == "单位"
    numerals = [c.value for c in ws[3]][1:]
    assert numerals[-2:] == ["牵头", "配合"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and len(r[0]) < 20}
    used = {t.department for tags in snapshot.tags.values() for t in tags}
    assert used <= set(rows)
    three = numerals.index("三") + 1
    lead = sum(1 for k, tags in snapshot.tags.items() if k.startswith("ch03/")
               for t in tags if t.department == "市科技局" and t.role == "lead")
    support = sum(1 for k, tags in snapshot.tags.items() if k.startswith("ch03/")
                  for t in tags if t.department == "市科技局" and t.role == "support")
    assert rows["市科技局"][three] == f"{lead}/{support}"
    total = sum(1 for tags in snapshot.tags.values() for t in tags if t.department == "市科技局" and t.role == "lead")
    assert rows["市科技局"][-2] == total
    key = [r[0] for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and r[0].startswith("三、")]
    assert key and key[0].startswith("三、以推进京津冀协同发展")
    assert all(c.border.left.style for r in ws.iter_rows(min_row=4, max_row=3 + len(used)) for c in r)


def test_indicator_and_about_sheets(workbook, snapshot, provenance):
    wb = openpyxl.load_workbook(workbook)
    rows = list(wb["主要指标"].iter_rows(min_row=2, values_only=True))
    assert len([r for r in rows if r[0] and str(r[0])[0].isdigit()]) == 28
    ten = next(r for r in rows if r[0] == "10")
    assert ten[2:7] == ("全市技术合同成交额", "亿元", "2211", "3000", "预期性")
    assert ten[8] == "市科技局" and "市发展改革委" in ten[9] and "ch03/s01/p01" in ten[10]
    two = next(r for r in rows if r[0] == "2")
    assert "五年平均数" in two[7] and "预计数" in two[7]
    about = dict(r[:2] for r in wb["说明"].iter_rows(values_only=True))
    assert about["规划文件SHA-256"] == provenance.plan_sha256
    assert about["审计链头哈希"] == provenance.head_hash and about["审计事件数"] == 42


def test_department_workbook_holds_only_that_department(tmp_path, snapshot, provenance):
    path = tmp_path / "keji.xlsx"
    list(export_department(snapshot, "市科技局", path, provenance))
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert ws["A1"].value.endswith("重点任务分工方案（市科技局）")
    header, cells = task_rows(ws)
    assert header[:7] == ["序号", "重点任务", "本单位角色", "牵头单位", "责任单位", "完成时限", "备注"]
    expected = [k for k, tags in snapshot.tags.items() if any(t.department == "市科技局" for t in tags)]
    assert sorted(cells) == sorted(expected)
    for key, r in cells.items():
        lead = any(t.department == "市科技局" and t.role == "lead" for t in snapshot.tags[key])
        assert r[2].value == ("牵头" if lead else "配合")
        assert "市科技局" in (r[3].value or "") + (r[4].value or "")
    about = dict(r[:2] for r in wb["说明"].iter_rows(values_only=True))
    assert about["导出范围代码"] == "department=市科技局" and about["审计事件数"] == 42


def test_long_cells_truncated_with_marker(tmp_path, snapshot, provenance):
    snap = AssignmentSnapshot(snapshot.plan, snapshot.departments, snapshot.tags,
                              remarks={"ch03/s01/p01": "长" * 40000})
    path = tmp_path / "long.xlsx"
    list(export_workbook(snap, path, provenance, sheets=("division",)))
    _, cells = task_rows(openpyxl.load_workbook(path)["任务分工"])
    note = cells["ch03/s01/p01"][5].value
    assert len(note) <= EXCEL_CELL_LIMIT and note.endswith("原文共40000字〕")


def test_filters_and_helpers(snapshot):
    from workbench.core.matrix import division_rows

    rows = division_rows(snapshot, Filters(chapters=frozenset({"ch03"})))
    assert rows and all(r.node.key.startswith("ch03") for r in rows)
    assert division_text(["市发展改革委"], ["市科技局", "市财政局"]) == "牵头单位：市发展改革委；责任单位：市科技局、市财政局"
    assert division_text([], ["市科技局"]) == "责任单位：市科技局"
    taken: set[str] = set()
    assert valid_sheet_name("a/b:c*?[x]", taken) == "a_b_c___x_"
    assert valid_sheet_name("x" * 40, taken) == "x" * 31
    assert valid_sheet_name("x" * 40, taken) == "x" * 28 + "(2)"


def test_cancelled_export_leaves_nothing(tmp_path, snapshot, provenance):
    path = tmp_path / "cancel.xlsx"
    gen = export_workbook(snapshot, path, provenance)
    next(gen)
    gen.close()
    assert not path.exists() and not list(tmp_path.glob("*.part"))


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_libreoffice_reads_the_division_sheet(tmp_path, workbook):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    out = tmp_path / "csv"
    profile = (tmp_path / ".lo-profile").resolve().as_uri()
    result = subprocess.run(
        [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3",
         "--outdir", str(out), str(workbook)], capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    csv_files = sorted(out.glob("*.csv"))
    assert csv_files, result.stdout + result.stderr
    import csv

    division = next((f for f in csv_files if "任务分工" in f.name), None)
    assert division is not None, [f.name for f in csv_files]
    with division.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    ws = openpyxl.load_workbook(workbook)["任务分工"]
    expected = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
    assert rows == expected


def test_department_summary_sheet(workbook, snapshot):
    ws = openpyxl.load_workbook(workbook)["部门汇总"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    lead = sum(1 for tags in snapshot.tags.values() for t in tags if t.department == "市科技局" and t.role == "lead")
    assert rows["市科技局"][2] == lead and ws["A2"].font.sz == 12
    assert ws.page_setup.orientation == "portrait" and ws.print_area.endswith(f"$E${ws.max_row}")


def test_matrix_summary_of_an_untagged_plan_says_so(tmp_path, seed_plan, departments, provenance):
    empty = AssignmentSnapshot(plan=seed_plan, departments=departments, tags={}, indicator_links={},
                               notes={}, timing={}, remarks={}, disputed=frozenset())
    path = tmp_path / "empty.xlsx"
    list(export_workbook(empty, path, provenance))
    ws = openpyxl.load_workbook(path)["责任矩阵汇总"]
    assert ws["A1"].value.endswith("责任矩阵汇总")
    assert ws["A2"].value.startswith("尚无已分工的任务")
    assert ws.merged_cells.ranges == set() or all(r.max_col >= r.min_col for r in ws.merged_cells.ranges)


def test_department_without_indicators_gets_no_empty_indicator_sheet(tmp_path, snapshot, provenance):
    """A unit answering for no indicator gets no 主要指标 page of bare headers; its 说明 says so plainly
    and lists only the sheets that are there. A unit with indicators keeps its sheet, announced."""
    from workbench.core.export.about_sheet import NO_INDICATORS

    books = {}
    for name in ("市商务局", "市科技局"):  # 市科技局 leads ch03/s01/p01, linked to ind10 and ind10.1
        path = tmp_path / f"{name}.xlsx"
        list(export_department(snapshot, name, path, provenance))
        books[name] = openpyxl.load_workbook(path)
    without, with_ = books["市商务局"], books["市科技局"]
    assert without.sheetnames == ["市商务局任务", "说明"]
    about = dict(r[:2] for r in without["说明"].iter_rows(values_only=True))
    assert about["本表内容"].endswith(NO_INDICATORS)
    assert about["包含工作表"] == "市商务局任务"
    assert with_.sheetnames == ["市科技局任务", "主要指标", "说明"]
    numbers = [r[0] for r in with_["主要指标"].iter_rows(min_row=3, values_only=True) if r[1]]
    assert numbers == ["10", "10.1"]
    about = dict(r[:2] for r in with_["说明"].iter_rows(values_only=True))
    assert "主要指标 2 项" in about["本表内容"] and NO_INDICATORS not in about["本表内容"]
    assert about["包含工作表"].split("、") == with_.sheetnames[:-1]  # names the sheets as they are titled


def test_department_word_paper_agrees_with_its_workbook(tmp_path, snapshot, provenance):
    """The Word paper of a department carries the same indicators as its workbook, or the same one line."""
    import docx

    from workbench.core.export.about_sheet import NO_INDICATORS
    from workbench.core.export.division_docx import write_division_docx

    papers = {}
    for name in ("市商务局", "市科技局"):
        path = tmp_path / f"{name}.docx"
        write_division_docx(snapshot, path, provenance, filters=Filters(departments=frozenset({name})),
                            department=name)
        papers[name] = docx.Document(path)
    without = papers["市商务局"]
    assert len(without.tables) == 1
    assert [p.text for p in without.paragraphs][-1] == "注：" + NO_INDICATORS
    tasks, indicators = papers["市科技局"].tables
    assert [c.text for c in indicators.rows[0].cells] == ["序号", "类别", "指标", "单位", "2025年", "2030年目标值",
                                                          "属性", "标注说明", "牵头单位", "配合单位"]
    book = tmp_path / "市科技局.xlsx"
    list(export_department(snapshot, "市科技局", book, provenance))
    sheet = [r[:10] for r in openpyxl.load_workbook(book)["主要指标"].iter_rows(min_row=3, values_only=True)
             if r[1]]
    assert [[c.text for c in r.cells] for r in indicators.rows[1:]] == [[v or "" for v in r] for r in sheet]
    texts = [p.text for p in papers["市科技局"].paragraphs]
    assert any(t.endswith("主要指标及责任单位（市科技局）") for t in texts)
    assert snapshot.plan.indicator_footnote in texts and not any(NO_INDICATORS in t for t in texts)
    whole = tmp_path / "whole.docx"  # the plan's own 方案 is unchanged: the task table alone
    write_division_docx(snapshot, whole, provenance)
    assert len(docx.Document(whole).tables) == 1


def test_department_folder_holds_only_units_with_tasks_in_the_chosen_chapters(tmp_path, snapshot, provenance):
    from workbench.core.export_jobs import MODE_DEPARTMENTS, ExportRequest, run_export
    from workbench.core.export_xlsx import departments_with_tasks

    in_ch03 = departments_with_tasks(snapshot, frozenset({"ch03"}))
    everywhere = departments_with_tasks(snapshot)
    assert set(in_ch03) < set(everywhere)  # the fixture tags units outside chapter 3 too
    request = ExportRequest(MODE_DEPARTMENTS, tmp_path / "ch03", chapters=frozenset({"ch03"}))
    list(run_export(snapshot, provenance, request))
    books = sorted(p.name for p in (tmp_path / "ch03").iterdir())
    assert books == sorted(f"{n}-任务分工.xlsx" for n in in_ch03)
    for path in (tmp_path / "ch03").iterdir():  # each one has tasks under its header
        ws = openpyxl.load_workbook(path).worksheets[0]
        assert task_rows(ws)[1]
    outside = next(n for n in everywhere if n not in in_ch03)
    request = ExportRequest(MODE_DEPARTMENTS, tmp_path / "none", chapters=frozenset({"ch03"}),
                            departments=frozenset({outside}))
    with pytest.raises(ValueError, match="没有任务"):  # said in one line; no empty folder left behind
        list(run_export(snapshot, provenance, request))
    assert not (tmp_path / "none").exists()


def test_plan_without_indicator_table_gets_one_line_not_bare_headers(tmp_path, seed_plan, departments, provenance):
    import dataclasses

    from workbench.core.export.indicator_form import NO_TABLE

    plan = dataclasses.replace(seed_plan, indicators=[], indicator_footnote="")
    snap = AssignmentSnapshot(plan=plan, departments=departments, tags={"ch03/s01/p01": [Tag("市科技局", "lead")]})
    path = tmp_path / "no-indicators.xlsx"
    list(export_workbook(snap, path, provenance, sheets=("indicators",)))
    ws = openpyxl.load_workbook(path)["主要指标"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    assert [r[0].replace("\n", "") for r in rows] == [f"《{plan.title}》主要指标及责任单位", NO_TABLE]  # no header row
    assert ws.print_area == "'主要指标'!$A$1:$A$2"
