"""The indicator table (专栏1) field by field."""

from __future__ import annotations

import pytest


def by_key(plan):
    return {i.key: i for i in plan.indicators}


def test_twenty_five_rows_and_sub_rows(seed_plan):
    top = [i for i in seed_plan.indicators if i.parent_key is None]
    assert [i.number for i in top] == [str(n) for n in range(1, 26)]
    subs = [(i.key, i.name, i.parent_key) for i in seed_plan.indicators if i.parent_key]
    assert subs == [
        ("ind10.1", "与京冀技术合同成交额", "ind10"),
        ("ind17.1", "执业医师数", "ind17"),
        ("ind17.2", "注册护士数", "ind17"),
    ]


@pytest.mark.parametrize(
    "key, category, name, unit, base, target, attribute",
    [
        ("ind1", "高质量发展", "地区生产总值增长", "%", "4.4*", "4.5*—5*", "预期性"),
        ("ind7", "科技创新", "每万人口高价值发明专利拥有量", "件", "25.2", "32", "预期性"),
        ("ind10", "科技创新", "全市技术合同成交额", "亿元", "2211", "3000", "预期性"),
        ("ind10.1", "科技创新", "与京冀技术合同成交额", "亿元", "500", "725", "预期性"),
        ("ind12", "改革开放", "天津港集装箱吞吐量", "万标准箱", "2403", "2900", "预期性"),
        ("ind15", "生活品质", "劳动年龄人口平均受教育年限", "年", "12.3", "12.4", "约束性"),
        ("ind17", "生活品质", "每千人口拥有医护人员数", "", "", "", "预期性"),
        ("ind17.2", "生活品质", "注册护士数", "人", "4", "5.1", "预期性"),
        ("ind19", "美丽天津", "单位地区生产总值二氧化碳排放降低", "%", "—", "完成经国家审核衔接后确定的目标", "约束性"),
        ("ind21", "美丽天津", "细颗粒物（PM2.5）浓度", "微克/立方米", "36.2", "完成经国家审核衔接后确定的目标", "约束性"),
        ("ind24", "安全韧性", "粮食综合生产能力", "万吨", "279.2", "≥250", "约束性"),
        ("ind25", "安全韧性", "能源综合生产能力", "万吨标准煤", "6950", "7450", "约束性"),
    ],
)
def test_indicator_fields(seed_plan, key, category, name, unit, base, target, attribute):
    ind = by_key(seed_plan)[key]
    assert (ind.category, ind.name, ind.unit, ind.base_value, ind.target_value, ind.attribute) == (
        category, name, unit, base, target, attribute,
    )
    assert (ind.base_year, ind.target_year) == (2025, 2030)


def test_categories_cover_the_header_counts(seed_plan):
    top = [i for i in seed_plan.indicators if i.parent_key is None]
    counts = {}
    for i in top:
        counts[i.category] = counts.get(i.category, 0) + 1
    assert counts == {"高质量发展": 5, "科技创新": 5, "改革开放": 2, "生活品质": 6, "美丽天津": 5, "安全韧性": 2}


def test_footnote_kept_and_markers_interpreted(seed_plan):
    assert seed_plan.indicator_footnote.startswith("注：〔〕为五年累计数，*为五年平均数。")
    inds = by_key(seed_plan)
    averages = sorted(k for k, i in inds.items() if i.five_year_average)
    assert averages == ["ind1", "ind11", "ind13", "ind2"]
    assert not any(i.five_year_cumulative for i in inds.values())
    estimated = {k for k, i in inds.items() if i.base_estimated}
    assert estimated == {
        "ind2", "ind6", "ind8", "ind15", "ind16", "ind17", "ind17.1", "ind17.2", "ind18", "ind20", "ind25",
    }


def test_cumulative_marker_and_one_row_per_line():
    from workbench.core.importing.indicator_table import parse_indicator_table

    table = parse_indicator_table(
        [
            "\t序号\t指标\t2025年\t2030年\t属性",
            "\t绿色发展（1个）",
            "\t1\t新增造林面积（万亩）\t〔30〕\t〔40〕\t约束性",
            "\t\t其中：平原造林（万亩）\t〔10〕\t〔12〕\t",
        ],
        "注：〔〕为五年累计数。第1指标2025年数值为预计数。",
    )
    ind, sub = table.indicators
    assert (ind.name, ind.unit, ind.five_year_cumulative, ind.base_estimated) == ("新增造林面积", "万亩", True, True)
    assert (sub.key, sub.name, sub.base_value, sub.attribute) == ("ind1.1", "平原造林", "〔10〕", "约束性")
    assert table.warnings == []
