"""Open merge conflicts with both sides and their authors; the lead reviewer takes A or B.

Each decision is one conflict_resolution event written through
storage.conflicts.resolve_conflict, attributed to the repository's reviewer,
with the reason typed here.  `resolved(conflict_id, event_uuid)` is emitted
after each decision so the main window can redraw the node.

With tens of thousands of disputes the list is a model that reads a page at a
time (ui/disputes/model.py); the first page is read when the view is first
shown, on a worker (`refresh_in_background`), so the window never waits for
it.  "显示已处理的冲突" also lists resolved and superseded ones, saying what
became of each (a dispute carried on by a new pair names it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)  # fmt: skip

from workbench.storage.disputes.conflicts import Conflict, indicator_names, list_conflicts, resolve_conflict_changes
from workbench.storage.errors import StoreError
from workbench.storage.repository import Repository

from workbench.ui.disputes.model import KIND_LABELS, ConflictsModel, FirstPage, load_first_page, read_first_page

translate = QCoreApplication.translate
__all__ = ["KIND_LABELS", "ConflictsView"]


class ConflictsView(QWidget):
    resolved = Signal(int, str)  # conflict id, resolution event uuid
    changes_made = Signal(object)  # the decision's Changes (its node or department), for the window to redraw
    loaded = Signal()  # a (background) load is shown

    def __init__(self, repo: Repository, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.repo = repo
        self.model = ConflictsModel(self._fetch, lambda sha: indicator_names(self.repo.db, sha), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)  # a side's two lines
        for column, width in enumerate((90, 220, 110, 220, 220, 160)):
            self.table.setColumnWidth(column, width)
        self.show_all = QCheckBox(translate("ConflictsView", "显示已处理的冲突"))
        self.show_all.setToolTip(translate("ConflictsView", "也列出已裁决和已被取代的冲突，并说明其结果"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(translate("ConflictsView", "裁决理由（可选）"))
        self.take_a = QPushButton(translate("ConflictsView", "采用 A 方"))
        self.take_b = QPushButton(translate("ConflictsView", "采用 B 方"))
        self.status_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.show_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason_edit, 1)
        buttons.addWidget(self.take_a)
        buttons.addWidget(self.take_b)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.take_a.clicked.connect(lambda: self.take("a"))
        self.take_b.clicked.connect(lambda: self.take("b"))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.show_all.toggled.connect(lambda _on: self._reload())
        self._worker = None
        self._update_buttons()
        if load:  # else the owner refreshes it when first shown
            self.refresh()

    @property
    def conflicts(self) -> list[Conflict]:
        """The conflicts read so far (the first pages; more as the table scrolls)."""
        return self.model.rows

    @property
    def status(self) -> str | None:
        return None if self.show_all.isChecked() else "open"

    @Slot()
    def refresh(self) -> None:
        """Bring the table up to date and show the first page (on this thread: cheap unless the file was
        last synced by an older version; the window uses refresh_in_background)."""
        self._show(read_first_page(self.repo.db, self.status))

    def refresh_in_background(self, pool, path: Path) -> None:
        """Read the first page on a pool thread with a connection of its own, then show it."""
        from workbench.ui.workers import Worker

        self.status_label.setText(translate("ConflictsView", "正在读取合并冲突…"))
        signer = getattr(self.repo.db, "signer", None)
        worker = Worker(load_first_page, Path(path), signer, self.status)
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(
            lambda message: self.status_label.setText(translate("ConflictsView", "读取冲突失败：%1").replace("%1", message)))
        self._worker = worker  # kept until it ends (the pool does not own it)
        pool.start(worker)

    def _reload(self) -> None:
        """After a decision or a filter change: the count and as many rows as were shown (indexed, on this thread)."""
        shown = max(len(self.model.rows), 1)
        page = read_first_page(self.repo.db, self.status, limit=max(shown, 200))
        self._show(page)

    def _fetch(self, after: int, limit: int) -> list[Conflict]:
        return list_conflicts(self.repo.db, status=self.status, limit=limit, after=after)

    def _show(self, page: FirstPage) -> None:
        row = self.table.currentIndex().row()
        self.model.reset(page)
        if self.status == "open":
            text = translate("ConflictsView", "%n 个待裁决的冲突", "", page.total)
        else:
            text = translate("ConflictsView", "共 %n 个冲突（含已处理）", "", page.total)
        self.status_label.setText(text)
        if self.model.rows:
            self.table.selectRow(min(max(row, 0), len(self.model.rows) - 1))
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> Conflict | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.model.conflict(min(rows)) if rows else None

    @Slot()
    def take(self, side: str) -> str | None:
        conflict = self.selected()
        if conflict is None:
            return None
        try:
            changes = resolve_conflict_changes(self.repo, conflict.id, take=side,
                                               reason=self.reason_edit.text().strip() or None)  # fmt: skip
        except StoreError as exc:
            QMessageBox.warning(self, translate("ConflictsView", "无法裁决"), str(exc))
            return None
        self.reason_edit.clear()
        self._reload()
        uuid = changes.events[0]
        self.resolved.emit(conflict.id, uuid)
        self.changes_made.emit(changes)
        return uuid

    def _update_buttons(self) -> None:
        chosen = self.selected()
        enabled = chosen is not None and chosen.status == "open"
        self.take_a.setEnabled(enabled)
        self.take_b.setEnabled(enabled)
