"""A revised version of the seed plan, made the way drafting changes plans.

Between the 征求意见稿 and the 批准稿 a plan's text is edited in place: a
dozen clauses get a few characters reworded, one section moves to another
chapter (so the later 专栏 renumber), one clause is split into two paragraphs,
two are merged into one, three are deleted, five are added, and two
indicators' 2030 targets change.  `draft_revision` applies exactly those edits
to the seed's lines and says which old nodes it touched, so tests (and the
benchmark and the screenshot) can check the matching against the truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.plan import Plan

REWORDED = (
    "ch03/s01/p01", "ch03/s02/p02", "ch05/s01/p02", "ch07/s01/p04", "ch08/s01/p02", "ch09/s02/p02",
    "ch10/s01/p01", "ch12/s01/p03", "ch13/s02/p02", "ch14/s01/p03", "ch15/s01/p03", "ch16/s01/p02",
)  # fmt: skip
SPLIT = "ch07/s01/p02"
MERGED = ("ch03/s03/p04", "ch03/s03/p05")
DELETED = ("ch08/s02/p02", "ch12/s02/p02", "ch16/s03/p03")
MOVED_SECTION = "ch04/s03"  # 促进服务业优质高效发展 (with 专栏9) ...
MOVED_TO_CHAPTER = "ch06"  # ... moves to the end of 第六章
ADDED_AFTER = ("ch05/s01/p03", "ch09/s01/p02", "ch11/s02/p01", "ch14/s02/p02", "ch17/s02/p01")
ADDED_TEXTS = (
    "建设国家级中试验证平台体系。围绕新材料、高端装备等领域布局一批概念验证中心和中试基地，完善中试服务收费和风险分担机制。",
    "推进港口码头岸电设施全覆盖。加快靠港船舶使用岸电改造，完善岸电价格支持政策，提升船舶岸电使用率。",
    "加快虚拟电厂规模化发展。聚合分布式电源、可调节负荷和储能资源参与电力市场交易，提升电网调峰能力。",
    "实施中小学教师数字素养提升计划。建设教师研修平台，开展人工智能教育应用全员培训。",
    "健全规划实施监测评估指标体系。建立年度监测、中期评估和总结评估相结合的评估制度，评估结果向社会公开。",
)
# Indicator number -> (old 2030 target, new 2030 target)
INDICATOR_TARGETS = {"4": ("35左右", "36左右"), "7": ("32", "33")}
WORD_SWAPS = (("加快", "加速"), ("推进", "推动"), ("完善", "健全"), ("加强", "强化"), ("提升", "提高"))


@dataclass
class Drafting:
    """What draft_revision changed, named by the old version's node keys."""

    reworded: tuple[str, ...] = REWORDED
    split: str = SPLIT
    merged: tuple[str, str] = MERGED
    deleted: tuple[str, ...] = DELETED
    moved_section: str = MOVED_SECTION
    added_texts: tuple[str, ...] = ADDED_TEXTS
    indicator_targets: dict[str, tuple[str, str]] = field(default_factory=lambda: dict(INDICATOR_TARGETS))
    moved_boxes: tuple[str, ...] = ()  # boxes inside the moved section


def reword(text: str) -> str:
    """A few characters changed, the way an editor touches a clause."""
    for old, new in WORD_SWAPS:
        if old in text:
            text = text.replace(old, new, 1)
            break
    return text.replace("，", "，切实", 1)


def draft_revision(lines: list[str], plan: Plan) -> tuple[list[str], Drafting]:
    """The seed's lines with the edits above applied; `plan` is the seed parsed from `lines`."""
    nodes = {n.key: n for n in plan.nodes()}
    rows: list[list[str]] = [[line] for line in lines]  # per source line: what it becomes

    def line_of(key: str) -> int:
        node = nodes[key]
        assert len(node.lines) == 1, f"{key} spans {node.lines}: pick a one-line clause"
        return node.lines[0] - 1

    for key in REWORDED:
        i = line_of(key)
        rows[i] = [reword(lines[i])]
    i = line_of(SPLIT)
    sentences = re.findall(r"[^。]*。", lines[i])
    half = len(sentences) // 2
    rows[i] = ["".join(sentences[:half]), "", "".join(sentences[half:])]
    first, second = line_of(MERGED[0]), line_of(MERGED[1])
    rows[first] = [lines[first].rstrip() + lines[second].strip()]
    rows[second] = []
    for key in DELETED:
        rows[line_of(key)] = []
    for key, text in zip(ADDED_AFTER, ADDED_TEXTS):
        i = line_of(key)
        rows[i] = [*rows[i], text]
    section = nodes[MOVED_SECTION]
    chapter = section.parent
    assert chapter is not None and chapter.parent is not None
    next_chapter = chapter.parent.children[chapter.row + 1]
    start, end = section.lines[0] - 1, next_chapter.lines[0] - 1
    moved = [line for i in range(start, end) for line in rows[i]]
    for i in range(start, end):
        rows[i] = []
    target = nodes[MOVED_TO_CHAPTER]
    after_target = target.parent.children[target.row + 1]  # type: ignore[union-attr]
    last = after_target.lines[0] - 2
    rows[last] = [*rows[last], "", *moved, ""]
    _change_targets(lines, rows)
    out = [line for row in rows for line in row]
    drafting = Drafting(moved_boxes=tuple(n.key for n in section.walk() if n.kind == "box"))
    return _renumber(out), drafting


