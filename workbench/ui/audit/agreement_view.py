"""Agreement between reviewers on each clause's lead department, with an Excel export.

Shows percent agreement, Cohen's kappa (two reviewers) and Fleiss' kappa,
overall and per department (core.agreement), computed from the events by
storage.agreement_data on `refresh()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)  # fmt: skip

from workbench.core.agreement import AgreementReport, Stats, agreement
from workbench.storage.reading.agreement_data import lead_ratings, official_department_names
from workbench.storage.repository import Repository

translate = QCoreApplication.translate


def _number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.1f}%" if percent else f"{value:.3f}"


class AgreementView(QWidget):
    def __init__(self, repo: Repository, plan_sha256: str | None = None, parent: QWidget | None = None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self.repo = repo
        self.plan_sha256 = plan_sha256
        self.report: AgreementReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            translate("AgreementView", "范围"), translate("AgreementView", "条目数"),
            translate("AgreementView", "被定为牵头次数"), translate("AgreementView", "一致率"),
            "Cohen's κ", "Fleiss' κ",
        ])  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        self.export_button = QPushButton(translate("AgreementView", "导出 Excel…"))
        self.export_button.clicked.connect(self._choose_export)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        if load:  # else the owner refreshes it when first shown
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.show_report(agreement(lead_ratings(self.repo.db, plan_sha256=self.plan_sha256),
                                   department_order=official_department_names(self.repo.db)))

    def refresh_in_background(self, pool, path: Path) -> None:
        """Compute on a pool thread with its own read-only connection (it reads every event), then show."""
        from workbench.ui.workers import Worker

        self.summary.setText(translate("AgreementView", "正在计算一致性…"))
        worker = Worker(_report_from_file, Path(path), self.plan_sha256)
        worker.signals.finished.connect(self.show_report)
        pool.start(worker)

    def show_report(self, report) -> None:
        self.report = report
        if len(report.reviewers) < 2:
            self.summary.setText(translate("AgreementView", "至少需要两位审核人的分工才能计算一致性。"))
            self.table.setRowCount(0)
            self.export_button.setEnabled(False)
            return
        self.summary.setText(
            translate("AgreementView", "审核人：%1；共同审核的条目：%2")
            .replace("%1", "、".join(report.reviewers)).replace("%2", str(report.overall.items))
        )  # fmt: skip
        rows: list[Stats] = [report.overall, *report.departments]
        self.table.setRowCount(len(rows))
        for row, stats in enumerate(rows):
            cells = [stats.label, str(stats.items), str(stats.positives) if row else "",
                     _number(stats.percent, True), _number(stats.cohen), _number(stats.fleiss)]  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.export_button.setEnabled(True)

    def export_to(self, path: Path) -> Path:
        if self.report is None:
            self.refresh()
        assert self.report is not None
        from workbench.core.agreement_xlsx import write_agreement  # openpyxl: imported when saving, not at start

        return write_agreement(Path(path), self.report)

    @Slot()
    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, translate("AgreementView", "导出一致性统计"), "一致性统计.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.export_to(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))


def _report_from_file(path: Path, plan_sha256: str | None):
    """Worker thread: the agreement report read through this thread's own connection."""
    from workbench.storage.files.database import open_readonly

    db = open_readonly(path)
    try:
        return agreement(lead_ratings(db, plan_sha256=plan_sha256), department_order=official_department_names(db))
    finally:
        db.close()
