"""The small documents of failures 1-5 (test_import_shapes.py) as Word files and as PDFs made from them:
each gives the same tree as its text (modulo spaces a PDF does not keep), with nothing lost."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.core.test_import_shapes import SHAPES
from workbench.core.importing import import_file, import_lines
from workbench.core.importing.headings import match_heading
from workbench.core.importing.numbering import match_numbered
from workbench.core.plan import normalise_text

docx = pytest.importorskip("docx")
LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def tree(plan):
    return [(n.kind, n.key, n.label, normalise_text(n.title), normalise_text(n.text)) for n in plan.nodes()]


def write_docx(path, text: str):
    """One paragraph per line, as an office types it: body paragraphs indented two characters."""
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    for line in text.split("\n"):
        paragraph = document.add_paragraph(line)
        if line and not (match_heading(line) or match_numbered(line)):
            paragraph.paragraph_format.first_line_indent = Pt(24)
    document.save(str(path))
    return path


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_as_word(tmp_path, name):
    text = SHAPES[name]
    plan = import_file(write_docx(tmp_path / f"{name}.docx", text))
    assert tree(plan) == tree(import_lines(text.split("\n")))
    assert plan.fidelity.ok


@pytest.fixture(scope="module")
def shape_pdfs(tmp_path_factory):
    if LIBREOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("shapes")
    files = [str(write_docx(folder / f"{name}.docx", text)) for name, text in SHAPES.items()]
    subprocess.run([LIBREOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "pdf",
                    "--outdir", str(folder), *files], check=True, capture_output=True, timeout=300)
    return folder


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shape_as_pdf(shape_pdfs, name):
    pytest.importorskip("pdfplumber")
    plan = import_file(shape_pdfs / f"{name}.pdf")
    assert tree(plan) == tree(import_lines(SHAPES[name].split("\n")))
    assert plan.fidelity.ok
