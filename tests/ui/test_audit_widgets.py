"""The dockable audit widgets on a real merged workspace, offscreen."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from tests.storage.conftest import REGISTRY, make_plan  # noqa: E402
from workbench.storage.audit.audit import Reviewer  # noqa: E402
from workbench.storage.audit.audit_verify import verify  # noqa: E402
from workbench.storage.files.database import open_workspace  # noqa: E402
from workbench.storage.sync.merge import merge_workspace  # noqa: E402
from workbench.storage.repository import Repository  # noqa: E402
from workbench.storage.signing import Ed25519Signer  # noqa: E402
from workbench.ui.audit.agreement_view import AgreementView  # noqa: E402
from workbench.ui.audit.audit_view import AuditView  # noqa: E402
from workbench.ui.disputes.conflicts_view import ConflictsView  # noqa: E402
from workbench.ui.audit.event_table import ENTRY_ROLE  # noqa: E402
from workbench.ui.audit.history_tab import HistoryTab  # noqa: E402

NODE = "ch01/s01/p01"


def _desk(path: Path, registry: Path, who: Reviewer, leads: list[str]) -> None:
    db = open_workspace(path, registry=registry, signer=Ed25519Signer.generate())  # each reviewer's own key
    repo = Repository(db, who)
    repo.import_plan(make_plan())
    clauses = [r[0] for r in db.execute("SELECT id FROM nodes WHERE kind = 'clause' AND key LIKE 'ch%' ORDER BY seq")]
    for clause, name in zip(clauses, leads):
        repo.assign(node_id=clause, department_id=repo.find_department(name).db_id)
    repo.set_note(node_id=clauses[0], text=f"{who.name}：请核实")
    db.close()


@pytest.fixture
def repo(tmp_path: Path):
    registry = tmp_path / "departments.json"
    registry.write_text(json.dumps({"departments": REGISTRY}, ensure_ascii=False), encoding="utf-8")
    _desk(tmp_path / "a.sqlite", registry, Reviewer("张三", "规划处"), ["市科技局", "市财政局", "天津海关"])
    _desk(tmp_path / "b.sqlite", registry, Reviewer("李四", "科技处"), ["市财政局", "市财政局", "天津海关"])
    db = open_workspace(tmp_path / "a.sqlite", signer=Ed25519Signer.generate())  # the lead's key: a workspace of his own
    merge_workspace(db, tmp_path / "b.sqlite", reviewer=Reviewer("组长", "办公室"), backup=False)
    yield Repository(db, Reviewer("组长", "办公室"))
    db.close()


def test_audit_view_filters_and_sorts(qtbot, qtmodeltester, repo) -> None:
    view = AuditView(repo)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    total = repo.event_count()
    assert view.proxy.rowCount() == total
    view.reviewer_box.setCurrentIndex(view.reviewer_box.findData("李四"))
    assert {e.reviewer for e in view.visible_entries()} == {"李四"} and len(view.visible_entries()) == 1 + 1 + 3 + 1  # key, import, 3 leads, note
    view.reviewer_box.setCurrentIndex(0)
    view.department_edit.setText("市科委")  # an alias
    assert [e.node_key for e in view.visible_entries()] == [NODE]
    view.department_edit.clear()
    view.node_edit.setText("ch01/s01")  # a section: its clauses too
    assert {e.node_key for e in view.visible_entries()} == {"ch01/s01/p01", "ch01/s01/p02", "ch01/s01/p03"}
    view.node_edit.clear()
    view.since_edit.setDateTime(view.since_edit.dateTime().addYears(5))
    view.since_check.setChecked(True)
    assert view.proxy.rowCount() == 0
    view.since_check.setChecked(False)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    times = [view.proxy.index(r, 0).data(ENTRY_ROLE).time_utc for r in range(view.proxy.rowCount())]
    assert times == sorted(times)  # column 0 is the time (merged events interleave with local ones)
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert view.proxy.index(0, 0).data(ENTRY_ROLE).action == "merge"
    assert view.proxy.index(0, 3).data() == "合并工作区"


def test_history_tab_newest_first(qtbot, qtmodeltester, repo) -> None:
    tab = HistoryTab(repo)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 0
    sha = repo.plans()[0].sha256
    tab.set_node(sha, NODE)
    qtmodeltester.check(tab.model)
    entries = [tab.model.entry(r) for r in range(tab.model.rowCount())]
    assert len(entries) == 4 and [e.seq for e in entries] == sorted((e.seq for e in entries), reverse=True)
    assert NODE in tab.title.text()


def test_conflicts_view_takes_a_side(qtbot, qtmodeltester, repo) -> None:
    view = ConflictsView(repo)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    kinds = sorted(c.kind for c in view.conflicts)
    assert kinds == ["lead", "note"] and view.model.rowCount() == 2
    lead_row = next(i for i, c in enumerate(view.conflicts) if c.kind == "lead")
    conflict = view.conflicts[lead_row]
    cell = lambda row, column: view.model.index(row, column).data()  # noqa: E731
    assert "张三" in cell(lead_row, 3) + cell(lead_row, 4) and "李四" in cell(lead_row, 3) + cell(lead_row, 4)
    assert cell(lead_row, 0) == f"#{conflict.ref}" and cell(lead_row, 6) == "待裁决"
    view.table.selectRow(lead_row)
    view.reason_edit.setText("会商确定")
    wanted = conflict.a.value[0]["name"]
    with qtbot.waitSignal(view.resolved, timeout=2000) as blocker:
        qtbot.mouseClick(view.take_a, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == conflict.id
    plan = repo.plans()[0]
    node = repo.node_by_key(plan.id, NODE)
    assert [a.name for a in repo.assignments(node.id)] == [wanted]
    assert view.model.rowCount() == 1 and verify(repo.db).ok
    event = repo.events(action="conflict_resolution")[-1]
    assert event.reason == "会商确定" and event.reviewer == "组长"
    view.show_all.setChecked(True)  # the settled one is listed too, saying how it ended
    assert view.model.rowCount() == 2 and view.take_a.isEnabled() == (view.selected().status == "open")
    settled = next(r for r in range(2) if view.conflicts[r].id == conflict.id)
    assert cell(settled, 6).startswith("已裁决") and "组长" in cell(settled, 6)


def test_conflicts_view_reads_pages_and_loads_off_the_gui_thread(qtbot, qtmodeltester, repo, tmp_path,
                                                                   monkeypatch) -> None:
    """The first page is read on a worker with its own connection; later pages as the table scrolls."""
    import threading

    from PySide6.QtCore import QThreadPool

    from workbench.ui.disputes import model as disputes_model

    monkeypatch.setattr(disputes_model, "PAGE", 1)
    threads = []
    real = disputes_model.read_first_page
    monkeypatch.setattr(disputes_model, "read_first_page",
                        lambda db, status, limit=1: threads.append(threading.current_thread()) or real(db, status, 1))
    view = ConflictsView(repo, load=False)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0  # nothing read until shown
    first_pages, fetched = [], []
    reset, fetch = view.model.reset, view.model._fetch
    monkeypatch.setattr(view.model, "reset", lambda page: first_pages.append(len(page.rows)) or reset(page))
    monkeypatch.setattr(view.model, "_fetch", lambda after, limit: fetched.append(limit) or fetch(after, limit))
    pool = QThreadPool()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh_in_background(pool, tmp_path / "a.sqlite")
    pool.waitForDone()
    assert threads and threads[0] is not threading.main_thread()
    assert first_pages == [1] and view.model.total == 2 and "2" in view.status_label.text()
    while view.model.canFetchMore():  # (the table itself may already have asked for more)
        view.model.fetchMore()
    assert view.model.rowCount() == 2 and fetched == [1]
    qtmodeltester.check(view.model)
    from workbench.storage.disputes.conflicts import list_conflicts

    assert [c.id for c in view.conflicts] == [c.id for c in list_conflicts(repo.db)]


def test_agreement_view_and_export(qtbot, repo, tmp_path: Path) -> None:
    view = AgreementView(repo)
    qtbot.addWidget(view)
    assert view.report is not None and view.report.overall.items == 3
    assert view.table.rowCount() == 1 + len(view.report.departments)
    assert view.table.item(0, 3).text() == "66.7%"  # 2 of 3 clauses agree
    path = view.export_to(tmp_path / "agree.xlsx")
    assert openpyxl.load_workbook(path)["一致性"].cell(row=2, column=2).value == 3


def test_audit_view_reads_a_page_at_a_time(qtbot, qtmodeltester, repo, monkeypatch) -> None:
    from workbench.ui.audit import audit_view

    monkeypatch.setattr(audit_view, "PAGE", 3)
    view = AuditView(repo)
    qtbot.addWidget(view)
    total = repo.event_count()
    assert view.model.rowCount() == 3 < total and view.model.canFetchMore()
    assert view.count_label.text().startswith(str(total)) or str(total) in view.count_label.text()
    view.model.fetchMore()
    assert view.model.rowCount() == 6
    qtmodeltester.check(view.model)
    seqs = [e.seq for e in view.visible_entries()]
    assert sorted(seqs) == list(range(1, total + 1)), seqs
    assert not view.model.canFetchMore()
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by reviewer, in SQL
    names = [e.reviewer for e in view.visible_entries()]
    assert names == sorted(names) and len(names) == total
