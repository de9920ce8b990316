"""`workbench import --revision-of`, `revision report/items/accept/move` and `audit verify` end to end."""

from __future__ import annotations

import re

import openpyxl
import pytest

from tests.revision_drafts import ADDED_TEXTS, draft_revision, reword, tag_fully
from workbench.cli import main
from workbench.core.importing import import_lines
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
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


_SMALL = "某市规划纲要\n\n第一章 科技创新\n\n第一节 建设创新平台\n\n加快建设国家级实验室，支持高校开展基础研究。\n"


@pytest.mark.parametrize("selector", ["", "  ", "99"])
def test_revision_of_a_bad_plan_is_refused_before_anything_is_written(tmp_path, capsys, selector):
    """An empty --revision-of once imported the draft as an unrelated second plan, and a bad one
    left a backup behind: both are a one-line error that writes nothing, backups included."""
    old, new, db = tmp_path / "v1.txt", tmp_path / "v2.txt", tmp_path / "ws.sqlite"
    old.write_text(_SMALL, encoding="utf-8")
    new.write_text(_SMALL.replace("高校", "高校和科研院所"), encoding="utf-8")
    assert main(["import", str(old), "--db", str(db), "--reviewer", "张三"]) == 0
    capsys.readouterr()
    assert main(["import", str(new), "--revision-of", selector, "--db", str(db), "--reviewer", "张三"]) != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert ("--revision-of" in err) if selector.strip() == "" else ("no plan matches" in err)
    database = open_workspace(db)
    assert [r["id"] for r in database["plans"].rows] == [1]
    database.close()
    assert not list(tmp_path.glob("backups/*.import.*"))  # (the daily backup on opening is not the import's)


def test_review_items_still_open_stay_open_on_a_revision_of_the_revision(tmp_path, capsys):
    """Revising a revision once dropped its open items: the new version said 'nothing to review' while
    the old one, now read-only, refused to accept or move them, so an orphan's tags could never be placed."""
    v1, v2, v3, db = (tmp_path / n for n in ("v1.txt", "v2.txt", "v3.txt", "ws.sqlite"))
    v1.write_text(_SMALL + "\n深化职业教育改革，培养高技能人才队伍。\n", encoding="utf-8")
    v2.write_text(_SMALL.replace("高校", "高校和科研院所"), encoding="utf-8")  # reworded; the second clause deleted
    v3.write_text(_SMALL.replace("高校", "高校和科研院所") + "\n建设全市统一的碳排放监测平台。\n", encoding="utf-8")
    base = ["--db", str(db), "--reviewer", "张三"]
    assert main(["import", str(v1), *base]) == 0
    assert main(["assign", "ch01/s01/p01", "市科技局", *base]) == 0
    assert main(["assign", "ch01/s01/p02", "市教委", *base]) == 0
    assert main(["import", str(v2), "--revision-of", "1", *base]) == 0
    backups = sorted(tmp_path.glob("backups/*.import.*"))
    assert main(["import", str(v3), "--revision-of", "1", *base]) != 0  # plan 1 is revised already
    assert "newer version" in capsys.readouterr().err and sorted(tmp_path.glob("backups/*.import.*")) == backups
    assert main(["import", str(v3), "--revision-of", "2", *base]) == 0
    capsys.readouterr()
    assert main(["revision", "items", "--plan", "3", *base]) == 0
    out = capsys.readouterr().out
    assert "ch01/s01/p01" in out and "市科技局" in out  # the reworded clause is still to be checked
    assert "深化职业教育改革" in out and "市教委" in out  # the orphan can still be placed
    items = [line.split("\t")[0] for line in out.splitlines() if line[:1].isdigit()]
    orphan = next(line.split("\t")[0] for line in out.splitlines() if "孤立" in line)
    assert main(["revision", "move", orphan, "ch01/s01/p02", *base]) == 0
    assert len(items) == 2
    assert main(["audit", "verify", *base]) == 0


def test_report_of_a_revision_that_only_changes_an_indicator(tmp_path, capsys):
    """A revision changing only an indicator's target reported '0 changes ()'."""
    table = ("\n专栏1 主要指标\n\t序号\n\t指标\n\t2025年\n\t2030年\n\t属性\n\n"
             "\t1\n\t研发经费投入强度（%）\n\t3.5\n\t4左右\n\t预期性\n")
    v1, v2, db = tmp_path / "v1.txt", tmp_path / "v2.txt", tmp_path / "ws.sqlite"
    v1.write_text(_SMALL + table, encoding="utf-8")
    v2.write_text(_SMALL + table.replace("4左右", "4.2左右"), encoding="utf-8")
    base = ["--db", str(db), "--reviewer", "张三"]
    assert main(["import", str(v1), *base]) == 0
    assert main(["import", str(v2), "--revision-of", "1", *base]) == 0
    capsys.readouterr()
    assert main(["revision", "report", "--plan", "2", "-o", str(tmp_path / "r.xlsx"), *base]) == 0
    out = capsys.readouterr().out
    assert "0 changes, 1 indicator changes" in out and "()" not in out


def test_a_document_sharing_no_clause_is_not_taken_as_a_revision(tmp_path, capsys):
    """The seed given as a 'revision' of an unrelated small plan was accepted: every tag orphaned and the
    plan locked read-only by a slip of the plan id."""
    v1, other, db = tmp_path / "v1.txt", tmp_path / "other.txt", tmp_path / "ws.sqlite"
    v1.write_text(_SMALL, encoding="utf-8")
    other.write_text("某区规划\n\n第一章 农业农村\n\n第一节 乡村振兴\n\n推进高标准农田建设，提升粮食综合生产能力。\n",
                     encoding="utf-8")
    base = ["--db", str(db), "--reviewer", "张三"]
    assert main(["import", str(v1), *base]) == 0
    assert main(["assign", "ch01/s01/p01", "市科技局", *base]) == 0
    capsys.readouterr()
    assert main(["import", str(other), "--revision-of", "1", *base]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "shares no clause with plan 1" in err
    assert main(["assign", "ch01/s01/p01", "市教委", "--role", "support", *base]) == 0  # still the current version
    database = open_workspace(db)
    assert [r["id"] for r in database["plans"].rows] == [1]
    database.close()
