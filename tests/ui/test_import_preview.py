"""The import preview: tree beside the source, warnings linked to lines, corrections as actions,
nothing written until the reviewer confirms (qtbot, offscreen)."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox

from workbench.core import plan as P
from workbench.core.importing import read_source

DOC = """某区关于推进城市更新的实施方案
为推进城市更新，制定本方案。
一、总体要求
坚持规划引领，统筹推进城市更新。
工作目标
到2030年，完成老旧小区改造。
二、重点任务
（一）改造老旧小区。实施综合整治。
（二）完善配套设施。增加停车位。"""


def write(tmp_path, text=DOC, name="district.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def titles(dialog):
    model = dialog.model
    out = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            node = model.node(index)
            if node.kind in (P.PART, P.CHAPTER, P.SECTION):
                out.append((node.key, model.index(row, 1, parent).data()))
            walk(index)

    walk(QModelIndex())
    return out


def put_cursor(dialog, line, column=0):
    block = dialog.source_view.document().findBlockByNumber(line - 1)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=column)
    dialog.source_view.setTextCursor(cursor)


def test_preview_shows_tree_links_notes_and_applies_corrections(qtbot, qtmodeltester, tmp_path):
    from workbench.ui.import_preview.dialog import ImportPreviewDialog

    path = write(tmp_path)
    dialog = ImportPreviewDialog(read_source(path), path)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert titles(dialog) == [("ch01", "章"), ("ch02", "章"), ("ch02/s01", "节"), ("ch02/s02", "节")]
    assert "2 章，2 节" in dialog.summary.text() and "一、 > （一）" in dialog.summary.text()
    # The heading the importer missed, marked by the reviewer: 工作目标 is a section of 一、.
    put_cursor(dialog, 5)
    assert dialog.position.text() == "第 5 行"
    with qtbot.waitSignal(dialog.reparsed):
        qtbot.mouseClick(dialog.buttons["section"], Qt.MouseButton.LeftButton)
    assert ("ch01/s01", "节") in titles(dialog)
    assert dialog.fixes.count() == 1 and dialog.fixes.item(0).text() == "第 5 行：设为节标题"
    # Split a paragraph at the cursor, then take it back.
    put_cursor(dialog, 8, len("（一）改造老旧小区。"))
    dialog.buttons["split"].click()
    assert [c.kind for c in dialog.corrections] == ["heading", "split"]
    assert dialog.plan.root.find("ch02/s01/p01").text == "实施综合整治。"
    dialog.fixes.setCurrentRow(1)
    dialog.remove_button.click()
    assert [c.kind for c in dialog.corrections] == ["heading"]
    # A tree row shows its source line.
    index = dialog.model.index_for(dialog.plan.root.find("ch02"))
    dialog.tree.clicked.emit(index)
    assert dialog.current_line() == 7
    assert dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_warnings_and_skipped_lines_lead_to_their_line(qtbot, tmp_path):
    from workbench.ui.import_preview.dialog import ImportPreviewDialog

    text = "某市规划\n目录\n第一章 总则  1\n第二章 任务  3\n第一章 总则\n第一节 主要成就经济总量持续增长，人民生活明显改善。\n第二章 任务\n推进建设。"
    path = write(tmp_path, text)
    dialog = ImportPreviewDialog(read_source(path), path)
    qtbot.addWidget(dialog)
    notes = [dialog.notes.item(i) for i in range(dialog.notes.count())]
    warning = next(item for item in notes if "主要成就" in item.text())
    assert warning.text() == "提示：第 6 行：第一节 与正文连在一起，标题取为“主要成就”，请核对"
    dialog.notes.itemClicked.emit(warning)
    assert dialog.current_line() == 6
    skipped = [item.text() for item in notes if item.text().startswith("跳过")]
    assert skipped == ["跳过第 2–4 行，共 3 行（目录）：目录"]


def test_nothing_is_written_until_confirmed_and_the_corrections_are_stored(qtbot, window, workspace_path, tmp_path):
    from workbench.ui import background

    path = write(tmp_path)
    before = len(window.session.plan_ids)
    background.preview_and_import(window, path)
    qtbot.waitUntil(lambda: getattr(window, "import_preview", None) is not None, timeout=10000)
    dialog = window.import_preview
    put_cursor(dialog, 5)
    dialog.buttons["section"].click()
    with sqlite3.connect(workspace_path) as conn:
        assert conn.execute("select count(*) from plans").fetchone()[0] == before  # nothing yet
    with qtbot.waitSignal(window.session.plan_added, timeout=10000):
        dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(window.session.plan_ids) == before + 1
    with sqlite3.connect(workspace_path) as conn:
        stored = conn.execute("select import_corrections, numbering from plans order by id desc").fetchone()
        after = json.loads(conn.execute("select after from events where action = 'plan_import' "
                                        "order by rowid desc").fetchone()[0])
    assert json.loads(stored[0]) == [{"kind": "heading", "line": 5, "level": 2}] and stored[1] == "一、 > （一）"
    assert after["corrections"] == [{"kind": "heading", "line": 5, "level": 2}]


def test_cancel_writes_nothing(qtbot, window, workspace_path, tmp_path):
    from workbench.ui import background

    background.preview_and_import(window, write(tmp_path))
    qtbot.waitUntil(lambda: getattr(window, "import_preview", None) is not None, timeout=10000)
    window.import_preview.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    with sqlite3.connect(workspace_path) as conn:
        assert conn.execute("select count(*) from plans").fetchone()[0] == 1


def test_indicator_table_warnings_read_in_chinese(qtbot, tmp_path):
    """QA: the warning about a 年均增长 column (and about a table that could not be read) showed in English."""
    from workbench.ui.import_preview.messages import warning_text

    assert warning_text("indicator table: column(s) 年均增长、累计 have no field of their own; their values are kept "
                        "after the target value") == "指标表：年均增长、累计 列没有对应的栏目，其数值附在目标值之后"
    unread = warning_text("plan.txt, line 11: the indicator table could not be read into rows (11 lines kept as the "
                          "table's text, no indicators); import the PDF itself, or text from `pdftotext -layout`, for "
                          "structured indicators")
    assert unread.startswith("plan.txt, 第 11 行：指标表无法按行读出") and "indicator" not in unread
