"""Word list numbering (w:numPr) -> the number a reader sees, e.g. 第一章 or （三）.

Offices let Word number chapters: the text of the paragraph is only the title,
and the label comes from numbering.xml (an abstract numbering with, per
level, a start value, a format such as chineseCounting and a pattern such as
`第%1章`).  python-docx has no API for this, so the XML is read here.
Counters follow Word: lists that share an abstract numbering continue each
other unless a w:startOverride restarts them; a level restarts whenever a
higher level advances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CN_DIGITS = "零一二三四五六七八九"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 17 -> 十七, 23 -> 二十三, 105 -> 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return CN_DIGITS[0]
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    tail = "" if rest == 0 else ("零" + CN_DIGITS[rest] if rest < 10 else
                                 (CN_DIGITS[1] if rest < 20 else "") + chinese_counting(rest))
    return CN_DIGITS[hundreds] + "百" + tail


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "chineseLegalSimplified",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese_counting(n)
    if fmt == "ideographTraditional":
        return TIANGAN[(n - 1) % 10]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # decimal and anything unknown


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # what separates the number from the text: tab, space, nothing


@dataclass
class ListNumbering:
    """The numbering definitions of one document and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> level
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    seen_nums: set[str] = field(default_factory=set)

    @classmethod
    def from_element(cls, numbering) -> ListNumbering:
        """From the w:numbering root element (None when the document has no numbering part)."""
        self = cls()
        if numbering is None:
            return self
        for abstract in numbering.iter(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                level = _Level()
                start, fmt, text = lvl.find(f"{W}start"), lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
                if start is not None:
                    level.start = int(start.get(f"{W}val", "1"))
                if fmt is not None:
                    level.fmt = fmt.get(f"{W}val", "decimal")
                if text is not None:
                    level.text = text.get(f"{W}val", "")
                suff = lvl.find(f"{W}suff")
                if suff is not None:
                    level.suffix = suff.get(f"{W}val", "tab")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = level
            self.levels[abstract.get(f"{W}abstractNumId")] = levels
        for num in numbering.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                self.nums[num_id] = ref.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[int(override.get(f"{W}ilvl", "0"))] = int(
                        start.get(f"{W}val", "1"))
        return self

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list `num_id` at level `ilvl` and return the label a reader sees ('' for none)."""
        abstract = self.nums.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        levels = self.levels.get(abstract, {})
        counters = self.counters.setdefault(abstract, [None] * 9)
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for level_index, start in self.overrides.get(num_id, {}).items():
                counters[level_index] = start - 1
                for deeper in range(level_index + 1, 9):
                    counters[deeper] = None
        level = levels.get(ilvl, _Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None

        def value(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k, _Level())
            n = counters[k] if counters[k] is not None else lvl.start
            return format_number(n, lvl.fmt)

        if level.fmt == "bullet":
            return ""
        return re.sub(r"%(\d)", value, level.text)
