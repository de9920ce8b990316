"""A heading's title where the line does not hold exactly the title, for the outline builder (outline.py).

PDF exports run a heading straight into its first paragraph (第一章 总体要求
“十五五”时期…), and long titles wrap onto the next line (第三章 …，推动 /
形成…格局).  The table of contents, when the plan has one, says where a
title ends; otherwise the line's shape does (a run of spaces, a 专栏's first
item, a sentence end), and a guess is reported as a warning for the import
preview.  The reviewer's corrections (joins, starts, body lines) win.
"""

from __future__ import annotations

import re

from workbench.core import plan as P
from workbench.core.importing.headings import (
    Heading, SPACE_RUN_RE, ends_paragraph, guess_run_in_title, looks_like_run_in, match_heading, match_item,
)
from workbench.core.importing.numbering import match_numbered

TITLE_CONTINUATION_MAX = 30


class HeadingTitles:
    """Mixed into OutlineBuilder: uses its toc, cursor, text/raw/ln lines, corrections (fix), styled lines,
    warnings, locate and match."""

    def _toc_title(self, heading: Heading) -> str | None:
        if not self.toc:
            return None
        if heading.kind == P.SECTION:
            return self.toc.title_for(P.SECTION, heading.label, self.cur.chapter.label if self.cur.chapter else None)
        return self.toc.title_for(heading.kind, heading.label)

    def _split_title(self, heading: Heading, line: int) -> tuple[str, str | None]:
        """Split a heading line that runs on into body text (PDF exports)."""
        title = heading.title
        known = self._toc_title(heading)
        if known and title != known and title.startswith(known) and len(title) > len(known):
            return known, title[len(known):].strip()
        if known is None or not title.startswith(known):
            gap = SPACE_RUN_RE.search(title)
            if gap and ends_paragraph(title) and heading.kind != P.BOX:
                return title[: gap.start()].strip(), title[gap.end():].strip()
            if heading.kind == P.BOX:
                item = re.search(r"[（(][一二三四五六七八九十]+[）)]", title)
                if item and item.start() > 0:
                    return title[: item.start()].strip(), title[item.start():]
            elif known is None and looks_like_run_in(title):
                guess = guess_run_in_title(title)
                if guess is not None:
                    self.warnings.append(f"{self.locate(line)}: {heading.label} runs straight into its text; title taken "
                                         f"as {guess[0]!r} (check it in the import preview)")
                    return guess
                self.warnings.append(f"{self.locate(line)}: {heading.label} runs straight into its text and no title "
                                     f"could be told apart; the text is kept as its first paragraph")
                return "", title
        return title, None

    def _continue_title(self, heading: Heading, title: str, j: int) -> tuple[str, int, list[int]]:
        """Join a title wrapped onto following lines (第三章 …，推动 / 形成…格局)."""
        known = self._toc_title(heading)
        used: list[int] = []
        k = j
        while k < len(self.text):
            if not self.text[k]:
                k += 1
                continue
            nxt = self.text[k]
            if k in self.fix.joins:  # the reviewer joined this line to the title
                title += nxt
                used.append(self.ln[k])
                k = j = k + 1
                continue
            if k in self.fix.starts or k in self.fix.body:
                break
            if known:
                if title == known or not known.startswith(title + nxt):
                    break
            elif (
                heading.kind == P.BOX
                or len(nxt) > TITLE_CONTINUATION_MAX
                or ends_paragraph(nxt)
                or any(ch in nxt for ch in "。；")
                or nxt.endswith(("，", "、", ","))
                or self.match(nxt)
                or match_item(nxt)
                or match_numbered(nxt)
                or match_heading(nxt)
                or heading.body is not None
                or k in self.styled
                or self.raw[k].startswith("\t")
            ):
                break
            title += nxt
            used.append(self.ln[k])
            k += 1
            j = k
            if not known:
                break
        return title, j, used
