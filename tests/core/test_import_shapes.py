"""Document shapes the importer once got wrong (issue 9, failures 1-5), each as a small plan.

Every case checks the tree a reader sees and that no text was lost: the
characters of the body are all in the tree, or listed as skipped.
"""

from __future__ import annotations

from collections import Counter

from workbench.core import plan as P
from workbench.core.importing import import_lines
from workbench.core.plan import normalise_text


DOC_FRONT_MATTER = """某区国民经济和社会发展第十五个五年规划纲要
为深入贯彻党中央决策部署，根据《中共某区委关于制定国民经济和社会发展第十五个五年规划的建议》，编制本规划纲要。
本规划纲要主要阐明全区战略意图，明确政府工作重点，是今后五年全区人民共同的行动纲领。

第一章  发展基础
全区经济总量稳步增长。

第二章  主要任务
推进产业升级。"""

DOC_RUN_IN = """某市规划
第一章  发展环境
第一节  主要成就经济总量持续增长，人民生活明显改善，城市功能不断完善。
第二节  面临形势
发展不平衡不充分问题仍然突出。"""

DOC_ARTICLES = """某市城乡规划条例
第一章  总则
第一条  为了加强城乡规划管理，制定本条例。
第二章  一般规定
第八条
城乡规划应当依法编制。
第九条  规划编制应当公开征求意见。"""

DOC_TWO_HEADINGS = """国民经济和社会发展第十一个五年规划纲要
第一篇 指导原则和发展目标　　第一章 全面建设小康社会的关键时期
“十一五”时期是全面建设小康社会的关键时期。
第一节 发展基础
经济实力显著增强。
第二篇 建设社会主义新农村　　第二章 发展现代农业
推进农业结构调整。
第一节 提高农业综合生产能力
加强农田水利建设。"""

DOC_ENUMERATED = """某市关于进一步规范政府定价行为的实施方案
为规范政府定价行为，制定本方案。
一、明确定价范围和管理权限。
（一）严格定价范围。政府定价范围以中央和地方定价目录为准。
1. 重要公用事业价格。包括供水、供气、供热等。
2. 公益性服务价格。包括教育、医疗等。
（二）明确管理权限。市级价格主管部门负责目录内项目的定价。
二、规范定价程序。
（一）开展成本监审。定价前应当开展成本监审。
（二）听取社会意见。涉及群众切身利益的，应当听取意见。"""

DOC_MIXED = """某区“十五五”规划纲要
一、总体要求
第一章 发展基础
全区经济持续向好。
第二章 指导思想
坚持稳中求进。
二、重点任务
第三章 产业升级
（一）推动制造业升级
加快智能化改造。
（二）发展现代服务业
培育新业态。
第四章 民生保障
办好民生实事。"""

DOC_NO_CONTENTS = """某县乡村振兴规划
第一章 产业振兴
第一节 发展特色农业
建设高标准农田一万亩。
第二章 人才振兴
第一节 培育新型农民
每年培训农民一千人次。
第三章 文化振兴
第一节 繁荣乡村文化
建设村级文化服务中心。"""

DOC_FALSE_CONTENTS = """某县规划
目录
第一章 总则
本规划适用于全县行政区域，规划期限为2026年至2030年，
基准年为2025年。
第一节 规划依据
依据有关法律法规编制。
第二章 总则
本章重复编号，属于原文笔误。"""

DOC_REAL_CONTENTS = """某县规划
目录
第一章 总则  1
第二章 任务  3
第一章 总则
本规划适用于全县。
第二章 任务
推进建设。"""

SHAPES = {
    "front_matter": DOC_FRONT_MATTER,
    "run_in": DOC_RUN_IN,
    "articles": DOC_ARTICLES,
    "two_headings": DOC_TWO_HEADINGS,
    "enumerated": DOC_ENUMERATED,
    "mixed": DOC_MIXED,
    "no_contents": DOC_NO_CONTENTS,
    "false_contents": DOC_FALSE_CONTENTS,
    "real_contents": DOC_REAL_CONTENTS,
}


