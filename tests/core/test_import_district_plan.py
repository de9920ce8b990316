"""A district plan laid out 一、/（一）/1., the way the authors did not tune on (QA pass).

Each case is a defect found by importing such a plan: the test fails without its fix.
"""

from __future__ import annotations

from workbench.core import plan as P
from workbench.core.importing import import_lines


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


DOC_BOX_ARABIC_PAREN = """河东区规划纲要
一、加快建设现代化产业体系
（一）做强先进制造业
1. 推动智能制造升级。实施工业技术改造三年行动。
专栏1 先进制造业重点工程
（1）智能工厂建设工程。新建市级智能工厂10家。
（2）产业园区提升工程。完成东部园区道路和管网改造。

（二）提升现代服务业
1. 发展商贸服务。培育夜间经济集聚区。

二、保障措施
（一）加强组织领导。各部门要落实主体责任。"""


def test_box_items_numbered_1_in_parentheses_are_items():
    plan = import_lines(DOC_BOX_ARABIC_PAREN.splitlines())
    box = next(n for n in _walk(plan.root) if n.kind == P.BOX)
    items = [c for c in box.children if c.kind == P.BOX_ITEM]
    assert [(i.label, i.title) for i in items] == [("（1）", "智能工厂建设工程"), ("（2）", "产业园区提升工程")]
    assert items[0].text == "智能工厂建设工程。新建市级智能工厂10家。"


DOC_CAPTIONED_TABLE = """河东区规划纲要
一、发展基础和总体要求
（一）主要目标
到2030年，全区经济实力、科技实力、综合竞争力明显提升。

主要指标表
序号\t指标\t2025年\t2030年\t属性
1\t地区生产总值增速（%）\t5.2\t6左右\t预期性
2\t研发经费投入强度（%）\t2.1\t3.0\t预期性
3\t城镇调查失业率（%）\t<5.5\t<5.5\t约束性

二、加快建设现代化产业体系
（一）做强先进制造业
1. 推动智能制造升级。实施工业技术改造三年行动。"""


def test_indicator_table_under_a_caption_outside_any_box_is_read_as_indicators():
    """Word and PDF give the same tab-separated rows; a caption line, not a 专栏, introduces the table.

    Before: the caption and every row became taggable clauses (「1地区生产总值增速（%）5.26左右…」).
    """
    from workbench.core.importing import fidelity

    lines = DOC_CAPTIONED_TABLE.splitlines()
    plan = import_lines(lines)
    assert [(i.number, i.name, i.unit, i.base_value, i.target_value, i.attribute) for i in plan.indicators] == [
        ("1", "地区生产总值增速", "%", "5.2", "6左右", "预期性"),
        ("2", "研发经费投入强度", "%", "2.1", "3.0", "预期性"),
        ("3", "城镇调查失业率", "%", "<5.5", "<5.5", "约束性"),
    ]
    tables = [n for n in _walk(plan.root) if n.kind == P.INDICATOR_TABLE]
    assert [(t.key, t.title) for t in tables] == [("ch01/s01/table", "主要指标表")]
    section = plan.root.children[0].children[0]
    assert [c.kind for c in section.children] == [P.CLAUSE, P.INDICATOR_TABLE]
    assert not any(n.kind == P.CLAUSE and "序号" in n.text + n.title for n in _walk(plan.root))
    chapter2 = plan.root.children[1]
    assert (chapter2.label, chapter2.children[0].label) == ("二、", "（一）")
    report = fidelity.check(plan, lines)
    assert not report.lost and not report.duplicated


def test_indicator_table_with_a_growth_column_keeps_values_in_their_fields():
    """序号 指标 2025年 2030年 年均增长 属性: district tables add a 年均增长 (or 累计) column.

    Before: the extra column shifted every value: indicator 1 lost its values and a sub-row 1.1 named 「5.2」
    appeared, silently.
    """
    from workbench.core.importing import fidelity

    lines = DOC_CAPTIONED_TABLE.replace("序号\t指标\t2025年\t2030年\t属性", "序号\t指标\t2025年\t2030年\t年均增长\t属性") \
        .replace("5.2\t6左右\t", "5.2\t6左右\t—\t").replace("2.1\t3.0\t", "2.1\t3.0\t[0.9]\t") \
        .replace("<5.5\t<5.5\t", "<5.5\t<5.5\t—\t").splitlines()
    plan = import_lines(lines)
    assert [(i.number, i.name, i.base_value, i.target_value, i.attribute) for i in plan.indicators] == [
        ("1", "地区生产总值增速", "5.2", "6左右（年均增长：—）", "预期性"),
        ("2", "研发经费投入强度", "2.1", "3.0（年均增长：[0.9]）", "预期性"),
        ("3", "城镇调查失业率", "<5.5", "<5.5（年均增长：—）", "约束性"),
    ]
    assert any("年均增长" in w for w in plan.warnings)
    report = fidelity.check(plan, lines)
    assert not report.lost and not report.duplicated


