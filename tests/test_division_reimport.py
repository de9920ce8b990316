"""Importing the same liaison sheet twice (QA pass): the second import must change and report nothing.

The hidden 任务分工表述 column still holds the statement of the export; once the liaison's edits of the
牵头单位/责任单位 columns were applied, that stale statement was reported as 「被修改」 although nobody
touched it.
"""

from __future__ import annotations

from tests.core.test_division_import import edit_sheet
from tests.test_division_roundtrip import db, run  # noqa: F401 - the fixture


def test_reimporting_an_applied_sheet_reports_nothing(db, tmp_path, capsys):  # noqa: F811
    book = tmp_path / "分工.xlsx"
    assert run("export", "division", "-o", book, "--db", db, "--reviewer", "张三")[0] == 0
    edit_sheet(book, cells=[("ch03/s01/p01", "责任单位", "市财政局、市教委"),
                            ("ch03/s02/p01", "责任单位", "市发展改革委")])
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 0 and "applied 2 change(s)" in out.out and "任务分工表述" not in out.out
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 0 and "nothing to apply" in out.out
    assert "任务分工表述" not in out.out and "0 not applicable" in out.out


def test_an_edited_statement_is_still_reported(db, tmp_path, capsys):  # noqa: F811
    book = tmp_path / "分工.xlsx"
    assert run("export", "division", "-o", book, "--db", db, "--reviewer", "张三")[0] == 0
    edit_sheet(book, cells=[("ch03/s02/p01", "任务分工表述", "牵头单位：市商务局；责任单位：市审计局")])
    code, out = run("import-division", book, "--db", db, "--reviewer", "王五", "--yes", capsys=capsys)
    assert code == 0 and "“任务分工表述”一栏被修改" in out.out
