"""`workbench import --revision-of`, `revision report/items/accept/move` and `audit verify` end to end."""

from __future__ import annotations

import re

import openpyxl
import pytest

from tests.revision_drafts import ADDED_TEXTS, draft_revision, reword, tag_fully
from workbench.cli import main
from workbench.core.importing import import_lines
from workbench.storage.audit import Reviewer
from workbench.storage.database import open_workspace
from workbench.storage.repository import Repository


@pytest.fixture()
def workspace(tmp_path, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    old_plan = import_lines(lines, seed_path.name)
    revised, drafting = draft_revision(lines, old_plan)
    approved = tmp_path / "批准稿.txt"
    approved.write_text("\n".join(revised), encoding="utf-8")
    db = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(db), "--reviewer", "张三"]) == 0
    database = open_workspace(db)
    tag_fully(Repository(database, Reviewer("张三", "市发展改革委")), 1)
    database.close()
    return db, approved, old_plan, drafting


def test_import_as_revision_then_report_and_verify(workspace, tmp_path, capsys):
    db, approved, old_plan, drafting = workspace
    assert main(["import", str(approved), "--revision-of", "1", "--db", str(db), "--reviewer", "李四"]) == 0
    out = capsys.readouterr().out
    assert "plan 2 is the new version of plan 1" in out and "12 reworded" in out and "3 deleted" in out
    assert main(["audit", "verify", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["tree", "--db", str(db)]) == 0
    tree = capsys.readouterr().out
    assert "plan 1: old version, read-only; its revision is plan 2" in tree and "plan 2: current version" in tree
    assert main(["assign", "ch03/s01/p02", "市科技局", "--plan", "1", "--db", str(db)]) != 0
    assert "old version" in capsys.readouterr().err  # the old plan is read-only
    assert main(["assign", "ch03/s01/p02", "市科技局", "--role", "support", "--db", str(db)]) == 0  # the current one
    division = tmp_path / "division.xlsx"
    assert main(["export", "division", "-o", str(division), "--db", str(db)]) == 0  # no --plan: the current version
    assert main(["export", "division", "-o", str(division), "--plan", "1", "--db", str(db)]) == 0  # or name the old
    capsys.readouterr()
    report = tmp_path / "对照表.xlsx"
    assert main(["revision", "report", "--plan", "2", "-o", str(report), "--db", str(db)]) == 0
    wb = openpyxl.load_workbook(report, rich_text=True)
    ws = wb["对照表"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["序号", "章节", "原文", "修改后", "变化", "责任单位"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    changes = [r[4] for r in rows]
    assert changes.count("文字修改") == 12 and changes.count("拆分") == 1 and changes.count("合并") == 1
    assert changes.count("删除") == 3 and changes.count("新增") == 5
    # The section and its 专栏 (both renumbered), and its 8 paragraphs and box items.
    assert changes.count("移动") == 8 and changes.count("移动、重新编号") == 2
    assert changes.count("重新编号") == 2  # 专栏10 -> 9, 11 -> 10
    new_texts = {str(r[3]) for r in rows}
    assert set(ADDED_TEXTS) <= new_texts
    for key in drafting.reworded:
        old_text = old_plan.root.find(key).text
        row = next(r for r in rows if str(r[2]) == old_text)
        assert str(row[3]) == reword(old_text) and row[4] == "文字修改"
        assert row[5].startswith("牵头单位：") and row[7] == "待审核"
        assert any(block.font.color is not None for block in row[3] if hasattr(block, "font"))  # highlighted
    deleted = [r for r in rows if r[4] == "删除"]
    assert all(r[3] in (None, "") and r[5].startswith("牵头单位：") for r in deleted)
    indicators = [[c.value for c in row] for row in wb["主要指标变化"].iter_rows(min_row=2)]
    assert sorted((r[0], r[3], r[4]) for r in indicators) == [("4", "35左右", "36左右"), ("7", "32", "33")]
    pending = [[c.value for c in row] for row in wb["待处理标签"].iter_rows(min_row=2)]
    assert sum(1 for r in pending if r[0] == "孤立标签" and r[3]) >= 3


def test_items_accept_and_move_from_the_command_line(workspace, capsys):
    db, approved, _, drafting = workspace
    assert main(["import", str(approved), "--revision-of", "1", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["revision", "items", "--plan", "2", "--db", str(db)]) == 0
    listing = capsys.readouterr().out.splitlines()
    flags = [line for line in listing if line.split("\t")[1:2] == ["待审核"]]
    orphans = [line for line in listing if line.split("\t")[1:2] == ["孤立标签"]]
    paragraphs = [line for line in flags if not re.search(r"/t\d+\t", line)]  # tagged sentences are flagged too
    assert len(paragraphs) == 12 + 2 + 1  # reworded, the split's two pieces, the merged clause
    assert {key for key in drafting.deleted} <= {line.split("\t")[3].split(" ")[0] for line in orphans}
    first = int(flags[0].split("\t")[0])
    assert main(["revision", "accept", str(first), "--db", str(db)]) == 0
    orphan = int(orphans[0].split("\t")[0])
    assert main(["revision", "move", str(orphan), "ch17/s04/p01", "--db", str(db)]) == 0
    assert main(["revision", "accept", str(first), "--db", str(db)]) != 0
    assert "already decided" in capsys.readouterr().err
    assert main(["revision", "items", "--plan", "2", "--db", str(db)]) == 0
    assert len(capsys.readouterr().out.splitlines()) < len(listing)
    assert main(["audit", "verify", "--db", str(db)]) == 0
    assert main(["revision", "report", "--plan", "1", "-o", "x.xlsx", "--db", str(db)]) != 0
    assert "not a revision" in capsys.readouterr().err
