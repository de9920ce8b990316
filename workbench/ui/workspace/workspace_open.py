"""Opening the workspace in the GUI when the machine misbehaves: never a freeze, never a silent exit.

- Read-only file or medium: the workspace opens for reading, with a banner,
  and every writing action disabled (the annotator refuses, the panes grey).
- Write lock held by another program: a dialog counts down (LOCK_WAIT_S)
  while it retries twice a second, names the holder, and offers to open
  read-only or to cancel, instead of a window frozen for minutes.
- Damaged workspace: a dialog offers the newest good backup (when, before
  what, how many events) and restores it; the damaged file is kept.
- Anything else: a dialog with the one-line reason.

GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMessageBox, QProgressBar, QPushButton, QSizePolicy, QToolBar, QVBoxLayout,
    QWidget,
)  # fmt: skip

from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_reader, open_workspace
from workbench.storage.errors import WorkspaceDamaged, WorkspaceLocked, WorkspaceReadOnly

LOCK_WAIT_S = 60
PROBE_MS = 500
PROBE_TIMEOUT_MS = 100
GUI_BUSY_TIMEOUT_MS = 1000  # a click waits at most about this (then storage.busy's deadline) for a lock
translate = QCoreApplication.translate


@dataclass
class Opened:
    db: object  # sqlite_utils.Database
    read_only: str = ""  # why the workspace is open for reading only ("" when writable)


class LockWaitDialog(QDialog):
    """Waits for another program's write lock with a countdown; Cancel or open read-only instead."""

    READ_ONLY = 2

    def __init__(self, path: Path, message: str, *, seconds: int = LOCK_WAIT_S, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockWaitDialog")
        self.setWindowTitle(self.tr("工作区被占用"))
        self.path = Path(path)
        self.db = None
        self.remaining = seconds
        layout = QVBoxLayout(self)
        self.reason = QLabel(self.tr("另一个程序正在写入此工作区：\n%1").replace("%1", message))
        self.reason.setWordWrap(True)
        self.countdown = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, seconds)
        layout.addWidget(self.reason)
        layout.addWidget(self.countdown)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.read_only_button = QPushButton(self.tr("只读打开"))
        self.buttons.addButton(self.read_only_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.read_only_button.clicked.connect(lambda: self.done(self.READ_ONLY))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._probe)
        self._ticks = 0
        self._show_remaining()
        self.timer.start()

    def _show_remaining(self) -> None:
        if self.remaining > 0:
            self.countdown.setText(self.tr("正在等待它完成……还剩 %1 秒").replace("%1", str(self.remaining)))
        else:
            self.countdown.setText(self.tr("仍被占用。可以只读打开，或取消后稍后再试。"))
        self.progress.setValue(max(self.remaining, 0))

    def _probe(self) -> None:
        self._ticks += 1
        if self._ticks % max(1, 1000 // PROBE_MS) == 0 and self.remaining > 0:
            self.remaining -= 1
            self._show_remaining()
        if self.remaining <= 0:
            self.timer.stop()
            return
        try:
            self.db = open_workspace(self.path, create=False, check=False, busy_timeout_ms=PROBE_TIMEOUT_MS)
        except WorkspaceLocked as exc:
            self.reason.setText(self.tr("另一个程序正在写入此工作区：\n%1").replace("%1", str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - anything else ends the wait with its reason
            self.timer.stop()
            self.error = str(exc)
            self.done(QDialog.DialogCode.Rejected)
            return
        self.timer.stop()
        self.accept()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        self.timer.stop()
        super().done(result)


def offer_backup(path: Path, problem: str, reviewer: Reviewer, parent: QWidget | None = None) -> bool:
    """Tell the reviewer the workspace is damaged and offer its newest good backup; True once restored."""
    from workbench.storage.backups import newest_good, restore_backup
    from workbench.ui.backups.dialog import reason_label

    title = translate("WorkspaceOpen", "工作区已损坏")
    good = newest_good(path)
    if good is None:
        QMessageBox.critical(parent, title, translate("WorkspaceOpen", "%1\n\n在 %2 中没有找到完好的备份。")
                             .replace("%1", problem).replace("%2", str(path.parent / "backups")))
        return False
    question = translate("WorkspaceOpen", "%1\n\n最新的完好备份：%2，%3，%4 条记录。\n恢复这份备份吗？损坏的文件会原样保留在备份文件夹中。") \
        .replace("%1", problem).replace("%2", good.local_time).replace("%3", reason_label(good)) \
        .replace("%4", str(good.events))
    box = QMessageBox(QMessageBox.Icon.Critical, title, question, parent=parent)
    box.setObjectName("damagedDialog")
    restore = box.addButton(translate("WorkspaceOpen", "恢复此备份"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("WorkspaceOpen", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        restore_backup(path, good, reviewer=reviewer)
    except Exception as exc:  # noqa: BLE001
        QMessageBox.critical(parent, title, translate("WorkspaceOpen", "未能恢复：%1").replace("%1", str(exc)))
        return False
    return True


def open_for_gui(path: Path, reviewer: Reviewer, parent: QWidget | None = None) -> Opened | None:
    """The workspace opened for the window (writable, or read-only with a reason), or None after telling why."""
    title = translate("WorkspaceOpen", "无法打开工作区")
    checked = False
    for _attempt in range(3):
        try:
            db = open_workspace(path, check=not checked, busy_timeout_ms=PROBE_TIMEOUT_MS)
        except WorkspaceReadOnly as exc:
            return Opened(open_reader(path), read_only_reason(exc))
        except WorkspaceLocked as exc:
            dialog = LockWaitDialog(path, str(exc), parent=parent)
            result = dialog.exec()
            if result == QDialog.DialogCode.Accepted and dialog.db is not None:
                db = dialog.db
            elif result == LockWaitDialog.READ_ONLY:
                return Opened(open_reader(path), translate("WorkspaceOpen", "另一个程序正在写入，已只读打开"))
            else:
                if getattr(dialog, "error", ""):
                    QMessageBox.critical(parent, title, dialog.error)
                return None
        except WorkspaceDamaged as exc:
            if offer_backup(path, str(exc), reviewer, parent):
                checked = False
                continue
            return None
        except (OSError, ValueError) as exc:
            QMessageBox.critical(parent, title, str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - a full disk, an I/O error: the file may still be read
            try:
                reader = open_reader(path)
            except Exception:  # noqa: BLE001
                QMessageBox.critical(parent, title, f"{path}: {exc}")
                return None
            return Opened(reader, translate("WorkspaceOpen", "无法写入（磁盘已满或出错：%1），已只读打开").replace("%1", str(exc)))
        db.execute(f"PRAGMA busy_timeout = {GUI_BUSY_TIMEOUT_MS}")
        return Opened(db)
    return None


def read_only_reason(exc: WorkspaceReadOnly) -> str:
    """Why the workspace cannot be written, in the window's language (the banner's %1)."""
    path = str(exc.path) if exc.path is not None else ""
    if exc.kind == "medium":
        return translate("WorkspaceOpen", "%1 位于只读介质上").replace("%1", path)
    if exc.kind == "file":
        return translate("WorkspaceOpen", "%1 是只读文件").replace("%1", path)
    if exc.kind == "folder":
        return translate("WorkspaceOpen", "%1 所在的文件夹不可写入").replace("%1", path)
    return str(exc)


def apply_read_only(window, reason: str) -> QLabel:
    """Show a banner above the window's content and disable every action that writes."""
    window.session.read_only = reason
    banner = QLabel(translate("WorkspaceOpen", "只读：%1。可以浏览、搜索和导出，不能修改。").replace("%1", reason))
    banner.setObjectName("readOnlyBanner")
    banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px; border-bottom: 1px solid #e0c36b")
    banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar = QToolBar(translate("WorkspaceOpen", "只读"), window)  # above everything; docks and layout untouched
    bar.setObjectName("readOnlyBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.addWidget(banner)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    for name in ("import", "merge", "import_division", "departments", "undo", "redo", "delete", "picker",
                 "reviewed", "question", "backups"):  # fmt: skip
        action = window.actions_by_name.get(name)
        if action is not None:
            action.setEnabled(False)
    window.annotation.set_read_only(True)
    window.read_only_banner = banner
    banner.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return banner


def install_excepthook():
    """Unexpected errors in the GUI: logged to errors.log in the data folder and shown in a dialog.

    Returns the previous hook (to put back when the GUI ends).  The dialog is
    not modal: an error inside a slot never blocks the event loop.
    """
    import sys
    import traceback
    from datetime import datetime

    from PySide6.QtWidgets import QApplication

    from workbench import paths

    def hook(kind, value, tb) -> None:
        log = paths.user_data_dir() / "errors.log"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"--- {datetime.now().isoformat(timespec='seconds')} (GUI)\n")
                handle.write("".join(traceback.format_exception(kind, value, tb)))
        except OSError:
            pass
        print(f"workbench: unexpected error: {kind.__name__}: {value} (details in {log})", file=sys.stderr)
        if QApplication.instance() is not None:
            box = QMessageBox(
                QMessageBox.Icon.Critical, translate("WorkspaceOpen", "意外错误"),
                translate("WorkspaceOpen", "发生了意外错误：%1\n已保存的工作不受影响；详情已记录在 %2。")
                .replace("%1", f"{kind.__name__}: {value}").replace("%2", str(log)), parent=QApplication.activeWindow(),
            )  # fmt: skip
            box.setObjectName("unexpectedErrorDialog")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.show()

    previous = sys.excepthook
    sys.excepthook = hook
    return previous
