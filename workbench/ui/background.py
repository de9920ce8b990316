"""The main window's background jobs: segmenter, search index, plan import.

Each runs in a Worker off the GUI thread.  Workers that touch the store open
their own connection in their own thread (a connection belongs to the thread
that opened it) and hand back plain values; the GUI thread then applies the
returned Changes to the session.  Writes from a worker retry while the GUI's
connection holds the write lock (storage.busy).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from workbench.core import segment
from workbench.core.importing import import_file, read_source
from workbench.core.tagging import pinyin
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.busy import retry_busy
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository

from workbench.ui.search.search_backend import MemorySearch, StoreSearch, index_steps, make_backend, store_search_module
from workbench.ui.workers import Worker, run_with_progress

if TYPE_CHECKING:
    from workbench.ui.window.main_window import MainWindow

translate = QCoreApplication.translate

def _initialise_language(*, departments) -> None:
    """On a worker: jieba, then pypinyin (the picker's kjj, kejiju)."""
    segment.initialise(departments=departments)
    pinyin.initialise()


def start_segmenter(window: MainWindow) -> Worker:
    """Load jieba and the user dictionary off the GUI thread; suggestions and the index follow."""
    departments = window.session.departments(include_retired=True)  # plain data for the worker
    worker = Worker(_initialise_language, departments=departments)
    window.status.show_segmenter(ready=segment.is_ready())

    def ready(_result: object) -> None:
        window.status.show_segmenter(ready=True)
        window.annotation.refresh_suggestions()
        start_indexing(window)

    worker.signals.finished.connect(ready)
    worker.signals.failed.connect(lambda message: window.status.showMessage(translate("MainActions", "分词初始化失败：%1").replace("%1", message)))
    window.pool.start(worker)
    return worker


def start_indexing(window: MainWindow) -> Worker | None:
    """Bring the search index up to date in a worker; search uses it once it is ready."""
    if window.session.path is None or store_search_module() is None:
        return None
    worker = Worker(index_steps, Path(str(window.session.path)))
    window.status.show_index(ready=False)

    def ready(usable: object) -> None:
        if usable:
            window.search_panel.set_backend(make_backend(window.session))
        window.status.show_index(ready=isinstance(window.search_panel.backend, StoreSearch))
        window.search_index_ready.emit()

    worker.signals.finished.connect(ready)
    worker.signals.failed.connect(lambda message: window.status.showMessage(translate("MainActions", "搜索索引未能建立：%1").replace("%1", message)))
    window.pool.start(worker)
    return worker


def choose_and_import(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("MainActions", "导入规划"), "", translate("MainActions", "规划文件 (*.txt *.docx *.pdf *.md);;所有文件 (*)"))
    if path:
        preview_and_import(window, Path(path))


def _read(path: Path):
    """Worker thread: read the document (a PDF takes seconds) for the preview."""
    yield (0, 1, translate("MainActions", "正在读取和解析 %1…").replace("%1", path.name))
    return read_source(path)


def preview_and_import(window: MainWindow, path: Path) -> Worker:
    """Read the document in a worker, show the import preview, store only what the reviewer confirms."""

    def preview(source) -> None:
        from workbench.ui.import_preview.dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(source, path, window)
        window.import_preview = dialog  # tests and screenshots reach the open preview here
        dialog.accepted.connect(lambda: _store_confirmed(window, dialog.plan))
        dialog.open()

    return run_with_progress(
        window.pool, window, _read, path,
        title=translate("MainActions", "导入规划"), label=translate("MainActions", "正在导入 %1…").replace("%1", path.name),
        on_finished=preview, on_failed=lambda message: window.show_error(translate("MainActions", "导入失败"), message),
    )  # fmt: skip


def _store_confirmed(window: MainWindow, plan) -> None:
    if plan is None:
        return
    workspace = Path(str(window.session.path)) if window.session.path else None
    run_with_progress(
        window.pool, window, _store, plan, workspace, window.session.reviewer,
        title=translate("MainActions", "导入规划"), label=translate("MainActions", "正在导入 %1…").replace("%1", plan.source_name),
        on_finished=lambda outcome: _stored(window, outcome, first_run=False),
        on_failed=lambda message: window.show_error(translate("MainActions", "导入失败"), message),
    )  # fmt: skip


def _store(plan, workspace: Path | None, reviewer: Reviewer):
    """Worker thread: store an already parsed (and previewed) plan on this thread's own connection."""
    if workspace is None:
        return plan, None
    yield (0, 1, translate("MainActions", "解析完成，正在写入工作区…"))
    db = open_workspace(workspace, create=False)
    try:
        result = retry_busy(lambda: Repository(db, reviewer).import_plan(plan))
    finally:
        db.close()
    return plan, result


def _parse_and_store(path: Path, workspace: Path | None, reviewer: Reviewer):
    """Worker thread: parse the document, then store it on this thread's own connection.

    Returns (plan, ImportResult or None); None when there is no workspace file
    to open (then the GUI thread stores the plan).  Cancel works until the
    write starts; the write is one transaction, all or nothing.
    """
    yield (0, 2, translate("MainActions", "正在读取和解析 %1…").replace("%1", path.name))
    plan = import_file(path)
    if workspace is None:
        return plan, None
    yield (1, 2, translate("MainActions", "解析完成，正在写入工作区…"))
    db = open_workspace(workspace, create=False, check=False)  # checked when the window opened it
    try:
        repo = Repository(db, reviewer)
        if repo.plans() and plan.sha256 not in {p.sha256 for p in repo.plans()}:
            from workbench.storage.backups import backup_before

            backup_before(db, reason="import", detail=path.name, reviewer=reviewer.name)  # issue 11
        result = retry_busy(lambda: repo.import_plan(plan))
    finally:
        db.close()
    yield (2, 2, "")
    return plan, result


def import_plan_file(window: MainWindow, path: Path, *, first_run: bool = False) -> Worker:
    """Parse and store in a worker (progress, cancel); then show the new plan."""
    workspace = Path(str(window.session.path)) if window.session.path else None
    return run_with_progress(
        window.pool, window, _parse_and_store, path, workspace, window.session.reviewer,
        title=translate("MainActions", "导入规划"), label=translate("MainActions", "正在导入 %1…").replace("%1", path.name),
        on_finished=lambda outcome: _stored(window, outcome, first_run=first_run),
        on_failed=lambda message: window.show_error(translate("MainActions", "导入失败"), message),
    )  # fmt: skip


def _stored(window: MainWindow, outcome, *, first_run: bool) -> None:
    """GUI thread: store the plan here if the worker could not, then show it."""
    plan, result = outcome
    try:
        if result is None:
            result = retry_busy(lambda: window.session.repo.import_plan(plan))
    except Exception as exc:  # StoreError, or a database error: nothing written
        window.show_error(translate("MainActions", "导入失败"), str(exc))
        return
    if result.created:
        window.search_panel.set_backend(MemorySearch(window.session))  # until the index has the new plan
    window.session.apply(result.changes)
    if result.created and segment.is_ready():
        start_indexing(window)
    if not result.created and not first_run:
        window.status.showMessage(translate("MainActions", "该规划已在工作区中，未作改动"), 6000)
    elif result.created:
        window.status.showMessage(translate("MainActions", "已导入：%1").replace("%1", plan.title), 6000)
