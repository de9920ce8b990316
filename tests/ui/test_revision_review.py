"""The change review dock, driven by qtbot on a real workspace: import a revision of the fully
tagged seed through File › 导入修订稿's worker, then accept, re-tag, move and go to nodes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.revision_drafts import ADDED_TEXTS, draft_revision, reword, tag_fully
from workbench import paths
from workbench.core.importing import import_lines
from workbench.storage.audit.audit_verify import verify
from workbench.ui.revision import wiring
from workbench.ui.revision.compare import INSERTED_STYLE
from workbench.ui.revision.dialogs import NodePickerDialog, RetagDialog


@pytest.fixture
def revised_file(tmp_path):
    lines = paths.SEED_PLAN.read_text(encoding="utf-8").split("\n")
    revised, drafting = draft_revision(lines, import_lines(lines, "seed.txt"))
    path = tmp_path / "批准稿.txt"
    path.write_text("\n".join(revised), encoding="utf-8")
    return path, drafting


@pytest.fixture
def reviewed(qtbot, repo, window, revised_file):
    tag_fully(repo, 1)
    window.session.apply(_all_nodes(window))
    path, drafting = revised_file
    wiring.import_revision_file(window, path, 1)
    view = window.revision_view
    qtbot.waitUntil(lambda: view.plan_box.count() == 1 and window.pool.running == 0, timeout=30000)
    return window, view, drafting


def _all_nodes(window):
    from workbench.storage.state.records import Changes

    ids = frozenset(n.db_id for n in window.session.plan(1).nodes() if n.db_id is not None)
    return Changes(node_ids=ids, events=("tagged",))


def _row(view, predicate) -> int:
    return next(i for i, e in enumerate(view.model.entries) if predicate(e))


def test_import_revision_shows_every_change_with_its_tags(reviewed, repo):
    window, view, drafting = reviewed
    assert window.revision_dock.isVisible()
    assert 2 in window.session.plan_ids  # the new version is in the tree, the old one marked
    old_root = window.tree_model.index_for_id(window.session.plan(1).root.db_id)
    assert old_root.data().endswith("（旧版本，只读）") and repo.plan(1).title == repo.plan(2).title
    kinds = [e.row.kind for e in view.model.entries]
    assert kinds.count("reworded") >= 12 and kinds.count("split") == 2 and kinds.count("merged") == 1
    assert kinds.count("new") == 5
    new_rows = [e for e in view.model.entries if e.row.kind == "new"]
    assert sorted(e.row.new_text for e in new_rows) == sorted(ADDED_TEXTS)
    for entry in new_rows:  # new clauses are untagged work
        row = view.model.entries.index(entry)
        assert view.model.index(row, 3).data() == "未标注" and view.model.index(row, 4).data() == "待标注"
    indicators = [e for e in view.model.entries if e.row.kind == "indicator"]
    assert sorted(e.row.new_text.split("：")[-1] for e in indicators) == ["33", "36左右"]  # 2030 targets changed
    reworded_old = repo.load_plan(1).root.find(drafting.reworded[0]).text
    row = _row(view, lambda e: e.row.old_text == reworded_old)
    view.select_row(row)
    old_html, new_html = view.compare.highlighted()
    assert "切实" in new_html and "background-color:#c6efce" in INSERTED_STYLE
    assert "#c6efce" in new_html.lower() and "#f8cbad" in old_html.lower()
    assert view.compare.new_view.toPlainText() == reword(reworded_old)
    assert view.compare.tags_label.text().startswith("标签：牵头单位：")
    assert "项待审核" in view.summary.text()


def test_the_report_is_exported_from_the_dock(reviewed, tmp_path):
    import openpyxl

    _, view, drafting = reviewed
    written = view.export_report(str(tmp_path / "对照表.xlsx"))
    sheet = openpyxl.load_workbook(written)["对照表"]
    changes = [row[4].value for row in sheet.iter_rows(min_row=2)]
    assert changes.count("文字修改") == len(drafting.reworded) and changes.count("新增") == 5
    assert "修改对照表" in sheet.oddHeader.center.text


def test_accept_retag_move_and_go_to_are_audited(qtbot, reviewed, repo):
    window, view, drafting = reviewed
    view.filter_box.setCurrentIndex(view.filter_box.findData("pending"))
    pending_before = len(view.model.entries)
    view.select_row(0)
    first = view.model.entry(0)
    assert view.accept_button.isEnabled()
    view.accept_current()
    assert repo.revision_item(first.item.id).status == "accepted"
    assert len(view.model.entries) == pending_before - 1

    view.select_row(0)
    entry = view.model.entry(0)
    departments = [(repo.department_uid(d.db_id), d.name) for d in repo.departments()]
    dialog = RetagDialog(departments, entry.tags)
    qtbot.addWidget(dialog)
    dialog.lead_box.setCurrentIndex(dialog.lead_box.findText("市科技局"))
    for i in range(dialog.support_list.count()):
        dialog.support_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    view.retag_current(dialog)
    assignments = window.session.assignments(entry.new_node_id)  # the window saw the change
    assert [(a.name, a.role) for a in assignments] == [("市科技局", "lead")]
    assert repo.revision_item(entry.item.id).status == "retagged"

    view.filter_box.setCurrentIndex(view.filter_box.findData("orphans"))
    view.select_row(0)
    orphan = view.model.entry(0)
    assert orphan.item.kind == "orphan" and orphan.new_node_id is None and not view.goto_button.isEnabled()
    target = repo.node_by_key(2, "ch17/s04/p01")
    picker = NodePickerDialog(list(view.data.new.nodes()))
    qtbot.addWidget(picker)
    picker.filter_edit.setText("完善规划实施机制")
    assert any(not picker.list.item(i).isHidden() for i in range(picker.list.count()))
    view.move_current(target.id)
    moved = {a.department_uid for a in window.session.assignments(target.id)}
    assert {uid for uid, _ in orphan.tags.assignments} <= moved
    assert repo.revision_item(orphan.item.id).status == "moved"

    view.filter_box.setCurrentIndex(view.filter_box.findData("new"))
    view.select_row(0)
    view.go_to()
    new_clause = view.model.entry(0)
    assert window.current_node_id == new_clause.new_node_id and new_clause.untagged_new
    window.annotator.assign(repo.departments()[0].db_id, "lead")  # tagged in the main window as usual ...
    qtbot.waitUntil(lambda: not view.model.entry(0).untagged_new, timeout=5000)  # ... and the list follows
    assert len(repo.events(action="revision_review")) == 3
    assert verify(repo.db).ok


def test_file_menu_imports_a_revision_of_the_chosen_plan(qtbot, window, revised_file, monkeypatch):
    path, _ = revised_file
    asked = {}

    def get_item(parent, title, label, items, current, editable):
        asked["items"] = items
        return items[0], True

    monkeypatch.setattr(wiring.QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(wiring.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.actions_by_name["import_revision"].trigger()
    # The import preview opens (corrections as for any import), saying which plan this revises.
    qtbot.waitUntil(lambda: getattr(window, "import_preview", None) is not None, timeout=30000)
    preview = window.import_preview
    note = preview.findChild(QLabel, "revisionOfNote")
    assert note is not None and "规划 1" in note.text() and "新版本" in note.text()
    assert preview.plan is not None and preview.plan.count("clause") > 200
    preview.accept()
    qtbot.waitUntil(lambda: window.revision_view.plan_box.count() == 1 and window.pool.running == 0, timeout=30000)
    assert asked["items"][0].startswith("1 · ")
    assert window.session.repo.superseded_by(1) == 2
    assert "旧版本" in window.statusBar().currentMessage()
    # The old version is read-only now: a tag on it is refused and nothing is written.
    events = window.session.repo.event_count()
    window.select_node(window.session.plan(1).root.find("ch03/s01/p02").db_id)
    window.annotator.assign(window.session.repo.departments()[0].db_id, "lead")
    assert window.session.repo.event_count() == events
    asked.clear()
    monkeypatch.setattr(wiring.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))  # cancel
    window.actions_by_name["import_revision"].trigger()  # only current versions are offered
    assert asked["items"] == [asked["items"][0]] and asked["items"][0].startswith("2 · ")


def test_merging_a_reviewer_still_on_the_draft_carries_into_the_new_version(qtbot, window, seed_workspace,
                                                                             revised_file, tmp_path, monkeypatch):
    import shutil

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.signing import Ed25519Signer
    from workbench.storage.repository import Repository

    other_path = tmp_path / "other.sqlite"
    shutil.copyfile(seed_workspace, other_path)  # the other reviewer took the draft's workspace
    path, _ = revised_file
    wiring.import_revision_file(window, path, 1)
    qtbot.waitUntil(lambda: window.revision_view.plan_box.count() == 1 and window.pool.running == 0, timeout=30000)
    other = Repository(open_workspace(other_path, signer=Ed25519Signer.generate()), Reviewer("李四", "市科技局"))  # 李四's key
    other.assign(node_id=other.node_by_key(1, "ch05/s01/p01").id, department_id=other.find_department("市科技局").db_id)
    other.db.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.actions_by_name["merge"].trigger()
    assert shown and "已带入新版本：1 个条目" in shown[0], shown
    new_node = window.session.plan(2).root.find("ch05/s01/p01")
    assert [a.name for a in window.session.assignments(new_node.db_id)] == ["市科技局"]  # the window shows it


def test_a_refused_revision_is_explained_in_chinese(qtbot, window, tmp_path, monkeypatch):
    """File › 导入修订稿 of an unrelated document showed the storage layer's English sentence."""
    other = tmp_path / "某区规划.txt"
    other.write_text("某区规划\n\n第一章 农业农村\n\n第一节 乡村振兴\n\n推进高标准农田建设，提升粮食综合生产能力。\n",
                     encoding="utf-8")
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append((title, message)))
    wiring.import_revision_file(window, other, 1)
    qtbot.waitUntil(lambda: bool(shown) and window.pool.running == 0, timeout=30000)
    title, message = shown[0]
    assert title == "导入修订稿失败" and "没有任何相同条款" in message and "某区规划.txt" in message
    assert not any("a" <= ch.lower() <= "z" for ch in message.replace("某区规划.txt", "")), message
    assert window.session.plan_ids == [1]
