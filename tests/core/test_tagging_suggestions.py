"""Explained lead, support and indicator suggestions on the seed plan (issue 13)."""

from __future__ import annotations

import pytest

from workbench import paths
from workbench.core import segment
from workbench.core.departments import Department, load_registry
from workbench.core.importing import import_file
from workbench.core.plan import CLAUSE, SECTION, PlanNode
from workbench.core.tagging.suggestions import SECTION_TITLE, TEXT, explain, suggest_for_node


@pytest.fixture(scope="module")
def seed():
    registry = load_registry(paths.DEPARTMENTS_FILE)
    segment.initialise(departments=registry)
    return import_file(paths.SEED_PLAN), registry


def lead_names(found):
    return [s.department.name for s in found.lead]


def test_one_character_keyword_carbon_counts(seed):
    plan, registry = seed
    found = suggest_for_node(plan.root.find("ch15/s03/p02"), registry, plan.indicators)  # 深化天津碳市场建设
    first = found.lead[0]
    assert first.department.name == "市生态环境局"
    carbon = [e for e in first.evidence if e.word == "碳" and e.place == TEXT]
    assert carbon and carbon[0].count >= 10
    assert "碳×" in explain(first.evidence)
    assert found.indicators[0].indicator.name.startswith("单位地区生产总值二氧化碳排放")


def test_operators_support_and_the_commission_leads(seed):
    plan, registry = seed
    airport = suggest_for_node(plan.root.find("box15/i01"), registry, plan.indicators)
    assert lead_names(airport)[0] == "市交通运输委"
    support = {s.department.name: s for s in airport.support}
    assert "天津滨海国际机场" in support
    assert any(e.is_name for e in support["天津滨海国际机场"].evidence)
    railway = suggest_for_node(plan.root.find("ch11/s01/p02"), registry)
    assert lead_names(railway)[0] == "市交通运输委"
    assert "中国铁路北京局集团" in [s.department.name for s in railway.support]


def test_a_unit_named_in_its_box_title_may_lead(seed):
    plan, registry = seed
    found = suggest_for_node(plan.root.find("box23/p01"), registry)
    assert lead_names(found)[0] == "中新天津生态城管委会"
    assert any(e.place == SECTION_TITLE and e.is_name for e in found.lead[0].evidence)


def test_generic_words_are_no_evidence():
    districts = Department("各区人民政府", "各区人民政府", "district_government", ["各区"], ["各区", "全市"])
    finance = Department("市财政局", "天津市财政局", "government_department", [], ["财政"], position=1)
    node = PlanNode(CLAUSE, "ch01/p01", title="", text="全市各区要加强财政管理，全市统筹。")
    found = suggest_for_node(node, [districts, finance])
    assert lead_names(found) == ["市财政局"]
    assert all(s.department.name != "各区人民政府" for s in found.support)


def test_section_title_counts_and_is_named(seed):
    plan, registry = seed
    water = suggest_for_node(plan.root.find("ch15/s01/p02"), registry, plan.indicators)  # 巩固提升碧水保卫战
    assert lead_names(water)[0] == "市生态环境局"
    assert water.indicators[0].indicator.name == "优良水体比例"
    assert "碧水" in {e.word for e in water.indicators[0].evidence}
    section = PlanNode(SECTION, "ch01/s01", title="深化财政体制改革")
    clause = PlanNode(CLAUSE, "ch01/s01/p01", title="", text="完善预算管理。", parent=section)
    section.children.append(clause)
    finance = Department("市财政局", "天津市财政局", "government_department", [], ["财政"])
    found = suggest_for_node(clause, [finance])
    assert [(e.word, e.place) for e in found.lead[0].evidence] == [("财政", SECTION_TITLE)]


def test_headings_get_suggestions_from_title_and_clauses(seed):
    plan, registry = seed
    section = plan.root.find("ch15/s01")
    assert section.kind == SECTION
    found = suggest_for_node(section, registry, plan.indicators)
    assert lead_names(found)[0] == "市生态环境局"
    assert "细颗粒物" in " ".join(s.indicator.name for s in found.indicators[:3])
    chapter = suggest_for_node(plan.root.find("ch14"), registry)
    assert chapter.lead and chapter.support


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("加大研发投入，全社会研发经费投入强度持续提高。", "全社会研发经费投入强度"),
        ("加力推进蓝天保卫战，以细颗粒物（PM2.5）控制为主线。", "细颗粒物（PM2.5）浓度"),
        ("巩固提升碧水保卫战，改善河湖水质。", "优良水体比例"),
        ("强化就业优先政策，稳定和扩大就业。", "城镇调查失业率"),
    ],
)
def test_indicator_suggestions(seed, text, indicator):
    plan, registry = seed
    found = suggest_for_node(PlanNode(CLAUSE, "x/p01", title="", text=text), registry, plan.indicators)
    assert found.indicators and found.indicators[0].indicator.name == indicator
    assert found.indicators[0].evidence


def test_lead_and_support_lists_are_separate(seed):
    plan, registry = seed
    found = suggest_for_node(plan.root.find("ch14/s01/p03"), registry)
    assert lead_names(found)[0] == "市人社局"
    assert "市人社局" not in [s.department.name for s in found.support]


def test_a_name_inside_a_longer_units_name_is_not_a_mention(seed):
    """QA: 「区科技局牵头」 counted as 点名「科技局」 for 市科技局 (its alias) and put it above 区科技局."""
    plan, registry = seed
    district = Department("区科技局", "河东区科学技术局", "government_department", keywords=["科技"],
                          position=len(registry))
    departments = registry + [district]
    segment.initialise(departments=departments)
    try:
        section = PlanNode(SECTION, "ch02/s02", "（二）", "提升现代服务业")
        clause = section.add(PlanNode(CLAUSE, "ch02/s02/p02", "2.", "发展科技服务",
                                      "发展科技服务。建设科技成果转化中心，区科技局牵头组织技术交易活动。"))
        found = suggest_for_node(clause, departments, plan.indicators)
        assert lead_names(found).index("区科技局") < lead_names(found).index("市科技局")
        city = next(s for s in found.lead if s.department.name == "市科技局")
        assert not any(e.is_name for e in city.evidence)
        # a mention of the city unit itself still counts, beside the district's
        clause.text = "市科技局、区科技局共同组织技术交易活动。"
        found = suggest_for_node(clause, departments, plan.indicators)
        city = next(s for s in found.lead if s.department.name == "市科技局")
        assert any(e.is_name for e in city.evidence)
    finally:
        segment.initialise(departments=registry)
