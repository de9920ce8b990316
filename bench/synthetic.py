"""A synthetic plan N times the seed's size: the seed's body repeated with
chapters and boxes renumbered, so that it parses as one long, valid plan."""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """17 -> 十七, 105 -> 一百零五, 850 -> 八百五十."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    head = DIGITS[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + DIGITS[rest]
    return head + (DIGITS[rest // 10] + "十" + (DIGITS[rest % 10] if rest % 10 else ""))


def synthetic_plan_text(seed_text: str, copies: int) -> str:
    lines = seed_text.split("\n")
    body_start = next(i for i, line in enumerate(lines) if i > 20 and line.startswith("第一章"))
    head, body = lines[:body_start], lines[body_start:]
    chapter_re = re.compile(r"^(\s*)第([一二三四五六七八九十]+)章")
    box_re = re.compile(r"^(\s*)专栏(\d+)")
    from workbench.core.importing.headings import cn_number

    chapters = max(cn_number(m.group(2)) for line in body if (m := chapter_re.match(line)))
    boxes = max(int(m.group(2)) for line in body if (m := box_re.match(line)))
    out = list(head)
    for copy in range(copies):
        skipping_table = False
        for line in body:
            if copy and box_re.match(line) and int(box_re.match(line).group(2)) == 1:
                skipping_table = True  # one indicator table per plan
                continue
            if skipping_table:
                if line.strip().startswith("注："):
                    skipping_table = False
                continue
            line = chapter_re.sub(
                lambda m: f"{m.group(1)}第{cn_numeral(cn_number(m.group(2)) + copy * chapters)}章", line
            )
            line = box_re.sub(lambda m: f"{m.group(1)}专栏{int(m.group(2)) + copy * boxes}", line)
            out.append(line)
    return "\n".join(out)