def outline(plan, kinds=(P.PART, P.CHAPTER, P.SECTION)):
    return [(n.key, n.label, n.title) for n in plan.nodes() if n.kind in kinds]


def clauses(plan):
    return [(n.key, n.label, n.text) for n in plan.nodes() if n.kind == P.CLAUSE]


def assert_nothing_lost(plan, text: str) -> None:
    """Every character of the document is in one node (or skipped on purpose), none twice."""
    skipped = Counter(normalise_text("".join(t for _, t, _ in plan.skipped)))
    source = Counter(normalise_text(text.replace("**", ""))) - skipped
    held: Counter = Counter()
    for n in plan.nodes():
        if n.kind == P.SENTENCE:
            continue
        parts = [n.label, n.text]
        if n.kind not in (P.CLAUSE, P.BOX_ITEM) or n.key == "preface":
            if n.key not in plan.derived_titles:
                parts.append(n.title)
        held += Counter(normalise_text("".join(parts)))
    assert source - held == Counter(), "lost"
    assert held - source == Counter(), "duplicated"


def test_front_matter_is_not_the_title():
    """Failure 1: no date line, no 前言: the title is one line, the rest untitled clauses."""
    text = DOC_FRONT_MATTER
    plan = import_lines(text.split("\n"))
    assert plan.title == "某区国民经济和社会发展第十五个五年规划纲要"
    front = [n for n in plan.root.children if n.kind == P.CLAUSE]
    assert [n.key for n in front] == ["p01", "p02"]
    assert front[0].text.startswith("为深入贯彻") and front[1].text.startswith("本规划纲要主要阐明")
    assert outline(plan) == [("ch01", "第一章", "发展基础"), ("ch02", "第二章", "主要任务")]
    assert_nothing_lost(plan, text)


def test_a_document_with_no_title_keeps_its_first_paragraph_as_text():
    text = "为推动高质量发展，制定本方案。\n第一章 总体要求\n坚持稳中求进。\n第二章 保障措施\n加强组织领导。"
    plan = import_lines(text.split("\n"), "方案.txt")
    assert plan.title == "方案"
    assert plan.root.children[0].text == "为推动高质量发展，制定本方案。"
    assert_nothing_lost(plan, text)


def test_heading_run_into_its_body_with_no_gap():
    """Failure 2: `第一节  主要成就经济总量持续增长……` with no contents to compare with."""
    text = DOC_RUN_IN
    plan = import_lines(text.split("\n"))
    assert outline(plan) == [
        ("ch01", "第一章", "发展环境"), ("ch01/s01", "第一节", "主要成就"), ("ch01/s02", "第二节", "面临形势"),
    ]
    assert plan.root.find("ch01/s01/p01").text == "经济总量持续增长，人民生活明显改善，城市功能不断完善。"
    assert any("line 3" in w and "主要成就" in w for w in plan.warnings)  # the guess is shown for checking
    assert_nothing_lost(plan, text)


def test_wrapped_title_joiner_leaves_articles_alone():
    """Failure 2: `第二章 一般规定` + `第八条` must not become the title 一般规定第八条."""
    text = DOC_ARTICLES
    plan = import_lines(text.split("\n"))
    assert outline(plan) == [("ch01", "第一章", "总则"), ("ch02", "第二章", "一般规定")]
    articles = [(n.key, n.label, n.text) for n in plan.nodes() if n.kind == P.CLAUSE]
    assert articles == [
        ("ch01/p01", "第一条", "为了加强城乡规划管理，制定本条例。"),
        ("ch02/p01", "第八条", "城乡规划应当依法编制。"),
        ("ch02/p02", "第九条", "规划编制应当公开征求意见。"),
    ]
    assert_nothing_lost(plan, text)


