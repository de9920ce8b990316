"""File › Import division sheet: show what an edited 任务分工 sheet would change,
then apply it on confirmation, attributed to the reviewer the user names.

Unknown department names are listed with suggestions and block the import:
departments are never created by it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QMessageBox, QVBoxLayout, QWidget,
)

from workbench.core.division_import import DivisionDiff, DivisionSheetError, diff_division, read_division_sheet
from workbench.storage.audit.audit import Reviewer
from workbench.storage.state.division import apply_division
from workbench.storage.liaison.past_assignments import past_assignments
from workbench.storage.state.snapshot import read_snapshot


class DivisionImportDialog(QDialog):
    """Shows the differences; `applied` holds the Changes after a confirmed import."""

    def __init__(self, repo, plan_id: int, diff: DivisionDiff, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.plan = repo.load_plan(plan_id)
        self.diff = diff
        self.source = source
        self.applied: list = []
        self.setWindowTitle(self.tr("导入任务分工表"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{file}：读取 {rows} 行，{n} 处修改将应用。").format(
            file=source.name, rows=diff.rows_read, n=diff.applicable)))
        self.change_list = QListWidget()
        for line in diff.change_lines():
            self.change_list.addItem(line)
        layout.addWidget(self.change_list, 1)
        self.report_list = QListWidget()
        for line in diff.report_lines():
            self.report_list.addItem(line)
        if self.report_list.count():
            layout.addWidget(QLabel(self.tr("以下差异不会应用（原因见各行）：")))
            layout.addWidget(self.report_list)
        self.problem_list = QListWidget()
        for line in diff.unknown_lines():
            self.problem_list.addItem(line)
        if self.problem_list.count():
            layout.addWidget(QLabel(self.tr("以下问题须在表格中改正后重新导入（不会自动新建部门）：")))
            layout.addWidget(self.problem_list)
        form = QFormLayout()
        self.reviewer_edit = QLineEdit(repo.reviewer.name)
        self.unit_edit = QLineEdit(repo.reviewer.unit)
        form.addRow(self.tr("修改记为（审核人）："), self.reviewer_edit)
        form.addRow(self.tr("单位："), self.unit_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("应用修改"))
        ok.setEnabled(diff.ok and bool(diff.applicable))
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    def _apply(self) -> None:
        name = self.reviewer_edit.text().strip()
        if not name:
            QMessageBox.warning(self, self.windowTitle(), self.tr("请填写审核人姓名。"))
            return
        from workbench.storage.backups import backup_before

        try:  # a copy of the workspace before the sheet's changes land (issue 11)
            backup_before(self.repo.db, reason="division", detail=self.source.name, reviewer=name)
        except Exception as exc:  # noqa: BLE001 - a full disk or a database error: nothing was changed
            QMessageBox.warning(self, self.windowTitle(), self.tr("无法在导入前备份工作区，未作修改：%1").replace("%1", str(exc)))
            return
        self.applied = apply_division(self.repo, self.plan, self.diff, reviewer=Reviewer(name, self.unit_edit.text().strip()),
                                      reason=f"import-division {self.source.name}")
        self.accept()


def prepare_division_import(repo, plan_id: int, path: Path) -> DivisionDiff:
    """Read the sheet and compare it with the workspace (GUI thread: a few ms)."""
    rows = read_division_sheet(path)
    plan = repo.load_plan(plan_id)
    return diff_division(rows, read_snapshot(repo.db, plan), past_assignments(repo.db, plan.sha256))


def import_division_interactively(parent: QWidget, repo, plan_id: int, path: Path) -> list:
    """The whole File › Import division sheet flow; returns the Changes applied."""
    try:
        diff = prepare_division_import(repo, plan_id, path)
    except DivisionSheetError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("DivisionImportDialog", "导入任务分工表"), str(exc))
        return []
    if diff.ok and not diff.applicable and not diff.reports:
        QMessageBox.information(parent, QCoreApplication.translate("DivisionImportDialog", "导入任务分工表"), QCoreApplication.translate("DivisionImportDialog", "表格与工作区一致，没有需要应用的修改。"))
        return []
    dialog = DivisionImportDialog(repo, plan_id, diff, path, parent)
    dialog.exec()
    return dialog.applied
