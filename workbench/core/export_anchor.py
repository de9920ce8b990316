"""Reading back what an exported workbook cites of the audit trail: the event count and head hash.

Every workbook's 说明 sheet cites them so that an auditor can later prove the
workspace grew from the exported state (`workbench audit verify --against`).
The layout of 说明 may change, so the values are found by their labels, not
their cells: a cell whose text contains LABEL_HASH (or LABEL_COUNT), with the
value in a cell to its right in the same row or just below it.  Other sheets
are searched when no sheet is called 说明.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import openpyxl

LABEL_COUNT = "事件数"  # "审计事件数"
LABEL_HASH = "链头哈希"  # "审计链头哈希"
ABOUT_SHEET = "说明"
_HASH = re.compile(r"\b[0-9a-f]{64}\b")


@dataclass(frozen=True)
class ExportAnchor:
    event_count: int | None
    head_hash: str
    sheet: str


class AnchorNotFound(ValueError):
    """The workbook cites no head hash (not an export of the workbench, or cut)."""


def read_anchor(path: Path) -> ExportAnchor:
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise AnchorNotFound(f"{path} cannot be read as a workbook: {exc}") from exc
    try:
        names = book.sheetnames
        ordered = [n for n in names if ABOUT_SHEET in n] + [n for n in names if ABOUT_SHEET not in n]
        for name in ordered:
            sheet = book[name]
            sheet.reset_dimensions()  # WPS may record A1 as the dimension
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            head = _find(rows, LABEL_HASH, lambda v: (m := _HASH.search(str(v).lower())) and m.group(0))
            if head:
                count = _find(rows, LABEL_COUNT, _as_count)
                return ExportAnchor(count, head, name)
    finally:
        book.close()
    raise AnchorNotFound(f"{path} cites no head hash (no cell labelled {LABEL_HASH!r}): is it a workbench export?")


def _as_count(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).replace(",", "").strip()
    return int(text) if text.isdigit() else None


def _find(rows: list[list[object]], label: str, parse):
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, str) or label not in cell:
                continue
            candidates = row[c + 1 :] + ([rows[r + 1][c]] if r + 1 < len(rows) and c < len(rows[r + 1]) else [])
            for value in candidates:
                if value is not None and (found := parse(value)):
                    return found
    return None
