"""Reading a plan file: size and sanity checks, encoding detection, line splitting.

Plans arrive as UTF-8 (with or without BOM), GB18030/GBK, UTF-16 with a BOM,
with LF or CRLF line ends.  The reviewer is never asked for an encoding.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 32 * 1024 * 1024  # a plan outline is ~0.2 MB; 32 MB is far beyond any real one


class PlanImportError(ValueError):
    """A plan file cannot be imported; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass
class SourceText:
    """A decoded plan document as numbered lines."""

    lines: list[str]  # without line ends; line n is lines[n - 1]
    encoding: str
    sha256: str
    name: str
    locations: list[str] | None = None  # where line n is, when not "line n" (docx paragraphs, PDF pages)
    heading_levels: dict[int, int] | None = None  # line -> Word heading style level (1 = Heading 1)
    furniture: set[int] | None = None  # lines the reader knows are page headers/footers (PDF)

    def locate(self, line: int) -> str:
        if self.locations and 0 < line <= len(self.locations):
            return self.locations[line - 1]
        return f"line {line}"


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PlanImportError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    if path.is_dir():
        raise PlanImportError(path, "is a folder, not a plan document")
    if size > max_bytes:
        raise PlanImportError(
            path, f"is too large ({size / 1e6:.1f} MB; a plan document may be at most {max_bytes / 1e6:.0f} MB)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PlanImportError(path, f"cannot read the file ({exc.strerror or exc})") from exc


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode plan bytes, detecting the encoding; return (text, encoding name)."""
    if not data.strip():
        raise PlanImportError(path, "is empty")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(name), path), name
            except UnicodeDecodeError as exc:
                raise PlanImportError(path, f"is not valid {name} text ({exc.reason})") from exc
    if b"\x00" in data[:65536]:
        raise PlanImportError(path, "is a binary file, not a text or .docx plan document")
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return _check_text(text, path), name
    from .bad_bytes import bad_bytes_error

    if (damaged := bad_bytes_error(data, path)) is not None:
        raise damaged
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        best = None
    if best is not None:
        return _check_text(str(best), path), best.encoding
    raise PlanImportError(path, "is not text in a known encoding (tried UTF-8 and GB18030)")


def _check_text(text: str, path: Path | str) -> str:
    sample = text[:20000]
    if not sample.strip():
        raise PlanImportError(path, "is empty")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    if controls > len(sample) * 0.01:
        raise PlanImportError(path, "is a binary file, not a text or .docx plan document")
    return text


def split_lines(text: str) -> list[str]:
    """Lines without their ends; CRLF, CR and LF all end a line."""
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text_source(path: Path, *, max_bytes: int = MAX_BYTES) -> SourceText:
    data = read_bytes(path, max_bytes=max_bytes)
    text, encoding = decode(data, path)
    return SourceText(split_lines(text), encoding, hashlib.sha256(data).hexdigest(), path.name)
