"""Streamed sheets are written as UTF-8: the same XML as openpyxl's, without a character reference per 汉字."""

from __future__ import annotations

import zipfile

import openpyxl
from lxml import etree

from workbench.core.xlsx_cells import cell, cell_style, stream_cells, styled

TEXTS = ["天津市国民经济和社会发展第十五个五年规划纲要", " 前后有空格 ", "=SUM(A1:A3)", "第一行\n第二行",
         "𠀀𪚥（扩展B区）", "a < b & c > d \"引号\" '单引号'", "ASCII only"]


def _write(path, *, utf8: bool) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("任务分工")
    ws.column_dimensions["A"].width = 40
    ws.freeze_panes = "A2"
    stream_cells(ws)
    if not utf8:
        del ws._get_writer  # openpyxl's own stream for the same cells
    style = cell_style(ws)
    for n, text in enumerate(TEXTS):
        ws.append([cell(ws, text), styled(ws, text, style), styled(ws, n, style), None, styled(ws, None, style)])
    wb.save(path)


def _sheet(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml")


def test_a_streamed_sheet_is_utf8_and_reads_back_the_same(tmp_path):
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    _write(ours, utf8=True)
    _write(theirs, utf8=False)
    raw = _sheet(ours)
    assert "规划纲要".encode() in raw and "𪚥".encode() in raw and b"&#" not in raw
    assert b"&#35268;" in _sheet(theirs)  # 规 as openpyxl streams it through lxml: a reference, 8 bytes

    def canonical(xml: bytes) -> bytes:  # the same document, whatever its encoding
        return etree.tostring(etree.fromstring(xml), method="c14n")

    assert canonical(raw) == canonical(_sheet(theirs)) and len(raw) < len(_sheet(theirs))
    for read_only in (False, True):
        books = [openpyxl.load_workbook(p, read_only=read_only) for p in (ours, theirs)]
        values = [[tuple(c.value for c in r) for r in wb["任务分工"].iter_rows()] for wb in books]
        assert values[0] == values[1]
        assert values[0][0][:3] == (TEXTS[0], TEXTS[0], 0) and values[0][1][0] == " 前后有空格 "
    assert openpyxl.load_workbook(ours)["任务分工"].freeze_panes == "A2"
