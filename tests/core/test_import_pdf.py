"""PDF plans: the seed saved as .docx (python-docx) and rendered to PDF by LibreOffice headless.

The PDF has a running header, page numbers in the footer, 专栏 drawn as
one-cell tables (some broken over pages), and the indicator table ruled and
broken over pages (with a row split across a page break).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.seed_documents import seed_docx
from workbench.core import plan as P
from workbench.core.importing import PlanImportError, import_file
from workbench.core.plan import normalise_text

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytest.importorskip("pdfplumber")


def to_pdf(docx_path):
    out = docx_path.parent
    subprocess.run([LIBREOFFICE, "--headless", f"-env:UserInstallation=file://{out}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(out), str(docx_path)], check=True, capture_output=True, timeout=300)
    return docx_path.with_suffix(".pdf")


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory, seed_plan):
    if LIBREOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("pdf")
    docx = seed_docx(seed_plan, folder / "seed.docx", contents=True, numbering="auto", boxes="tables",
                     page_furniture=True)
    return to_pdf(docx)


@pytest.fixture(scope="module")
def pdf_plan(seed_pdf):
    return import_file(seed_pdf)


def shape(plan):
    """The tree as node ids see it: whitespace inside CJK text is not content (PDFs do not keep it)."""
    return [(n.kind, n.key, n.label, normalise_text(n.title), normalise_text(n.text)) for n in plan.nodes()]


def test_seed_pdf_gives_the_seed_tree(pdf_plan, seed_plan):
    plan = pdf_plan
    assert (plan.count(P.CHAPTER), plan.count(P.SECTION), plan.count(P.BOX), plan.count(P.BOX_ITEM)) == (17, 66, 23, 73)
    assert [i.as_dict() for i in plan.indicators] == [i.as_dict() for i in seed_plan.indicators]
    assert len([i for i in plan.indicators if i.parent_key]) == 3
    assert plan.title == seed_plan.title
    assert shape(plan) == shape(seed_plan)
    assert [(n.key, n.content_hash) for n in plan.nodes()] == [(n.key, n.content_hash) for n in seed_plan.nodes()]
    assert plan.fidelity.ok and plan.warnings == []


def test_page_furniture_is_skipped_with_its_page(pdf_plan):
    plan = pdf_plan
    furniture = [(line, text) for line, text, reason in plan.skipped if reason == "page header or footer"]
    pages = {plan.locate(line).split(" (")[0] for line, _ in furniture}
    assert len(pages) > 50  # every page: a running header and a page number
    assert all(text == plan.title or text.isdigit() for _, text in furniture)


def test_a_scanned_pdf_is_refused_with_that_reason(tmp_path):
    from PIL import Image

    path = tmp_path / "scan.pdf"
    Image.new("RGB", (600, 800), "white").save(path)
    with pytest.raises(PlanImportError) as info:
        import_file(path)
    assert str(path) in str(info.value) and "no text layer" in str(info.value)


def test_a_broken_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 3)
    with pytest.raises(PlanImportError) as info:
        import_file(path)
    assert str(path) in str(info.value)


PDFTOTEXT = shutil.which("pdftotext")


def pdftotext(pdf, *options):
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = pdf.with_name(pdf.stem + ("-layout" if options else "-plain") + ".txt")
    subprocess.run([PDFTOTEXT, *options, str(pdf), str(out)], check=True, timeout=120)
    return out


def test_pdftotext_layout_output_keeps_the_indicator_table_and_whole_paragraphs(seed_pdf, seed_plan):
    """Failure 6: the table survives as structured indicators; no paragraph split at a page break."""
    plan = import_file(pdftotext(seed_pdf, "-layout"))
    assert [i.as_dict() for i in plan.indicators] == [i.as_dict() for i in seed_plan.indicators]
    assert shape(plan) == shape(seed_plan)
    assert plan.title == seed_plan.title
    assert plan.fidelity.ok
    assert {reason for _, _, reason in plan.skipped} == {"contents", "page number or running header"}


def test_pdftotext_plain_output_keeps_the_table_text_and_says_so(seed_pdf, seed_plan):
    """Without -layout, pdftotext prints a ruled table column by column and page by page: its rows cannot
    be put back together.  The table's text is kept in the table node (never lost), no indicators are
    guessed, and a warning names the line and says how to get structured indicators."""
    plan = import_file(pdftotext(seed_pdf))
    assert plan.indicators == [] and plan.fidelity.ok
    (warning,) = [w for w in plan.warnings if "indicator table" in w]
    assert warning.startswith("line ") and "could not be read into rows" in warning and "-layout" in warning
    table = plan.root.find("box01/table")
    for indicator in seed_plan.indicators:
        assert normalise_text(indicator.name)[:4] in normalise_text(table.text)
    assert (plan.count(P.CHAPTER), plan.count(P.SECTION), plan.count(P.BOX)) == (17, 66, 23)


def test_unnumbered_headings_set_larger_are_chapters_and_sections(tmp_path):
    """Headings from size: Heading 1/2 paragraphs with no number, rendered larger than the body."""
    if LIBREOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    document.styles["Normal"].paragraph_format.first_line_indent = Pt(24)
    document.add_paragraph("某区数字经济发展专项规划", style="Title")
    document.add_paragraph("为加快数字经济发展，根据有关规定，制定本规划。")
    for chapter, sections in (("发展基础", ["现状", "问题"]), ("重点任务", ["数字产业化"])):
        document.add_paragraph(chapter, style="Heading 1")
        for section in sections:
            document.add_paragraph(section, style="Heading 2")
            document.add_paragraph(f"{section}方面的工作要扎实推进，做到有计划、有步骤、有成效。")
    document.save(str(tmp_path / "styled.docx"))
    plan = import_file(to_pdf(tmp_path / "styled.docx"))
    assert [(n.key, n.title) for n in plan.nodes() if n.kind in (P.CHAPTER, P.SECTION)] == [
        ("ch01", "发展基础"), ("ch01/s01", "现状"), ("ch01/s02", "问题"), ("ch02", "重点任务"), ("ch02/s01", "数字产业化"),
    ]
    assert plan.title == "某区数字经济发展专项规划" and plan.fidelity.ok
