"""The export dialog's request, and the division import dialog applying a sheet."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402

from workbench.core.export_jobs import MODE_DEPARTMENTS, MODE_WORKBOOK, run_export  # noqa: E402
from workbench.storage.audit.audit import Reviewer  # noqa: E402
from workbench.storage.files.database import open_workspace  # noqa: E402
from workbench.storage.repository import Repository  # noqa: E402


@pytest.fixture()
def repo(tmp_path, seed_plan):
    repo = Repository(open_workspace(tmp_path / "ws.sqlite"), Reviewer("张三", "市发展改革委"))
    plan_id = repo.import_plan(seed_plan).plan_id
    node = repo.node_by_key(plan_id, "ch03/s01/p01")
    for name, role in (("市科技局", "lead"), ("市财政局", "support")):
        repo.assign(node_id=node.id, department_id=repo.find_department(name).db_id, role=role)
    node = repo.node_by_key(plan_id, "ch04/s01/p01")
    repo.assign(node_id=node.id, department_id=repo.find_department("市工业和信息化局").db_id)
    repo.plan_id = plan_id
    return repo


@pytest.fixture()
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_export_dialog_builds_requests(qtbot, repo, settings, tmp_path):
    from workbench.ui.export.export_dialog import ExportDialog

    dialog = ExportDialog(repo, plan_id=repo.plan_id, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.chapter_list.count() == 17
    assert sorted(dialog.department_list.item(i).text() for i in range(dialog.department_list.count())) == [
        "市工业和信息化局", "市科技局", "市财政局"]
    dialog.output_edit.setText(str(tmp_path / "out"))
    dialog.sheet_checks["summary"].setChecked(False)
    dialog.chapter_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    request = dialog.request()
    assert request.mode == MODE_WORKBOOK and request.output.name == "out.xlsx"
    assert "summary" not in request.sheets and "division" in request.sheets
    assert request.chapters is not None and "ch03" not in request.chapters and len(request.chapters) == 16
    assert request.departments is None  # all departments checked: no filter
    dialog.sheet_checks["matrix"].setChecked(False)
    for key in ("division", "indicators", "about"):
        dialog.sheet_checks[key].setChecked(False)
    dialog._accept()
    assert dialog.error_label.text() == "请至少选择一个工作表" and dialog.result() == 0
    dialog.department_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert len(dialog.request().departments) == 2  # a workbook with only these departments' tasks
    dialog.mode_departments.setChecked(True)
    request = dialog.request()
    assert request.mode == MODE_DEPARTMENTS and len(request.departments) == 2


def test_run_export_requests_write_files(repo, tmp_path):
    from workbench.core.export_jobs import ExportRequest
    from workbench.storage.state.snapshot import provenance, read_snapshot

    plan = repo.load_plan(repo.plan_id)
    snap = read_snapshot(repo.db, plan)
    prov = provenance(repo.db, plan, workspace=tmp_path / "ws.sqlite", reviewer="张三")
    gen = run_export(snap, prov, ExportRequest(MODE_DEPARTMENTS, tmp_path / "depts"))
    written = None
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        written = stop.value
    assert sorted(p.name for p in written) == sorted(
        f"{n}-任务分工.xlsx" for n in ("市工业和信息化局", "市科技局", "市财政局"))
    book = openpyxl.load_workbook(tmp_path / "depts" / "市科技局-任务分工.xlsx")
    rows = list(book.worksheets[0].iter_rows(min_row=3, values_only=True))
    assert [r[-1] for r in rows if r[-1]] == ["ch03/s01/p01"]
    about = dict(r[:2] for r in book["说明"].iter_rows(values_only=True))
    assert about["审计事件数"] == repo.event_count()
    with pytest.raises(ValueError, match="xlsx"):
        list(run_export(snap, prov, ExportRequest(MODE_WORKBOOK, tmp_path / "x.csv")))


def test_division_dialog_applies_as_named_reviewer(qtbot, repo, tmp_path):
    from workbench.core.export_xlsx import export_workbook
    from workbench.storage.state.snapshot import provenance, read_snapshot
    from workbench.ui.export.division_dialog import DivisionImportDialog, prepare_division_import

    plan = repo.load_plan(repo.plan_id)
    path = tmp_path / "division.xlsx"
    list(export_workbook(read_snapshot(repo.db, plan), path,
                         provenance(repo.db, plan, workspace="ws", reviewer="张三"), sheets=("division",)))
    assert prepare_division_import(repo, repo.plan_id, path).changes == []
    wb = openpyxl.load_workbook(path)
    ws = wb["任务分工"]
    at = {r[-1].value: r[0].row for r in ws.iter_rows(min_row=3) if r[-1].value}
    ws[f"D{at['ch03/s01/p01']}"] = "市财政局、市教委"
    ws[f"D{at['ch04/s01/p01']}"] = "市科技委"
    wb.save(path)
    diff = prepare_division_import(repo, repo.plan_id, path)
    dialog = DivisionImportDialog(repo, repo.plan_id, diff, path)
    qtbot.addWidget(dialog)
    assert dialog.problem_list.count() == 1 and "市科技局" in dialog.problem_list.item(0).text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    ws[f"D{at['ch04/s01/p01']}"] = None
    wb.save(path)
    diff = prepare_division_import(repo, repo.plan_id, path)
    dialog = DivisionImportDialog(repo, repo.plan_id, diff, path)
    qtbot.addWidget(dialog)
    assert dialog.change_list.count() == 1
    dialog.reviewer_edit.setText("王五")
    before = repo.event_count()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert repo.event_count() == before + 2  # 王五's first write publishes his key, then the change
    node = repo.node_by_key(repo.plan_id, "ch03/s01/p01")
    assert [a.name for a in repo.assignments(node.id)] == ["市科技局", "市财政局", "市教委"]
    last = repo.events(limit=1)[-1]
    assert (last.reviewer, last.action) == ("王五", "division_import")
    assert repo.reviewer.name == "张三"  # restored after the import


def test_print_options_and_word_file(qtbot, repo, tmp_path):
    import docx

    from workbench.storage.state.snapshot import provenance, read_snapshot
    from workbench.ui.export.export_dialog import ExportDialog

    dialog = ExportDialog(repo, plan_id=repo.plan_id, settings=QSettings(str(tmp_path / "s.ini"),
                                                                          QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.output_edit.setText(str(tmp_path / "方案.xlsx"))
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("A3"))
    dialog.numbering_box.setCurrentIndex(dialog.numbering_box.findData("chapter"))
    dialog.attachment_edit.setText("附件1")
    dialog.word_check.setChecked(True)
    request = dialog.request()
    assert (request.options.paper, request.options.numbering, request.options.attachment) == ("A3", "chapter", "附件1")
    assert request.word and request.word_output == tmp_path / "方案.docx"
    plan = repo.load_plan(repo.plan_id)
    gen = run_export(read_snapshot(repo.db, plan), provenance(repo.db, plan, workspace="ws", reviewer="张三"), request)
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        written = stop.value
    assert written == [tmp_path / "方案.xlsx", tmp_path / "方案.docx"]
    ws = openpyxl.load_workbook(written[0])["任务分工"]
    assert ws["A1"].value == "附件1" and ws.page_setup.paperSize == 8
    assert docx.Document(written[1]).paragraphs[0].text == "附件1"
    dialog.mode_departments.setChecked(True)
    assert not dialog.word_check.isEnabled() and not dialog.request().word
