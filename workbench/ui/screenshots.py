"""Screenshots of the main window, for the README and for looking at the UI.

    xvfb-run -a -s "-screen 0 1600x1000x24" python -m workbench.ui.screenshots shots/
    (add --lang en for the English interface)

Builds a throw-away workspace with the shipped plan, tags a few clauses the
way a reviewer would (through the same undoable commands), and saves PNGs of
the window: the seed loaded, some tags, search results, the two charts, the
indicator view, the untagged filter, the first-start reviewer dialog and the
annotation pane explaining its suggestions.  Needs a CJK font (Debian:
fonts-wqy-microhei) or Chinese shows as boxes.  Runs offscreen too
(QT_QPA_PLATFORM=offscreen), without fonts that look right.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workbench import paths
from workbench.core import segment
from workbench.core.importing import import_file
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository

from workbench.ui import i18n
from workbench.ui.search import search_backend
from workbench.ui.workspace.reviewer_dialog import ReviewerDialog

WINDOW_SIZE = (1580, 960)
SETTLE_MS = 150


def _settle() -> None:
    QTest.qWait(SETTLE_MS)


def _wait_for(done, timeout_s: float = 10.0) -> None:
    """Process events until `done()` (work answered by a worker), at most `timeout_s`."""
    import time

    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        QTest.qWait(20)


def _tag_some_clauses(window) -> None:
    session, annotator = window.session, window.annotator
    root = session.plan(session.plan_ids[0]).root
    department = {d.name: d.db_id for d in session.departments()}

    def tag(key: str, *entries: tuple[str, str]) -> None:
        window.select_node(root.find(key).db_id)
        for name, role in entries:
            annotator.assign(department[name], role)

    tag("ch03/s01/p01", ("市科技局", "lead"), ("市发展改革委", "support"), ("市工业和信息化局", "support"))
    tag("ch03/s01/p02", ("市工业和信息化局", "lead"), ("市科技局", "support"))
    tag("ch03/s02", ("市发展改革委", "lead"))  # inherited by the section's clauses
    tag("ch03/s03/p01", ("市交通运输委", "lead"), ("天津港集团", "support"))
    tag("ch04/s01/p01", ("市工业和信息化局", "lead"))
    tag("ch05/s01/p01", ("市教委", "lead"), ("市人社局", "support"))
    tag("ch05/s02/p01", ("市科技局", "lead"), ("市财政局", "support"))
    window.select_node(root.find("ch05/s02/p01").db_id)
    records = session.indicators(session.plan_ids[0])
    research = next((r for r in records if "研发" in r.indicator.name), None)
    if research is not None:
        annotator.link(research.id)
    window.select_node(root.find("ch04/s02/p01").db_id)
    annotator.set_status("question")
    annotator.set_note("牵头单位待与市商务局确认")
    clause = root.find("ch03/s03/p02")
    window.select_node(clause.db_id)
    sentences = [c for c in clause.children if c.kind == "sentence"]
    if len(sentences) > 1:
        window.narrow_to_sentence(sentences[1].db_id)
        annotator.assign(department["市规划资源局"], "lead")


def take(out: Path, *, language: str = "zh_CN") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    translators = i18n.install(app, language)  # noqa: F841 - kept alive while shooting
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "workspace.sqlite"
        db = open_workspace(workspace)
        repo = Repository(db, Reviewer("张三", "市发展改革委规划处"))
        repo.import_plan(import_file(paths.SEED_PLAN))
        segment.initialise(departments=repo.departments(include_retired=True))
        module = search_backend.store_search_module()
        if module is not None:
            module.ensure_index(db)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("reviewer/name", "张三")
        settings.setValue("reviewer/unit", "市发展改革委规划处")
        from workbench.app import build_main_window

        window = build_main_window(repo, settings, path=workspace, start_workers=False)
        window.status.show_index(ready=module is not None)
        window.resize(*WINDOW_SIZE)
        window.show()
        _settle()

        def shot(name: str, widget=None) -> None:
            """Save the window (or a dialog shown over it) as NAME.png; a dialog is closed after."""
            if widget is not None:
                widget.show()
            window.annotation.suggestion_panel.flush()  # due SUGGEST_PAUSE_MS after a selection: not a race with _settle
            _settle()
            path = out / f"{name}.png"
            (widget or window).grab().save(str(path))
            saved.append(path)
            if widget is not None:
                widget.close()

        root = window.session.plan(window.session.plan_ids[0]).root
        window.select_node(root.find("ch03/s01/p01").db_id)
        window.tree.expand(window.proxy.index_for_id(root.find("ch03").db_id))
        shot("01-seed-loaded")

        _tag_some_clauses(window)
        window.select_node(root.find("ch03/s01/p01").db_id)
        window.narrow_to_sentence(root.find("ch03/s01/p01").children[1].db_id)
        shot("02-tags")

        window.select_node(root.find("ch03/s02/p01").db_id)
        shot("03-inherited-tags")

        window.focus_search()
        window.search_panel.search("港口")
        window.search_panel.choose(0)
        shot("04-search-results")

        window.charts_dock.raise_()
        window.charts.setCurrentIndex(0)
        shot("05-chart-coverage")
        window.charts.setCurrentIndex(1)
        _wait_for(lambda: window.charts.pending == 0 and bool(window.charts.load.bars))  # counted on a worker
        shot("06-chart-department-load")

        window.indicator_dock.raise_()
        shot("07-indicators")

        window.search_dock.raise_()
        window.tree_panel.untagged.setChecked(True)
        window.next_untagged()
        shot("08-filter-untagged")

        shot("09-first-start-reviewer", ReviewerDialog(None, window, first_start=True))

        window.tree_panel.untagged.setChecked(False)
        window.audit_dock.show()
        window.audit_dock.raise_()
        window.audit_view.refresh()
        _wait_for(lambda: window.audit_view.model.pending == 0)  # read on a worker
        shot("10-audit-log")

        from workbench.ui.export.export_dialog import ExportDialog

        shot("11-export-dialog", ExportDialog(window.session.repo, window, plan_id=window.session.plan_ids[0],
                                              settings=window.settings))
        _issue11_shots(window, db, workspace, shot)

        window.search_dock.raise_()
        window.select_node(root.find("ch15/s03/p02").db_id)  # 深化天津碳市场建设: 碳 as evidence
        window.annotation_tabs.setCurrentIndex(0)
        shot("12-explained-suggestions", None)
        pane = out / "12b-annotation-pane-suggestions.png"
        window.annotation_dock.grab().save(str(pane))
        saved.append(pane)

        shot("15-import-preview", _import_preview(Path(tmp)))

        window.close()
        db.close()
        _revision_review(Path(tmp), out, saved)
    app.processEvents()
    return saved


def _issue11_shots(window, db, workspace: Path, shot) -> None:
    """The backups dialog, a note the workspace refused, and the read-only banner (issue 11)."""
    from workbench.storage.backups import take_backup
    from workbench.ui.backups import BackupsDialog
    from workbench.storage.errors import WorkspaceReadOnly
    from workbench.ui.workspace.workspace_open import apply_read_only, read_only_reason

    take_backup(db.conn, workspace, reason="daily")
    take_backup(db.conn, workspace, reason="merge", detail="李四-工作区.sqlite")
    take_backup(db.conn, workspace, reason="division", detail="任务分工-市科技局返回.xlsx")
    shot("12-backups-dialog", BackupsDialog(workspace, window.session.reviewer, window))
    window.annotation_dock.raise_()
    root = window.session.plan(window.session.plan_ids[0]).root
    window.select_node(root.find("ch05/s01/p01").db_id)
    db.execute("PRAGMA query_only = ON")  # as a workspace that has become read-only
    window.annotation.note_edit.setFocus()
    window.annotation.note_edit.insertPlainText("请核实：本条由市教委牵头是否妥当，需与市人社局再确认。")
    window.tree.setFocus()
    window.annotation.save_note()  # leaving the box (focus events need an active window under Xvfb)
    window.annotation.ensureWidgetVisible(window.annotation.note_status)
    shot("13-unsaved-note")
    apply_read_only(window, read_only_reason(WorkspaceReadOnly("", "/media/usb/workspace.sqlite", "medium")))
    shot("14-read-only-banner")
    db.execute("PRAGMA query_only = OFF")


PREVIEW_DOCUMENT = """某区关于推进城市更新行动的实施方案
为深入实施城市更新行动，结合我区实际，制定本方案。
一、总体要求
（一）指导思想。坚持以人民为中心的发展思想，统筹城市规划建设管理。
工作目标
到2030年，基本完成2000年底前建成的老旧小区改造任务，城市功能明显完善。
二、重点任务
（一）实施老旧小区改造。完善水电气热等配套设施，加装电梯，补齐停车、充电设施短板。
（二）推进城市生命线工程。改造燃气、供水、排水老旧管网，建设城市
— 2 —
安全运行监测系统。
第一节 加强组织保障建立区级工作专班，统筹推进各项任务落实，定期调度工作进展。
三、保障措施
（一）加强资金保障。统筹用好各级财政资金，引导社会资本参与城市更新。
（二）强化督促考核。将城市更新工作纳入年度绩效考核。"""


def _import_preview(folder: Path):
    """The import preview of a small district plan, with one correction applied (工作目标 is a section)."""
    from PySide6.QtGui import QTextCursor

    from workbench.core.importing import read_source

    from workbench.ui.import_preview.dialog import ImportPreviewDialog

    path = folder / "城市更新实施方案.txt"
    path.write_text(PREVIEW_DOCUMENT, encoding="utf-8")
    dialog = ImportPreviewDialog(read_source(path), path)
    dialog.resize(1500, 900)
    cursor = QTextCursor(dialog.source_view.document().findBlockByNumber(4))
    dialog.source_view.setTextCursor(cursor)
    dialog.buttons["section"].click()
    dialog.tree.expandAll()
    dialog.tree.resizeColumnToContents(0)
    dialog.show_line(5)
    return dialog


def _revision_review(tmp: Path, out: Path, saved: list[Path]) -> None:
    """The change review after importing a revised draft of the seed (made by the tests' drafting
    simulator), in a window of its own so that no earlier shot's state (a read-only banner) shows."""
    try:
        from tests.revision_drafts import draft_revision
    except ImportError:  # run outside the source tree: no simulator, no shot
        return
    from workbench.app import build_main_window
    from workbench.core.importing import import_lines

    from workbench.ui.revision import wiring

    workspace = tmp / "revision.sqlite"
    db = open_workspace(workspace)
    repo = Repository(db, Reviewer("张三", "市发展改革委规划处"))
    repo.import_plan(import_file(paths.SEED_PLAN))
    settings = QSettings(str(tmp / "revision-settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    settings.setValue("reviewer/unit", "市发展改革委规划处")
    window = build_main_window(repo, settings, path=workspace, start_workers=False)
    window.resize(*WINDOW_SIZE)
    window.show()
    _settle()
    _tag_some_clauses(window)
    lines = paths.SEED_PLAN.read_text(encoding="utf-8").split("\n")
    revised, _ = draft_revision(lines, import_lines(lines, paths.SEED_PLAN.name))
    path = tmp / "批准稿.txt"
    path.write_text("\n".join(revised), encoding="utf-8")
    wiring.import_revision_file(window, path, window.session.plan_ids[0])
    for _ in range(600):  # at most 30 s
        if window.pool.running == 0 and window.revision_view.plan_box.count():
            break
        QTest.qWait(50)
    view = window.revision_view
    window.revision_dock.show()
    window.revision_dock.raise_()
    window.resizeDocks([window.revision_dock], [560], Qt.Orientation.Vertical)
    old_root = window.session.plan(window.session.plan_ids[0]).root
    text = old_root.find("ch03/s01/p01").text
    row = next((i for i, e in enumerate(view.model.entries) if e.row.old_text == text), 0)
    view.select_row(row)
    window.select_node(view.model.entry(row).new_node_id)
    _settle()
    shot = out / "16-revision-review.png"
    window.grab().save(str(shot))
    saved.append(shot)
    window.close()
    db.close()


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    language = "zh_CN"
    if "--lang" in args:
        at = args.index("--lang")
        language = args[at + 1] if at + 1 < len(args) else ""
        del args[at : at + 2]
    if len(args) != 1 or language not in i18n.LANGUAGES:
        print("usage: python -m workbench.ui.screenshots OUTDIR [--lang zh_CN|en]", file=sys.stderr)
        return 2
    for path in take(Path(args[0]), language=language):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
