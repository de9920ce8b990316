"""Plugs the export, division-import, merge and audit features into the main window.

The main window exposes hooks (export and merge handlers, the audit dock,
`add_dock`); this module fills them, so that the window itself stays about
reading and tagging.  GUI thread only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTabWidget

from workbench.storage.state.records import Changes

translate = QCoreApplication.translate
AUDIT_REFRESH_PAUSE_MS = 300


def install(window) -> None:
    """Register every feature handler and dock on a freshly built MainWindow."""
    from workbench.ui.audit.agreement_view import AgreementView
    from workbench.ui.audit.audit_view import AuditView
    from workbench.ui.disputes.conflicts_view import ConflictsView
    from workbench.ui.audit.history_tab import HistoryTab
    from workbench.ui.window.shown_refresh import RefreshWhenShown

    repo = window.session.repo
    window.register_export_handler(open_export)
    window.register_merge_handler(open_merge)
    # Views over the whole history are read when first shown, the audit log on a worker.
    window.audit_view = AuditView(repo, load=False, pool=window.pool, path=window.session.path)
    RefreshWhenShown(window.audit_view)
    window.register_audit_view(lambda _w: window.audit_view)
    window.audit_dock.hide()  # View › 审计日志 shows it; a saved layout may too
    window.conflicts_view = ConflictsView(repo, load=False)
    RefreshWhenShown(window.conflicts_view, refresh=(  # first page on a worker; later pages as the list scrolls
        (lambda: window.conflicts_view.refresh_in_background(window.pool, window.session.path))
        if window.session.path else None))
    window.conflicts_dock = window.add_dock("conflictsDock", translate("Integrations", "合并冲突"), window.conflicts_view)
    window.agreement_view = AgreementView(repo, load=False)
    path = window.session.path
    RefreshWhenShown(window.agreement_view, refresh=(
        (lambda: window.agreement_view.refresh_in_background(window.pool, path)) if path else None))
    window.agreement_dock = window.add_dock("agreementDock", translate("Integrations", "审核一致性"), window.agreement_view)
    window.history_tab = HistoryTab(repo)
    window.annotation_tabs = QTabWidget()  # the annotation pane gains a history tab for the selected node
    window.annotation_tabs.setDocumentMode(True)
    window.annotation_tabs.addTab(window.annotation, translate("Integrations", "标注"))
    window.annotation_tabs.addTab(window.history_tab, translate("Integrations", "修改记录"))
    window.annotation_dock.setWidget(window.annotation_tabs)
    window.annotation_tabs.currentChanged.connect(lambda _i: _show_history(window, window.current_node_id))

    division = QAction(translate("Integrations", "导入任务分工表(&D)…"), window)
    division.setObjectName("action_import_division")
    division.triggered.connect(lambda: open_division_import(window))
    window.actions_by_name["import_division"] = division
    actions = window.file_menu.actions()
    merge_at = actions.index(window.actions_by_name["merge"])
    window.file_menu.insertAction(actions[merge_at + 1] if merge_at + 1 < len(actions) else None, division)

    copy = QAction(translate("Integrations", "分发副本(&H)…"), window)
    copy.setObjectName("action_handout")
    copy.setStatusTip(translate("Integrations", "为另一位审核人写出本工作区的副本"))
    copy.triggered.connect(lambda: _open_handout(window))
    window.actions_by_name["handout"] = copy
    window.file_menu.insertAction(division, copy)

    registry = QAction(translate("Integrations", "部门名录(&G)…"), window)
    registry.setObjectName("action_departments")
    registry.triggered.connect(lambda: open_departments(window))
    window.actions_by_name["departments"] = registry
    window.file_menu.insertAction(window.actions_by_name["settings"], registry)

    from workbench.ui.backups import install as install_backups
    from workbench.ui.workspace.live_workspace import install as install_live

    install_backups(window)  # File › 备份与恢复… (issue 11)
    install_live(window)  # writes made elsewhere show within a second (issue 11)
    window.annotation.notes.return_to_node.connect(  # "stay" on a node whose note could not be saved
        lambda node_id: QTimer.singleShot(0, lambda: window.select_node(node_id)))
    from workbench.ui.revision import wiring as revision_wiring

    revision_wiring.install(window)  # File › 导入修订稿… and the 修订对照 dock
    window.restore_layout()  # the saved layout knows these docks too
    window.conflicts_view.changes_made.connect(lambda changes: _resolved(window, changes))
    window.node_selected.connect(lambda node_id: _show_history(window, node_id))
    window.session.changed.connect(lambda _changes: _refresh_logs(window))


def _show_history(window, node_id) -> None:
    if not window.history_tab.isVisible():
        return  # read when its tab is shown
    node = window.session.node(node_id) if node_id is not None else None
    if node is None:
        window.history_tab.set_node(None, None)
        return
    record = window.session.plan_record(window.session.plan_id_of(node_id))
    window.history_tab.set_node(record.sha256, node.key)


def _refresh_logs(window) -> None:
    if window.history_tab.isVisible():
        window.history_tab.refresh()
    if window.audit_view.isVisible():  # once per burst of keypresses: it queries the whole log
        timer = getattr(window, "_audit_refresh", None)
        if timer is None:
            timer = window._audit_refresh = QTimer(window)
            timer.setSingleShot(True)
            timer.setInterval(AUDIT_REFRESH_PAUSE_MS)
            timer.timeout.connect(lambda: window.audit_view.isVisible() and window.audit_view.refresh())
        timer.start()


def current_plan_id(window) -> int | None:
    node_id = window.current_node_id
    if node_id is not None:
        return window.session.plan_id_of(node_id)
    return window.session.plan_ids[0] if window.session.plan_ids else None


def open_export(window) -> None:
    """File › Export… (Ctrl+E)."""
    from workbench.ui.export.export_dialog import ExportDialog, start_export

    if not window.session.plan_ids:
        QMessageBox.information(window, translate("Integrations", "导出 Excel"), translate("Integrations", "工作区中还没有规划。"))
        return
    dialog = ExportDialog(window.session.repo, window, plan_id=current_plan_id(window), settings=window.settings)
    if dialog.exec() != ExportDialog.DialogCode.Accepted:
        return

    def done(paths) -> None:
        paths = paths or []
        window.status.showMessage(translate("Integrations", "已导出：") + "、".join(Path(p).name for p in paths[:3])
                                  + ("…" if len(paths) > 3 else ""), 8000)

    start_export(window, window.pool, window.session.repo, dialog.plan_id(), dialog.request(),
                 workspace=Path(str(window.session.path or "")), on_done=done)


def open_division_import(window) -> None:
    """File › Import division sheet…: show the differences, apply on confirmation."""
    from workbench.ui.export.division_dialog import import_division_interactively

    plan_id = current_plan_id(window)
    if plan_id is None:
        return
    path, _ = QFileDialog.getOpenFileName(window, translate("Integrations", "导入任务分工表"), "", translate("Integrations", "Excel 工作簿 (*.xlsx)"))
    if not path:
        return
    applied = import_division_interactively(window, window.session.repo, plan_id, Path(path))
    if applied:
        window.session.apply(_union(applied))
        window.status.showMessage(translate("Integrations", "已应用 {n} 条修改").format(n=len(applied)), 8000)


def open_departments(window) -> None:
    """File › Department registry…: add, rename, retire, restore."""
    from workbench.ui.workspace.departments_dialog import DepartmentsDialog

    dialog = DepartmentsDialog(window.session.repo, window)
    dialog.changed.connect(window.session.apply)
    dialog.exec()


def _open_handout(window) -> None:
    from workbench.ui.handout.handout_dialog import open_handout

    open_handout(window)


def open_merge(window) -> None:
    """File › Merge…: bring in another reviewer's workspace of the same plan."""
    from workbench.storage.files.busy import is_disk_full
    from workbench.storage.sync.merge import MergeError
    from workbench.storage.revision.merged import merge_with_revisions
    from workbench.ui.revision import wiring as revision_wiring

    path, _ = QFileDialog.getOpenFileName(window, translate("Integrations", "合并其他审核人的工作区"), "",
                                          translate("Integrations", "工作区 (*.sqlite *.db);;所有文件 (*)"))
    if not path:
        return
    try:
        with _busy(window, translate("Integrations", "正在合并 {name}…").format(name=Path(path).name)):
            result, carried = merge_with_revisions(window.session.repo, Path(path), reason=f"merge {Path(path).name}")
    except (MergeError, ValueError) as exc:
        QMessageBox.warning(window, translate("Integrations", "无法合并"), str(exc))
        return
    except Exception as exc:  # the copy before the merge, or the merge itself, could not be written (a full disk)
        if not isinstance(exc, OSError) and not is_disk_full(exc):  # (SQLite reports a full disk itself)
            raise
        QMessageBox.warning(window, translate("Integrations", "无法合并"),
                            translate("Integrations", "无法写入（{reason}），本工作区未作任何改动。")
                            .format(reason=getattr(exc, "strerror", None) or exc))  # fmt: skip
        return
    if result.new_events:
        refresh_all(window, events=(result.merge_event or "",))
        window.revision_view.reload_plans()  # tags merged onto an old version were carried into the new one
        revision_wiring.mark_old_versions(window)
    message = translate("Integrations", "合并了 {n} 条记录；待处理冲突 {c} 个。").format(n=result.new_events, c=result.open_conflicts)
    if revision_wiring.merge_message(carried):
        message += "\n" + revision_wiring.merge_message(carried)
    if not result.new_events:
        message = translate("Integrations", "该工作区的记录已全部在本工作区中，没有变化。")
    QMessageBox.information(window, translate("Integrations", "合并完成"), message)
    if result.open_conflicts:
        window.conflicts_dock.show()
        window.conflicts_dock.raise_()


