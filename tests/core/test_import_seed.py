"""The seed plan becomes exactly the tree the Tianjin outline has."""

from __future__ import annotations

from collections import Counter

from workbench.core import plan as P
from workbench.core.importing.source import read_text_source
from workbench.core.importing.toc import find_toc

CHAPTER_TITLES = {
    1: "科学把握“十五五”时期历史方位，为基本建成社会主义现代化大都市奠定更加坚实的基础",
    2: "“十五五”时期天津经济社会发展指导思想和主要目标",
    3: "以推进京津冀协同发展为战略牵引，推动形成深度融合的发展格局",
    4: "加快建设现代化产业体系，巩固壮大实体经济根基",
    5: "一体推进教育科技人才发展，以科技创新引领发展新质生产力",
    6: "加快数智化发展，打造数字天津",
    7: "全方位扩大有效需求，服务建设强大国内市场和构建新发展格局",
    8: "进一步全面深化改革，增强发展内生动力和活力",
    9: "扩大高水平对外开放，提升城市国际化水平",
    10: "构建各区联动发展格局，促进区域协调发展",
    11: "聚焦内涵式发展，持续提升城市治理现代化水平",
    12: "加快农业农村现代化，统筹推进新型城镇化和乡村全面振兴",
    13: "推动文化传承发展，加快建设文化强市",
    14: "着力保障和改善民生，扎实推进共同富裕",
    15: "加快经济社会发展全面绿色转型，推进美丽天津建设",
    16: "统筹发展和安全，建设更高水平平安天津、法治天津",
    17: "强化规划实施保障",
}
SECTIONS_PER_CHAPTER = [2, 3, 3, 3, 4, 3, 3, 4, 5, 4, 6, 4, 4, 6, 4, 4, 4]
BOX_PARENTS = {
    1: "ch02/s03", 2: "ch04/s02", 3: "ch04/s02", 4: "ch04/s02", 5: "ch04/s02", 6: "ch04/s02", 7: "ch04/s02",
    8: "ch04/s02", 9: "ch04/s03", 10: "ch06/s02", 11: "ch06/s03", 12: "ch07/s01", 13: "ch09/s01",
    14: "ch10/s04", 15: "ch11/s01", 16: "ch11/s02", 17: "ch11/s03", 18: "ch11/s04", 19: "ch11/s06",
    20: "ch12/s02", 21: "ch14/s02", 22: "ch14/s04", 23: "ch15/s03",
}


def test_plan_title_and_counts(seed_plan):
    assert seed_plan.title == "天津市国民经济和社会发展第十五个五年规划纲要"
    assert seed_plan.count(P.CHAPTER) == 17
    assert seed_plan.count(P.SECTION) == 66
    assert seed_plan.count(P.BOX) == 23
    assert seed_plan.count(P.PART) == 0
    assert seed_plan.count(P.INDICATOR_TABLE) == 1
    assert seed_plan.warnings == []


def test_chapter_titles_joined_and_in_order(seed_plan):
    chapters = [n for n in seed_plan.nodes() if n.kind == P.CHAPTER]
    assert [c.number for c in chapters] == list(range(1, 18))
    assert {c.number: c.title for c in chapters} == CHAPTER_TITLES
    assert [c.label for c in chapters][2] == "第三章"
    assert all(c.parent is seed_plan.root for c in chapters)


def test_sections_under_their_chapters(seed_plan):
    chapters = [n for n in seed_plan.nodes() if n.kind == P.CHAPTER]
    counts = [sum(1 for c in ch.children if c.kind == P.SECTION) for ch in chapters]
    assert counts == SECTIONS_PER_CHAPTER
    s = seed_plan.root.find("ch03/s01")
    assert s.title == "全面加强协同创新和产业协作" and s.parent.key == "ch03"
    assert seed_plan.root.find("ch12/s01").title == "做精做特现代都市型农业"  # single space after 第一节


