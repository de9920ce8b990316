"""The public 备注 (printed in the 任务分工方案) edited in the annotation pane, undone and redone; and a
free-text 完成时限 that came back from a liaison's sheet shown as written."""

from __future__ import annotations

from .conftest import type_text
from .test_annotation import last_actions, select_clause


def test_public_remark_with_undo(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch07/s01/p01")
    pane = window.annotation
    type_text(pane.remark_edit, "与年度计划统筹推进")
    pane.remark_edit.editingFinished.emit()
    assert repo.remark(node_id) == "与年度计划统筹推进"
    assert last_actions(repo, 1) == ["remark"]
    window.undo_stack.undo()
    assert repo.remark(node_id) == "" and pane.remark_edit.text() == ""
    window.undo_stack.redo()
    assert repo.remark(node_id) == "与年度计划统筹推进" and pane.remark_edit.text() == "与年度计划统筹推进"
    assert repo.note(node_id) is None  # the internal note is another thing


def test_free_text_timing_is_shown_as_written(qtbot, window, repo):
    node = window.session.plan(window.session.plan_ids[0]).root.find("ch07/s01/p02")
    window.session.apply(repo.set_timing(node_id=node.db_id, timing="2027年6月底前"))
    select_clause(qtbot, window, "ch07/s01/p02")
    assert window.annotation.timing.currentText() == "2027年6月底前"
