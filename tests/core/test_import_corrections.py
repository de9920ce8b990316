"""Reviewer corrections: each kind changes the tree as the reviewer said, nothing is lost, and the
same file with the same corrections always gives the same tree and node ids."""

from __future__ import annotations

import json

import pytest

from workbench.core import plan as P
from workbench.core.importing import PlanImportError, import_file, import_lines
from workbench.core.importing.corrections import Correction, CorrectionError, from_json, load, save

DOC = """某区关于推进城市更新的实施方案
各街道、各部门：
现将有关事项通知如下。
一、总体要求
坚持规划引领，统筹推进城市更新。
工作目标
到2030年，完成老旧小区改造。
二、重点任务
（一）改造老旧小区。实施综合整治。
第一批改造项目名单见附件。各街道要抓紧推进。
（二）完善配套设施。增加停车位。"""


def outline(plan):
    return [(n.key, n.label, n.title) for n in plan.nodes() if n.kind in (P.PART, P.CHAPTER, P.SECTION)]


def clauses(plan):
    return [(n.key, n.text) for n in plan.nodes() if n.kind == P.CLAUSE]


def ids(plan):
    return [(n.key, n.content_hash) for n in plan.nodes()]


LINES = DOC.split("\n")


def test_without_corrections():
    plan = import_lines(LINES)
    assert outline(plan) == [("ch01", "一、", "总体要求"), ("ch02", "二、", "重点任务"),
                             ("ch02/s01", "（一）", "改造老旧小区。"), ("ch02/s02", "（二）", "完善配套设施。")]
    assert ("ch01/p02", "工作目标到2030年，完成老旧小区改造。") in clauses(plan)  # a heading it cannot see


def test_heading_of_a_level():
    plan = import_lines(LINES, corrections=[Correction("heading", 6, level=2)])
    assert ("ch01/s01", "", "工作目标") in outline(plan)
    assert plan.root.find("ch01/s01/p01").text == "到2030年，完成老旧小区改造。"
    assert plan.fidelity.ok


def test_heading_is_body_text():
    plan = import_lines(LINES, corrections=[Correction("body", 11)])
    assert [k for k, _, _ in outline(plan)] == ["ch01", "ch02", "ch02/s01"]
    assert plan.root.find("ch02/s01/p03").text == "（二）完善配套设施。增加停车位。"


def test_split_and_join():
    plan = import_lines(LINES, corrections=[Correction("split", 10, at=len("第一批改造项目名单见附件。")),
                                            Correction("join", 3)])
    assert plan.root.find("p01").text == "各街道、各部门：现将有关事项通知如下。"
    texts = [t for k, t in clauses(plan) if k.startswith("ch02/s01")]
    assert texts == ["实施综合整治。", "第一批改造项目名单见附件。", "各街道要抓紧推进。"]
    assert plan.fidelity.ok


def test_front_matter_and_contents():
    doc = ["某县规划", "第一章 总则", "第二章 任务", "说明：本规划共两章。", "第一章 总则", "适用于全县。", "第二章 任务", "推进建设。"]
    plain = import_lines(doc)
    assert plain.fidelity.ok and plain.count(P.CHAPTER) == 4  # a contents list with no 目录 is not proven
    marked = import_lines(doc, corrections=[Correction("contents", 2, end_line=3)])
    assert [n.key for n in marked.nodes() if n.kind == P.CHAPTER] == ["ch01", "ch02"]
    assert [(line, reason) for line, _, reason in marked.skipped] == [(2, "contents"), (3, "contents")]
    assert marked.root.find("p01").text == "说明：本规划共两章。"
    front = import_lines(doc, corrections=[Correction("front_matter", 4)])
    assert [n.key for n in front.nodes() if n.kind == P.CHAPTER] == ["ch01", "ch02"]
    assert [t for k, t in clauses(front) if "/" not in k] == ["第一章 总则", "第二章 任务", "说明：本规划共两章。"]


def test_same_corrections_same_ids_in_any_order(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(DOC, encoding="utf-8")
    fixes = [Correction("heading", 6, level=2), Correction("split", 10, at=13), Correction("join", 3)]
    first = import_file(path, corrections=fixes)
    again = import_file(path, corrections=list(reversed(fixes)))
    assert ids(first) == ids(again) and first.corrections == again.corrections
    assert ids(first) != ids(import_file(path))
    save(tmp_path / "fixes.json", fixes)
    assert load(tmp_path / "fixes.json") == first.corrections


def test_bad_corrections_are_refused_with_the_reason(tmp_path):
    with pytest.raises(CorrectionError, match="unknown correction kind"):
        from_json('[{"kind": "delete", "line": 3}]')
    with pytest.raises(CorrectionError, match="level"):
        from_json('{"corrections": [{"kind": "heading", "line": 3, "level": 7}]}')
    with pytest.raises(CorrectionError, match="not valid JSON"):
        from_json("[{")
    with pytest.raises(PlanImportError, match="has 11 lines"):
        import_lines(LINES, corrections=[Correction("body", 40)])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"kind": "split", "line": 2}]), encoding="utf-8")
    with pytest.raises(CorrectionError, match=str(bad)):
        load(bad)