def test_indicator_table_with_a_unit_column():
    lines = DOC_CAPTIONED_TABLE.replace("序号\t指标\t2025年", "序号\t指标\t单位\t2025年") \
        .replace("地区生产总值增速（%）\t", "地区生产总值增速\t%\t").replace("研发经费投入强度（%）\t", "研发经费投入强度\t%\t") \
        .replace("城镇调查失业率（%）\t", "城镇调查失业率\t%\t").splitlines()
    plan = import_lines(lines)
    assert [(i.number, i.name, i.unit, i.base_value, i.target_value) for i in plan.indicators] == [
        ("1", "地区生产总值增速", "%", "5.2", "6左右"),
        ("2", "研发经费投入强度", "%", "2.1", "3.0"),
        ("3", "城镇调查失业率", "%", "<5.5", "<5.5"),
    ]


def test_rtf_odt_and_html_are_refused_with_what_to_do(tmp_path):
    """QA: an .rtf (WordPad, 'save as RTF') was imported as a text plan titled 「{\\rtf1\\ansi…」 with its
    markup as clauses; an .odt gave a zip library's message; a saved web page would be read tag by tag."""
    import zipfile

    import pytest

    from workbench.core.importing import PlanImportError, import_file

    body = DOC_CAPTIONED_TABLE.replace("\t", " ")
    rtf = tmp_path / "plan.rtf"
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c) - 65536 if ord(c) > 32767 else ord(c)}?" for c in body)
    rtf.write_text("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\n" + escaped.replace("\n", "\\par\n")
                   + "}", encoding="ascii")
    odt = tmp_path / "plan.odt"
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    html = tmp_path / "plan.txt"  # a web page saved under a text name
    html.write_text("\ufeff\n<!DOCTYPE html>\n<html><body><p>" + body.replace("\n", "</p><p>") + "</p></body></html>",
                    encoding="utf-8")
    for path, words in ((rtf, "RTF"), (odt, "OpenDocument"), (html, "web page")):
        with pytest.raises(PlanImportError) as err:
            import_file(path)
        assert words in str(err.value) and ".docx" in str(err.value), str(err.value)


DOC_CATEGORY_COLUMN = """河东区规划纲要
一、发展基础和总体要求
（一）主要目标
到2030年，全区经济实力明显提升。

表1 河东区“十五五”时期经济社会发展主要指标
类别\t序号\t指标\t单位\t2025年\t2030年\t年均增长\t属性
经济发展\t1\t地区生产总值增速\t%\t5.2\t6左右\t—\t预期性
\t2\t研发经费投入强度\t%\t2.1\t3.0\t[0.9]\t预期性
民生福祉\t3\t城镇调查失业率\t%\t<5.5\t<5.5\t—\t约束性

二、加快建设现代化产业体系
（一）做强先进制造业
推动智能制造升级。"""


def test_indicator_table_with_a_leading_category_column():
    """类别 | 序号 | 指标 | 单位 | …: the category cell (merged down in Word) opens each group."""
    from workbench.core.importing import fidelity

    lines = DOC_CATEGORY_COLUMN.splitlines()
    plan = import_lines(lines)
    assert [(i.number, i.category, i.name, i.unit, i.base_value, i.target_value, i.attribute)
            for i in plan.indicators] == [
        ("1", "经济发展", "地区生产总值增速", "%", "5.2", "6左右（年均增长：—）", "预期性"),
        ("2", "经济发展", "研发经费投入强度", "%", "2.1", "3.0（年均增长：[0.9]）", "预期性"),
        ("3", "民生福祉", "城镇调查失业率", "%", "<5.5", "<5.5（年均增长：—）", "约束性"),
    ]
    table = next(n for n in _walk(plan.root) if n.kind == P.INDICATOR_TABLE)
    assert table.title == "表1 河东区“十五五”时期经济社会发展主要指标"
    report = fidelity.check(plan, lines)
    assert not report.lost and not report.duplicated
