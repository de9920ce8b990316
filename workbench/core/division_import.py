"""Reading back a 任务分工 sheet a liaison edited, and what it would change.

Rows are matched to nodes by the exported node-id column.  Every editable
column is read: 牵头单位 and 责任单位 (the new ordered list, leads first),
本单位角色 of a department's own workbook, 完成时限 (free text as documents
write it) and 备注 (the public remark).  Rows added without a node id are
proposals, reported and never applied; rows deleted from the sheet are
reported, never taken as "remove every department".  Department names are
resolved by name or alias (names that themselves contain 、 are kept whole);
unknown names are reported with their rows and suggestions, never created.

The sheet is found whatever the application that saved it did: a recorded
dimension of A1 (WPS) is reset, the header row is looked for below a title,
shared and inline strings and dates typed into 完成时限 are all read.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from workbench.core.liaison.division_diff import (
    DivisionDiff, FieldChange, NodeChange, RowReport, diff_division, split_names, suggestions,
)
from workbench.core.export.about_sheet import LABEL_SCOPE, parse_scope

__all__ = ["DivisionDiff", "DivisionSheet", "DivisionSheetError", "FieldChange", "NodeChange", "RowReport",
           "SheetRow", "diff_division", "read_division_sheet", "split_names", "suggestions"]

ID_HEADERS = ("节点编号（勿改）", "节点编号", "编号", "node_id")
LEAD_HEADER = "牵头单位"
RESPONSIBLE_HEADERS = ("责任单位", "配合单位")
COLUMNS = {
    "seq": ("序号",), "task": ("重点任务", "任务"), "role": ("本单位角色",), "timing": ("完成时限",),
    "remark": ("备注",), "paste": ("任务分工表述",),
}
SPLIT_RE = re.compile(r"[、，,；;\s/]+")
LEGACY_HEADER = "章节"  # only the first layout of the sheet had it
HEADER_SCAN = 12  # rows looked at for the header below a title and 附件 line
INTERNAL_MARK = "（内部备注）"


class DivisionSheetError(ValueError):
    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


@dataclass
class SheetRow:
    row: int  # 1-based row in the sheet
    node_key: str  # '' for a row the liaison added
    lead_text: str
    responsible_text: str
    role: str | None = None  # the 本单位角色 cell; None when the sheet has no such column
    timing: str | None = None  # None when the sheet has no 完成时限 column
    remark: str | None = None
    paste: str | None = None
    seq: str = ""
    task: str = ""

    @property
    def leads(self) -> list[str]:
        return _plain_split(self.lead_text)

    @property
    def responsible(self) -> list[str]:
        return _plain_split(self.responsible_text)


class DivisionSheet(list):
    """The rows of the sheet (a list of SheetRow), with what the export covered."""

    def __init__(self, rows=(), *, department: str | None = None, scope: dict[str, list[str]] | None = None,
                 sheet_name: str = "") -> None:
        super().__init__(rows)
        self.department = department  # a department's own workbook
        self.scope = scope or {}  # from 说明 导出范围代码; {} = unknown (an older or hand-made sheet)
        self.sheet_name = sheet_name


def read_division_sheet(path: Path) -> DivisionSheet:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise DivisionSheetError(path, f"is not a readable .xlsx workbook ({exc})") from exc
    try:
        ws = _find_sheet(wb, path)
        ws.reset_dimensions()  # a sheet saved by WPS may record its size as A1:A1
        rows = list(ws.iter_rows(values_only=True))
        header_at, header = _header(rows)
        if header_at is None:
            raise DivisionSheetError(path, "has no 任务分工 sheet with 牵头单位 and 节点编号 columns")
        col = {"id": next(header.index(h) for h in ID_HEADERS if h in header), "lead": header.index(LEAD_HEADER),
               "responsible": next((header.index(h) for h in RESPONSIBLE_HEADERS if h in header), None)}
        for name, titles in COLUMNS.items():
            col[name] = next((header.index(h) for h in titles if h in header), None)
        if LEGACY_HEADER in header and "重点任务" not in header:
            col["remark"] = None  # the first layout's 备注 carried reviewers' internal notes: never read as public
        scope = _scope(wb)
        result = DivisionSheet(scope=scope, sheet_name=ws.title, department=(scope.get("department") or [None])[0])
        for n, values in enumerate(rows[header_at + 1:], header_at + 2):
            row = _sheet_row(n, values, col)
            if row is not None:
                result.append(row)
        if col["role"] is not None and result.department is None:
            result.department = ws.title[:-2] if ws.title.endswith("任务") else None
        return result
    finally:
        wb.close()


def _find_sheet(wb, path):
    for name in wb.sheetnames:
        if "任务分工" in name or name.endswith("任务"):
            return wb[name]
    raise DivisionSheetError(path, "has no 任务分工 sheet")


def _header(rows: list[tuple]) -> tuple[int | None, list[str]]:
    for index, values in enumerate(rows[:HEADER_SCAN]):
        header = [str(v).strip() if v is not None else "" for v in values]
        if LEAD_HEADER in header and any(h in header for h in ID_HEADERS):
            return index, header
    return None, []


def _scope(wb) -> dict[str, list[str]]:
    if "说明" not in wb.sheetnames:
        return {}
    ws = wb["说明"]
    ws.reset_dimensions()
    for values in ws.iter_rows(values_only=True):
        if values and values[0] == LABEL_SCOPE and len(values) > 1:
            return parse_scope(str(values[1] or ""))
    return {}


def _sheet_row(n: int, values: tuple, col: dict[str, int | None]) -> SheetRow | None:
    texts = {name: cell_text(values, index) for name, index in col.items()}
    if not texts["id"] and not texts["lead"] and not texts["responsible"] and not texts["task"]:
        return None  # blank, a chapter heading row (text in 序号 only), or a stray note below the table
    return SheetRow(
        row=n, node_key=texts["id"], lead_text=texts["lead"], responsible_text=texts["responsible"],
        role=texts["role"] if col["role"] is not None else None,
        timing=texts["timing"] if col["timing"] is not None else None,
        remark=_public(texts["remark"]) if col["remark"] is not None else None,
        paste=texts["paste"] if col["paste"] is not None else None,
        seq=texts["seq"], task=texts["task"],
    )


def _public(remark: str) -> str:
    """The public part of a 备注 cell exported with internal notes shown."""
    return remark.split(INTERNAL_MARK, 1)[0].strip()


def cell_text(values: tuple, col: int | None) -> str:
    if col is None or col >= len(values) or values[col] is None:
        return ""
    value = values[col]
    if isinstance(value, dt.datetime) or isinstance(value, dt.date):
        # Excel turns 2027年6月 or 2027/6/30 typed into 完成时限 into a date.
        day = f"{value.day}日" if value.day != 1 else ""
        return f"{value.year}年{value.month}月{day}前" if day else f"{value.year}年{value.month}月底前"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _plain_split(text: str) -> list[str]:
    return [n for n in SPLIT_RE.split(text) if n]
