"""Pinyin keys of department names, so the picker finds 市科技局 by kjj or kejiju.

Reviewers type the initials they say (fgw for 发改委, kjj for 科技局) or whole
pinyin.  The keys come from pypinyin at run time rather than from a table
generated once: the registry is edited per workspace (units are added and
renamed), and pypinyin reads phrases correctly where one character has two
readings (银行 hang, not xing).  pypinyin takes about 0.3 s to import, so it
is imported on first use; `initialise()` can do that on a worker thread.

No Qt, no SQL.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["initialise", "is_pinyin_query", "keys", "match_rank"]

_ASCII_QUERY = re.compile(r"^[a-z]+$")
_PREFIXES = ("市委", "市")  # dropped for a second key: 市科技局 is also 科技局


def initialise() -> None:
    """Import pypinyin now (it takes ~0.3 s), e.g. from a worker thread."""
    keys("天津")


def is_pinyin_query(query: str) -> bool:
    return bool(_ASCII_QUERY.match(query.strip().lower()))


@lru_cache(maxsize=4096)
def keys(label: str) -> tuple[str, str]:
    """(initials, full pinyin) of a label, lower case, without tones: 市科技局 -> (skjj, shikejiju)."""
    from pypinyin import Style, lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(label, style=Style.NORMAL, errors="ignore")]
    initials = "".join(s[0] for s in syllables if s)
    return initials, "".join(syllables)


def _variants(label: str) -> list[str]:
    found = [label]
    for prefix in _PREFIXES:
        if label.startswith(prefix) and len(label) > len(prefix) + 1:
            found.append(label[len(prefix) :])
            break
    return found


def match_rank(query: str, labels: list[str]) -> int | None:
    """How well an ASCII query fits any label's pinyin; lower is better, None for no match.

    0 the initials are exactly the query (fgw = 发改委); 1 the initials start
    with it; 2 the initials contain it; 3 the full pinyin starts with it;
    4 the full pinyin contains it.
    """
    q = query.strip().lower()
    if not is_pinyin_query(q):
        return None
    best: int | None = None
    for label in labels:
        for variant in _variants(label):
            initials, full = keys(variant)
            if initials == q:
                rank = 0
            elif initials.startswith(q):
                rank = 1
            elif q in initials:
                rank = 2
            elif full.startswith(q):
                rank = 3
            elif len(q) >= 3 and q in full:
                rank = 4
            else:
                continue
            best = rank if best is None else min(best, rank)
    return best
