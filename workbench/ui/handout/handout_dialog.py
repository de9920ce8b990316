"""File › 分发副本…: a consistent copy of this workspace, with its own identity, for another reviewer.

The copy is written through SQLite's backup API (storage/sync/fork.py handout), so
the latest changes are in it even while the workspace is open, and nothing is
left in a -wal file beside it.  The reviewer works in the copy and sends it
back; File › 合并 brings the work in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QWidget,
)

from workbench.storage.errors import StoreError
from workbench.storage.sync.fork import handout

translate = QCoreApplication.translate


class HandoutDialog(QDialog):
    def __init__(self, workspace: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("分发副本"))
        self._folder = workspace.parent if workspace else Path.home()
        self._stem = workspace.stem if workspace else "workspace"
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("为另一位审核人写出本工作区的副本。对方在副本中工作后交回，用“合并”导入。")))
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setPlaceholderText(self.tr("审核人姓名，如 李四"))
        self.reviewer_edit.textChanged.connect(self._suggest)
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("交给："), self.reviewer_edit)
        form.addRow(self.tr("副本文件："), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._suggest("")

    def _suggest(self, name: str) -> None:
        suffix = f"-{name.strip()}" if name.strip() else "-副本"
        self.path_edit.setText(str(self._folder / f"{self._stem}{suffix}.sqlite"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("副本文件"), self.path_edit.text(),
                                              self.tr("工作区 (*.sqlite)"))
        if path:
            self.path_edit.setText(path)

    def reviewer(self) -> str:
        return self.reviewer_edit.text().strip()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())


def open_handout(window) -> Path | None:
    """Ask for the reviewer and the file, write the copy; return its path (None when cancelled or refused)."""
    dialog = HandoutDialog(Path(str(window.session.path)) if window.session.path else None, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return write_handout(window, dialog.reviewer(), dialog.path())


def write_handout(window, reviewer: str, path: Path) -> Path | None:
    title = translate("HandoutDialog", "分发副本")
    try:
        target = handout(window.session.repo.db, path, to=reviewer, reviewer=window.session.repo.reviewer)
    except (StoreError, OSError) as exc:
        QMessageBox.warning(window, title, str(exc))
        return None
    QMessageBox.information(window, title, translate("HandoutDialog", "已为 {name} 写出副本：{path}").format(
        name=reviewer, path=target))
    return target
