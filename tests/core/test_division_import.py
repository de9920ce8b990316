"""An exported 任务分工 sheet read back: unchanged means no change; every edit a
liaison makes becomes a change or a report, each with its row."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile

import openpyxl
import pytest

from workbench import paths
from workbench.core.departments import Department, load_registry
from workbench.core.division_import import DivisionSheetError, diff_division, read_division_sheet, split_names
from workbench.core.export_xlsx import Provenance, export_department, export_workbook
from workbench.core.matrix import AssignmentSnapshot, Filters, Tag

NET = "市委网信办、市互联网信息办"  # a unit whose name holds the separator itself


@pytest.fixture()
def departments():
    registry = load_registry(paths.DEPARTMENTS_FILE)
    return registry + [Department(NET, "中共天津市委网络安全和信息化委员会办公室", "party_organ",
                                  position=len(registry))]


@pytest.fixture()
def snapshot(seed_plan, departments):
    tags = {
        "ch03/s01/p01": [Tag("市科技局", "lead"), Tag("各区人民政府", "support"), Tag("市发展改革委", "support"),
                         Tag("市财政局", "support")],
        "ch03/s01/p02": [Tag("市工业和信息化局", "lead"), Tag(NET, "support")],
        "ch03/s02/p01": [Tag("市财政局", "lead"), Tag("市发展改革委", "support")],
        "box07/i01": [Tag("市发展改革委", "lead"), Tag("市商务局", "support")],
    }
    return AssignmentSnapshot(seed_plan, departments, tags, timing={"ch03/s01/p01": "2026"},
                              remarks={"ch03/s02/p01": "与年度计划衔接"})


@pytest.fixture()
def provenance(seed_plan):
    return Provenance(seed_plan.title, seed_plan.sha256, "ws", "2026-11-24T20:00:00+08:00", "me", 0, "0" * 64)


@pytest.fixture()
def exported(tmp_path, snapshot, provenance):
    path = tmp_path / "division.xlsx"
    list(export_workbook(snapshot, path, provenance))
    return path


def edit_sheet(path, *, cells=(), add=None, delete=None, sheet=None):
    """Edit like a liaison in a spreadsheet: cells (node key, column title, value), a row appended below the
    table, a task row deleted; saved by openpyxl (shared strings, unlike the export's inline strings)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.worksheets[0] if "任务分工" not in wb.sheetnames else wb["任务分工"]
    header_row = next(r for r in range(1, 6) if "牵头单位" in [c.value for c in ws[r]])
    header = [c.value for c in ws[header_row]]
    rows = {r[header.index("节点编号（勿改）")].value: r for r in ws.iter_rows(min_row=header_row + 1)}
    for key, column, value in cells:
        rows[key][header.index(column)].value = value
    if delete:
        ws.delete_rows(rows[delete][0].row)
    if add:
        ws.append([add.get(h) for h in header])
    wb.save(path)
    return {key: r[0].row for key, r in rows.items() if key}


def reset_dimension(path):
    """Re-save the way WPS does: every sheet records its size as A1."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', data)
            dst.writestr(item, data)
    shutil.move(tmp, path)


def test_unchanged_export_changes_nothing(exported, snapshot):
    rows = read_division_sheet(exported)
    assert len(rows) == 4 and rows.scope == {"all": []}
    diff = diff_division(rows, snapshot)
    assert diff.ok and diff.changes == [] and diff.field_changes == [] and diff.reports == []
    # the unit whose name contains 、 stays whole; 各区人民政府 printed last is not a reordering
    assert next(r for r in rows if r.node_key == "ch03/s01/p01").responsible_text.endswith("各区人民政府")


def test_every_liaison_edit_is_applied_or_reported_with_its_row(exported, snapshot):
    at = edit_sheet(exported, cells=[
        ("ch03/s01/p01", "牵头单位", "市发展改革委"),
        ("ch03/s01/p01", "责任单位", "市科技局、市教委"),
        ("ch03/s01/p01", "完成时限", "2027年6月底前"),
        ("ch03/s01/p02", "责任单位", f"{NET}、市人力社保局"),  # a former name resolves
        ("ch03/s01/p02", "完成时限", "长期坚持"),
        ("ch03/s01/p02", "备注", "由市委网信办统筹"),
        ("ch03/s02/p01", "备注", None),  # a remark cleared
        ("ch03/s02/p01", "任务分工表述", "牵头单位：市财政局；责任单位：市审计局"),
    ], add={"重点任务": "建设京津冀数据要素市场", "牵头单位": "市数据局"}, delete="box07/i01")
    reset_dimension(exported)
    sheet = read_division_sheet(exported)
    assert len(sheet) == 4  # three tasks left and the added row
    diff = diff_division(sheet, snapshot)
    assert diff.ok
    changes = {c.node_key: c for c in diff.changes}
    assert set(changes) == {"ch03/s01/p01", "ch03/s01/p02"}
    assert changes["ch03/s01/p01"].after == [Tag("市发展改革委", "lead"), Tag("市科技局", "support"),
                                             Tag("市教委", "support")]
    assert changes["ch03/s01/p01"].row == at["ch03/s01/p01"]
    assert changes["ch03/s01/p02"].after == [Tag("市工业和信息化局", "lead"), Tag(NET, "support"),
                                             Tag("市人社局", "support")]
    fields = {(f.node_key, f.subject): f for f in diff.field_changes}
    assert fields[("ch03/s01/p01", "timing")].after == "2027年6月底前"
    assert fields[("ch03/s01/p01", "timing")].before == "2026"
    assert fields[("ch03/s01/p02", "timing")].after == "长期坚持"
    assert fields[("ch03/s01/p02", "remark")].after == "由市委网信办统筹"
    assert fields[("ch03/s02/p01", "remark")].after == ""
    assert len(diff.field_changes) == 4
    kinds = {r.kind: r for r in diff.reports}
    assert set(kinds) == {"proposal", "paste", "deleted"}
    assert kinds["deleted"].node_key == "box07/i01" and kinds["deleted"].row is None
    assert kinds["proposal"].row == max(at.values())  # the appended row, after the deleted one moved rows up
    assert "建设京津冀数据要素市场" in kinds["proposal"].reason and "未导入" in kinds["proposal"].reason
    assert kinds["paste"].row == at["ch03/s02/p01"]
    lines = diff.change_lines() + diff.report_lines()
    assert all(line.startswith("第 ") for line in lines[:-1]) and lines[-1].startswith("表中缺少的任务 box07/i01")


def test_full_export_reports_a_deleted_row(tmp_path, snapshot, provenance):
    path = tmp_path / "scoped.xlsx"
    list(export_workbook(snapshot, path, provenance, sheets=("division", "about")))
    edit_sheet(path, delete="box07/i01")
    diff = diff_division(read_division_sheet(path), snapshot)
    assert diff.ok and not diff.changes
    assert [(r.kind, r.node_key, r.row) for r in diff.reports] == [("deleted", "box07/i01", None)]
    assert "不会取消分工" in diff.report_lines()[0]


def test_mistyped_department_names_its_row(exported, snapshot):
    at = edit_sheet(exported, cells=[("ch03/s01/p01", "责任单位", "市科技局、市科技委、卫健委")])
    wb = openpyxl.load_workbook(exported)
    wb["任务分工"].append([99, "", "市财政局", "", "", "", "", "", "", "ch99/p01"])
    wb.save(exported)
    diff = diff_division(read_division_sheet(exported), snapshot)
    assert not diff.ok
    assert diff.unknown == {"市科技委": ["市科技局"]}
    assert diff.unknown_rows == {"市科技委": [at["ch03/s01/p01"]]}
    assert diff.unknown_nodes == [(wb["任务分工"].max_row, "ch99/p01")]
    assert diff.unknown_lines()[0] == f"第 {at['ch03/s01/p01']} 行：未知部门“市科技委”，是否指：市科技局"


def test_department_workbook_role_column(tmp_path, snapshot, provenance):
    path = tmp_path / "fgw.xlsx"
    list(export_department(snapshot, "市发展改革委", path, provenance))
    sheet = read_division_sheet(path)
    assert sheet.department == "市发展改革委" and sheet.scope == {"department": ["市发展改革委"]}
    assert diff_division(sheet, snapshot).applicable == 0
    at = edit_sheet(path, cells=[("ch03/s02/p01", "本单位角色", "牵头"), ("box07/i01", "本单位角色", "配合"),
                                 ("ch03/s01/p01", "本单位角色", "不涉及")])
    diff = diff_division(read_division_sheet(path), snapshot)
    changes = {c.node_key: c.after for c in diff.changes}
    assert changes["ch03/s02/p01"] == [Tag("市财政局", "lead"), Tag("市发展改革委", "lead")]
    assert changes["box07/i01"] == [Tag("市商务局", "support"), Tag("市发展改革委", "support")]
    role = next(r for r in diff.reports if r.kind == "role")
    assert role.row == at["ch03/s01/p01"] and "不涉及" in role.reason


def test_dates_typed_into_timing_and_split_names(exported, snapshot, departments):
    edit_sheet(exported, cells=[("ch03/s01/p01", "完成时限", dt.datetime(2027, 6, 1))])
    diff = diff_division(read_division_sheet(exported), snapshot)
    assert [f.after for f in diff.field_changes] == ["2027年6月底前"]
    assert split_names(f"市科技局、{NET}、各区人民政府", departments) == ["市科技局", NET, "各区人民政府"]
    assert split_names("市科技局，市财政局 市教委", departments) == ["市科技局", "市财政局", "市教委"]


def test_chapter_filter_scope(tmp_path, snapshot, provenance):
    from dataclasses import replace

    path = tmp_path / "ch03.xlsx"
    filters = Filters(chapters=frozenset({"ch03"}))
    list(export_workbook(snapshot, path, replace(provenance, filters=filters), sheets=("division", "about"),
                         filters=filters))
    about = dict(r[:2] for r in openpyxl.load_workbook(path)["说明"].iter_rows(values_only=True))
    assert about["本表内容"].startswith("第三章的任务；共 3 项任务")
    sheet = read_division_sheet(path)
    assert sheet.scope == {"chapters": ["ch03"]} and {r.node_key for r in sheet} == {
        "ch03/s01/p01", "ch03/s01/p02", "ch03/s02/p01"}
    assert diff_division(sheet, snapshot).reports == []  # box07 was never in a chapter-3 export


def test_not_a_division_workbook(tmp_path):
    bad = tmp_path / "x.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    wb.save(bad)
    with pytest.raises(DivisionSheetError, match="任务分工"):
        read_division_sheet(bad)
    text = tmp_path / "y.xlsx"
    text.write_text("hello")
    with pytest.raises(DivisionSheetError, match="readable"):
        read_division_sheet(text)


def test_first_layout_sheet_never_reads_internal_notes_as_remarks(tmp_path, snapshot):
    """A sheet of the first export layout (header on row 1, 章节 column, internal notes in 备注)."""
    path = tmp_path / "old.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分工"
    ws.append(["序号", "章节", "任务", "牵头单位", "责任单位", "关联指标", "完成时限", "备注", "任务分工表述",
               "节点编号（勿改）"])
    ws.append([1, "第三章第一节", "深化…", "市科技局", "市科技局、各区人民政府、市发展改革委、市财政局", "", "2026年",
               "牵头单位待市政府领导同志审定", "", "ch03/s01/p01"])
    wb.save(path)
    diff = diff_division(read_division_sheet(path), snapshot)
    assert diff.ok and diff.changes == [] and diff.field_changes == []  # 2026年 is the stored 2026


def test_internal_notes_printed_on_request_do_not_come_back_as_remarks(tmp_path, snapshot, provenance):
    from workbench.core.export.print_layout import PrintOptions

    snap = AssignmentSnapshot(snapshot.plan, snapshot.departments, snapshot.tags, timing=snapshot.timing,
                              remarks=snapshot.remarks, notes={"ch03/s02/p01": "内部：再议", "ch03/s01/p01": "待定"})
    path = tmp_path / "notes.xlsx"
    list(export_workbook(snap, path, provenance, sheets=("division",), options=PrintOptions(internal_notes=True)))
    texts = [c.value for r in openpyxl.load_workbook(path)["任务分工"].iter_rows() for c in r if c.value]
    assert "与年度计划衔接\n（内部备注）内部：再议" in texts and "（内部备注）待定" in texts
    diff = diff_division(read_division_sheet(path), snap)
    assert diff.field_changes == [] and diff.changes == []


def test_sheet_resaved_by_libreoffice_reads_back_unchanged(tmp_path, exported, snapshot):
    import subprocess

    from tests.print_checks import SOFFICE

    if not SOFFICE:
        pytest.skip("LibreOffice is not installed")
    edit_sheet(exported, cells=[("ch03/s01/p02", "完成时限", "长期坚持")])
    profile = (tmp_path / ".lo-profile").resolve().as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"), str(exported)],
                   capture_output=True, timeout=240, check=True)
    diff = diff_division(read_division_sheet(tmp_path / "lo" / exported.name), snapshot)
    assert diff.ok and diff.changes == [] and diff.reports == []
    assert [(f.node_key, f.after) for f in diff.field_changes] == [("ch03/s01/p02", "长期坚持")]
