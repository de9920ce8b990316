"""Word .docx plans -> numbered lines, the same shape a text export has.

Each paragraph is a line; each table row becomes one line of tab-separated
cells, which the indicator-table reader understands; list numbers, one-cell
tables and text boxes are read as word/reader.py describes.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from workbench.core.importing.source import MAX_BYTES, PlanImportError, SourceText, read_bytes


def read_docx_source(path: Path, *, max_bytes: int = MAX_BYTES) -> SourceText:
    data = read_bytes(path, max_bytes=max_bytes)
    if not data.strip():
        raise PlanImportError(path, "is empty")
    try:
        import docx  # python-docx
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise PlanImportError(path, "reading .docx needs the python-docx package") from exc
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise PlanImportError(path, f"is not a readable .docx document ({exc})") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise PlanImportError(path, f"is not a readable .docx document ({type(exc).__name__}: {exc})") from exc
    from workbench.core.importing.word.reader import BodyReader

    body = BodyReader(document).read()
    if not any(line.strip() for line in body.lines):
        raise PlanImportError(path, "is empty (the document has no text)")
    return SourceText(body.lines, "docx", hashlib.sha256(data).hexdigest(), path.name, body.locations,
                      body.heading_levels)


def _dedupe_merged(cells: list[str]) -> list[str]:
    """python-docx repeats a horizontally merged cell; keep one copy."""
    out: list[str] = []
    for cell in cells:
        if out and cell and cell == out[-1]:
            continue
        out.append(cell)
    return out
