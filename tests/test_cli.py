"""The command line end to end on a real workspace file."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys

import openpyxl
import pytest

from workbench.cli import main


def run(*args, capsys=None):
    code = main([str(a) for a in args])
    out = capsys.readouterr() if capsys is not None else None
    return code, out


@pytest.fixture()
def db(tmp_path, seed_path):
    path = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(path), "--reviewer", "张三"]) == 0
    return path


def events(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("select count(*) from events").fetchone()[0]


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_twice_is_a_noop_and_tree_prints_counts(db, seed_path, capsys):
    before = events(db)
    code, out = run("import", seed_path, "--db", db, capsys=capsys)
    assert code == 0 and "nothing changed" in out.out
    assert events(db) == before
    code, out = run("tree", "--db", db, capsys=capsys)
    assert code == 0
    assert "章 17" in out.out and "节 66" in out.out and "专栏 23" in out.out
    assert "第三章 以推进京津冀协同发展为战略牵引，推动形成深度融合的发展格局" in out.out


def test_export_tree_json(db, tmp_path, capsys):
    out_file = tmp_path / "tree.json"
    code, _ = run("export", "tree", "--format", "json", "-o", out_file, "--db", db, capsys=capsys)
    assert code == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    (plan,) = data["plans"]
    assert plan["title"] == "天津市国民经济和社会发展第十五个五年规划纲要"
    chapters = [c for c in plan["tree"]["children"] if c["kind"] == "chapter"]
    assert len(chapters) == 17 and chapters[2]["id"] == "ch03" and chapters[2]["label"] == "第三章"
    first = chapters[2]["children"][1]
    assert {"id", "kind", "label", "title", "text", "children"} <= set(first)
    assert len(plan["indicators"]) == 28
    ind10 = next(i for i in plan["indicators"] if i["key"] == "ind10")
    assert ind10["unit"] == "亿元" and ind10["target_value"] == "3000"


def test_departments_lists_the_registry(db, capsys):
    code, out = run("departments", "--db", db, capsys=capsys)
    assert code == 0
    assert "市发展改革委\t天津市发展和改革委员会" in out.out
    assert len(out.out.strip().splitlines()) >= 100


def test_bad_inputs_fail_with_one_line_and_change_nothing(db, tmp_path, capsys):
    before = digest(db)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out = run("import", empty, "--db", db, capsys=capsys)
    assert code == 1 and out.err.count("\n") == 1 and str(empty) in out.err and "empty" in out.err
    assert digest(db) == before
    foreign = tmp_path / "foreign.sqlite"
    sqlite3.connect(foreign).execute("create table foo(x)").connection.commit()
    foreign_digest = digest(foreign)
    code, out = run("tree", "--db", foreign, capsys=capsys)
    assert code == 1 and "not a workbench workspace" in out.err
    assert digest(foreign) == foreign_digest
    code, out = run("tree", "--db", tmp_path / "missing.sqlite", capsys=capsys)
    assert code == 1 and "no such workspace" in out.err


def test_assign_unassign_and_exports(db, tmp_path, capsys):
    assert run("assign", "ch03/s01/p01", "市科技局", "--db", db, "--reviewer", "李四")[0] == 0
    assert run("assign", "ch03/s01/p01", "发改委", "--role", "support", "--db", db)[0] == 0
    assert run("assign", "ch03/s01/p01", "市财政局", "--role", "support", "--db", db)[0] == 0
    code, out = run("assign", "ch03/s01/p01", "市科技委", "--db", db, capsys=capsys)
    assert code == 1 and "市科技局" in out.err  # suggestion
    code, out = run("assign", "ch99/p09", "市科技局", "--db", db, capsys=capsys)
    assert code == 1 and "no node" in out.err
    book = tmp_path / "all.xlsx"
    assert run("export", "all", "-o", book, "--db", db)[0] == 0
    ws = openpyxl.load_workbook(book)["任务分工"]
    row = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[-1] == "ch03/s01/p01")
    assert row[8] == "牵头单位：市科技局；责任单位：市发展改革委、市财政局"
    each = tmp_path / "each"
    assert run("export", "department", "--each-into", each, "--db", db)[0] == 0
    assert sorted(p.name for p in each.iterdir()) == sorted(
        f"{n}-任务分工.xlsx" for n in ("市科技局", "市发展改革委", "市财政局"))
    assert run("unassign", "ch03/s01/p01", "市财政局", "--db", db)[0] == 0
    code, out = run("unassign", "ch03/s01/p01", "市财政局", "--db", db, capsys=capsys)
    assert code == 1


def test_import_division_round_trip(db, tmp_path, capsys):
    assert run("assign", "ch03/s01/p01", "市科技局", "--db", db)[0] == 0
    book = tmp_path / "division.xlsx"
    assert run("export", "division", "-o", book, "--db", db)[0] == 0
    before = events(db)
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 0 and "nothing to apply" in out.out and events(db) == before
    wb = openpyxl.load_workbook(book)
    ws = wb["任务分工"]
    header = [c.value for c in ws[2]]
    task_row = next(r[0].row for r in ws.iter_rows(min_row=3) if r[-1].value == "ch03/s01/p01")
    ws.cell(row=task_row, column=header.index("责任单位") + 1).value = "市科技局、市教委"
    wb.save(book)
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", capsys=capsys)
    assert code == 3 and "新增 市教委（配合）" in out.out  # shown, not applied without --yes
    assert events(db) == before
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 0 and events(db) == before + 2  # 王五's first write also publishes his key
    with sqlite3.connect(db) as conn:
        who, action = conn.execute("select reviewer, action from events order by seq desc limit 1").fetchone()
    assert who == "王五" and action == "division_import"


def test_console_entry_point_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "workbench", "tree", "--db", str(tmp_path / "none.sqlite")],
                            capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.startswith("workbench: ")


def test_department_add_rename_retire_keep_assignments(db, capsys):
    assert run("assign", "ch06/s01/p01", "市数据局", "--db", db)[0] == 0
    code, out = run("department", "add", "市低空经济局", "--full-name", "天津市低空经济发展局", "--kind",
                    "directly_affiliated", "--alias", "低空局", "--db", db, "--reviewer", "张三", capsys=capsys)
    assert code == 0
    assert run("assign", "ch06/s01/p01", "低空局", "--role", "support", "--db", db)[0] == 0
    code, out = run("department", "rename", "市数据局", "市数据发展局", "--db", db, capsys=capsys)
    assert code == 0 and "alias" in out.out
    code, out = run("department", "retire", "市低空经济局", "--db", db, capsys=capsys)
    assert code == 0
    code, out = run("departments", "--db", db, capsys=capsys)
    line = next(line for line in out.out.splitlines() if line.startswith("市数据发展局"))
    assert "市数据局" in line  # the old name, now an alias
    assert "已撤销" in next(line for line in out.out.splitlines() if line.startswith("市低空经济局"))
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute(
            "select d.name from assignments a join departments d on d.id = a.department_id "
            "join nodes n on n.id = a.node_id where n.key = 'ch06/s01/p01' order by a.position")]
        actions = [r[0] for r in conn.execute("select action from events where action like 'department_%'")]
    assert names == ["市数据发展局", "市低空经济局"]  # assignments survive rename and retirement
    assert actions == ["department_add", "department_rename", "department_retire"]
    code, out = run("department", "rename", "市不存在局", "x", "--db", db, capsys=capsys)
    assert code == 1 and "unknown department" in out.err
    code, out = run("department", "add", "市数据发展局", "--db", db, capsys=capsys)
    assert code == 1  # a name already in use


def test_export_each_plan_writes_every_plan_in_one_process(db, tmp_path, seed_path, capsys):
    district = tmp_path / "district.txt"
    district.write_text(seed_path.read_text(encoding="utf-8").replace("天津市", "天津市河西区"), encoding="utf-8")
    assert run("import", district, "--db", db)[0] == 0
    assert run("assign", "ch03/s01/p01", "市科技局", "--plan", "2", "--db", db)[0] == 0
    assert run("assign", "ch03/s01/p02", "市财政局", "--plan", "2", "--db", db)[0] == 0
    assert run("assign", "ch03/s01/p02", "市科技局", "--plan", "1", "--db", db)[0] == 0
    assert run("assign", "ch03/s01/p01", "市财政局", "--plan", "1", "--db", db)[0] == 0
    out = tmp_path / "plans"
    code, printed = run("export", "all", "--each-plan", out, "--db", db, capsys=capsys)
    assert code == 0, printed.err
    books = sorted(out.glob("*.xlsx"))
    assert len(books) == 2 and any("河西区" in b.name for b in books)
    district_book = next(b for b in books if "河西区" in b.name)
    ws = openpyxl.load_workbook(district_book)["任务分工"]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[-1] == "ch03/s01/p01")
    assert row[8] == "牵头单位：市科技局"
    only = tmp_path / "only"
    assert run("export", "matrix", "--each-plan", only, "--plan", "2", "--db", db)[0] == 0
    assert [b.name for b in only.glob("*.xlsx")] == [district_book.name]
    code, printed = run("export", "all", "--each-plan", only, "-o", tmp_path / "x.xlsx", "--db", db, capsys=capsys)
    assert code == 1 and "folder" in printed.err
