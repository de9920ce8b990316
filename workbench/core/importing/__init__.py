"""Plan documents (text, .docx, .pdf) -> `Plan` trees.  No Qt, no SQL.

`import_file` is the one entry point: it picks the reader by content, checks
size and encoding, builds the tree (applying the reviewer's corrections),
runs the fidelity check, and raises `PlanImportError` naming the file and the
reason when the document cannot be a plan or text would be lost.
"""

from __future__ import annotations

from pathlib import Path

from workbench.core.importing import fidelity
from workbench.core.importing.corrections import CorrectionError
from workbench.core.importing.outline import StructureError, build_plan
from workbench.core.importing.source import MAX_BYTES, PlanImportError, SourceText, read_text_source
from workbench.core.plan import Plan

__all__ = ["PlanImportError", "import_file", "import_lines", "plan_from_source", "read_source"]

ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # compound file: .doc, .wps, .xls
RTF_MAGIC = b"{\\rt"  # {\rtf1: WordPad, "save as RTF"
ODF_MIMETYPE = b"application/vnd.oasis.opendocument"  # .odt: the zip's first, stored entry
HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml")  # a web page saved as a file


def import_file(path: Path | str, *, max_bytes: int = MAX_BYTES, corrections=()) -> Plan:
    """Read a plan document (UTF-8/GB18030 text, .docx or .pdf) into a Plan tree.

    `corrections` (importing.corrections) are the reviewer's, applied while the tree is built.
    """
    path = Path(path)
    source = _read_source(path, max_bytes)
    return plan_from_source(source, path, corrections)


def plan_from_source(source: SourceText, path: Path | str, corrections=()) -> Plan:
    """The plan of a source already read (the import preview re-reads only this when corrections change)."""
    plan = _build(source.lines, source.name, path, source.locate if source.locations else None,
                  source.heading_levels, source.furniture, corrections)
    plan.sha256 = source.sha256
    plan.line_locations = source.locations or []
    return plan


def import_lines(lines: list[str], source_name: str = "plan.txt", corrections=()) -> Plan:
    """Build a plan from lines already in memory (tests, other readers)."""
    return _build(lines, source_name, source_name, None, corrections=corrections)


def _build(lines: list[str], source_name: str, path: Path | str, locate, heading_levels=None,
           furniture=None, corrections=()) -> Plan:
    """The tree, checked against its source: lost text refuses the import (see fidelity.py)."""
    try:
        plan = build_plan(lines, source_name, locate, heading_levels, furniture, corrections)
    except (StructureError, CorrectionError) as exc:
        raise PlanImportError(path, str(exc)) from exc
    report = fidelity.check(plan, lines, locate)
    plan.fidelity = report
    if report.lost:
        where = "; ".join(f"{loss.location}: {loss.text[:30]!r}" for loss in report.lost[:3])
        more = f" and {len(report.lost) - 3} more" if len(report.lost) > 3 else ""
        raise PlanImportError(path, f"text would be lost ({where}{more}); nothing was imported. Mark the lines "
                                    f"with corrections (workbench import FILE --corrections FILE.json)")
    for dup in report.duplicated:
        plan.warnings.append(f"characters held by more than one node: {dup.text!r}")
    return plan


def read_source(path: Path | str, *, max_bytes: int = MAX_BYTES) -> SourceText:
    """The document's lines (and locations), read and checked; PlanImportError when it cannot be."""
    return _read_source(Path(path), max_bytes)


def _read_source(path: Path, max_bytes: int) -> SourceText:
    try:
        with path.open("rb") as fh:
            start = fh.read(256)
    except OSError as exc:
        raise PlanImportError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    head = start[:4]
    if head == OLE_MAGIC:
        raise PlanImportError(path, "is a Word 97-2003 (.doc) or WPS file: save it as .docx or PDF and import that")
    if head == RTF_MAGIC:
        raise PlanImportError(path, "is an RTF document: save it as .docx or PDF and import that")
    if head == ZIP_MAGIC and ODF_MIMETYPE in start:
        raise PlanImportError(path, "is an OpenDocument (.odt) file: save it as .docx or PDF and import that")
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(HTML_STARTS):
        raise PlanImportError(path, "is a web page (HTML): save it as .docx or PDF, or its text as .txt, and import that")
    if head == PDF_MAGIC or path.suffix.lower() == ".pdf":
        from workbench.core.importing.pdf.reader import read_pdf_source

        return read_pdf_source(path, max_bytes=max_bytes)
    if head == ZIP_MAGIC or path.suffix.lower() == ".docx":
        from workbench.core.importing.docx_source import read_docx_source

        return read_docx_source(path, max_bytes=max_bytes)
    return read_text_source(path, max_bytes=max_bytes)