def test_two_headings_on_one_line():
    """Failure 3: the second heading on a line keeps its place (and its sections)."""
    text = DOC_TWO_HEADINGS
    plan = import_lines(text.split("\n"))
    assert outline(plan) == [
        ("pt01", "第一篇", "指导原则和发展目标"), ("ch01", "第一章", "全面建设小康社会的关键时期"),
        ("ch01/s01", "第一节", "发展基础"),
        ("pt02", "第二篇", "建设社会主义新农村"), ("ch02", "第二章", "发展现代农业"),
        ("ch02/s01", "第一节", "提高农业综合生产能力"),
    ]
    assert plan.root.find("ch02").parent.key == "pt02"
    assert plan.root.find("ch02").lines == [6]  # the line both headings share
    assert_nothing_lost(plan, text)


def test_implementation_plan_numbered_with_enumerated_levels_ending_in_full_stops():
    """Failure 4: 一、（一）1. as first-class numbering, headings ending in 。, run-in bodies."""
    text = DOC_ENUMERATED
    plan = import_lines(text.split("\n"))
    assert plan.numbering == "一、 > （一） > 1."
    assert outline(plan) == [
        ("ch01", "一、", "明确定价范围和管理权限。"),
        ("ch01/s01", "（一）", "严格定价范围。"), ("ch01/s02", "（二）", "明确管理权限。"),
        ("ch02", "二、", "规范定价程序。"),
        ("ch02/s01", "（一）", "开展成本监审。"), ("ch02/s02", "（二）", "听取社会意见。"),
    ]
    assert [(k, label) for k, label, _ in clauses(plan) if label] == [("ch01/s01/p02", "1."), ("ch01/s01/p03", "2.")]
    assert plan.root.find("ch01/s01/p01").text == "政府定价范围以中央和地方定价目录为准。"
    assert plan.root.find("ch01/s01/p02").text == "重要公用事业价格。包括供水、供气、供热等。"
    assert plan.root.find("p01").text == "为规范政府定价行为，制定本方案。"
    assert_nothing_lost(plan, text)


def test_enumerated_parts_mixed_with_numbered_chapters():
    """Failure 4: 一、 parts above 第X章 chapters are not ignored."""
    text = DOC_MIXED
    plan = import_lines(text.split("\n"))
    assert outline(plan) == [
        ("pt01", "一、", "总体要求"), ("ch01", "第一章", "发展基础"), ("ch02", "第二章", "指导思想"),
        ("pt02", "二、", "重点任务"), ("ch03", "第三章", "产业升级"),
        ("ch03/s01", "（一）", "推动制造业升级"), ("ch03/s02", "（二）", "发展现代服务业"),
        ("ch04", "第四章", "民生保障"),
    ]
    assert [c.key for c in plan.root.find("pt02").children] == ["ch03", "ch04"]
    assert plan.numbering == "一、 > 第X章 > （一）"
    assert_nothing_lost(plan, text)


def test_no_contents_guessed_where_there_is_none():
    """Failure 5: every chapter opening with 第一节 is not a table of contents."""
    text = DOC_NO_CONTENTS
    plan = import_lines(text.split("\n"))
    assert plan.toc == [] and plan.skipped == []
    assert outline(plan) == [
        ("ch01", "第一章", "产业振兴"), ("ch01/s01", "第一节", "发展特色农业"),
        ("ch02", "第二章", "人才振兴"), ("ch02/s01", "第一节", "培育新型农民"),
        ("ch03", "第三章", "文化振兴"), ("ch03/s01", "第一节", "繁荣乡村文化"),
    ]
    assert_nothing_lost(plan, text)


def test_contents_marker_followed_by_body_text_is_not_skipped():
    """Failure 5: a 目录 line whose 'entries' include paragraphs is not a contents list."""
    text = DOC_FALSE_CONTENTS
    plan = import_lines(text.split("\n"))
    assert plan.toc == []
    assert all(reason != "contents" for _, _, reason in plan.skipped)
    assert plan.root.find("ch01/p01").text.startswith("本规划适用于全县行政区域")
    assert_nothing_lost(plan, text)


def test_real_contents_lines_are_listed_as_skipped():
    text = DOC_REAL_CONTENTS
    plan = import_lines(text.split("\n"))
    assert [(line, reason) for line, _, reason in plan.skipped] == [(2, "contents"), (3, "contents"), (4, "contents")]
    assert outline(plan) == [("ch01", "第一章", "总则"), ("ch02", "第二章", "任务")]
    assert_nothing_lost(plan, text)


