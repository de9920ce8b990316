"""The front of a plan and its page furniture, for the outline builder (outline.py).

Front matter: the title (one short line, or a few when it wraps), an approval
note (2026年1月29日…批准), then a 前言 or untitled clauses; never the whole
text before the first heading.  Page furniture: page numbers and running
headers left in text pulled out of PDFs, and those a reader found by layout.
"""

from __future__ import annotations

import re

from workbench.core import plan as P
from workbench.core.importing.headings import ends_paragraph, match_heading
from workbench.core.importing.numbering import match_numbered
from workbench.core.importing.toc import TOC_MARKERS

PREFACE_MARKERS = {"前言", "序言", "引言"}
TITLE_LINE_MAX = 60  # a line of the plan's title (a notice's title runs to 50 characters and more)
TITLE_MAX = 100  # the whole title, when it wraps over lines
NOTE_LINE_MAX = 60  # an approval note line (2026年1月29日…批准)
PAGE_NUMBER_RE = re.compile(r"^[-—–－·\s]*(第\s*)?\d{1,4}(\s*页)?[-—–－·\s]*$")
# An approval note or document number (2026年1月29日…批准, 津政办发〔2024〕12号); not 关于印发…的通知, a title.
DATE_LINE_RE = re.compile(r"\d{4}\s*年|(批准|通过|印发)$|[〔\[［]\d{4}[〕\]］]\s*\d+\s*号")


def stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if name else "未命名规划"


class FrontMatter:
    """Mixed into OutlineBuilder: uses its units (text, raw, ln), furniture, skipped and _gather."""

    # -- front matter ------------------------------------------------------
    def _front_matter(self, start: int, end: int) -> None:
        """Title (one short line, or a few when it wraps), approval note, then 前言 or untitled clauses."""
        indices = [i for i in range(start, end) if self.text[i] and i not in self.furniture]
        preface_at = next((i for i in indices if "".join(self.text[i].split()) in PREFACE_MARKERS), None)
        head = [i for i in indices if preface_at is None or i < preface_at]
        title_lines: list[int] = []
        for i in head:
            text = self.text[i]
            if "".join(text.split()) in TOC_MARKERS:
                self.warnings.append(f"{self.locate(self.ln[i])}: {text} is not followed by a table of contents; "
                                     f"kept as text")
                break
            if DATE_LINE_RE.search(text) or text.startswith(("（", "(")) or len(text) > TITLE_LINE_MAX \
                    or (title_lines and (match_heading(text) or match_numbered(text))) \
                    or ends_paragraph(text) or any(ch in text for ch in "。；，") \
                    or len("".join(self.text[t] for t in title_lines) + text) > TITLE_MAX:
                break
            title_lines.append(i)
        note: list[int] = []
        for i in head[len(title_lines):]:
            if len(self.text[i]) > NOTE_LINE_MAX or not (DATE_LINE_RE.search(self.text[i])
                                                          or self.text[i].startswith(("（", "("))):
                break
            note.append(i)
        self.root.title = "".join(self.text[i] for i in title_lines) or stem(self.source_name)
        if not title_lines:
            self.derived_titles.add(self.root.key)
        self.root.text = "".join(self.text[i] for i in note)
        self.root.lines = [self.ln[i] for i in title_lines + note]
        rest = head[len(title_lines) + len(note):]
        k = rest[0] if rest else end
        while rest and k < (preface_at if preface_at is not None else end):  # untitled front-matter clauses
            if not self.text[k]:
                k += 1
                continue
            if match_heading(self.text[k]) or match_numbered(self.text[k]):  # a heading the reviewer put here
                text, lines, k = self.text[k], [self.ln[k]], k + 1
            else:
                text, lines, k = self._gather(k, limit=preface_at if preface_at is not None else end)
            self._paragraph_text(text, lines)
        if preface_at is not None:
            paragraphs, body = [], []
            k = preface_at + 1
            while k < end:  # the preface's paragraphs, each joined from its lines
                if not self.text[k] or k in self.furniture:
                    k += 1
                    continue
                text, lines, k = self._gather(k, limit=end)
                paragraphs.append(text)
                body += lines
            node = self._add(self.root, P.CLAUSE, "preface", title="前言", text="\n".join(paragraphs),
                             lines=[self.ln[preface_at]] + body)
            self._add_sentences(node)

    # -- body --------------------------------------------------------------
    def _page_furniture(self, start: int) -> set[int]:
        """Page numbers and running headers that text pulled out of a PDF leaves in the body."""
        known = {i for i in range(len(self.text)) if self.ln[i] in self.known_furniture and self.text[i]}
        in_toc = set(range(self.toc.start, self.toc.end)) if self.toc else set()
        headers = self.headers
        breaks = {i for i, raw in enumerate(self.raw) if raw.startswith("\f")} | headers

        def at_page_break(i: int) -> bool:  # a bare number is a page number only beside a page break
            return not self.text[i].isdigit() or any(j in breaks for j in range(i - 3, i + 4))

        furniture = {i for i in range(start, len(self.text)) if i not in known and i not in in_toc
                     and self.text[i] and not self.raw[i].startswith("\t") and PAGE_NUMBER_RE.match(self.text[i])
                     and at_page_break(i)}
        for i in headers - known:  # also where they interrupt the contents
            if i >= start and self.match(self.text[i]) is None and not ends_paragraph(self.text[i]):
                furniture.add(i)
        if furniture:
            self.warnings.append(f"skipped {len(furniture)} page-number or running-header line(s), e.g. "
                                 f"{self.locate(self.ln[min(furniture)])}: {self.text[min(furniture)]!r}")
        for i in sorted(furniture):
            self.skipped.append((self.ln[i], self.text[i], "page number or running header"))
        for i in sorted(known):
            self.skipped.append((self.ln[i], self.text[i], "page header or footer"))
        return furniture | known

