"""A few words per plan indicator that point to it although its name is absent.

resources/indicator_keywords.json maps part of an indicator's name (as plans
print it: 优良水体比例, 城镇调查失业率, PM2.5) to the words of clauses about
it (碧水, 就业, 蓝天).  Read once; a missing or broken file means no extra
words, never an error.
"""

from __future__ import annotations

import json
from functools import lru_cache

from workbench import paths

KEYWORDS_FILE = paths.RESOURCES / "indicator_keywords.json"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    try:
        data = json.loads(KEYWORDS_FILE.read_text(encoding="utf-8"))
        entries = data["indicators"]
        return {str(k): tuple(str(w) for w in v) for k, v in entries.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def indicator_keywords(name: str) -> list[str]:
    """The extra words for an indicator named `name` (every key its name contains)."""
    found: list[str] = []
    for key, words in _table().items():
        if key in name:
            found.extend(w for w in words if w not in found)
    return found