def test_a_single_numbered_heading_is_a_level_only_as_a_parent():
    """一、 alone above （一）（二） is their chapter; a lone 第一节 after 一、 parts is text, not a level."""
    parent = import_lines("某县规划\n一、重点任务\n（一）交通\n完善港口设施。\n（二）科技\n推进科技创新。".split("\n"))
    assert outline(parent) == [("ch01", "一、", "重点任务"), ("ch01/s01", "（一）", "交通"), ("ch01/s02", "（二）", "科技")]
    stray = import_lines("某区方案\n一、总体要求\n坚持规划引领。\n二、重点任务\n推进建设。\n第一节 加强组织保障建立工作专班。".split("\n"))
    assert outline(stray) == [("ch01", "一、", "总体要求"), ("ch02", "二、", "重点任务")]
    assert clauses(stray)[-1] == ("ch02/p02", "", "第一节 加强组织保障建立工作专班。")
    assert_nothing_lost(stray, "某区方案一、总体要求坚持规划引领。二、重点任务推进建设。第一节加强组织保障建立工作专班。")


DOC_NOTICE = """天津市人民政府办公厅关于印发天津市推动大规模设备更新和消费品以旧换新实施方案的通知
津政办发〔2024〕12号

各区人民政府，市政府各委、局：
经市人民政府同意，现将《天津市推动大规模设备更新和消费品以旧换新实施方案》印发给你们，请照此执行。

2024年5月6日

天津市推动大规模设备更新和消费品以旧换新实施方案

为贯彻落实党中央、国务院决策部署，推动大规模设备更新和消费品以旧换新，制定本方案。

一、总体要求
坚持市场为主、政府引导，坚持鼓励先进、淘汰落后，坚持标准引领、有序提升。到2027年，工业、农业、建筑、交通、教育、文旅、医疗等领域设备投资规模较2023年增长25%以上。

二、重点任务
（一）实施设备更新行动。
1.推进重点行业设备更新改造。围绕钢铁、石化化工、有色、建材等重点行业，大力推动生产设备、用能设备、发输配电设备等更新和技术改造。（市工业和信息化局牵头，各区人民政府按职责分工负责）
2.加快建筑和市政基础设施领域设备更新。
（1）推进老旧住宅电梯更新。（市住房城乡建设委牵头）
（2）推进供热、供水、污水处理等设备更新。（市城市管理委、市水务局按职责分工负责）
（二）实施消费品以旧换新行动。
1.开展汽车以旧换新。加大政策支持力度，畅通流通堵点，促进汽车梯次消费、更新消费。（市商务局牵头）
2.推动家电产品以旧换新。
三、保障措施
（一）加强组织领导。建立工作专班，统筹推进各项工作。
（二）强化要素保障。加大财政资金支持力度。"""
SHAPES["notice"] = DOC_NOTICE


def test_a_notice_with_four_numbering_levels_and_a_long_title():
    """A government notice: long title, document number, 一、（一）1.（1） levels, tasks with their units."""
    plan = import_lines(DOC_NOTICE.split("\n"))
    assert plan.title.startswith("天津市人民政府办公厅关于印发") and plan.title.endswith("的通知")
    assert plan.root.text == "津政办发〔2024〕12号"
    assert plan.numbering == "一、 > （一） > 1. > （1）"
    assert [k for k, _, _ in outline(plan)] == ["ch01", "ch02", "ch02/s01", "ch02/s02", "ch03", "ch03/s01", "ch03/s02"]
    labels = [(k, label) for k, label, _ in clauses(plan) if k.startswith("ch02/s01")]
    assert labels == [("ch02/s01/p01", "1."), ("ch02/s01/p02", "2."), ("ch02/s01/p03", "（1）"), ("ch02/s01/p04", "（2）")]
    assert plan.root.find("ch02/s01/p01").text.endswith("（市工业和信息化局牵头，各区人民政府按职责分工负责）")
    assert_nothing_lost(plan, DOC_NOTICE)