def _change_targets(lines: list[str], rows: list[list[str]]) -> None:
    table = next(i for i, line in enumerate(lines) if line.strip().startswith("专栏1"))
    for number, (old, new) in INDICATOR_TARGETS.items():
        at = next(i for i in range(table, len(lines)) if lines[i].strip() == number)
        assert lines[at + 3].strip() == old, (number, lines[at + 3])
        rows[at + 3] = [lines[at + 3].replace(old, new)]


_CHAPTER = re.compile(r"^\s*第[一二三四五六七八九十百]+章")
_SECTION = re.compile(r"^(\s*)第[一二三四五六七八九十]+节")
_BOX = re.compile(r"^(\s*)专栏\d+")
_CN = "一二三四五六七八九十"


def _renumber(lines: list[str]) -> list[str]:
    """Sections numbered again within each chapter and boxes through the body, as an editor's
    word processor would; the table of contents is left as it was (it is regenerated last)."""
    body = next(i for i, line in enumerate(lines) if i > 20 and line.startswith("第一章"))
    section = box = 0
    out = list(lines[:body])
    for line in lines[body:]:
        if _CHAPTER.match(line):
            section = 0
        elif _SECTION.match(line):
            section += 1
            line = _SECTION.sub(lambda m: f"{m.group(1)}第{_cn(section)}节", line)
        elif _BOX.match(line):
            box += 1
            line = _BOX.sub(lambda m: f"{m.group(1)}专栏{box}", line)
        out.append(line)
    return out


def _cn(n: int) -> str:
    return _CN[n - 1] if n <= 10 else "十" + (_CN[n - 11] if n > 10 else "")


TAGGED_KINDS = ("clause", "box_item")


def tag_fully(repo, plan_id: int) -> None:
    """Tag every clause and box item of a stored plan through the repository, the way reviewers do:
    a lead on each (a support on every other), indicator links, notes, review status and 完成时限 on
    some, and tags on a few sections, boxes and sentences.  One transaction, many audited writes."""
    departments = [d.db_id for d in repo.departments() if d.db_id is not None][:6]
    indicators = [r.id for r in repo.indicators(plan_id)]
    rows = repo.db.execute("SELECT id, kind FROM nodes WHERE plan_id = ? ORDER BY seq", [plan_id]).fetchall()
    paragraphs = [node_id for node_id, kind in rows if kind in TAGGED_KINDS]
    with repo.db.atomic():
        for i, node_id in enumerate(paragraphs):
            repo.assign(node_id=node_id, department_id=departments[i % len(departments)], role="lead")
            if i % 2 == 0:
                repo.assign(node_id=node_id, department_id=departments[(i + 1) % len(departments)], role="support")
            if i % 5 == 0 and indicators:
                repo.link_indicator(node_id=node_id, indicator_id=indicators[i % len(indicators)])
            if i % 7 == 0:
                repo.set_note(node_id=node_id, text=f"第{i}条：请牵头单位于每季度末报送进展。")
            if i % 6 == 0:
                repo.set_remark(node_id=node_id, text="按季度报送进展情况")
            if i % 3 == 0:
                repo.set_review_status(node_id=node_id, status="reviewed")
            elif i % 11 == 0:
                repo.set_review_status(node_id=node_id, status="question")
            if i % 4 == 0:
                repo.set_timing(node_id=node_id, timing="2027")
            elif i % 9 == 0:
                repo.set_timing(node_id=node_id, timing="ongoing")
        others = [node_id for node_id, kind in rows if kind in ("section", "box")]
        for i, node_id in enumerate(others):
            repo.assign(node_id=node_id, department_id=departments[(i + 2) % len(departments)], role="lead")
        sentences = [node_id for node_id, kind in rows if kind == "sentence"]
        for i, node_id in enumerate(sentences[::10]):
            repo.assign(node_id=node_id, department_id=departments[(i + 3) % len(departments)], role="lead")
