"""Menus, shortcuts and the reviewer dialog of the main window.

The keyboard map (also under Help › Keyboard shortcuts):

    J / K            next / previous clause (Up / Down in the reader too)
    N                next clause without tags (wraps around)
    ] / [            next / previous sentence of the clause (narrows the tag target)
    Esc              back from a sentence to the whole clause (tree, reader)
    1-9              assign the department numbered n as lead (牵头); numbers are stable
    Shift+1-9        ... as support (配合): only ever adds a support, never changes the lead
    Alt+1-9          pin the unit selected in the annotation pane to number n
    S / Shift+S      take the first lead suggestion / add the first support suggestion
    A                department picker (type, Down, Enter = lead, Shift+Enter = support)
    R / Q            toggle 已审 / 有疑问
    Delete           remove the selected department (or indicator link)
    Ctrl+Z           undo         Ctrl+Shift+Z / Ctrl+Y   redo
    Ctrl+F           search       Ctrl+E   export (when the export module is present)
    Ctrl+O           import another plan

Single-key shortcuts do not fire while a text field has the focus (Qt gives
text fields the keys they type), so typing 教委 never assigns anything.  The
application-wide ones (Ctrl+E, Ctrl+F, Ctrl+O, Ctrl+Q, F1) fire from text
fields too (global_shortcuts.py), even where X11 binds Ctrl+E to end-of-line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from workbench.ui.background import choose_and_import
from workbench.ui.window.global_shortcuts import GLOBAL_ACTIONS, GlobalShortcuts
from workbench.ui.workspace.reviewer_dialog import ReviewerDialog, store_reviewer
from workbench.ui.workspace.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from workbench.ui.window.main_window import MainWindow

translate = QCoreApplication.translate


def _action(window: MainWindow, name: str, text: str, slot=None, shortcut: str | list[str] | None = None, tip: str = "") -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"action_{name}")
    if shortcut:
        shortcuts = [shortcut] if isinstance(shortcut, str) else shortcut
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    window.actions_by_name[name] = action
    return action


def _hook(window: MainWindow, name: str, text: str, slot, tip: str, shortcut: str | None = None) -> QAction:
    """An action a later module fills in: present, disabled, saying why."""
    action = _action(window, name, text, slot, shortcut, tip)
    action.setEnabled(False)
    action.setProperty("waiting_tip", tip)
    return action


def enable_hook(action: QAction) -> None:
    action.setEnabled(True)
    action.setToolTip(action.text().replace("&", "").rstrip("…"))
    action.setStatusTip("")


def build(window: MainWindow) -> None:
    window.actions_by_name = {}
    bar = window.menuBar()

    file_menu = window.file_menu = bar.addMenu(translate("MainActions", "文件(&F)"))
    file_menu.setToolTipsVisible(True)
    file_menu.addAction(_action(window, "import", translate("MainActions", "导入规划(&I)…"), lambda: choose_and_import(window), "Ctrl+O"))
    file_menu.addAction(_hook(window, "export", translate("MainActions", "导出(&E)…"), window.run_export,
                              translate("MainActions", "导出为 Excel：导出模块尚未安装"), "Ctrl+E"))  # fmt: skip
    file_menu.addAction(_hook(window, "merge", translate("MainActions", "合并(&M)…"), window.run_merge, translate("MainActions", "合并其他审核人的工作区：合并模块尚未安装")))
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "settings", translate("MainActions", "设置(&S)…"), lambda: SettingsDialog(window.settings, window).exec()))
    file_menu.addAction(_action(window, "quit", translate("MainActions", "退出(&Q)"), window.close, "Ctrl+Q"))

    edit_menu = bar.addMenu(translate("MainActions", "编辑(&E)"))
    undo = window.undo_stack.createUndoAction(window, translate("MainActions", "撤销"))
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = window.undo_stack.createRedoAction(window, translate("MainActions", "重做"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for name, action in (("undo", undo), ("redo", redo)):
        action.setObjectName(f"action_{name}")
        window.addAction(action)
        window.actions_by_name[name] = action
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    edit_menu.addAction(_action(window, "delete", translate("MainActions", "移除所选单位"), window.delete_selected_tag, "Delete"))
    edit_menu.addAction(_action(window, "search", translate("MainActions", "搜索(&F)"), window.focus_search, "Ctrl+F"))

    go = bar.addMenu(translate("MainActions", "转到(&G)"))
    go.addAction(_action(window, "next", translate("MainActions", "下一条款"), lambda: window.step_clause(1), "J"))
    go.addAction(_action(window, "previous", translate("MainActions", "上一条款"), lambda: window.step_clause(-1), "K"))
    go.addAction(_action(window, "next_untagged", translate("MainActions", "下一未标注条款"), window.next_untagged, "N"))
    go.addSeparator()
    go.addAction(_action(window, "next_sentence", translate("MainActions", "下一句"), lambda: window.step_sentence(1), "]"))
    go.addAction(_action(window, "previous_sentence", translate("MainActions", "上一句"), lambda: window.step_sentence(-1), "["))
    whole = _action(window, "whole_clause", translate("MainActions", "回到整段"), window.back_to_clause, "Esc")
    window.removeAction(whole)  # Esc only in the tree and the reader, never in dialogs or fields
    whole.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.tree.addAction(whole)
    window.reader.addAction(whole)
    go.addAction(whole)

    tag = bar.addMenu(translate("MainActions", "标注(&T)"))
    tag.addAction(_action(window, "picker", translate("MainActions", "选择单位…"), lambda: window.annotation.picker.edit.setFocus(), "A"))
    tag.addAction(_action(window, "take_lead_suggestion", translate("MainActions", "采用第一个牵头建议"),
                          lambda: window.annotation.suggestion_panel.take_lead(), "S"))  # fmt: skip
    tag.addAction(_action(window, "take_support_suggestion", translate("MainActions", "采用第一个配合建议"),
                          lambda: window.annotation.suggestion_panel.take_support(), "Shift+S"))  # fmt: skip
    tag.addAction(_action(window, "reviewed", translate("MainActions", "标为已审 / 取消"), lambda: window.annotator.toggle_status("reviewed"), "R"))
    tag.addAction(_action(window, "question", translate("MainActions", "标为有疑问 / 取消"), lambda: window.annotator.toggle_status("question"), "Q"))
    lead_menu = tag.addMenu(translate("MainActions", "最近使用单位 → 牵头"))
    support_menu = tag.addMenu(translate("MainActions", "最近使用单位 → 配合"))
    for number in range(1, 10):
        lead_menu.addAction(_action(window, f"lead_{number}", translate("MainActions", "第 %1 个").replace("%1", str(number)),
                                    lambda n=number: window.annotator.assign_recent(n, "lead"), str(number)))  # fmt: skip
        support_menu.addAction(_action(window, f"support_{number}", translate("MainActions", "第 %1 个").replace("%1", str(number)),
                                       lambda n=number: window.annotator.assign_recent(n, "support"), f"Shift+{number}"))  # fmt: skip

    pin_menu = tag.addMenu(translate("MainActions", "把所选单位固定到编号"))
    for number in range(1, 10):
        pin_menu.addAction(_action(window, f"pin_{number}", translate("MainActions", "第 %1 号").replace("%1", str(number)),
                                   lambda n=number: pin_selected(window, n), f"Alt+{number}"))  # fmt: skip

    view = window.view_menu = bar.addMenu(translate("MainActions", "视图(&V)"))
    view.setToolTipsVisible(True)
    for dock in (window.tree_dock, window.annotation_dock, window.search_dock, window.indicator_dock, window.charts_dock):
        view.addAction(dock.toggleViewAction())
    view.addAction(_hook(window, "audit", translate("MainActions", "审计日志"), None, translate("MainActions", "审计日志：审计模块尚未安装")))
    view.addSeparator()
    view.addAction(_action(window, "reset_layout", translate("MainActions", "恢复默认布局"), lambda: reset_layout(window)))

    people = bar.addMenu(translate("MainActions", "审核人(&R)"))
    people.addAction(_action(window, "reviewer", translate("MainActions", "更改审核人…"), lambda: ask_reviewer(window, first_start=False)))

    help_menu = bar.addMenu(translate("MainActions", "帮助(&H)"))
    help_menu.addAction(_action(window, "shortcuts", translate("MainActions", "快捷键"), lambda: show_shortcuts(window), "F1"))
    window.global_shortcuts = GlobalShortcuts(window, (window.actions_by_name[n] for n in GLOBAL_ACTIONS))


def pin_selected(window: MainWindow, number: int) -> bool:
    """Alt+1-9: keep the unit selected in the annotation pane on that number."""
    department_id = window.annotation.assignment_list.current_department()
    if department_id is None:
        window.status.showMessage(translate("MainActions", "请先在标注区选择要固定编号的单位"), 4000)
        return False
    return window.annotator.pin(department_id, number)


def reset_layout(window: MainWindow) -> None:
    for dock in (window.tree_dock, window.annotation_dock, window.search_dock, window.indicator_dock, window.charts_dock):
        dock.setFloating(False)
        dock.show()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.tree_dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.annotation_dock)
    for dock in (window.search_dock, window.indicator_dock, window.charts_dock):
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.tabifyDockWidget(window.search_dock, window.indicator_dock)
    window.tabifyDockWidget(window.indicator_dock, window.charts_dock)
    window.search_dock.raise_()


def show_shortcuts(window: MainWindow) -> None:
    rows = [
        ("J / K", translate("MainActions", "下一条款 / 上一条款（阅读区中也可用 ↓ / ↑）")),
        ("N", translate("MainActions", "下一未标注条款")),
        ("] / [", translate("MainActions", "下一句 / 上一句（只标注该句）")),
        ("Esc", translate("MainActions", "回到整段")),
        ("1–9", translate("MainActions", "把最近使用的第 n 个单位设为牵头")),
        ("Shift+1–9", translate("MainActions", "把最近使用的第 n 个单位添加为配合（不改变牵头单位）")),
        ("Alt+1–9", translate("MainActions", "把所选单位固定到第 n 号")),
        ("S / Shift+S", translate("MainActions", "采用第一个牵头建议 / 添加第一个配合建议")),
        ("A", translate("MainActions", "单位选择框：输入、↓ 选择、Enter 牵头、Shift+Enter 配合")),
        ("R / Q", translate("MainActions", "已审 / 有疑问")),
        ("Delete", translate("MainActions", "移除所选单位或指标")),
        ("Ctrl+Z / Ctrl+Shift+Z", translate("MainActions", "撤销 / 重做")),
        ("Ctrl+F", translate("MainActions", "搜索")),
        ("Ctrl+E", translate("MainActions", "导出")),
        ("Ctrl+O", translate("MainActions", "导入规划")),
    ]
    body = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
    QMessageBox.information(window, translate("MainActions", "快捷键"), f"<table>{body}</table>")


# -- reviewer -----------------------------------------------------------------


def ask_reviewer(window: MainWindow, *, first_start: bool, on_named: Callable[[], None] | None = None,
                 reminder: bool = False) -> ReviewerDialog:
    """Open the reviewer dialog (non-blocking, window-modal); returns it.

    `on_named` runs once a name has been given.  On first start a cancelled
    dialog is asked again (the OS user is never recorded instead), and its
    退出 button closes the window.
    """
    current = window.session.reviewer if not first_start else None
    dialog = ReviewerDialog(current, window, first_start=first_start, reminder=reminder)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)

    def done(result: int) -> None:
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            reviewer = dialog.reviewer()
            store_reviewer(window.settings, reviewer)
            window.session.set_reviewer(reviewer)
            if on_named is not None:
                on_named()
        elif first_start and result == ReviewerDialog.QUIT:
            window.close()
        elif first_start:
            QTimer.singleShot(0, lambda: ask_reviewer(window, first_start=True, on_named=on_named, reminder=True))

    dialog.finished.connect(done)
    dialog.open()
    window.reviewer_dialog = dialog
    return dialog
