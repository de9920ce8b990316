"""The liaison round trip end to end: export from a real workspace, edit the sheet the way a liaison
does, re-save it as WPS does, import it with the CLI, and check the SQLite file and the audit trail."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest

from tests.core.test_division_import import edit_sheet, reset_dimension
from workbench.cli import main


def run(*args, capsys=None):
    code = main([str(a) for a in args])
    return code, capsys.readouterr() if capsys is not None else None


@pytest.fixture()
def db(tmp_path, seed_path):
    path = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(path), "--reviewer", "张三"]) == 0
    for node, dept, role in (("ch03/s01/p01", "市科技局", "lead"), ("ch03/s01/p01", "市财政局", "support"),
                             ("ch03/s01/p02", "市工业和信息化局", "lead"), ("ch03/s02/p01", "市商务局", "lead")):
        assert main(["assign", node, dept, "--role", role, "--db", str(path), "--reviewer", "张三"]) == 0
    return path


def rows(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_round_trip_applies_each_edit_once_and_reports_the_rest(db, tmp_path, capsys):
    book = tmp_path / "分工.xlsx"
    assert run("export", "division", "-o", book, "--db", db, "--reviewer", "张三", "--unit", "市发展改革委")[0] == 0
    about = dict(r[:2] for r in openpyxl.load_workbook(book)["说明"].iter_rows(values_only=True))
    assert about["导出人"] == "张三（市发展改革委）"
    assert about["审计事件数"] == rows(db, "select count(*) from events")[0][0]
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 0 and "nothing to apply" in out.out
    at = edit_sheet(book, cells=[
        ("ch03/s01/p01", "责任单位", "市财政局、市教委"),
        ("ch03/s01/p01", "完成时限", "2027年6月底前"),
        ("ch03/s01/p01", "备注", "纳入市级重点项目"),
        ("ch03/s01/p02", "牵头单位", "市工业和信息化局、市科技局"),
    ], add={"重点任务": "新增：建设算力枢纽", "牵头单位": "市数据局"}, delete="ch03/s02/p01")
    reset_dimension(book)
    before = rows(db, "select count(*) from events")[0][0]
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--unit", "市委办公厅", "--yes",
                    capsys=capsys)
    assert code == 0, out.err
    assert f"第 {at['ch03/s01/p01']} 行 ch03/s01/p01: 新增 市教委（配合）" in out.out
    assert "完成时限 “（空）”→“2027年6月底前”" in out.out and "备注 “（空）”→“纳入市级重点项目”" in out.out
    assert "新增的行（没有节点编号）" in out.out and "表中缺少的任务 ch03/s02/p01" in out.out
    new = rows(db, "select reviewer, action, subject, node_key from events where seq > ? order by seq", before)
    assert sorted((s, k) for _, _, s, k in new) == [
        ("assignments", "ch03/s01/p01"), ("assignments", "ch03/s01/p02"), ("remark", "ch03/s01/p01"),
        ("timing", "ch03/s01/p01")]
    assert {(r, a) for r, a, _, _ in new} == {("王五", "division_import")}
    assert rows(db, "select s.timing from node_status s join nodes n on n.id = s.node_id where n.key = ?",
                "ch03/s01/p01") == [("2027年6月底前",)]
    assert rows(db, "select r.text from remarks r join nodes n on n.id = r.node_id where n.key = ?",
                "ch03/s01/p01") == [("纳入市级重点项目",)]
    # the deleted row was reported, not unassigned
    assert rows(db, "select count(*) from assignments a join nodes n on n.id = a.node_id where n.key = ?",
                "ch03/s02/p01") == [(1,)]
    assert run("audit", "verify", "--db", db)[0] == 0
    # the same sheet again: everything is already in, nothing new
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 0 and "nothing to apply" in out.out
    # and a fresh export now prints the liaison's 完成时限 and 备注
    assert run("export", "division", "-o", book, "--db", db)[0] == 0
    ws = openpyxl.load_workbook(book)["任务分工"]
    row = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[-1] == "ch03/s01/p01")
    assert (row[3], row[4], row[5]) == ("市财政局、市教委", "2027年6月底前", "纳入市级重点项目")


def test_mistyped_department_changes_nothing_and_names_the_row(db, tmp_path, capsys):
    book = tmp_path / "分工.xlsx"
    assert run("export", "division", "-o", book, "--db", db)[0] == 0
    at = edit_sheet(book, cells=[("ch03/s01/p02", "责任单位", "市科技委"), ("ch03/s01/p01", "备注", "x")])
    before = rows(db, "select count(*) from events")[0][0]
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 1 and f"第 {at['ch03/s01/p02']} 行：未知部门“市科技委”，是否指：市科技局" in out.err
    assert rows(db, "select count(*) from events")[0][0] == before
