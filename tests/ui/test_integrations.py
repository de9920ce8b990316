"""Export, division import, merge and the audit docks, plugged into the real window."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from workbench.storage.audit.audit import Reviewer


def clause(window, key):
    plan = window.session.plan(window.session.plan_ids[0])
    return plan.root.find(key)


def other_reviewer(seed_workspace, tmp_path):
    """李四's workspace of the seed (his own key), with 市科技局 leading ch05/s01/p01."""
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository
    from workbench.storage.signing import Ed25519Signer

    other_path = tmp_path / "other.sqlite"
    shutil.copyfile(seed_workspace, other_path)
    other = Repository(open_workspace(other_path, signer=Ed25519Signer.generate()), Reviewer("李四", "市科技局"))
    other.assign(node_id=other.node_by_key(other.plans()[0].id, "ch05/s01/p01").id,
                 department_id=other.find_department("市科技局").db_id)  # fmt: skip
    other.db.close()
    return other_path


def test_features_are_installed(window):
    for name in ("export", "merge", "audit", "import_division"):
        assert window.actions_by_name[name].isEnabled(), name
    assert window.actions_by_name["import_division"] in window.file_menu.actions()
    assert window.conflicts_dock.widget() is window.conflicts_view


def test_ctrl_e_exports_in_a_worker(qtbot, window, departments, tmp_path, monkeypatch):
    from workbench.ui.export import export_dialog

    node = clause(window, "ch03/s01/p01")
    window.session.apply(window.session.repo.assign(node_id=node.db_id, department_id=departments["市科技局"]))
    target = tmp_path / "out.xlsx"

    def accept(dialog):
        dialog.output_edit.setText(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", accept)
    qtbot.keyClick(window.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.exists, timeout=15000)
    qtbot.waitUntil(lambda: window.pool.running == 0, timeout=15000)
    rows = list(openpyxl.load_workbook(target)["任务分工"].iter_rows(min_row=3, values_only=True))
    assert [(r[2], r[-1]) for r in rows if r[-1]] == [("市科技局", "ch03/s01/p01")]
    assert "out.xlsx" in window.status.currentMessage()


def test_merge_brings_in_the_other_reviewers_tags(qtbot, window, workspace_path, seed_workspace, tmp_path,
                                                   monkeypatch):
    other_path = other_reviewer(seed_workspace, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    from workbench.storage.revision import merged

    real, during = merged.merge_workspace, []

    def watched(*args, **kwargs):  # what the window shows while the merge blocks it
        cursor = QApplication.overrideCursor()
        during.append((cursor and cursor.shape(), window.status.currentMessage()))
        return real(*args, **kwargs)

    monkeypatch.setattr(merged, "merge_workspace", watched)
    window.actions_by_name["merge"].trigger()
    assert during == [(Qt.CursorShape.WaitCursor, "正在合并 other.sqlite…")]
    assert QApplication.overrideCursor() is None
    assert shown and "合并了" in shown[0], shown
    mine = clause(window, "ch05/s01/p01")
    assert [a.name for a in window.session.assignments(mine.db_id)] == ["市科技局"]
    window.actions_by_name["merge"].trigger()  # the same file again changes nothing
    assert "没有变化" in shown[-1]


def test_a_merge_stopped_by_a_full_disk_says_so_in_one_line_and_changes_nothing(qtbot, window, seed_workspace,
                                                                                tmp_path, monkeypatch):  # fmt: skip
    """The copy taken before the merge (backups/) fails on a full disk: one line, no traceback, nothing merged."""
    from types import SimpleNamespace

    from workbench.storage.backups import taking

    other_path = other_reviewer(seed_workspace, tmp_path)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(taking, "json", SimpleNamespace(dumps=full_disk))  # the copy's sidecar cannot be written
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append((a[1], a[2])))
    count = window.session.repo.event_count()
    window.actions_by_name["merge"].trigger()
    assert shown == [("无法合并", "无法写入（No space left on device），本工作区未作任何改动。")]
    assert QApplication.overrideCursor() is None  # the wait cursor went with the merge
    assert window.session.repo.event_count() == count
    assert window.session.assignments(clause(window, "ch05/s01/p01").db_id) == []


def test_a_merge_whose_copy_sqlite_finds_the_disk_full_says_so_in_one_line(qtbot, window, seed_workspace, tmp_path,
                                                                         monkeypatch):  # fmt: skip
    """A disk that fills during the copy before the merge is reported by SQLite's backup, not by the OS:
    sqlite3.OperationalError "database or disk is full" (as a tmpfs shows), which is one warning line too."""
    import sqlite3

    from workbench.storage.backups import background

    other_path = other_reviewer(seed_workspace, tmp_path)

    def full_disk(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(background, "take_backup", full_disk)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append((a[1], a[2])))
    count = window.session.repo.event_count()
    window.actions_by_name["merge"].trigger()
    assert shown == [("无法合并", "无法写入（database or disk is full），本工作区未作任何改动。")]
    assert QApplication.overrideCursor() is None
    assert window.session.repo.event_count() == count


def test_merge_conflicts_show_as_disputed_until_resolved(qtbot, window, seed_workspace, tmp_path, monkeypatch):
    other_path = other_reviewer(seed_workspace, tmp_path)
    mine = clause(window, "ch05/s01/p01")
    repo = window.session.repo
    window.session.apply(repo.assign(node_id=mine.db_id, department_id=repo.find_department("市教委").db_id))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.actions_by_name["merge"].trigger()
    assert window.session.tag_state(mine).state == "disputed"
    assert window.conflicts_dock.isVisible()
    window.conflicts_view.refresh()
    from workbench.storage.disputes.conflicts import list_conflicts, resolve_conflict
    from workbench.storage.errors import StoreError
    from workbench.storage.signing.profile import default_signer
    from workbench.storage.signing.roster import Member, Roster

    (conflict,) = list_conflicts(repo.db)
    with pytest.raises(StoreError, match="party to this dispute"):  # this reviewer wrote one side
        resolve_conflict(repo, conflict.ref, take="a", reason="组长裁定", roster=None)
    allowed = Roster(default_signer().fingerprint, {})
    allowed.add(Member(default_signer().fingerprint, repo.reviewer.name, resolve=True))
    resolve_conflict(repo, conflict.ref, take="a", reason="组长裁定", roster=allowed)  # the roster says he may
    from workbench.ui.window.integrations import refresh_all

    refresh_all(window)
    assert window.session.tag_state(mine).state != "disputed"


def test_history_tab_follows_the_selected_node(qtbot, window, departments):
    node = clause(window, "ch03/s02/p01")
    window.session.apply(window.session.repo.assign(node_id=node.db_id, department_id=departments["市商务局"]))
    window.select_node(node.db_id)
    assert window.annotation_dock.widget() is window.annotation_tabs
    window.annotation_tabs.setCurrentWidget(window.history_tab)
    assert window.history_tab.model.rowCount() == 1 and "市商务局" in _table_text(window.history_tab)
    window.select_node(clause(window, "ch04/s01/p01").db_id)
    assert window.history_tab.model.rowCount() == 0


def _table_text(widget) -> str:
    from PySide6.QtWidgets import QTableView

    texts = []
    for view in widget.findChildren(QTableView):
        m = view.model()
        for r in range(m.rowCount()):
            for c in range(m.columnCount()):
                texts.append(str(m.index(r, c).data() or ""))
    return " ".join(texts)


def test_department_registry_dialog(qtbot, window, departments, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from workbench.ui.workspace.departments_dialog import AddDepartmentDialog, DepartmentsDialog

    node = clause(window, "ch06/s01/p01")
    window.session.apply(window.session.repo.assign(node_id=node.db_id, department_id=departments["市数据局"]))
    dialog = DepartmentsDialog(window.session.repo, window)
    qtbot.addWidget(dialog)
    dialog.changed.connect(window.session.apply)
    before = dialog.table.rowCount()

    def fill(add):
        add.name.setText("市低空经济局")
        add.aliases.setText("低空局、低空办")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddDepartmentDialog, "exec", fill)
    dialog.buttons["add"].click()
    assert dialog.table.rowCount() == before + 1
    assert dialog.selected().name == "市低空经济局" and dialog.selected().aliases == ["低空局", "低空办"]
    dialog.select("市数据局")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("市数据发展局", True))
    dialog.buttons["rename"].click()
    assert dialog.selected().name == "市数据发展局" and "市数据局" in dialog.selected().aliases
    dialog.buttons["retire"].click()
    assert dialog.selected().retired and dialog.buttons["restore"].isEnabled()
    # The window's cache follows: the clause keeps its (renamed, retired) department.
    assert [a.name for a in window.session.assignments(node.db_id)] == ["市数据发展局"]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    dialog.select("市低空经济局")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("市发展改革委", True))  # a name in use
    events = window.session.repo.event_count()
    dialog.buttons["rename"].click()
    assert window.session.repo.event_count() == events and dialog.selected().name == "市低空经济局"
