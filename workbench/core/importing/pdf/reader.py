"""A plan PDF -> numbered lines (one per paragraph) with locations, the shape a text export has.

From the page geometry (layout.py): running headers, footers and page numbers
are set aside (listed as skipped, never silently dropped); lines are joined
into paragraphs across line and page breaks (a new paragraph starts with a
first-line indent, a change of size or weight, a wider gap, or after a short
line that ends a sentence); 专栏 frames (one-column ruled tables or boxes)
are read as boxes, ended by a box break; ruled tables become one tab-led line
per row, which the indicator-table reader turns into structured indicators;
unnumbered lines set larger than the body are offered as headings.  A PDF
with no text layer (a scan) is refused with that reason.
"""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from pathlib import Path

from workbench.core.importing.headings import BOX_RE, HEADING_RE, ends_paragraph
from workbench.core.importing.numbering import match_numbered
from workbench.core.importing.pdf.layout import Line, Row, furniture, page_items
from workbench.core.importing.source import MAX_BYTES, PlanImportError, SourceText, read_bytes

BOX_BREAK = ("", "")


def read_pdf_source(path: Path, *, max_bytes: int = MAX_BYTES) -> SourceText:
    data = read_bytes(path, max_bytes=max_bytes)
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - pdfplumber is a dependency
        raise PlanImportError(path, "reading PDF needs the pdfplumber package") from exc
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:  # pdfminer raises its own syntax errors for broken files
        raise PlanImportError(path, f"is not a readable PDF ({type(exc).__name__}: {exc})") from exc
    lines: list[Line] = []
    rows: list[Row] = []
    with pdf:
        if not pages:
            raise PlanImportError(path, "is a PDF with no pages")
        if not any(page.chars for page in pages):
            raise PlanImportError(path, f"has no text layer ({len(pages)} page(s) of images: a scanned document?); "
                                        "import the Word or text version of the plan, or run OCR on it first")
        for page in pages:
            page_lines, page_rows = page_items(page)
            lines += page_lines
            rows += page_rows
        page_count = len(pages)
    skip = furniture(lines, page_count)
    body = [line for i, line in enumerate(lines) if i not in skip]
    out = _Assembler(body).run(rows)
    for i in sorted(skip):  # kept, located and marked, so the importer lists them as skipped
        out.add(lines[i].text, f"page {lines[i].page} (header/footer)")
        out.furniture.add(len(out.lines))
    return SourceText(out.lines, "pdf", hashlib.sha256(data).hexdigest(), path.name, out.locations,
                      out.heading_levels, out.furniture)


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.locations: list[str] = []
        self.heading_levels: dict[int, int] = {}
        self.furniture: set[int] = set()

    def add(self, text: str, location: str) -> None:
        self.lines.append(text)
        self.locations.append(location)


