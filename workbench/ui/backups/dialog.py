"""File › 备份与恢复…: the copies kept beside the workspace, in plain words, and restoring one.

Each row says when the copy was taken, what it was taken before (a merge of
which file, an import of which plan or 任务分工 sheet, a restore, the daily
copy) and how many events it holds.  Restoring asks first, backs up the
current workspace, puts the copy back and reloads the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)  # fmt: skip

from workbench.storage.audit.audit import Reviewer
from workbench.storage.backups import Backup, list_backups, restore_backup

translate = QCoreApplication.translate


def reason_label(backup: Backup) -> str:
    """What the copy was taken before, in the reviewer's words."""
    labels = {
        "merge": translate("BackupsDialog", "合并 %1 之前"),
        "import": translate("BackupsDialog", "导入规划 %1 之前"),
        "division": translate("BackupsDialog", "导入任务分工表 %1 之前"),
        "restore": translate("BackupsDialog", "恢复备份 %1 之前"),
        "daily": translate("BackupsDialog", "每日备份"),
        "open": translate("BackupsDialog", "打开时的备份（旧版本）"),
        "damaged": translate("BackupsDialog", "损坏的工作区（原样保留）"),
    }
    text = labels.get(backup.reason, backup.reason)
    return text.replace("%1", backup.detail).replace("  ", " ") if "%1" in text else text


class BackupsDialog(QDialog):
    restored = Signal(object)  # RestoreResult

    def __init__(self, workspace: Path, reviewer: Reviewer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("备份与恢复"))
        self.workspace = Path(workspace)
        self.reviewer = reviewer
        self.backups: list[Backup] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr("工作区的备份保存在 %1。合并、导入规划或任务分工表、恢复之前各留一份，另每天一份（保留一周）。")
                            .replace("%1", str(self.workspace.parent / "backups")))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("备份于"), self.tr("记录数"), self.tr("大小")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(self.tr("恢复所选备份…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(720, 380)
        self.reload()

    def reload(self) -> None:
        self.backups = list_backups(self.workspace)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            events = str(backup.events) if backup.events is not None else "—"
            cells = [backup.local_time, reason_label(backup), events, f"{backup.size / 1e6:.1f} MB"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(backup.path.name)
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self, *, confirm: bool = True) -> bool:
        backup = self.selected()
        if backup is None:
            return False
        question = self.tr("将工作区恢复到 %1 的备份（%2，%3 条记录）？\n当前内容会先另存为一份备份，可随时再恢复。") \
            .replace("%1", backup.local_time).replace("%2", reason_label(backup)).replace("%3", str(backup.events))
        if confirm and QMessageBox.question(self, self.windowTitle(), question) != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = restore_backup(self.workspace, backup, reviewer=self.reviewer)
        except Exception as exc:  # noqa: BLE001 - a damaged copy, a full disk: nothing was changed
            QMessageBox.warning(self, self.windowTitle(), self.tr("未能恢复：%1").replace("%1", str(exc)))
            return False
        self.restored.emit(result)
        self.reload()
        return True


def install(window) -> None:
    """Add File › 备份与恢复… to the main window."""
    action = QAction(translate("BackupsDialog", "备份与恢复(&B)…"), window)
    action.setObjectName("action_backups")
    action.triggered.connect(lambda: open_backups(window))
    window.actions_by_name["backups"] = action
    window.file_menu.insertAction(window.actions_by_name["settings"], action)


def open_backups(window) -> BackupsDialog | None:
    if not window.session.path:
        return None
    dialog = BackupsDialog(Path(str(window.session.path)), window.session.reviewer, window)
    dialog.restored.connect(lambda _result: reload_window(window))
    dialog.open()
    return dialog


def reload_window(window) -> None:
    """After the workspace's content was replaced: re-read every plan and annotation."""
    reload = getattr(window.session, "reload", None)
    if reload is not None:
        reload()
    else:
        from workbench.ui.window.integrations import refresh_all

        window.session.load()
        refresh_all(window)
    window.status.showMessage(translate("BackupsDialog", "已恢复备份；恢复前的内容已另存为备份。"), 10000)
