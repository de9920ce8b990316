"""Plugs the change review into the main window: File › 导入修订稿… and the 修订对照 dock.

Importing a revision parses the document and stores it with its carried tags
in a worker, on the worker's own connection (one transaction); then the new
version appears in the tree and the dock opens on it.  GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel

from workbench.core.importing import import_file, read_source
from workbench.storage.files.busy import retry_busy
from workbench.storage.files.database import open_workspace
from workbench.storage.errors import RevisionRefused
from workbench.storage.state.records import Changes
from workbench.storage.repository import Repository

from workbench.ui.revision.review_view import ChangeReviewView

translate = QCoreApplication.translate


def install(window) -> None:
    window.revision_view = ChangeReviewView(window.session.repo)
    window.revision_dock = window.add_dock("revisionDock", translate("ChangeReview", "修订对照"), window.revision_view)
    window.revision_view.changed.connect(window.session.apply)
    # Tags changed elsewhere (the annotation pane, a merge): redraw the list when it is on screen.
    refresh = QTimer(window.revision_view)
    refresh.setSingleShot(True)
    refresh.setInterval(300)
    refresh.timeout.connect(lambda: window.revision_view.refresh() if window.revision_view.isVisible() else None)
    window.session.changed.connect(lambda changes: refresh.start() if changes.node_ids else None)
    window.revision_dock.visibilityChanged.connect(lambda visible: refresh.start() if visible else None)
    window.revision_view.node_requested.connect(window.select_node)
    action = QAction(translate("ChangeReview", "导入修订稿(&R)…"), window)
    action.setObjectName("action_import_revision")
    action.setToolTip(translate("ChangeReview", "导入某规划的新版本（如批准稿）：标注随条款带入新版本，旧版本只读保留"))
    action.triggered.connect(lambda: choose_and_import_revision(window))
    window.actions_by_name["import_revision"] = action
    actions = window.file_menu.actions()
    window.file_menu.insertAction(actions[1] if len(actions) > 1 else None, action)
    mark_old_versions(window)
    window.session.plan_added.connect(lambda _plan_id: mark_old_versions(window))


def merge_message(carried) -> str:
    """What a merge carried from an old version into its revision, for the merge's message box ('' = nothing)."""
    if not carried.summary():
        return ""
    text = translate("ChangeReview", "旧版本上的标注已带入新版本：%1 个条目；%2 个条目在新版本上已改，待审核；%3 项孤立标签。")
    text = text.replace("%1", str(len(carried.carried))).replace("%2", str(len(carried.held)))
    text = text.replace("%3", str(len(carried.orphans)))
    if carried.adopted:
        text += translate("ChangeReview", "另一工作区的修订关系已记录：规划 %1 为新版本。").replace(
            "%1", "、".join(map(str, carried.adopted)))
    return text


def mark_old_versions(window) -> None:
    """Say in the tree (and the reader's path) which plans are old versions, kept read-only.

    Only the window's in-memory copy of the plan's title changes; the stored plan is untouched."""
    session = window.session
    mark = translate("ChangeReview", "（旧版本，只读）")
    roots = []
    for plan_id in session.plan_ids:
        root = session.root(plan_id)  # a heading until the plan is opened (marked again then: plan_added)
        if root is not None and session.repo.superseded_by(plan_id) is not None and not root.title.endswith(mark):
            root.title += mark
            if root.db_id is not None:
                roots.append(root.db_id)
    if roots:
        session.apply(Changes(node_ids=frozenset(roots), events=("old version",)))


def choose_and_import_revision(window) -> None:
    """File › 导入修订稿…: which plan, which file, then the import preview; store what the reviewer confirms."""
    session = window.session
    current = [pid for pid in session.plan_ids if session.repo.superseded_by(pid) is None]
    if not current:
        window.show_error(translate("ChangeReview", "导入修订稿"), translate("ChangeReview", "工作区中还没有规划：请先导入规划"))
        return
    labels = [f"{pid} · {session.plan_record(pid).source_name or session.plan_record(pid).title}" for pid in current]
    label, ok = QInputDialog.getItem(window, translate("ChangeReview", "导入修订稿"),
                                     translate("ChangeReview", "新文件是哪个规划的新版本？"), labels, 0, False)
    if not ok:
        return
    old_id = current[labels.index(label)]
    path, _ = QFileDialog.getOpenFileName(window, translate("ChangeReview", "导入修订稿"), "",
                                          translate("MainActions", "规划文件 (*.txt *.docx *.pdf *.md);;所有文件 (*)"))
    if path:
        preview_revision(window, Path(path), old_id)


def _read(path: Path):
    """Worker thread: read the document for the preview (a PDF takes seconds)."""
    yield (0, 1, translate("ChangeReview", "正在读取和解析 %1…").replace("%1", path.name))
    return read_source(path)


