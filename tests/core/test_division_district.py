"""The 任务分工方案 of a district plan numbered 一、（一）1. (QA pass)."""

from __future__ import annotations

import docx
import openpyxl

from tests.core.test_import_district_plan import DOC_CAPTIONED_TABLE
from workbench import paths
from workbench.core.departments import load_registry
from workbench.core.export.division_docx import write_division_docx
from workbench.core.export_xlsx import Provenance, export_workbook
from workbench.core.importing import import_lines
from workbench.core.matrix import AssignmentSnapshot, Tag


def test_chapter_rows_print_a_punctuated_label_without_a_gap(tmp_path):
    """「二、　加快建设…」 printed an ideographic space after 二、; documents write 二、加快建设…
    (第二章　加快建设… keeps its space)."""
    plan = import_lines(DOC_CAPTIONED_TABLE.splitlines())
    snapshot = AssignmentSnapshot(plan, load_registry(paths.DEPARTMENTS_FILE), {
        "ch01/s01/p01": [Tag("市发展改革委", "lead")]})
    provenance = Provenance(plan.title, plan.sha256, "ws", "2026-12-01T10:00:00+08:00", "me", 0, "0" * 64)
    book = tmp_path / "division.xlsx"
    list(export_workbook(snapshot, book, provenance))
    values = [c for row in openpyxl.load_workbook(book)["任务分工"].iter_rows(values_only=True) for c in row if c]
    assert "一、发展基础和总体要求" in values and not any(str(v).startswith("一、　") for v in values)
    word = tmp_path / "division.docx"
    result = write_division_docx(snapshot, word, provenance)
    if hasattr(result, "__next__"):
        list(result)
    cells = {c.text for t in docx.Document(word).tables for r in t.rows for c in r.cells}
    assert "一、发展基础和总体要求" in cells
