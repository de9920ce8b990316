"""The agreement statistics as an Excel workbook (overall, per department, per pair).

Agreement is a percentage cell (0.0%), departments come in the registry's
official order (the caller's report), and a kappa is shown only where it means
something: otherwise the cell says "—" and the next column says why.
"""

from __future__ import annotations

from pathlib import Path

from .agreement import AgreementReport, Stats, kappa_note
from .table_xlsx import Sheet, write_tables

HEADERS = ["范围", "条目数", "被定为牵头次数", "一致率", "Cohen's κ", "Fleiss' κ", "κ 说明"]
PERCENT = "0.0%"
KAPPA = "0.000"


def _value(value: float | None) -> float | str:
    return "—" if value is None else round(value, 4)


def _row(stats: Stats, *, per_department: bool) -> list:
    note = kappa_note(stats, per_department=per_department)
    kappas = ["—", "—"] if note else [_value(stats.cohen), _value(stats.fleiss)]
    return [stats.label, stats.items, stats.positives if per_department else "", _value(stats.percent), *kappas,
            note or ("两位审核人：Cohen's κ；三位及以上：Fleiss' κ" if not per_department else "")]


def _pair_row(pair) -> list:
    """The same rule as the 一致性 sheet: no κ over fewer than MIN_ITEMS common clauses."""
    note = kappa_note(Stats(pair.first, pair.items, pair.percent, pair.cohen, None), per_department=False)
    return [pair.first, pair.second, pair.items, _value(pair.percent), "—" if note else _value(pair.cohen), note]


def write_agreement(path: Path, report: AgreementReport) -> Path:
    rows = [_row(report.overall, per_department=False)]
    rows += [_row(d, per_department=True) for d in report.departments]
    pairs = [_pair_row(p) for p in report.pairs]
    formats = {3: PERCENT, 4: KAPPA, 5: KAPPA}
    return write_tables(
        path,
        [
            Sheet("一致性", HEADERS, rows, [24, 10, 14, 10, 12, 12, 60], formats),
            Sheet("两两比较", ["审核人甲", "审核人乙", "条目数", "一致率", "Cohen's κ", "κ 说明"], pairs,
                  [24, 24, 10, 10, 12, 50],
                  {3: PERCENT, 4: KAPPA}),
            Sheet("审核人", ["审核人"], [[r] for r in report.reviewers], [30]),
        ],
    )
