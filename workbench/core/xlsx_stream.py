"""The XML stream of a write-only sheet, in UTF-8.

openpyxl streams a sheet through lxml's `xmlfile` with no encoding, which
writes ASCII: every Chinese character becomes a numeric reference such as
`&#35268;` (8 bytes where UTF-8 takes 3).  A plan's 任务分工 sheet is nearly
all Chinese, so the XML came out 2.5 times as long as its text, and writing
and deflating those bytes was a third of an export.  The same elements
written as UTF-8 (the encoding XML assumes, and the one Excel writes) read
back to the same cells in Excel, WPS, LibreOffice and openpyxl; the other
parts of the package (styles, workbook) are openpyxl's as before.
"""

from __future__ import annotations

from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import xmlfile


class Utf8SheetWriter(WorksheetWriter):
    """openpyxl's sheet writer with a UTF-8 stream: what openpyxl writes where lxml is not installed
    (its et_xmlfile fallback streams UTF-8), with no declaration, so UTF-8 by the XML rules."""

    def get_stream(self):  # openpyxl's own, but for the encoding
        with xmlfile(self.out, encoding="utf-8") as xf:
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        el = yield
                        if el is True:
                            yield xf
                        elif el is None:
                            continue
                        else:
                            xf.write(el)
                except GeneratorExit:
                    pass


def stream_utf8(ws) -> None:
    """Let the write-only sheet `ws` stream its XML as UTF-8 (call before its first row)."""

    def get_writer() -> None:  # WriteOnlyWorksheet._get_writer, with our writer
        if ws._writer is None:
            ws._writer = Utf8SheetWriter(ws)
            ws._writer.write_top()

    ws._get_writer = get_writer
