"""Text similarity for matching clauses across versions, on rapidfuzz.

Why rapidfuzz and not difflib: SequenceMatcher.ratio is pure Python and
quadratic per pair, so comparing the ~300 paragraphs of one version with the
next takes seconds and a plan 50 times larger takes hours; rapidfuzz computes
the same normalised Indel similarity in C with a bit-parallel algorithm, offers
`partial_ratio` (a piece of a split clause inside the old one) and
`process.extract` with `score_cutoff`, which is the bounded error budget: a
candidate further than the budget is dropped inside the C loop, never scored
in Python.  Scores are 0..100.

Texts are compared normalised (NFKC, no whitespace: plan.normalise_text), so a
re-wrapped line or a full-width space is not a change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process

# A clause whose text is at least this similar to another is the same clause reworded.
# Unrelated clauses of the seed plan score at most ~41 against each other.
REWORD_CUTOFF = 55.0
# A reworded clause this similar in its own section is taken without searching the whole plan.
SURE_CUTOFF = 85.0
# A piece of a split clause (or a part of a merged one) lies inside the whole this well.
PIECE_CUTOFF = 85.0
# A split/merge is accepted when the pieces joined match the whole this well.
JOINED_CUTOFF = 75.0
# Heavier rewrites are accepted only in the same place between matched neighbours.
STRUCTURE_CUTOFF = 42.0
# Short texts (titles, sentences) need more agreement.
TITLE_CUTOFF = 60.0


def ratio(a: str, b: str) -> float:
    return float(fuzz.ratio(a, b))


def candidates(query: str, choices: Mapping[int, str], cutoff: float, limit: int = 5) -> list[tuple[int, float]]:
    """(choice id, score) of the choices most like `query`, best first, none under `cutoff`."""
    if not choices:
        return []
    found = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
    return [(key, float(score)) for _, score, key in found]


def pieces(whole: str, choices: Mapping[int, str], limit: int = 6) -> list[int]:
    """Ids of the choices that lie (nearly) whole inside `whole` and are clearly shorter than it."""
    if not choices:
        return []
    short = {k: v for k, v in choices.items() if 0 < len(v) <= 0.85 * len(whole)}
    if not short:
        return []
    found = process.extract(whole, short, scorer=fuzz.partial_ratio, score_cutoff=PIECE_CUTOFF, limit=limit)
    return [key for _, _, key in found]


def joined_ratio(whole: str, parts: Sequence[str]) -> float:
    return ratio(whole, "".join(parts))
