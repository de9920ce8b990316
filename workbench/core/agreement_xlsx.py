"""The agreement statistics as an Excel workbook (overall, per department, per pair)."""

from __future__ import annotations

from pathlib import Path

from .agreement import AgreementReport
from .table_xlsx import Sheet, write_tables

HEADERS = ["范围", "条目数", "被定为牵头次数", "一致率", "Cohen's κ", "Fleiss' κ"]


def _round(value: float | None, digits: int = 4) -> float | str:
    return "n/a" if value is None else round(value, digits)


def write_agreement(path: Path, report: AgreementReport) -> Path:
    o = report.overall
    rows = [[o.label, o.items, "", _round(o.percent), _round(o.cohen), _round(o.fleiss)]]
    rows += [[d.label, d.items, d.positives, _round(d.percent), _round(d.cohen), _round(d.fleiss)]
             for d in report.departments]  # fmt: skip
    pairs = [[p.first, p.second, p.items, _round(p.percent), _round(p.cohen)] for p in report.pairs]
    return write_tables(
        path,
        [
            Sheet("一致性", HEADERS, rows, [24, 10, 14, 10, 12, 12]),
            Sheet("两两比较", ["审核人甲", "审核人乙", "条目数", "一致率", "Cohen's κ"], pairs, [24, 24, 10, 10, 12]),
            Sheet("审核人", ["审核人"], [[r] for r in report.reviewers], [30]),
        ],
    )
