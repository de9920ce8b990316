"""Department suggestions for a clause, and the picker's list."""

from __future__ import annotations

import pytest

from workbench.core import segment
from workbench.core.departments import Department
from workbench.core.suggest import picker_matches, suggest_for_text


@pytest.fixture(scope="module", autouse=True)
def segmenter(tmp_path_factory):
    segment.initialise(cache_dir=tmp_path_factory.mktemp("jieba"))


def dept(name, full_name, kind, aliases=(), keywords=(), position=0, retired=False):
    return Department(name, full_name, kind, list(aliases), list(keywords), position=position, retired=retired)


@pytest.fixture
def departments():
    return [
        dept("市发展改革委", "天津市发展和改革委员会", "government_department", ["市发改委"], ["规划", "投资"], 0),
        dept("市教委", "天津市教育委员会", "government_department", ["教委"], ["教育", "学校", "高校", "职业教育"], 1),
        dept("市财政局", "天津市财政局", "government_department", [], ["财政", "预算", "债务"], 2),
        dept("市交通运输委", "天津市交通运输委员会", "government_department", [], ["港口", "交通", "航运"], 3),
        dept("市商务局", "天津市商务局", "government_department", [], ["会展", "消费"], 4),
        dept("滨海新区政府", "天津市滨海新区人民政府", "district_government", ["滨海新区"], ["开发区"], 5),
        dept("天津港集团", "天津港（集团）有限公司", "enterprise", [], ["港口", "天津港", "码头"], 6),
        dept("市委教育工委", "中共天津市委教育工作委员会", "party_organ", [], ["思政课"], 7),
        dept("市粮食局", "天津市粮食和物资储备局", "government_department", [], ["财政", "粮食"], 8, retired=True),
    ]


def names(items):
    return [getattr(i, "department", i).name for i in items]


def test_a_finance_clause_suggests_the_finance_bureau_first(departments):
    text = "深化财税体制改革。加强财政资源和预算统筹，防范化解地方政府债务风险，优化财政支出结构。"
    result = suggest_for_text(text, departments)
    assert names(result)[0] == "市财政局"
    assert set(result[0].words) == {"财政", "预算", "债务"}
    assert result[0].words[0] == "财政"  # the word found most often leads
    assert "市粮食局" not in names(result)  # retired


def test_retired_departments_only_when_asked(departments):
    text = "加强财政资源统筹。"
    assert "市粮食局" in names(suggest_for_text(text, departments, include_retired=True))
    assert "市粮食局" not in names(suggest_for_text(text, departments))


def test_only_departments_with_hits_and_the_limit(departments):
    text = "推进港口智慧化改造，提升航运服务能级。"
    result = suggest_for_text(text, departments)
    assert set(names(result)) == {"市交通运输委", "天津港集团"}
    assert all(s.score > 0 for s in result)
    assert len(suggest_for_text(text, departments, limit=1)) == 1
    assert suggest_for_text(text, departments, limit=0) == []


def test_shared_keyword_is_split_and_distinct_words_win(departments):
    # 港口 is on two departments; 航运 only on the transport commission
    text = "推进港口建设，发展航运服务。"
    result = {s.department.name: s for s in suggest_for_text(text, departments, lead="")}
    assert result["市交通运输委"].score > result["天津港集团"].score
    assert result["天津港集团"].score == pytest.approx(0.5)  # half of one hit of 港口


def test_lead_phrase_hits_weigh_more(departments):
    in_lead = "提升港口服务水平。推动城市更新和消费升级。"
    in_body = "提升城市服务水平。推动港口更新和消费升级。"
    score = {t: {s.department.name: s.score for s in suggest_for_text(t, departments)} for t in (in_lead, in_body)}
    assert score[in_lead]["天津港集团"] > score[in_body]["天津港集团"]
    explicit = suggest_for_text(in_body, departments, lead="港口")
    assert {s.department.name: s.score for s in explicit}["天津港集团"] > score[in_body]["天津港集团"]


def test_department_named_in_the_text_counts_more_than_a_keyword(departments):
    text = "支持滨海新区建设开发区。"
    result = suggest_for_text(text, departments)
    assert names(result) == ["滨海新区政府"]
    assert result[0].words[0] == "滨海新区"
    assert result[0].score > 3.0


def test_two_character_keyword_must_be_a_word_of_the_text(departments):
    # 会展 occurs as characters in 全会展开 but jieba cuts 全会 / 展开
    assert "市商务局" not in names(suggest_for_text("全会展开讨论。", departments))
    assert "市商务局" in names(suggest_for_text("建设国家会展中心。", departments))


def test_repeats_add_less_and_less(departments):
    once = {s.department.name: s.score for s in suggest_for_text("发展职业学校。", departments)}
    many = {s.department.name: s.score for s in suggest_for_text("学校学校学校学校。", departments)}
    assert once["市教委"] < many["市教委"] < 4 * once["市教委"]


def test_empty_text_gives_nothing(departments):
    assert suggest_for_text("", departments) == []
    assert suggest_for_text("   ", departments) == []
    assert suggest_for_text("没有相关内容。", departments) == []


def test_seed_clauses_get_plausible_leads(seed_plan):
    from workbench import paths
    from workbench.core.departments import load_registry

    registry = load_registry(paths.DEPARTMENTS_FILE)
    expected = {"ch08/s02/p01": "市财政局", "box13/i01": "天津港集团", "ch05/s04/p01": "市教委"}
    for key, lead in expected.items():
        node = seed_plan.root.find(key)
        assert names(suggest_for_text(node.text, registry))[0] == lead, key


@pytest.mark.parametrize("query", ["教委", "教育", "市教委"])
def test_picker_finds_by_any_part_of_name_or_alias(departments, query):
    found = names(picker_matches(query, departments))
    assert "市教委" in found
    if query != "教育":  # 教育 is also part of the name 市委教育工委, which ranks first
        assert found[0] == "市教委"
    assert "市财政局" not in found


def test_picker_ranks_the_education_commission_first_for_jiaoyu_in_the_registry():
    from workbench import paths
    from workbench.core.departments import load_registry

    registry = load_registry(paths.DEPARTMENTS_FILE)  # 市教委 has the alias 市教育委员会
    assert names(picker_matches("教育", registry))[0] == "市教委"


def test_picker_matches_full_name_and_alias(departments):
    assert names(picker_matches("发改委", departments)) == ["市发展改革委"]
    assert names(picker_matches("发展和改革", departments)) == ["市发展改革委"]
    assert "市粮食局" not in names(picker_matches("粮食", departments))
    assert names(picker_matches("粮食", departments, include_retired=True)) == ["市粮食局"]


def test_picker_with_empty_query_lists_suggestions_then_everyone(departments):
    clause = "加强财政预算管理，支持港口建设。"
    listed = names(picker_matches("", departments, clause_text=clause))
    suggested = names(suggest_for_text(clause, departments))
    assert listed[: len(suggested)] == suggested
    assert suggested[0] == "市财政局"
    active = [d.name for d in departments if not d.retired]
    assert sorted(listed) == sorted(active)  # everyone once, retired left out
    assert len(picker_matches("", departments, clause_text=clause, limit=3)) == 3
    assert names(picker_matches("", departments))[0] == "市委教育工委"  # no clause: official order, party first