class _Assembler:
    """Joins the body lines of all pages into paragraphs."""

    def __init__(self, body: list[Line]) -> None:
        self.body = body
        weights = Counter()
        for line in body:
            weights[line.size] += len(line.text)
        self.body_size = weights.most_common(1)[0][0] if weights else 12.0
        plain = [ln for ln in body if ln.frame is None and abs(ln.size - self.body_size) < 0.6]
        lefts = Counter(round(ln.x0) for ln in plain)
        # The text's left edge: the leftmost position used twice (in a short document most lines may be
        # one-line paragraphs, all indented, so the most common position is not the edge).
        edges = [x for x, n in lefts.items() if n >= 2] or list(lefts)
        self.body_left = min(edges) if edges else 0.0
        self.body_right = max((ln.x1 for ln in plain), default=0.0)
        self.frame_left: dict = {}
        self.frame_right: dict = {}
        for ln in body:
            if ln.frame is not None:
                self.frame_left[ln.frame] = min(self.frame_left.get(ln.frame, ln.x0), ln.x0)
                self.frame_right[ln.frame] = max(self.frame_right.get(ln.frame, ln.x1), ln.x1)
        self.canon = self._frame_identity()
        self.out = _Out()
        self.paragraph: list[Line] = []
        self.open_frame = None
        self._sizes: list[tuple[int, float, bool]] = []  # (output line, size, bold) of each paragraph

    def _frame_identity(self) -> dict:
        """A frame opening a page right after a frame on the previous page is the same 专栏."""
        canon: dict = {}
        prev: Line | None = None
        next_id = 0
        for line in self.body:
            if line.frame is not None and line.frame not in canon:
                first_on_page = prev is None or prev.page < line.page
                if first_on_page and prev is not None and prev.frame is not None:
                    canon[line.frame] = canon[prev.frame]
                else:
                    next_id += 1
                    canon[line.frame] = next_id
            prev = line
        return canon

    def run(self, rows: list[Row]) -> _Out:
        items = [(ln.page, ln.top, 0, ln) for ln in self.body] + [(r.page, r.top, 1, r) for r in rows]
        items.sort(key=lambda item: (item[0], item[1], item[2]))
        last_row: Row | None = None  # the row just written, while nothing else follows it
        for _, _, _, item in items:
            if isinstance(item, Row):
                if last_row is not None and _continues_row(last_row, item):
                    last_row.cells = [a + b for a, b in zip(last_row.cells, item.cells)]
                    self.out.lines[-1] = "\t" + "\t".join(last_row.cells)
                    continue
                self._flush()
                self._frame_change(None)
                self.out.add("\t" + "\t".join(item.cells), f"page {item.page}, table row")
                last_row = item
                continue
            last_row = None
            if self.paragraph and self._continues(self.paragraph[-1], item):
                self.paragraph.append(item)
                continue
            previous = self.paragraph[-1] if self.paragraph else None
            self._flush()
            self._frame_change(self.canon.get(item.frame))
            if previous is not None and previous.page == item.page and previous.frame == item.frame \
                    and item.top - previous.bottom > 1.5 * item.size:
                self.out.add("", f"page {item.page}")  # an empty line between them, as the document has
            self.paragraph = [item]
        self._flush()
        self._frame_change(None)
        self._heading_hints()
        return self.out

    def _frame_change(self, frame) -> None:
        if frame == self.open_frame:
            return
        if self.open_frame is not None:
            for blank in BOX_BREAK:
                self.out.add(blank, "")
        if frame is not None:
            self.out.add("", "")
        self.open_frame = frame

    def _continues(self, prev: Line, line: Line) -> bool:
        if self.canon.get(prev.frame) != self.canon.get(line.frame):
            return False
        if abs(prev.size - line.size) > 0.6 or prev.bold != line.bold:
            return False
        if line.page == prev.page and line.top - prev.bottom > 0.9 * line.size:
            return False
        left = self.frame_left.get(line.frame, self.body_left) if line.frame is not None else self.body_left
        if line.x0 - left > 0.8 * line.size:
            return False  # first-line indent: a new paragraph
        right = self.frame_right.get(prev.frame, self.body_right) if prev.frame is not None else self.body_right
        short = prev.x1 < right - 2 * prev.size
        if short and ends_paragraph(prev.text):
            return False  # a short line that ends a sentence ends its paragraph
        if short and (HEADING_RE.match(line.text) or BOX_RE.match(line.text) or match_numbered(line.text)):
            return False  # a numbered line after a short one opens a paragraph
        if prev.x1 < right - 4 * prev.size and not (line.text[:1].isascii() and line.text[:1].isalnum()):
            return False  # Chinese wraps anywhere: a line this short ended (only a Latin word is pushed over)
        if ends_paragraph(prev.text) and (HEADING_RE.match(line.text) or BOX_RE.match(line.text)):
            return False
        return True

    def _flush(self) -> None:
        if not self.paragraph:
            return
        text = ""
        for line in self.paragraph:
            if text and text[-1].isascii() and text[-1].isalnum() and line.text[:1].isascii() \
                    and line.text[:1].isalnum():
                text += " "
            text += line.text
        first = self.paragraph[0]
        self.out.add(text, f"page {first.page}")
        self._sizes.append((len(self.out.lines), first.size, first.bold))
        self.paragraph = []

    def _heading_hints(self) -> None:
        """Paragraphs set larger (or bold) than the body, after the first body paragraph: heading levels."""
        seen_body = False
        candidates: list[tuple[int, float]] = []
        for line_no, size, bold in self._sizes:
            if abs(size - self.body_size) < 0.6 and not bold:
                seen_body = True
                continue
            if seen_body and (size > self.body_size + 0.5 or bold):
                candidates.append((line_no, size))
        ranks = sorted({size for _, size in candidates}, reverse=True)
        for line_no, size in candidates:
            self.out.heading_levels[line_no] = ranks.index(size) + 1


def _continues_row(prev: Row, row: Row) -> bool:
    """A table row Word broke across a page: on the next page, the first row has no number and
    is not a sub-row (其中：…)."""
    return (row.page > prev.page and len(row.cells) == len(prev.cells) and not row.cells[0]
            and not any(cell.startswith("其中") for cell in row.cells) and any(prev.cells[1:]))
