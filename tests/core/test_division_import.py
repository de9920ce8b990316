"""An exported 任务分工 sheet read back: unchanged means no change; edits become a diff."""

from __future__ import annotations

import openpyxl
import pytest

from workbench import paths
from workbench.core.departments import load_registry
from workbench.core.division_import import DivisionSheetError, diff_division, read_division_sheet
from workbench.core.export_xlsx import Provenance, export_workbook
from workbench.core.matrix import AssignmentSnapshot, Tag


@pytest.fixture()
def snapshot(seed_plan):
    tags = {
        "ch03/s01/p01": [Tag("市科技局", "lead"), Tag("市发展改革委", "support"), Tag("市财政局", "support")],
        "ch03/s01/p02": [Tag("市工业和信息化局", "lead")],
        "box07/i01": [Tag("市发展改革委", "lead"), Tag("市商务局", "support")],
    }
    return AssignmentSnapshot(seed_plan, load_registry(paths.DEPARTMENTS_FILE), tags)


@pytest.fixture()
def exported(tmp_path, snapshot, seed_plan):
    path = tmp_path / "division.xlsx"
    prov = Provenance(seed_plan.title, seed_plan.sha256, "ws", "now", "me", 0, "0" * 64)
    list(export_workbook(snapshot, path, prov))
    return path


def edit(path, key, column, value):
    wb = openpyxl.load_workbook(path)
    ws = wb["任务分工"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("节点编号（勿改）")].value == key:
            row[header.index(column)].value = value
    wb.save(path)


def test_unchanged_export_changes_nothing(exported, snapshot):
    rows = read_division_sheet(exported)
    assert len(rows) == 3
    diff = diff_division(rows, snapshot)
    assert diff.ok and diff.changes == []


def test_edits_become_changes(exported, snapshot):
    edit(exported, "ch03/s01/p01", "牵头单位", "市发展改革委")
    edit(exported, "ch03/s01/p01", "责任单位", "市发展改革委、市科技局、市教委")
    edit(exported, "ch03/s01/p02", "责任单位", "市工业和信息化局、市人力社保局")  # a former name
    diff = diff_division(read_division_sheet(exported), snapshot)
    assert diff.ok
    changes = {c.node_key: c for c in diff.changes}
    assert changes["ch03/s01/p01"].after == [Tag("市发展改革委", "lead"), Tag("市科技局", "support"),
                                             Tag("市教委", "support")]
    text = changes["ch03/s01/p01"].describe()
    assert "新增 市教委（配合）" in text and "删除 市财政局" in text and "市发展改革委→牵头" in text
    assert changes["ch03/s01/p02"].after == [Tag("市工业和信息化局", "lead"), Tag("市人社局", "support")]
    assert "box07/i01" not in changes


def test_unknown_names_and_ids_are_reported_with_suggestions(exported, snapshot):
    edit(exported, "ch03/s01/p01", "责任单位", "市科技局、市科技委、卫健委")
    wb = openpyxl.load_workbook(exported)
    wb["任务分工"].append([99, "", "", "市财政局", "市财政局", "", "", "", "", "ch99/p01"])
    wb.save(exported)
    diff = diff_division(read_division_sheet(exported), snapshot)
    assert not diff.ok
    assert diff.unknown == {"市科技委": ["市科技局"]}
    assert diff.unknown_nodes == [(5, "ch99/p01")]


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
