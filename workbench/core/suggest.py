"""Which departments a clause is likely to go to, for the department picker.

`suggest_for_text` ranks departments by the words of a clause: each
department keyword found among the clause's jieba tokens counts, a
department's own name or alias in the text counts NAME_WEIGHT times, a hit in
the lead phrase counts LEAD_WEIGHT times more, repeats of one word add
less and less (1 + ln n), and a keyword several departments share is split
between them.  Matching goes through `segment.tokens`, the same segmentation
search uses, so a two-character keyword counts where jieba cuts it out (as a
word or as part of a longer one: 教育 in 职业教育), not wherever its characters
meet (会展 in 全会展开); words of three or more characters also count as
substrings, in case jieba cut the text around them differently.

`picker_matches` is what the picker lists: while the reviewer types, the
departments whose name, full name or alias contains the query
(`departments.suggest`: 教委, 教育 and 市教委 all find 市教委); with nothing
typed, this clause's suggestions first and then everyone in official order.

No Qt, no SQL.  Calls `segment.tokens`, which loads jieba on first use: call
from a worker thread, or after `segment.initialise()` has run.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core import segment
from workbench.core.departments import Department, official_order
from workbench.core.departments import suggest as match_names
from workbench.core.sentences import lead_phrase

__all__ = ["Suggestion", "picker_matches", "suggest_for_text"]

NAME_WEIGHT = 3.0  # the text names the department (滨海新区, 天津海关)
LEAD_WEIGHT = 2.0  # extra weight of a word in the clause's lead phrase
SUBSTRING_MIN = 3  # shorter words must be jieba tokens of the text to count


@dataclass(frozen=True)
class Suggestion:
    department: Department
    score: float
    words: tuple[str, ...]  # the keywords and names found, strongest first


def suggest_for_text(
    text: str,
    departments: Sequence[Department],
    *,
    lead: str | None = None,
    limit: int = 8,
    include_retired: bool = False,
) -> list[Suggestion]:
    """Departments whose keywords or names occur in `text`, best first.

    `lead` is the clause's lead phrase; by default it is taken from the text
    (its short first sentence, if it has one).  Ties keep official order.
    """
    if limit <= 0 or not text.strip():
        return []
    pool = [d for d in departments if include_retired or not d.retired]
    if lead is None:
        lead = lead_phrase(text) or ""
    body_tokens = Counter(segment.tokens(text))
    lead_tokens = Counter(segment.tokens(lead)) if lead else Counter()

    owners: Counter[str] = Counter()
    for dept in pool:
        owners.update(set(_keywords(dept)) | set(_names(dept)))

    ranked: list[tuple[float, tuple[int, int], Suggestion]] = []
    for dept in pool:
        found: list[tuple[float, str]] = []
        names = set(_names(dept))
        for word in set(_keywords(dept)) | names:
            hits = _count(word, body_tokens, text) + LEAD_WEIGHT * _count(word, lead_tokens, lead)
            if hits <= 0:
                continue
            weight = (NAME_WEIGHT if word in names else 1.0) / owners[word]
            found.append((weight * (1.0 + math.log(hits)), word))
        if found:
            found.sort(key=lambda f: (-f[0], f[1]))
            score = round(sum(f[0] for f in found), 6)
            ranked.append((score, dept.sort_key(), Suggestion(dept, score, tuple(w for _, w in found))))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return [r[2] for r in ranked[:limit]]


def picker_matches(
    query: str,
    departments: Sequence[Department],
    *,
    clause_text: str = "",
    limit: int = 20,
    include_retired: bool = False,
) -> list[Department]:
    """What the department picker lists for `query` while a clause is selected."""
    if limit <= 0:
        return []
    if query.strip():
        return match_names(query, list(departments), limit, include_retired=include_retired)
    suggested = [s.department for s in suggest_for_text(clause_text, departments, include_retired=include_retired)]
    seen = {id(d) for d in suggested}
    rest = [d for d in official_order(list(departments)) if id(d) not in seen and (include_retired or not d.retired)]
    return (suggested + rest)[:limit]


def _keywords(dept: Department) -> list[str]:
    return [k.strip() for k in dept.keywords if len(k.strip()) >= 2]


def _names(dept: Department) -> list[str]:
    return [n.strip() for n in (dept.name, dept.full_name, *dept.aliases) if len(n.strip()) >= 2]


def _count(word: str, tokens: Counter[str], text: str) -> int:
    hits = tokens.get(word, 0)
    if not hits and len(word) >= SUBSTRING_MIN:
        hits = text.count(word)
    return hits
