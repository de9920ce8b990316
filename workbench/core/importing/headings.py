"""Recognising the lines of a plan: headings (篇/章/节), 专栏 boxes, box items.

Plans differ in spacing (ASCII, full-width or no space after 第三章), markup
(markdown bold and # headings), and leading indentation; this module hides that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core import plan as P

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100}
NUM = r"[一二三四五六七八九十百零〇两\d]+"

HEADING_RE = re.compile(rf"^第({NUM})(篇|章|节)[\s\u3000:：]*(.*)$")
BOX_RE = re.compile(rf"^专栏\s*({NUM})(?![\d])[\s\u3000:：]*(.*)$")
ITEM_RE = re.compile(r"^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[（(]\d{1,2}[）)]|\d{1,2}[\.．、](?!\d))")
PAGE_RE = re.compile(r"^\d{1,4}$")
SPACE_RUN_RE = re.compile(r"[\s\u3000]{2,}")

LEVEL_KINDS = {"篇": P.PART, "章": P.CHAPTER, "节": P.SECTION}
KIND_SUFFIX = {P.PART: "篇", P.CHAPTER: "章", P.SECTION: "节"}


def cn_number(text: str) -> int:
    """第十七 -> 17, 二十三 -> 23, 7 -> 7."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
    return total + current


def clean(line: str) -> str:
    """A line as text: no markdown markup, no surrounding (full-width) space."""
    s = line.replace("**", "").replace("__", "")
    s = s.strip().strip("\u3000").strip()
    s = re.sub(r"^#{1,6}\s*", "", s)
    return s.strip().strip("\u3000")


@dataclass
class Heading:
    kind: str  # part / chapter / section / box
    label: str  # 第三章, 专栏7
    number: int
    title: str  # may run on into body text when a PDF joined the lines
    style: str = ""  # numbering style (第X章, 一、, （一）…), see numbering.py
    body: str | None = None  # a numbered line's run-in body, split off its title


def match_heading(text: str) -> Heading | None:
    """A 篇/章/节 heading or a 专栏 box title, from a cleaned line."""
    m = HEADING_RE.match(text)
    if m:
        num, level, title = m.groups()
        kind = LEVEL_KINDS[level]
        if kind == P.SECTION and title.startswith(("的", "条", "款")):
            return None
        return Heading(kind, f"第{num}{level}", cn_number(num), title.strip())
    m = BOX_RE.match(text)
    if m:
        num, title = m.groups()
        return Heading(P.BOX, f"专栏{num}", cn_number(num), title.strip())
    return None


ENUM_CHAPTER_RE = re.compile(r"^([一二三四五六七八九十]+)、\s*([^。；！？]{1,40})$")
ENUM_SECTION_RE = re.compile(r"^（([一二三四五六七八九十]+)）\s*([^。；！？]{1,40})$")


def match_enumerated_heading(text: str) -> Heading | None:
    """Plans without 第…章 headings (some district plans) number their levels
    一、 and （一）: short unpunctuated lines so numbered are chapters and sections."""
    heading = match_heading(text)
    if heading is not None:
        return heading
    for regex, kind, fmt in ((ENUM_CHAPTER_RE, P.CHAPTER, "{}、"), (ENUM_SECTION_RE, P.SECTION, "（{}）")):
        m = regex.match(text)
        if m and not ends_paragraph(m.group(2)):
            return Heading(kind, fmt.format(m.group(1)), cn_number(m.group(1)), m.group(2).strip())
    return None


def uses_numbered_chapters(texts: list[str]) -> bool:
    """True when the plan has 第…篇/章/节 headings (the usual scheme)."""
    return any((h := match_heading(t)) is not None and h.kind != P.BOX for t in texts)


def match_item(text: str) -> str | None:
    """The label of a box item line: （一）, 1. ..."""
    m = ITEM_RE.match(text)
    return m.group(1) if m else None


def is_page_number(text: str) -> bool:
    return bool(PAGE_RE.match(text))


def ends_paragraph(text: str) -> bool:
    """True when a line ends like a finished paragraph (terminal punctuation)."""
    return text.rstrip("”’」』）)").endswith(("。", "；", "！", "？", "!", "?", ";", "：", ":")) or text.endswith(
        ("。”", "！”", "？”")
    )


# Words a section or chapter title usually ends with; used only to guess where a
# heading that runs straight into its body (no gap, no contents to compare) ends.
TITLE_FINAL_WORDS = (
    "成就", "成效", "基础", "目标", "原则", "思想", "任务", "举措", "措施", "保障", "机制", "体系", "要求",
    "形势", "背景", "方向", "重点", "布局", "格局", "环境", "挑战", "机遇", "水平", "能力", "规定", "总则",
    "附则", "建设", "发展", "改革", "开放", "安全", "治理", "服务", "管理", "战略", "定位", "路径", "领导",
    "实施", "监督", "评估", "范围", "依据", "期限", "意义", "现状", "问题", "需求", "优势", "行动", "工程",
)
RUN_IN_TITLE_MAX = 24


def looks_like_run_in(title: str) -> bool:
    """A heading's 'title' that is really a title plus its paragraph."""
    return len(title) > 40 or any(ch in title for ch in "。；！？")


def guess_run_in_title(title: str) -> tuple[str, str] | None:
    """Split `主要成就经济总量持续增长，……` into (主要成就, 经济总量持续增长，……).

    The title is the longest prefix of the first clause (up to 24 characters)
    that ends with a word titles end with; None when there is no such prefix.
    The caller reports the guess so the reviewer can correct it.
    """
    first_clause = re.split(r"[，,。；：:！？、]", title, maxsplit=1)[0]
    best = 0
    for end in range(2, min(len(first_clause) - 1, RUN_IN_TITLE_MAX) + 1):
        if first_clause[:end].endswith(TITLE_FINAL_WORDS):
            best = end
    if not best:
        return None
    return title[:best], title[best:]
