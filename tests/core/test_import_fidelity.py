"""The fidelity check: every character of the body is in one node, or skipped on purpose."""

from __future__ import annotations

import pytest

from workbench.core import plan as P
from workbench.core.importing import PlanImportError, fidelity, import_lines
from workbench.core.importing.outline import build_plan
from workbench.core.importing.source import read_text_source

SMALL = """某市规划
第一章 总则
第一节 目的
为了规范管理，制定本规划。
推动高质量发展。
专栏1 重点工程
（一）交通工程。建设地铁。
（二）水利工程。建设水库。"""


def test_seed_holds_every_body_character(seed_plan):
    report = seed_plan.fidelity
    assert report.ok and report.duplicated == []
    assert report.source_chars == report.tree_chars > 60000
    reasons = {reason for _, _, reason in seed_plan.skipped}
    assert reasons == {"contents"}
    assert min(line for line, _, _ in seed_plan.skipped) == 13  # 目录


def test_a_dropped_clause_is_named_with_its_line():
    lines = SMALL.split("\n")
    plan = build_plan(lines, "small.txt")
    section = plan.root.find("ch01/s01")
    section.children.remove(plan.root.find("ch01/s01/p02"))
    report = fidelity.check(plan, lines)
    assert not report.ok
    assert [(loss.location, loss.text) for loss in report.lost] == [("line 5", "推动高质量发展。")]


def test_a_dropped_box_item_and_a_changed_title_are_caught():
    lines = SMALL.split("\n")
    plan = build_plan(lines, "small.txt")
    box = plan.root.find("box01")
    box.children.pop()
    plan.root.find("ch01").title = "总"
    report = fidelity.check(plan, lines, lambda n: f"paragraph {n}")
    assert {loss.location for loss in report.lost} == {"paragraph 2", "paragraph 8"}


def test_a_dropped_indicator_is_a_lost_cell(seed_path):
    source = read_text_source(seed_path)
    plan = build_plan(source.lines, source.name)
    assert fidelity.check(plan, source.lines).ok
    gone = next(i for i in plan.indicators if i.number == "7")
    plan.indicators.remove(gone)
    report = fidelity.check(plan, source.lines)
    assert any(gone.name in loss.text for loss in report.lost)


def test_import_refuses_lost_text(monkeypatch):
    from workbench.core.importing import outline

    real = outline.OutlineBuilder._paragraph_text

    def forgetful(self, text, lines):  # an importer bug that drops one paragraph
        if "推动高质量发展" not in text:
            real(self, text, lines)

    monkeypatch.setattr(outline.OutlineBuilder, "_paragraph_text", forgetful)
    with pytest.raises(PlanImportError) as info:
        import_lines(SMALL.split("\n"), "small.txt")
    assert "line 5" in str(info.value) and "推动高质量发展" in str(info.value) and "nothing was imported" in str(info.value)


def test_page_furniture_is_listed_as_skipped():
    """Running headers sit beside page breaks; the same short line elsewhere is text, not furniture."""
    lines = SMALL.split("\n")
    header = "某市规划（征求意见稿）"
    text = [*lines[:2], "- 1 -", "\f" + header, *lines[2:4], "- 2 -", "\f" + header, lines[4], "- 3 -",
            "\f" + header, *lines[5:], "（%）", "（%）", "（%）"]
    text[5] = "为了规范管理，"
    text.insert(6, "- 2 -")
    text.insert(7, "\f" + header)
    text.insert(8, "制定本规划。")
    plan = import_lines(text, "pages.txt")
    skipped = [(plan.locate(line), text) for line, text, reason in plan.skipped]
    assert len(skipped) == 8 and {t for _, t in skipped} == {header, "- 1 -", "- 2 -", "- 3 -"}
    assert plan.root.find("ch01/s01/p01").text == "为了规范管理，制定本规划。"
    assert plan.fidelity.ok and plan.count(P.BOX_ITEM) == 2
    assert [n.text for n in plan.nodes() if n.kind == P.CLAUSE][-1] == "（%）（%）（%）"
