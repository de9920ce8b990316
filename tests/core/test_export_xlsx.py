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
        notes={"ch03/s01/p01": "=HYPERLINK(\"http://x\")", "ch03/s01/p02": "+1", "ch03/s02/p01": "@SUM(A1)"},
        timing={"ch03/s01/p01": "within_year", "ch03/s01/p02": "2027"},
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


def test_sheets_and_division_rows(workbook, snapshot):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["责任矩阵", "任务分工", "主要指标", "部门汇总", "说明"]
    ws = wb["任务分工"]
    header = [c.value for c in ws[1]]
    assert header[:8] == ["序号", "章节", "任务", "牵头单位", "责任单位", "关联指标", "完成时限", "备注"]
    rows = {r[9]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == len(snapshot.tags)
    row = rows["ch03/s01/p01"]
    assert row[1] == "第三章第一节"
    assert row[2].startswith("深化京津冀协同创新共同体建设。")
    assert (row[3], row[4]) == ("市科技局", "市科技局、市发展改革委、市财政局")
    assert row[5] == "10 全市技术合同成交额；10.1 与京冀技术合同成交额"
    assert row[6] == "年内完成"
    assert row[8] == "牵头单位：市科技局；责任单位：市发展改革委、市财政局"
    assert rows["ch03/s01/p02"][6] == "2027年"
    # Long tasks get rows tall enough for their wrapped text (LibreOffice keeps default heights otherwise).
    index = 2 + list(rows).index("ch03/s01/p01")
    assert ws.row_dimensions[index].height >= 4 * 13.5
    # plan order
    keys = list(rows)
    order = [n.key for n in snapshot.plan.nodes() if n.key in rows]
    assert keys == order


def test_formula_injection_is_text(workbook):
    ws = openpyxl.load_workbook(workbook)["任务分工"]
    notes = {r[9].value: r[7] for r in ws.iter_rows(min_row=2)}
    for key, expected in (("ch03/s01/p01", "=HYPERLINK(\"http://x\")"), ("ch03/s01/p02", "+1"), ("ch03/s02/p01", "@SUM(A1)")):
        assert notes[key].value == expected
        assert notes[key].data_type != "f"


def test_matrix_sheet(workbook, snapshot, departments):
    ws = openpyxl.load_workbook(workbook)["责任矩阵"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["编号", "标题", "内容摘要"]
    names = header[3:]
    order = {d.name: i for i, d in enumerate(sorted(departments, key=lambda d: d.sort_key()))}
    assert names == sorted(names, key=order.__getitem__)
    used = {t.department for tags in snapshot.tags.values() for t in tags}
    assert set(names) == used
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    by_key = {r[0]: r for r in rows}
    row = by_key["ch03/s01/p01"]
    assert row[3 + names.index("市科技局")] == "牵头"
    assert row[3 + names.index("市财政局")] == "配合"
    assert by_key["第三章"][1].startswith("以推进京津冀协同发展")  # chapter group row
    lead_total = rows[-2]
    assert lead_total[0] == "牵头合计"
    expected = sum(1 for tags in snapshot.tags.values() for t in tags if t.department == "市科技局" and t.role == "lead")
    assert lead_total[3 + names.index("市科技局")] == expected
    assert ws.freeze_panes == "D2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"


def test_indicator_and_about_sheets(workbook, snapshot, provenance):
    wb = openpyxl.load_workbook(workbook)
    rows = list(wb["主要指标"].iter_rows(min_row=2, values_only=True))
    assert len([r for r in rows if r[0] and str(r[0])[0].isdigit()]) == 28
    ten = next(r for r in rows if r[0] == "10")
    assert ten[2:7] == ("全市技术合同成交额", "亿元", "2211", "3000", "预期性")
    assert ten[8] == "市科技局" and "市发展改革委" in ten[9] and "ch03/s01/p01" in ten[10]
    two = next(r for r in rows if r[0] == "2")
    assert "五年平均数" in two[7] and "预计数" in two[7]
    about = dict(wb["说明"].iter_rows(values_only=True))
    assert about["规划文件SHA-256"] == provenance.plan_sha256
    assert about["审计链头哈希"] == provenance.head_hash and about["审计事件数"] == 42


def test_department_workbook_holds_only_that_department(tmp_path, snapshot, provenance):
    path = tmp_path / "keji.xlsx"
    list(export_department(snapshot, "市科技局", path, provenance))
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    expected = [k for k, tags in snapshot.tags.items() if any(t.department == "市科技局" for t in tags)]
    assert sorted(r[-1] for r in rows) == sorted(expected)
    assert all("市科技局" in r[5] for r in rows)


def test_long_cells_truncated_with_marker(tmp_path, snapshot, provenance):
    snap = AssignmentSnapshot(snapshot.plan, snapshot.departments, snapshot.tags,
                              notes={"ch03/s01/p01": "长" * 40000})
    path = tmp_path / "long.xlsx"
    list(export_workbook(snap, path, provenance, sheets=("division",)))
    ws = openpyxl.load_workbook(path)["任务分工"]
    note = next(r[7] for r in ws.iter_rows(min_row=2, values_only=True) if r[9] == "ch03/s01/p01")
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
    result = subprocess.run(
        [exe, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
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
