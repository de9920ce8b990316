"""Agreement between reviewers on the lead department (牵头单位) of each clause.

Pure statistics over plain data: `ratings` maps each reviewer to
{clause: lead department, or None for "no lead"}.  Only clauses rated by every
reviewer compared are counted (pairs use the clauses both rated).

* percent agreement: for two reviewers the share of clauses where they name
  the same lead; for more, the mean over clauses of the share of agreeing
  reviewer pairs (Fleiss's P-bar);
* Cohen's kappa (two reviewers): (p_o - p_e) / (1 - p_e), p_e from each
  reviewer's own category shares (Cohen 1960);
* Fleiss' kappa (any number, here reported for two or more): (P-bar - P_e) /
  (1 - P_e), P_e from the pooled category shares (Fleiss 1971);
* per department D: the same on the binary rating "lead is D / is not D".

A kappa is None when chance agreement is 1 (every rating in one category):
the statistic is undefined there, not perfect.  `kappa_note` says when a
kappa, though defined, means little: a department named lead a handful of
times gives 99% agreement and a kappa near 0 (the prevalence paradox), so the
workbook shows the kappa only where it carries information, and says why not
elsewhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

NO_LEAD = None


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    if len(first) != len(second):
        raise ValueError("both reviewers must rate the same clauses")
    n = len(first)
    if n == 0:
        return None
    observed = sum(1 for a, b in zip(first, second) if a == b) / n
    counts_a, counts_b = Counter(first), Counter(second)
    expected = sum(counts_a[c] * counts_b[c] for c in counts_a) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def fleiss_kappa_counts(table: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' kappa from a subjects x categories table of rating counts (rows sum to n raters)."""
    if not table:
        return None
    n = sum(table[0])
    if n < 2 or any(sum(row) != n for row in table):
        raise ValueError("every subject needs the same number (>= 2) of ratings")
    subjects = len(table)
    p_bar = sum((sum(c * c for c in row) - n) / (n * (n - 1)) for row in table) / subjects
    shares = [sum(row[j] for row in table) / (subjects * n) for j in range(len(table[0]))]
    p_e = sum(p * p for p in shares)
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1.0 - p_e)


def _table(items: Sequence[Sequence[Hashable]]) -> list[list[int]]:
    categories = sorted({c for row in items for c in row}, key=repr)
    return [[row.count(c) for c in categories] for row in items]


def fleiss_kappa(items: Sequence[Sequence[Hashable]]) -> float | None:
    """Fleiss' kappa from each clause's ratings (one category per reviewer)."""
    return fleiss_kappa_counts(_table(items))


def percent_agreement(items: Sequence[Sequence[Hashable]]) -> float | None:
    """Mean share of agreeing reviewer pairs per clause (= share of equal pairs for two reviewers)."""
    if not items:
        return None
    total = 0.0
    for row in items:
        pairs = list(combinations(row, 2))
        total += sum(1 for a, b in pairs if a == b) / len(pairs)
    return total / len(items)


@dataclass(frozen=True)
class Stats:
    label: str  # "全部" or a department
    items: int
    percent: float | None
    cohen: float | None  # only with exactly two reviewers
    fleiss: float | None
    positives: int = 0  # per department: ratings naming it as lead


@dataclass(frozen=True)
class PairStats:
    first: str
    second: str
    items: int
    percent: float | None
    cohen: float | None


@dataclass(frozen=True)
class AgreementReport:
    reviewers: tuple[str, ...]
    overall: Stats
    departments: tuple[Stats, ...] = ()
    pairs: tuple[PairStats, ...] = field(default=())


def _stats(label: str, rows: list[tuple[Hashable, ...]], positives: int = 0) -> Stats:
    cohen = cohen_kappa([r[0] for r in rows], [r[1] for r in rows]) if rows and len(rows[0]) == 2 else None
    return Stats(label, len(rows), percent_agreement(rows), cohen, fleiss_kappa(rows) if rows else None, positives)


MIN_POSITIVES = 5  # ratings naming a department as lead before its kappa is shown
MIN_ITEMS = 10  # clauses rated by every reviewer before any kappa is shown


def kappa_note(stats: Stats, *, per_department: bool) -> str:
    """'' when the kappa of these statistics is worth showing; otherwise why not, in plain words."""
    if stats.items < MIN_ITEMS:
        return f"共同审核的条目仅 {stats.items} 条（少于 {MIN_ITEMS} 条），κ 不稳定，请看一致率"
    if per_department and stats.positives < MIN_POSITIVES:
        return (f"被定为牵头仅 {stats.positives} 次（少于 {MIN_POSITIVES} 次），"
                "一致率主要来自“都不是”，κ 无参考意义，请看一致率")
    kappa = stats.cohen if stats.cohen is not None else stats.fleiss
    if kappa is None:
        return "所有评分同属一类，κ 无定义"
    return ""


def agreement(
    ratings: Mapping[str, Mapping[Hashable, Hashable]], *, overall_label: str = "全部",
    department_order: Sequence[str] = (),
) -> AgreementReport:
    """Statistics for the reviewers in `ratings` (two or more with any rating).

    Departments are listed in `department_order` (the registry's official order), others after them."""
    reviewers = tuple(sorted(r for r, rated in ratings.items() if rated))
    if len(reviewers) < 2:
        return AgreementReport(reviewers, Stats(overall_label, 0, None, None, None))
    common = set.intersection(*(set(ratings[r]) for r in reviewers))
    items = sorted(common, key=repr)
    rows = [tuple(ratings[r][item] for r in reviewers) for item in items]
    rank = {name: i for i, name in enumerate(department_order)}
    departments = sorted({c for row in rows for c in row if c is not NO_LEAD},
                         key=lambda d: (rank.get(str(d), len(rank)), str(d)))
    per_department = tuple(
        _stats(str(d), [tuple(c == d for c in row) for row in rows], sum(row.count(d) for row in rows))
        for d in departments
    )
    pairs = []
    for first, second in combinations(reviewers, 2):
        shared = sorted(set(ratings[first]) & set(ratings[second]), key=repr)
        a = [ratings[first][i] for i in shared]
        b = [ratings[second][i] for i in shared]
        pct = sum(1 for x, y in zip(a, b) if x == y) / len(shared) if shared else None
        pairs.append(PairStats(first, second, len(shared), pct, cohen_kappa(a, b)))
    return AgreementReport(reviewers, _stats(overall_label, rows), per_department, tuple(pairs))
