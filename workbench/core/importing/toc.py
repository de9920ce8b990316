"""The table of contents (目录): find it, read it, and keep it out of the tree.

Tables of contents copied out of Word carry field codes (`HYPERLINK \\l _Toc…`,
`PAGEREF _Toc… \\h`), page numbers on their own lines or glued to the next
heading (`8第二节 …`), and titles wrapped over two lines.  The entries are
used to cross-check (and complete) the headings found in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.importing.headings import clean, is_page_number, match_heading
from workbench.core.plan import BOX, CHAPTER, PART, SECTION, TocEntry

FIELD_CODE_RE = re.compile(
    r"(HYPERLINK|PAGEREF|TOC)(\s+\\[a-z](\s+\"?_?Toc\d+\"?)?|\s+\"[^\"]*\"|\s+_Toc\d+)*", re.IGNORECASE
)
TOC_MARKERS = {"目录", "目次"}
LEADING_PAGE_RE = re.compile(r"^\d{1,4}(?=第)")
TRAILING_PAGE_RE = re.compile(r"[\s\u3000.．…·]*\d{1,4}$")


@dataclass
class TableOfContents:
    start: int = 0  # index of the first TOC line (0-based); start == end means none
    end: int = 0  # index of the first body line
    entries: list[TocEntry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.end > self.start

    def title_for(self, kind: str, label: str, within: str | None = None) -> str | None:
        """The listed title of a heading; sections are looked up within their chapter."""
        for entry in self.entries:
            if entry.kind == kind and entry.label == label and (within is None or entry.within == within):
                return entry.title
        return None


def strip_field_codes(text: str) -> str:
    return FIELD_CODE_RE.sub("", text).strip()


def _toc_text(raw: str) -> str:
    text = clean(strip_field_codes(clean(raw)))
    text = LEADING_PAGE_RE.sub("", text)
    return text


def running_headers(raw: list[str], cleaned: list[str]) -> set[int]:
    """Lines repeated on many pages (a PDF's running header): short, not headings, 3 times or more."""
    counts: dict[str, list[int]] = {}
    for i, text in enumerate(cleaned):
        if text and len(text) <= 40 and not raw[i].startswith("\t") and not text.endswith(("。", "；")) \
                and not is_page_number(text) and match_heading(text) is None:
            counts.setdefault(text, []).append(i)
    breaks = [i for i, text in enumerate(cleaned) if is_page_number(text) or raw[i].startswith("\f")
              or re.match(r"^[-—–－·\s]*(第\s*)?\d{1,4}(\s*页)?[-—–－·\s]*$", text)]

    def near_break(i: int) -> bool:  # a running header sits beside the page break (number, form feed)
        from bisect import bisect_left

        at = bisect_left(breaks, i - 3)
        return at < len(breaks) and breaks[at] <= i + 3

    return {i for found in counts.values() if len(found) >= 3
            and sum(map(near_break, found)) >= 2 * len(found) / 3 for i in found}


def find_toc(lines: list[str], ignore: set[int] | frozenset[int] = frozenset()) -> TableOfContents:
    """Locate the TOC: from a 目录 line (or the first heading, if headings repeat)
    up to the second appearance of the first heading it lists.

    Only a proven contents list is returned: every line of it must read as a
    contents entry (a heading, a page number, a field code, or the wrapped
    second line of an entry).  Anything else means the guess was wrong, and
    nothing is skipped.
    """
    cleaned = ["" if i in ignore else _toc_text(line) for i, line in enumerate(lines)]
    start = next((i for i, t in enumerate(cleaned) if "".join(t.split()) in TOC_MARKERS), None)
    if start is None:
        start = _repeated_heading_start(cleaned)
        if start is None:
            return TableOfContents()
    first_key = None
    chapter = ""
    for i in range(start, len(cleaned)):
        heading = match_heading(_without_page(cleaned[i]))
        if heading is None or heading.kind == BOX:
            continue
        if heading.kind in (PART, CHAPTER):
            chapter = heading.label if heading.kind == CHAPTER else ""
        key = (heading.kind, heading.label, chapter if heading.kind == SECTION else "")
        if first_key is None:
            first_key = key
        elif key == first_key:
            end = i
            while end > start and (not cleaned[end - 1] or _is_part(cleaned[end - 1])):
                end -= 1  # a 篇 heading the contents did not list opens the body
            while end < i and not cleaned[end]:
                end += 1
            if not _reads_as_contents(cleaned[start:end]):
                return TableOfContents()
            return TableOfContents(start, end, _entries(cleaned[start:end]))
    return TableOfContents()


CONTINUATION_MAX = 40


def _without_page(text: str) -> str:
    m = TRAILING_PAGE_RE.search(text)
    return text[: m.start()] if m and match_heading(text[: m.start()]) else text


def _reads_as_contents(cleaned: list[str]) -> bool:
    """True when every line is a contents entry, a page number, or one wrapped line of an entry."""
    entries = 0
    after_entry = False
    for text in cleaned:
        if not text or "".join(text.split()) in TOC_MARKERS or is_page_number(text):
            continue
        heading = match_heading(_without_page(text))
        if heading is not None and heading.kind != BOX:
            entries += 1
            after_entry = True
            continue
        if after_entry and len(text) <= CONTINUATION_MAX and not any(ch in text for ch in "。；！？"):
            after_entry = False  # one wrapped line per entry
            continue
        return False
    return entries >= 2


def _is_part(text: str) -> bool:
    heading = match_heading(text)
    return heading is not None and heading.kind == PART


def _repeated_heading_start(cleaned: list[str]) -> int | None:
    seen: dict[tuple[str, str, str], int] = {}
    chapter = ""
    for i, text in enumerate(cleaned):
        heading = match_heading(_without_page(text))
        if heading is None or heading.kind == BOX:
            if len(text) > 60 and seen:  # a real paragraph: headings so far were the body
                return None
            continue
        if heading.kind in (PART, CHAPTER):
            chapter = heading.label if heading.kind == CHAPTER else ""
        key = (heading.kind, heading.label, chapter if heading.kind == SECTION else "")
        if key in seen:
            return seen[key]
        seen[key] = i
    return None


def _entries(cleaned: list[str]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    part = chapter = ""
    pending_page = ""  # Word's text export puts a lone page number before its entry
    for text in cleaned:
        if not text or "".join(text.split()) in TOC_MARKERS:
            continue
        if is_page_number(text):
            pending_page = text
            continue
        page, pending_page = pending_page, ""
        m = TRAILING_PAGE_RE.search(text)
        if m and match_heading(text[: m.start()]):
            page, text = text[m.start():].strip(" .．…·\u3000"), text[: m.start()]
        heading = match_heading(text)
        if heading is not None:
            if heading.kind == PART:
                part, chapter = heading.label, ""
            elif heading.kind == CHAPTER:
                chapter = heading.label
            within = chapter if heading.kind == SECTION else part if heading.kind == CHAPTER else ""
            entries.append(TocEntry(heading.kind, heading.label, heading.title, page, within))
        elif entries:  # a wrapped title's second line, maybe ending with the entry's page
            m = re.search(r"[\s\u3000.．…·]+(\d{1,4})$", text)
            if m:
                text, entries[-1].page = text[: m.start()], m.group(1)
            entries[-1].title += text
    return entries


def contents_at(lines: list[str], start: int, end: int) -> TableOfContents:
    """A table of contents the reviewer marked (lines[start:end]), read like a found one."""
    return TableOfContents(start, end, _entries([_toc_text(line) for line in lines[start:end]]))
