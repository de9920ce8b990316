"""Each variant of the same document gives the same tree.

The variants are built here from the seed: re-encoded, with BOM and CRLF,
full-width spaces, markdown markup, headings run into body lines as PDF
extraction leaves them, a 篇 level, and a .docx written with python-docx.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.core import plan as P
from workbench.core.importing import import_file
from workbench.core.importing.headings import match_heading


def shape(plan, *, under: P.PlanNode | None = None):
    nodes = (under or plan.root).walk()
    return [(n.kind, n.key, n.label, n.title, n.text) for n in nodes]


def indicators(plan):
    return [i.as_dict() for i in plan.indicators]


@pytest.fixture(scope="module")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, encode",
    [
        ("utf8-bom.txt", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("gb18030.txt", lambda t: t.encode("gb18030")),
        ("gbk.txt", lambda t: t.encode("gbk")),
        ("crlf.txt", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("bom-crlf-gb.txt", lambda t: t.replace("\n", "\r\n").encode("gb18030")),
    ],
)
def test_encodings_and_line_ends(tmp_path, seed_plan, seed_text, name, encode):
    plan = import_file(write(tmp_path, name, encode(seed_text)))
    assert shape(plan) == shape(seed_plan)
    assert indicators(plan) == indicators(seed_plan)
    assert plan.warnings == []


def _map_headings(text: str, fn) -> str:
    out = []
    for line in text.split("\n"):
        out.append(fn(line) if match_heading(line.strip()) else line)
    return "\n".join(out)


def test_full_width_space_after_number(tmp_path, seed_plan, seed_text):
    variant = _map_headings(seed_text, lambda l: re.sub(r"^(\s*第\S+?[章节])\s+", "\\1\u3000", l))
    assert "第一章\u3000科学把握" in variant
    assert shape(import_file(write(tmp_path, "fw.txt", variant.encode()))) == shape(seed_plan)


def test_markdown_bold_and_hash_headings(tmp_path, seed_plan, seed_text):
    def markup(line: str) -> str:
        s = line.strip()
        if s.startswith("第") and "章" in s[:5]:
            return "# **" + s + "**"
        return "**" + s + "**" if s.startswith(("第", "专栏")) else line

    variant = _map_headings(seed_text, markup)
    assert "# **第一章" in variant and "**第一节" in variant
    assert shape(import_file(write(tmp_path, "md.txt", variant.encode()))) == shape(seed_plan)


def test_headings_run_into_body_as_pdf_extraction_leaves_them(tmp_path, seed_plan, seed_text):
    lines = seed_text.split("\n")
    toc_end = next(i for i, l in enumerate(lines) if i > 20 and l.startswith("第一章"))
    out, i, joined = lines[:toc_end], toc_end, 0
    while i < len(lines):
        line = lines[i]
        h = match_heading(line.strip())
        if h is not None and h.kind == P.SECTION:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            nxt = lines[j].strip() if j < len(lines) else ""
            if nxt and not match_heading(nxt) and nxt.endswith("。"):
                out.append(line.strip() + nxt)  # "第一节  指导思想坚持马克思列宁主义…"
                joined += 1
                i = j + 1
                continue
        out.append(line)
        i += 1
    assert joined > 50
    plan = import_file(write(tmp_path, "pdf.txt", "\n".join(out).encode()))
    assert shape(plan) == shape(seed_plan)


def test_part_level_above_chapters(tmp_path, seed_plan, seed_text):
    lines = seed_text.split("\n")
    toc_end = next(i for i, l in enumerate(lines) if i > 20 and l.startswith("第一章"))
    body = "\n".join(lines[toc_end:])
    body = body.replace("\n第三章", "\n第二篇  协同发展\n\n第三章", 1)
    toc = "\n".join(lines[:toc_end]).replace("目录\n", "目录\n第一篇  总体要求\n", 1)
    toc = toc.replace("\n第三章", "\n第二篇  协同发展\n第三章", 1)
    variant = toc + "\n第一篇  总体要求\n" + body
    plan = import_file(write(tmp_path, "parts.txt", variant.encode()))
    parts = [n for n in plan.root.children if n.kind == P.PART]
    assert [(p.key, p.label, p.title) for p in parts] == [("pt01", "第一篇", "总体要求"), ("pt02", "第二篇", "协同发展")]
    assert [c.key for c in parts[0].children] == ["ch01", "ch02"]
    assert len(parts[1].children) == 15
    chapters = lambda p: [shape(p, under=c) for c in p.nodes() if c.kind == P.CHAPTER]  # noqa: E731
    assert chapters(plan) == chapters(seed_plan)
    assert indicators(plan) == indicators(seed_plan)
    assert [e.label for e in plan.toc if e.kind == P.PART] == ["第一篇", "第二篇"]
    # A body that opens with a 篇 its contents do not list keeps that 篇 out of the contents.
    unlisted = import_file(write(tmp_path, "parts2.txt", ("\n".join(lines[:toc_end]) + "\n第一篇  总体要求\n"
                                                          + body).encode()))
    assert [p.label for p in unlisted.root.children if p.kind == P.PART] == ["第一篇", "第二篇"]


def test_docx_with_heading_styles(tmp_path, seed_plan, seed_text):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in seed_text.split("\n"):
        h = match_heading(line.strip())
        if h is not None and h.kind in (P.CHAPTER, P.SECTION):
            document.add_paragraph(line.strip(), style="Heading 1" if h.kind == P.CHAPTER else "Heading 2")
        else:
            document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    plan = import_file(path)
    assert shape(plan) == shape(seed_plan)
    assert indicators(plan) == indicators(seed_plan)


def test_docx_indicator_table_as_a_real_table(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ["某市国民经济和社会发展第十五个五年规划纲要", "第一章  总体要求", "第一节  主要目标",
                 "到2030年，发展质量明显提升。", "专栏1  主要指标"]:
        document.add_paragraph(text)
    rows = [["序号", "指标", "2025年", "2030年", "属性"], ["经济发展（1个）", "", "", "", ""],
            ["1", "地区生产总值增长（%）", "5*", "5左右*", "预期性"]]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("注：*为五年平均数。")
    document.add_paragraph("第二章  产业发展")
    document.add_paragraph("加快发展现代产业体系。推动制造业升级。")
    path = tmp_path / "small.docx"
    document.save(str(path))
    plan = import_file(path)
    (ind,) = plan.indicators
    assert (ind.category, ind.name, ind.unit, ind.base_value, ind.five_year_average) == (
        "经济发展", "地区生产总值增长", "%", "5*", True,
    )
    assert plan.root.find("box01/table") is not None
    assert plan.root.find("ch02/p01").title == "加快发展现代产业体系"


def test_district_plan_numbered_with_enumerated_levels():
    from workbench.core.importing import import_lines

    text = """某区国民经济和社会发展第十五个五年规划纲要

一、发展基础
“十四五”时期，全区经济持续发展。各项事业取得新进展。

（一）主要成就
经济实力稳步提升。地区生产总值年均增长6%。

二、重点任务
（一）推动产业升级
加快发展先进制造业。推动传统产业改造。

专栏1  重点工程
（一）产业项目。建设智能制造园区。
（二）民生项目。新建学校3所。

（二）改善民生
扩大优质教育供给。"""
    plan = import_lines(text.split("\n"), "district.txt")
    chapters = [n for n in plan.root.children if n.kind == P.CHAPTER]
    assert [(c.key, c.label, c.title) for c in chapters] == [("ch01", "一、", "发展基础"), ("ch02", "二、", "重点任务")]
    assert [(s.key, s.title) for s in chapters[1].children if s.kind == P.SECTION] == [
        ("ch02/s01", "推动产业升级"), ("ch02/s02", "改善民生"),
    ]
    box = plan.root.find("box01")
    assert box.parent.key == "ch02/s01"
    assert [(i.label, i.title) for i in box.children] == [("（一）", "产业项目"), ("（二）", "民生项目")]
    assert plan.root.find("ch01/p01").text.startswith("“十四五”时期")
