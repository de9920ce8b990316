"""Undo that never overwrites someone else: Ctrl+Z after a colleague's write refuses instead of erasing."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from workbench.cli import main
from workbench.storage.audit.audit import Reviewer
from workbench.storage.disputes.conflicts import list_conflicts
from workbench.storage.files.database import open_workspace
from workbench.storage.sync.merge import merge_workspace
from workbench.storage.repository import Repository
from workbench.storage.signing import Ed25519Signer

from .conftest import clause_ids


def _names(repo, node_id):
    return [a.name for a in repo.assignments(node_id)]


def test_ctrl_z_after_a_cli_write_refuses_and_names_who(qtbot, window, repo, departments, workspace_path):
    node_id = clause_ids(window)[3]
    window.select_node(node_id)
    window.annotator.set_target(node_id)
    assert window.annotator.assign(departments["市科技局"])
    assert window.annotator.assign(departments["市教委"], "support")
    assert window.undo_stack.count() == 2
    key = window.session.node(node_id).key
    assert main(["assign", key, "市财政局", "--role", "support", "--db", str(workspace_path), "--reviewer", "李四"]) == 0
    assert _names(repo, node_id) == ["市科技局", "市教委", "市财政局"]

    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert _names(repo, node_id) == ["市科技局", "市教委", "市财政局"]  # nothing erased
    qtbot.waitUntil(lambda: "无法撤销" in window.status.currentMessage())
    assert "李四" in window.status.currentMessage()
    assert window.undo_stack.count() == 1  # the refused step is dropped, the earlier one stays
    assert [a.name for a in window.session.assignments(node_id)] == ["市科技局", "市教委", "市财政局"]
    # the earlier step is fenced by the same write: refused too, never erasing
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(repo, node_id) == ["市科技局", "市教委", "市财政局"] and window.undo_stack.count() == 0


def test_undo_still_works_when_nobody_else_wrote(qtbot, window, repo, departments):
    node_id = clause_ids(window)[4]
    window.select_node(node_id)
    window.annotator.set_target(node_id)
    assert window.annotator.assign(departments["市科技局"])
    window.annotator.set_note("第一稿")
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _names(repo, node_id) == [] and repo.note(node_id) is None or repo.note(node_id).text == ""
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _names(repo, node_id) == ["市科技局"]


def test_ctrl_z_after_a_merge_refuses_and_keeps_the_conflict(qtbot, window, repo, departments, seed_workspace,
                                                             tmp_path):
    from workbench.ui.window.integrations import refresh_all

    colleague_path = tmp_path / "colleague.sqlite"
    shutil.copyfile(seed_workspace, colleague_path)
    node_id = clause_ids(window)[6]
    key = window.session.node(node_id).key
    colleague = Repository(open_workspace(colleague_path, signer=Ed25519Signer.generate()),  # 王五's own key
                           Reviewer("王五", "市财政局规划处"))
    theirs = colleague.node_by_key(colleague.plans()[0].id, key)
    colleague.assign(node_id=theirs.id, department_id=colleague.find_department("市财政局").db_id)
    colleague.db.close()

    window.select_node(node_id)
    window.annotator.set_target(node_id)
    assert window.annotator.assign(departments["市科技局"])
    result = merge_workspace(repo.db, colleague_path, reviewer=Reviewer("组长"), backup=False)
    assert result.new_conflicts
    refresh_all(window, events=(result.merge_event or "",))
    shown = _names(repo, node_id)
    open_before = [c.id for c in list_conflicts(repo.db, status="open")]

    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert _names(repo, node_id) == shown  # neither side erased
    assert [c.id for c in list_conflicts(repo.db, status="open")] == open_before  # not marked superseded
    qtbot.waitUntil(lambda: "王五" in window.status.currentMessage())
    assert window.undo_stack.count() == 0


def test_ctrl_z_after_a_division_sheet_import_refuses(qtbot, window, repo, departments):
    from workbench.core.division_import import DivisionDiff, NodeChange
    from workbench.core.matrix import Tag
    from workbench.storage.state.division import apply_division

    node_id = clause_ids(window)[7]
    window.select_node(node_id)
    window.annotator.set_target(node_id)
    assert window.annotator.assign(departments["市科技局"])
    node = window.session.node(node_id)
    plan = window.session.plan(window.session.plan_id_of(node_id))
    after = [Tag("市科技局", "lead"), Tag("市财政局", "support")]
    diff = DivisionDiff(rows_read=1, changes=[NodeChange(node.key, [Tag("市科技局", "lead")], after)])
    apply_division(repo, plan, diff, reviewer=Reviewer("联络员", "市财政局"), reason="import-division 分工.xlsx")

    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert _names(repo, node_id) == ["市科技局", "市财政局"]  # the sheet's change stays
    qtbot.waitUntil(lambda: "联络员" in window.status.currentMessage())
