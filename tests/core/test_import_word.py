"""The seed plan saved as Word files the way offices save them imports to the seed's own tree.

Documents are built in the tests with python-docx (tests/seed_documents.py):
with and without a contents list, with typed and with automatic (w:numPr)
chapter numbers, with 专栏 as one-cell tables and in text boxes.
"""

from __future__ import annotations

import pytest

from tests.seed_documents import seed_docx
from workbench.core import plan as P
from workbench.core.importing import import_file

pytest.importorskip("docx")


def shape(plan):
    return [(n.kind, n.key, n.label, n.title, n.text) for n in plan.nodes()]


def indicators(plan):
    return [i.as_dict() for i in plan.indicators]


@pytest.mark.parametrize("contents", [True, False], ids=["contents", "no-contents"])
@pytest.mark.parametrize("numbering", ["typed", "auto"])
@pytest.mark.parametrize("boxes", ["tables", "textboxes"])
def test_seed_as_word_gives_the_seed_tree(tmp_path, seed_plan, contents, numbering, boxes):
    path = seed_docx(seed_plan, tmp_path / "seed.docx", contents=contents, numbering=numbering, boxes=boxes)
    plan = import_file(path)
    assert (plan.count(P.CHAPTER), plan.count(P.SECTION), plan.count(P.BOX), plan.count(P.BOX_ITEM)) == (17, 66, 23, 73)
    assert len([i for i in plan.indicators if not i.parent_key]) == 25
    assert len([i for i in plan.indicators if i.parent_key]) == 3
    assert indicators(plan) == indicators(seed_plan)
    assert plan.title == seed_plan.title
    assert shape(plan) == shape(seed_plan)
    assert plan.fidelity.ok
    assert plan.warnings == []


def test_automatic_numbers_are_the_numbers_a_reader_sees(tmp_path, seed_plan):
    path = seed_docx(seed_plan, tmp_path / "auto.docx", contents=False, numbering="auto")
    plan = import_file(path)
    chapters = [n for n in plan.nodes() if n.kind == P.CHAPTER]
    assert [c.label for c in chapters][9:12] == ["第十章", "第十一章", "第十二章"]
    assert [s.label for s in chapters[10].children if s.kind == P.SECTION] == [
        "第一节", "第二节", "第三节", "第四节", "第五节", "第六节"]


def test_repeated_indicator_number_is_named_with_file_location_and_number(tmp_path, seed_plan):
    path = seed_docx(seed_plan, tmp_path / "typo.docx", repeat_number="7")
    plan = import_file(path)
    (warning,) = [w for w in plan.warnings if "indicator number" in w]
    assert "typo.docx" in warning and "table 1 row" in warning and "7" in warning
    assert [i.key for i in plan.indicators if i.number.startswith("7")] == ["ind7", "ind7~2"]
    assert plan.fidelity.ok


def test_heading_styles_without_numbers_are_chapters_and_sections(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某区数字经济发展专项规划", style="Title")
    document.add_paragraph("为加快数字经济发展，制定本规划。")
    for chapter, sections in (("发展基础", ["现状", "问题"]), ("重点任务", ["数字产业化"])):
        document.add_paragraph(chapter, style="Heading 1")
        for section in sections:
            document.add_paragraph(section, style="Heading 2")
            document.add_paragraph(f"{section}方面的工作要扎实推进。")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    plan = import_file(path)
    assert [(n.key, n.title) for n in plan.nodes() if n.kind in (P.CHAPTER, P.SECTION)] == [
        ("ch01", "发展基础"), ("ch01/s01", "现状"), ("ch01/s02", "问题"), ("ch02", "重点任务"), ("ch02/s01", "数字产业化"),
    ]
    assert plan.root.find("ch02/s01/p01").text == "数字产业化方面的工作要扎实推进。"
    assert plan.root.find("p01").text == "为加快数字经济发展，制定本规划。"
    assert plan.fidelity.ok


def test_indicator_table_with_the_box_title_as_its_first_row(tmp_path, seed_plan):
    path = seed_docx(seed_plan, tmp_path / "title-row.docx", contents=False, numbering="typed", title_row=True)
    plan = import_file(path)
    assert indicators(plan) == indicators(seed_plan)
    assert shape(plan) == shape(seed_plan)
    assert plan.fidelity.ok and plan.warnings == []


def test_list_numbering_carried_by_the_heading_styles(tmp_path):
    """Offices often number chapters by linking Heading 1/2 to a list: the paragraphs carry no numPr."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from tests.seed_documents import add_list_numbering

    document = docx.Document()
    num_id = add_list_numbering(document)
    for level, name in ((0, "Heading 1"), (1, "Heading 2")):
        ppr = document.styles[name].element.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.add_paragraph("某区专项规划", style="Title")
    for chapter in ("总体要求", "重点任务", "保障措施"):
        document.add_paragraph(chapter, style="Heading 1")
        for section in ("目标", "措施"):
            document.add_paragraph(section, style="Heading 2")
            document.add_paragraph(f"{chapter}的{section}要落到实处。")
    path = tmp_path / "style-numbered.docx"
    document.save(str(path))
    plan = import_file(path)
    chapters = [(n.key, n.label, n.title) for n in plan.nodes() if n.kind == P.CHAPTER]
    assert chapters == [("ch01", "第一章", "总体要求"), ("ch02", "第二章", "重点任务"), ("ch03", "第三章", "保障措施")]
    assert [n.label for n in plan.root.find("ch03").children if n.kind == P.SECTION] == ["第一节", "第二节"]
    assert plan.fidelity.ok
