"""File › Export… (Ctrl+E): choose what to export, for which plan, chapters and departments.

The dialog only collects an `ExportRequest`; `start_export` reads the
snapshot on the GUI thread (a few milliseconds) and writes the workbook in a
worker behind a progress dialog with cancel, after checking the workspace
against its audit trail there (export_check.py: refused on a mismatch).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QRadioButton,
    QVBoxLayout, QWidget,
)

from workbench.core import plan as P
from workbench.core.export_jobs import MODE_DEPARTMENTS, MODE_WORKBOOK, ExportRequest, run_export
from workbench.core.export.print_layout import PrintOptions
from workbench.core.export_xlsx import SHEET_TITLES, SHEETS

SETTINGS_DIR = "export/last_dir"


class ExportDialog(QDialog):
    """Collects an ExportRequest; `request()` returns it after accept()."""

    plan_changed = Signal(int)

    def __init__(self, repo, parent: QWidget | None = None, *, plan_id: int | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出 Excel"))
        self.repo = repo
        self.settings = settings or QSettings()
        self._plans = repo.plans()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.plan_box = QComboBox()
        for record in self._plans:
            self.plan_box.addItem(record.title, record.id)
        if plan_id is not None:
            self.plan_box.setCurrentIndex(max(0, self.plan_box.findData(plan_id)))
        form.addRow(self.tr("规划："), self.plan_box)
        layout.addLayout(form)

        mode_box = QGroupBox(self.tr("导出内容"))
        mode_layout = QVBoxLayout(mode_box)
        self.mode_workbook = QRadioButton(self.tr("一个工作簿，包含所选工作表"))
        self.mode_departments = QRadioButton(self.tr("每个部门一个工作簿（发给各部门联络员）"))
        self.mode_workbook.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.mode_workbook)
        group.addButton(self.mode_departments)
        mode_layout.addWidget(self.mode_workbook)
        sheets_row = QHBoxLayout()
        self.sheet_checks: dict[str, QCheckBox] = {}
        for sheet in SHEETS:
            box = QCheckBox(SHEET_TITLES[sheet])
            box.setChecked(True)
            self.sheet_checks[sheet] = box
            sheets_row.addWidget(box)
        sheets_row.addStretch(1)
        mode_layout.addLayout(sheets_row)
        mode_layout.addWidget(self.mode_departments)
        mode_layout.addWidget(QLabel(self.tr("部门（工作簿只含涉及所选部门的任务；或为所选部门各出一个工作簿）：")))
        self.department_list = QListWidget()
        self.department_list.setMaximumHeight(140)
        mode_layout.addWidget(self.department_list)
        layout.addWidget(mode_box)

        chapter_box = QGroupBox(self.tr("范围（章）"))
        chapter_layout = QVBoxLayout(chapter_box)
        self.chapter_list = QListWidget()
        self.chapter_list.setMaximumHeight(170)
        chapter_layout.addWidget(self.chapter_list)
        toggles = QHBoxLayout()
        for text, state in ((self.tr("全选"), Qt.CheckState.Checked), (self.tr("全不选"), Qt.CheckState.Unchecked)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=state: self._check_all(self.chapter_list, s))
            toggles.addWidget(button)
        toggles.addStretch(1)
        chapter_layout.addLayout(toggles)
        layout.addWidget(chapter_box)

        print_box = QGroupBox(self.tr("打印版式（任务分工方案）"))
        print_form = QFormLayout(print_box)
        self.paper_box = QComboBox()
        self.paper_box.addItem(self.tr("A4 横向"), "A4")
        self.paper_box.addItem(self.tr("A3 横向"), "A3")
        self.numbering_box = QComboBox()
        self.numbering_box.addItem(self.tr("全文连续编号"), "continuous")
        self.numbering_box.addItem(self.tr("每章重新编号"), "chapter")
        self.attachment_edit = QLineEdit()
        self.attachment_edit.setPlaceholderText(self.tr("如“附件”或“附件2”，不填则不印"))
        self.word_check = QCheckBox(self.tr("同时生成 Word 版方案（.docx，与工作簿同名）"))
        print_form.addRow(self.tr("纸张："), self.paper_box)
        print_form.addRow(self.tr("序号："), self.numbering_box)
        print_form.addRow(self.tr("附件标注："), self.attachment_edit)
        print_form.addRow(self.word_check)
        layout.addWidget(print_box)

        out_row = QHBoxLayout()
        self.output_edit = QLineEdit()
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        out_row.addWidget(QLabel(self.tr("保存到：")))
        out_row.addWidget(self.output_edit, 1)
        out_row.addWidget(browse)
        layout.addLayout(out_row)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.plan_box.currentIndexChanged.connect(self._load_plan)
        self.mode_workbook.toggled.connect(self._mode_changed)
        self._load_plan()
        self._mode_changed()
        self.resize(640, 620)

    # -- state ---------------------------------------------------------------
    def plan_id(self) -> int | None:
        return self.plan_box.currentData()

    def _load_plan(self) -> None:
        self.chapter_list.clear()
        self.department_list.clear()
        plan_id = self.plan_id()
        if plan_id is None:
            return
        plan = self.repo.load_plan(plan_id)
        for node in plan.nodes():
            if node.kind == P.CHAPTER:
                item = QListWidgetItem(node.display)
                item.setData(Qt.ItemDataRole.UserRole, node.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.chapter_list.addItem(item)
        used = {a.name for rows in self.repo.assignments_for_plan(plan_id).values() for a in rows}
        for dept in self.repo.departments(include_retired=True):
            if dept.name in used:
                item = QListWidgetItem(dept.name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.department_list.addItem(item)
        default_dir = Path(self.settings.value(SETTINGS_DIR, str(Path.home())))
        record = next(r for r in self._plans if r.id == plan_id)
        self._default_file = default_dir / f"{record.title[:40]}-任务分工.xlsx"
        self._default_dir = default_dir / "各部门任务分工"
        self._mode_changed()
        self.plan_changed.emit(plan_id)

    def _mode_changed(self) -> None:
        workbook = self.mode_workbook.isChecked()
        for box in self.sheet_checks.values():
            box.setEnabled(workbook)
        if hasattr(self, "word_check"):
            self.word_check.setEnabled(workbook)
        if hasattr(self, "_default_file"):
            self.output_edit.setText(str(self._default_file if workbook else self._default_dir))

    @staticmethod
    def _check_all(widget: QListWidget, state: Qt.CheckState) -> None:
        for i in range(widget.count()):
            widget.item(i).setCheckState(state)

    @staticmethod
    def _checked(widget: QListWidget, role: int | None = None) -> list[str]:
        items = [widget.item(i) for i in range(widget.count())]
        return [i.data(role) if role is not None else i.text() for i in items
                if i.checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        if self.mode_workbook.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出到"), self.output_edit.text(),
                                                  self.tr("Excel 工作簿 (*.xlsx)"))
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("导出到文件夹"), self.output_edit.text())
        if path:
            self.output_edit.setText(path)

    def request(self) -> ExportRequest:
        chapters = self._checked(self.chapter_list, Qt.ItemDataRole.UserRole)
        all_chapters = self.chapter_list.count()
        chapter_filter = None if len(chapters) == all_chapters else frozenset(chapters)
        departments = self._checked(self.department_list)
        dept_filter = None if len(departments) == self.department_list.count() else frozenset(departments)
        output = Path(self.output_edit.text().strip()).expanduser()
        options = PrintOptions(paper=self.paper_box.currentData(), numbering=self.numbering_box.currentData(),
                               attachment=self.attachment_edit.text().strip())
        if self.mode_workbook.isChecked():
            if output.suffix.lower() != ".xlsx" and output.name:
                output = output.with_name(output.name + ".xlsx")
            sheets = tuple(s for s in SHEETS if self.sheet_checks[s].isChecked())
            return ExportRequest(MODE_WORKBOOK, output, sheets=sheets, chapters=chapter_filter,
                                 departments=dept_filter, options=options,
                                 word=self.word_check.isChecked() and "division" in sheets)
        return ExportRequest(MODE_DEPARTMENTS, output, chapters=chapter_filter, departments=dept_filter,
                             options=options)

    def _accept(self) -> None:
        reason = self.request().validate()
        if reason:
            self.error_label.setText(reason)
            return
        self.settings.setValue(SETTINGS_DIR, str(self.request().output.parent
                                                 if self.mode_workbook.isChecked() else self.request().output))
        self.accept()


def start_export(parent: QWidget, pool, repo, plan_id: int, request: ExportRequest, *, workspace: Path,
                 on_done=None):
    """Read the snapshot here (GUI thread), write in a worker; returns the Worker."""
    from workbench.storage.state.export_snapshot import read_export_snapshot
    from workbench.storage.state.snapshot import provenance
    from workbench.ui.workers import run_with_progress

    snapshot = read_export_snapshot(repo, plan_id)  # the part of the tree a workbook shows
    plan = snapshot.plan
    reviewer = repo.reviewer.name + (f"（{repo.reviewer.unit}）" if repo.reviewer.unit else "")
    prov = provenance(repo.db, plan, workspace=workspace, reviewer=reviewer)  # run_export records the filters

    def finished(paths) -> None:
        if on_done is not None:
            on_done(paths)

    def failed(reason: str) -> None:
        QMessageBox.warning(parent, QCoreApplication.translate("ExportDialog", "导出失败"), reason)

    # The worker first checks the workspace against its audit trail (as the CLI does) and refuses, naming the
    # first mismatch, a workspace whose state rows were edited behind the application's back.
    from workbench.ui.export.export_check import checked

    source = Path(workspace) if workspace and str(workspace) not in ("", ".") else None
    return run_with_progress(pool, parent, checked, source, run_export(snapshot, prov, request),
                             title=QCoreApplication.translate("ExportDialog", "导出 Excel"),
                             label=QCoreApplication.translate("ExportDialog", "正在导出…"), on_finished=finished,
                             on_failed=failed)  # fmt: skip
