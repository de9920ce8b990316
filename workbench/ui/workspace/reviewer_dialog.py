"""Who is reviewing: asked on first start, kept in QSettings, changeable later.

Every write the workbench makes carries the reviewer's name and unit (the
store puts them on each audit event), so the name is required.  On first
start the dialog has no way round it: cancelling asks again (with a reminder),
and 退出 closes the workbench; the OS user is never recorded in its place.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from workbench.storage.audit.audit import Reviewer

NAME_KEY = "reviewer/name"
UNIT_KEY = "reviewer/unit"


def stored_reviewer(settings: QSettings) -> Reviewer | None:
    name = str(settings.value(NAME_KEY, "") or "").strip()
    if not name:
        return None
    return Reviewer(name, str(settings.value(UNIT_KEY, "") or "").strip())


def store_reviewer(settings: QSettings, reviewer: Reviewer) -> None:
    settings.setValue(NAME_KEY, reviewer.name)
    settings.setValue(UNIT_KEY, reviewer.unit)
    settings.sync()


class ReviewerDialog(QDialog):
    QUIT = 2  # result code: close the workbench (first start only)

    def __init__(self, current: Reviewer | None = None, parent: QWidget | None = None, *, first_start: bool = False,
                 reminder: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("审核人"))
        self.setObjectName("reviewerDialog")
        intro = QLabel(
            self.tr("首次使用，请填写您的姓名和单位。每一项标注都会记录审核人。")
            if first_start else self.tr("修改审核人。之后的每一项标注都会记录新的审核人。")
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(current.name if current else "")
        self.name.setObjectName("reviewerName")
        self.name.setPlaceholderText(self.tr("例如：张三"))
        self.unit = QLineEdit(current.unit if current else "")
        self.unit.setObjectName("reviewerUnit")
        self.unit.setPlaceholderText(self.tr("例如：市发展改革委规划处"))
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("单位"), self.unit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.quit_button: QPushButton | None = None
        if first_start:
            self.quit_button = self.buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.quit_button.setObjectName("reviewerQuit")
            self.quit_button.clicked.connect(lambda: self.done(self.QUIT))
        self.name.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if reminder:
            warning = QLabel(self.tr("必须填写姓名才能开始：每一项标注都会记录是谁做的。不想填写可以点“退出”。"))
            warning.setObjectName("reviewerReminder")
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b00020;")
            layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def reviewer(self) -> Reviewer:
        return Reviewer(self.name.text().strip(), self.unit.text().strip())
