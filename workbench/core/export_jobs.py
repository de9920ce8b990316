"""What the export dialog asks for, as plain data, and the generator that does it.

The GUI builds an `ExportRequest`, reads an `AssignmentSnapshot` on its own
thread, and hands both to `run_export` in a worker; the CLI uses the same
writers directly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.export_xlsx import (
    SHEETS, Progress, Provenance, department_file_name, departments_with_tasks, export_department, export_workbook,
)
from workbench.core.export.print_layout import PrintOptions
from workbench.core.matrix import AssignmentSnapshot, Filters

MODE_WORKBOOK = "workbook"  # the chosen sheets in one workbook
MODE_DEPARTMENTS = "departments"  # one workbook per chosen department, into a folder


@dataclass(frozen=True)
class ExportRequest:
    mode: str
    output: Path  # a .xlsx file (workbook mode) or a folder (departments mode)
    sheets: tuple[str, ...] = SHEETS
    chapters: frozenset[str] | None = None
    # workbook mode: only tasks involving these; departments mode: a workbook for each; None = all
    departments: frozenset[str] | None = None
    options: PrintOptions = PrintOptions()  # paper, numbering, 附件 line of the printed 分工方案
    word: bool = False  # workbook mode: the 分工方案 also as a Word file beside the workbook

    @property
    def word_output(self) -> Path:
        return self.output.with_suffix(".docx")

    def validate(self) -> str | None:
        """A one-line reason the request cannot run, or None."""
        if self.mode == MODE_WORKBOOK:
            if not self.sheets:
                return "请至少选择一个工作表"
            if self.output.suffix.lower() != ".xlsx":
                return "输出文件须为 .xlsx 格式"
            if not self.output.parent.is_dir():
                return f"文件夹不存在：{self.output.parent}"
        elif self.mode == MODE_DEPARTMENTS:
            if self.output.exists() and not self.output.is_dir():
                return f"不是文件夹：{self.output}"
            if self.departments is not None and not self.departments:
                return "请至少选择一个部门"
        else:
            return f"unknown export mode {self.mode!r}"
        if self.chapters is not None and not self.chapters:
            return "请至少选择一章"
        return None


def run_export(snapshot: AssignmentSnapshot, provenance: Provenance, request: ExportRequest) -> Progress:
    """Write what the request asks for; yields (done, total, message); returns the paths written."""
    reason = request.validate()
    if reason:
        raise ValueError(reason)
    filters = Filters(chapters=request.chapters,
                      departments=request.departments if request.mode == MODE_WORKBOOK else None)
    provenance = replace(provenance, filters=filters)
    if request.mode == MODE_WORKBOOK:
        yield from export_workbook(snapshot, request.output, provenance, sheets=request.sheets, filters=filters,
                                   options=request.options)
        if request.word:
            from workbench.core.export.division_docx import write_division_docx

            write_division_docx(snapshot, request.word_output, provenance, filters=filters, options=request.options)
            return [request.output, request.word_output]
        return [request.output]
    used = departments_with_tasks(snapshot, request.chapters)  # no workbook of bare headers
    names = [n for n in used if request.departments is None or n in request.departments]
    if not names:
        raise ValueError("所选部门在所选章节中没有任务：未写出任何文件")
    request.output.mkdir(parents=True, exist_ok=True)
    written = []
    for index, name in enumerate(names):
        path = request.output / department_file_name(name)
        for _ in export_department(snapshot, name, path, provenance, options=request.options):
            pass
        written.append(path)
        yield index + 1, len(names), name
    return written