@contextlib.contextmanager
def _busy(window, message: str) -> Iterator[None]:
    """A wait cursor and a status line while the window waits on a long call (a merge at 100 plans: seconds)."""
    window.status.showMessage(message)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QCoreApplication.processEvents()  # (the message and cursor show before the call blocks the event loop)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        window.status.clearMessage()


def _resolved(window, changes: Changes) -> None:
    """After a decision in the conflicts view: its one node or department changed, and which nodes are disputed."""
    from workbench.ui.window.shown_refresh import request_refresh

    window.session.reload_conflicts_of(changes.node_ids)
    window.session.apply(changes)
    for view in (window.agreement_view, window.audit_view, window.history_tab):
        request_refresh(view)


def refresh_all(window, events: tuple[str, ...] = ("refresh",)) -> None:
    """After a merge or a conflict resolution: every node and department may have changed."""
    session = window.session
    from workbench.ui.window.shown_refresh import request_refresh

    nodes = frozenset(n.db_id for pid in session.loaded_plan_ids for n in session.plan(pid).nodes()
                      if n.db_id is not None)  # plans not loaded yet are read fresh when opened
    departments = frozenset(d.db_id for d in session.repo.departments(include_retired=True) if d.db_id)
    session.reload_conflicts()
    session.apply(Changes(node_ids=nodes, department_ids=departments, events=events))
    for view in (window.conflicts_view, window.agreement_view, window.audit_view, window.history_tab):
        request_refresh(view)


def _union(changes: list[Changes]) -> Changes:
    return Changes(
        node_ids=frozenset().union(*(c.node_ids for c in changes)),
        department_ids=frozenset().union(*(c.department_ids for c in changes)),
        events=tuple(e for c in changes for e in c.events),
    )
