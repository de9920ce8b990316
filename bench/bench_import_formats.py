"""Import time of the seed plan per format, beside the library's bare text extraction of the same file.

The seed is written as .docx (python-docx, automatic chapter numbers, 专栏 as
one-cell tables, running header and page numbers) and rendered to PDF by
LibreOffice headless (skipped when it is absent).  For each format the full
import (structure, indicators, fidelity check) is printed beside its floor,
measured in the same run:

- text: reading and decoding the file;
- Word: python-docx's paragraph and table text, nothing else;
- PDF: pdfplumber's extract_text() of every page (the same parser the importer
  uses), and pypdfium2's text extraction as the fastest text-only reader.

Run: python bench/bench_import_formats.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import best_of  # noqa: E402

from tests.seed_documents import seed_docx  # noqa: E402
from workbench import paths  # noqa: E402
from workbench.core.importing import import_file  # noqa: E402
from workbench.core.importing.source import decode, read_bytes  # noqa: E402


def docx_text(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    text += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return len("".join(text))


def pdfplumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def pdfium_text(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return sum(len(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf)))
    finally:
        pdf.close()


def to_pdf(docx_path: Path) -> Path | None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return None
    out = docx_path.parent
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{out}/lo", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx_path)], check=True, capture_output=True, timeout=300)
    return docx_path.with_suffix(".pdf")


def row(label: str, path: Path, parse: float, floor_name: str, floor: float) -> None:
    print(f"{label:<8}{path.stat().st_size / 1e6:>8.2f}{parse:>10.3f}  {floor_name:<28}{floor:>9.3f}{parse / floor:>8.1f}")


def main() -> None:
    seed = import_file(paths.SEED_PLAN)
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = seed_docx(seed, Path(tmp) / "seed.docx", contents=True, numbering="auto", boxes="tables",
                              page_furniture=True)
        pdf_path = to_pdf(docx_path)
        print(f"{'format':<8}{'MB':>8}{'import s':>10}  {'floor (same file)':<28}{'floor s':>9}{'ratio':>8}")
        text = paths.SEED_PLAN
        row("text", text, best_of(lambda: import_file(text), 5), "read + decode",
            best_of(lambda: decode(read_bytes(text), text), 5))
        row("Word", docx_path, best_of(lambda: import_file(docx_path), 3), "python-docx paragraphs+tables",
            best_of(lambda: docx_text(docx_path), 3))
        if pdf_path is None:
            print("PDF     skipped: LibreOffice is not installed")
            return
        pdf_import = best_of(lambda: import_file(pdf_path), 2)
        row("PDF", pdf_path, pdf_import, "pdfplumber extract_text", best_of(lambda: pdfplumber_text(pdf_path), 2))
        row("PDF", pdf_path, pdf_import, "pypdfium2 get_text_range", best_of(lambda: pdfium_text(pdf_path), 2))
        plan = import_file(pdf_path)
        print(f"(PDF: {len(list(plan.nodes()))} nodes, {len(plan.indicators)} indicators, "
              f"{sum(1 for _ in plan.skipped)} lines skipped as contents or page furniture)")


if __name__ == "__main__":
    main()
