"""Plain tables (the audit log, agreement statistics) as Excel workbooks.

Streamed write-only sheets with the same formula-safe cells as the liaison
workbooks (xlsx_cells): a reviewer's note that begins with '=' stays text.
Written to a .part file and renamed, so a failed export leaves no half file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook

from .xlsx_cells import cell, header_row, print_setup, set_widths, stream_cells, valid_sheet_name


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[float] = field(default_factory=tuple)
    number_formats: Mapping[int, str] = field(default_factory=dict)  # column index -> e.g. "0.0%"


def write_tables(path: Path, sheets: Sequence[Sheet]) -> Path:
    path = Path(path)
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    for sheet in sheets:
        ws = workbook.create_sheet(valid_sheet_name(sheet.title, taken))
        stream_cells(ws)
        set_widths(ws, list(sheet.widths) or [16.0] * len(sheet.headers))
        print_setup(ws)
        ws.freeze_panes = "A2"
        ws.append(header_row(ws, list(sheet.headers)))
        for row in sheet.rows:
            ws.append([None if value is None else cell(ws, value, number_format=sheet.number_formats.get(i)
                                                       if isinstance(value, (int, float)) else None)
                       for i, value in enumerate(row)])
    partial = path.with_name(path.name + ".part")
    try:
        workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