def test_toc_recognised_and_cross_checked(seed_plan):
    toc = seed_plan.toc
    assert len([e for e in toc if e.kind == P.CHAPTER]) == 17
    assert len([e for e in toc if e.kind == P.SECTION]) == 66
    # Field codes are gone and wrapped titles joined.
    assert all("HYPERLINK" not in e.title and "_Toc" not in e.title for e in toc)
    assert toc[7].title == CHAPTER_TITLES[3]
    # TOC lines are not nodes: no node text carries a field code, no heading twice.
    assert not any("HYPERLINK" in (n.title + n.text) for n in seed_plan.nodes())
    assert seed_plan.body_start_line > 300


def test_boxes_with_titles_and_parents(seed_plan):
    boxes = {n.number: n for n in seed_plan.nodes() if n.kind == P.BOX}
    assert sorted(boxes) == list(range(1, 24))
    assert {k: b.parent.key for k, b in boxes.items()} == BOX_PARENTS
    assert boxes[1].title == "“十五五”时期经济社会发展主要指标"
    assert boxes[7].title == "循环经济产业创新发展工程"
    assert boxes[11].title == "“人工智能+”行动重点应用场景"
    assert len([c for c in boxes[11].children if c.kind == P.BOX_ITEM]) == 8
    item = boxes[2].children[1]
    assert (item.key, item.label, item.title) == ("box02/i01", "（一）", "细分领域")
    assert boxes[13].children[0].kind == P.CLAUSE  # the box's introduction


def test_clauses_lead_phrase_and_sentences(seed_plan):
    clause = seed_plan.root.find("ch03/s01/p01")
    assert clause.kind == P.CLAUSE and clause.title == "深化京津冀协同创新共同体建设"
    sentences = [c.text for c in clause.children]
    assert all(c.kind == P.SENTENCE for c in clause.children)
    assert "".join(sentences) == clause.text.replace(" ", "") or "".join(sentences) == clause.text
    assert sentences[0] == "深化京津冀协同创新共同体建设。"
    preface = seed_plan.root.children[0]
    assert (preface.key, preface.kind, preface.title) == ("preface", P.CLAUSE, "前言")
    intro = seed_plan.root.find("ch03/p01")
    assert intro.parent.key == "ch03" and intro.text.startswith("深入实施推动京津冀协同发展走深走实行动")


def test_every_body_line_in_exactly_one_node(seed_plan, seed_path):
    source = read_text_source(seed_path)
    toc = find_toc(source.lines)
    owners = Counter(line for node in seed_plan.nodes() for line in node.lines)
    body = {
        n for n, line in enumerate(source.lines, 1) if line.strip() and not (toc.start < n <= toc.end)
    }
    assert set(owners) == body
    assert [line for line, count in owners.items() if count > 1] == []
    # And the words themselves are there: each body line's text is in its node.
    by_line = {line: node for node in seed_plan.nodes() for line in node.lines}
    for n in body:
        node = by_line[n]
        text = "".join(source.lines[n - 1].split())
        if node.kind == P.INDICATOR_TABLE:
            continue  # table cells become Indicator fields (test_indicators.py)
        candidates = ["".join(s.split()) for s in (node.label + node.text, node.label + node.title, node.text)]
        assert any(text in c for c in candidates), (n, text[:30], node.key)


def test_stable_unique_keys_and_hashes(seed_plan):
    keys = [n.key for n in seed_plan.nodes()]
    assert len(keys) == len(set(keys))
    assert seed_plan.root.find("ch04/s02/p01") is not None
    assert seed_plan.root.find("box07/i02") is not None
    again = __import__("workbench.core.importing", fromlist=["import_file"]).import_file(
        seed_plan.root and __import__("workbench.paths", fromlist=["SEED_PLAN"]).SEED_PLAN
    )
    assert [(n.key, n.content_hash) for n in again.nodes()] == [(n.key, n.content_hash) for n in seed_plan.nodes()]
