"""`workbench export` print options and the Word 方案, end to end on a real workspace."""

from __future__ import annotations

import docx
import openpyxl

from tests.test_division_roundtrip import db, run  # noqa: F401 (fixture)


def test_export_division_docx_and_options(db, tmp_path, capsys):  # noqa: F811
    word = tmp_path / "方案.docx"
    code, out = run("export", "division", "--format", "docx", "-o", word, "--attachment", "附件2", "--db", db,
                    capsys=capsys)
    assert code == 0, out.err
    document = docx.Document(word)
    assert document.paragraphs[0].text == "附件2"
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert rows[0] == ["序号", "重点任务", "牵头单位", "责任单位", "完成时限", "备注"]
    task = next(r for r in rows if r[2] == "市科技局")
    assert task[3] == "市财政局"
    code, out = run("export", "matrix", "--format", "docx", "-o", word, "--db", db, capsys=capsys)
    assert code == 1 and "export division --format docx" in out.err
    code, out = run("export", "division", "--format", "docx", "-o", tmp_path / "x.xlsx", "--db", db, capsys=capsys)
    assert code == 1 and ".docx" in out.err
    assert run("assign", "ch04/s01/p01", "市工业和信息化局", "--db", db)[0] == 0
    book = tmp_path / "a3.xlsx"
    assert run("export", "division", "-o", book, "--paper", "A3", "--numbering", "chapter", "--task-text", "lead",
               "--db", db)[0] == 0
    ws = openpyxl.load_workbook(book)["任务分工"]
    assert ws.page_setup.paperSize == 8
    tasks = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[-1]]
    assert [r[0] for r in tasks] == [1, 2, 3, 1]  # 序号 restarts in chapter 4
    assert tasks[0][1] == "深化京津冀协同创新共同体建设"  # the lead phrase only


def test_export_department_docx(db, tmp_path, capsys):  # noqa: F811
    word = tmp_path / "keji.docx"
    code, out = run("export", "department", "市科技局", "--format", "docx", "-o", word, "--db", db, capsys=capsys)
    assert code == 0, out.err
    document = docx.Document(word)
    assert document.paragraphs[0].text.endswith("重点任务分工方案（市科技局）")
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows if r.cells[0].text.isdigit()]
    assert [r[2] for r in rows] == ["市科技局"]
    each = tmp_path / "each"
    assert run("export", "department", "--each-into", each, "--format", "docx", "--db", db)[0] == 0
    assert sorted(p.suffix for p in each.iterdir()) == [".docx"] * 4


def test_department_workbooks_only_for_units_with_tasks_in_the_chosen_chapters(db, tmp_path, capsys):  # noqa: F811
    """With --chapters, a unit whose tasks all lie elsewhere gets no workbook of bare headers; asked for by
    name, it is refused in one line and nothing is written."""
    assert run("assign", "ch04/s01/p01", "市教委", "--db", db)[0] == 0
    each = tmp_path / "ch04"
    assert run("export", "department", "--each-into", each, "--chapters", "ch04", "--db", db)[0] == 0
    assert sorted(p.name for p in each.iterdir()) == ["市教委-任务分工.xlsx"]
    every = tmp_path / "every"
    assert run("export", "department", "--each-into", every, "--db", db)[0] == 0
    assert len(list(every.iterdir())) == 5  # without --chapters: every unit with a task, as before
    none = tmp_path / "ch05"
    code, out = run("export", "department", "--each-into", none, "--chapters", "ch05", "--db", db, capsys=capsys)
    assert code == 1 and "no department has a task in chapters ch05" in out.err and not none.exists()
    book = tmp_path / "keji.xlsx"
    code, out = run("export", "department", "市科技局", "--chapters", "ch04", "-o", book, "--db", db, capsys=capsys)
    assert code == 1 and "市科技局 has no task in chapters ch04" in out.err and not book.exists()
    code, out = run("export", "department", "市教委", "--chapters", "ch04", "-o", book, "--db", db, capsys=capsys)
    assert code == 0, out.err
    tasks = [r for r in openpyxl.load_workbook(book).worksheets[0].iter_rows(min_row=3, values_only=True) if r[-1]]
    assert [r[-1] for r in tasks] == ["ch04/s01/p01"]