def preview_revision(window, path: Path, old_id: int):
    """Read the document in a worker and show the import preview (corrections as for any import),
    saying it is the new version of plan `old_id`; the confirmed plan is stored as its revision."""
    from workbench.ui.import_preview.dialog import ImportPreviewDialog
    from workbench.ui.workers import run_with_progress

    def preview(source) -> None:
        dialog = ImportPreviewDialog(source, path, window)
        record = window.session.plan_record(old_id)
        note = QLabel(translate("ChangeReview", "作为规划 %1（%2）的新版本导入：标注随条款带入新版本，旧版本只读保留。")
                      .replace("%1", str(old_id)).replace("%2", record.source_name or record.title))
        note.setObjectName("revisionOfNote")
        note.setStyleSheet("background: #ddebf7; padding: 4px")
        dialog.layout().insertWidget(0, note)
        window.import_preview = dialog  # tests reach the open preview here, as for a plain import
        dialog.accepted.connect(lambda: dialog.plan is not None and store_revision(window, dialog.plan, old_id))
        dialog.open()

    return run_with_progress(
        window.pool, window, _read, path,
        title=translate("ChangeReview", "导入修订稿"), label=translate("ChangeReview", "正在导入 %1…").replace("%1", path.name),
        on_finished=preview, on_failed=lambda message: window.show_error(translate("ChangeReview", "导入修订稿失败"), message),
    )  # fmt: skip


def import_revision_file(window, path: Path, old_id: int):
    """Parse the file as it is (no preview) and store it as the revision of plan `old_id`."""
    return store_revision(window, import_file(path), old_id)


def _store(plan, old_id: int, workspace: Path | None, reviewer):
    """Worker thread: back up, then match and carry on this thread's own connection (one transaction)."""
    if workspace is None:
        return plan, None
    yield (0, 1, translate("ChangeReview", "正在比对条款并带入标注…"))
    db = open_workspace(workspace, create=False)
    try:
        from workbench.storage.backups import backup_before

        backup_before(db, reason="import", detail=plan.source_name, reviewer=reviewer.name)
        try:
            result = retry_busy(lambda: Repository(db, reviewer).import_revision(plan, revision_of=old_id))
        except RevisionRefused as exc:  # worded by the GUI thread (stored)
            result = exc
    finally:
        db.close()
    yield (1, 1, "")
    return plan, result


def refusal_text(exc: RevisionRefused, source: str) -> str:
    """Why a revision was refused, in the window's language (the storage layer's message is English)."""
    texts = {
        "same": translate("ChangeReview", "%1 与方案 %2 是同一文件；修订稿须与所修订的版本不同"),
        "elsewhere": translate("ChangeReview", "%1 已作为方案 %2 在工作区中，不是此规划的修订稿"),
        "unrelated": translate("ChangeReview", "%1 与方案 %2 没有任何相同条款，不是它的修订稿（是否选错了规划？）；未导入"),
    }
    if exc.kind not in texts:
        return str(exc)
    return texts[exc.kind].replace("%1", source).replace("%2", str(exc.plan_id))


def store_revision(window, plan, old_id: int):
    """Store a parsed plan as the revision of plan `old_id` in a worker; then show the change review."""
    from workbench.core import segment
    from workbench.ui.background import start_indexing
    from workbench.ui.search.search_backend import MemorySearch
    from workbench.ui.workers import run_with_progress

    workspace = Path(str(window.session.path)) if window.session.path else None

    def stored(outcome) -> None:
        plan, result = outcome
        try:
            if result is None:
                result = retry_busy(lambda: window.session.repo.import_revision(plan, revision_of=old_id))
            if isinstance(result, RevisionRefused):
                raise result
        except RevisionRefused as exc:  # nothing written
            window.show_error(translate("ChangeReview", "导入修订稿失败"), refusal_text(exc, plan.source_name))
            return
        except Exception as exc:  # StoreError or a database error: nothing written
            window.show_error(translate("ChangeReview", "导入修订稿失败"), str(exc))
            return
        if result.created:
            window.search_panel.set_backend(MemorySearch(window.session))  # until the index has the new plan
        window.session.apply(Changes(plan_ids=frozenset({result.plan_id}), events=("revision",)))
        if result.created and segment.is_ready():
            start_indexing(window)
        mark_old_versions(window)
        window.revision_view.reload_plans()
        index = window.revision_view.plan_box.findData(result.plan_id)
        window.revision_view.plan_box.setCurrentIndex(max(0, index))
        window.revision_dock.show()
        window.revision_dock.raise_()
        if not result.created:
            window.status.showMessage(translate("ChangeReview", "该文件已是此规划的新版本，未作改动"), 8000)
            return
        message = translate("ChangeReview", "已导入新版本，旧版本改为只读：标注带入 %1 个条目，%2 项待审核，%3 项孤立标签")
        window.status.showMessage(message.replace("%1", str(result.carried)).replace("%2", str(result.flagged))
                                  .replace("%3", str(result.orphans)), 10000)

    return run_with_progress(
        window.pool, window, _store, plan, old_id, workspace, window.session.reviewer,
        title=translate("ChangeReview", "导入修订稿"),
        label=translate("ChangeReview", "正在导入 %1…").replace("%1", plan.source_name),
        on_finished=stored, on_failed=lambda message: window.show_error(translate("ChangeReview", "导入修订稿失败"), message),
    )  # fmt: skip
