"""The import preview dialog: the source beside the tree the importer found, and corrections.

The reviewer reads the detected tree, follows each warning (and each skipped
line) to its line in the source, and corrects what the importer guessed
wrong: a line is a heading of a level, a heading is body text, a paragraph is
split at the cursor or joined to the one before, the front matter ends here,
these lines are a table of contents.  Each correction re-reads the document
(the source is read once; only the tree is rebuilt).  Nothing is written to
the workspace: the caller stores `plan` after the reviewer confirms.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSplitter, QTreeView, QVBoxLayout, QWidget,
)

from workbench.core import plan as P
from workbench.core.importing import PlanImportError, plan_from_source
from workbench.core.importing.corrections import Correction
from workbench.core.importing.fidelity import skipped_runs
from workbench.core.importing.source import SourceText
from workbench.core.plan import Plan

from workbench.ui.import_preview.messages import location as location_text
from workbench.ui.import_preview.source_view import SourceView
from workbench.ui.import_preview.messages import warning_text
from workbench.ui.import_preview.tree_model import LineRole, PreviewTreeModel

LineDataRole = Qt.ItemDataRole.UserRole + 10
CorrectionRole = Qt.ItemDataRole.UserRole + 11
LINE_RE = re.compile(r"\bline (\d+)")


class ImportPreviewDialog(QDialog):
    """Shows the plan a document would become; `plan` is the confirmed result (None until valid)."""

    reparsed = Signal()

    def __init__(self, source: SourceText, path: Path, parent: QWidget | None = None, corrections=()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览：%1").replace("%1", path.name))
        self.source, self.path = source, path
        self.corrections: list[Correction] = list(corrections)
        self.plan: Plan | None = None
        self.error = ""
        self._by_location = {loc: n for n, loc in enumerate(source.locations or [], 1)}

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.source_view = SourceView()
        self.source_view.setPlainText("\n".join(source.lines))
        self.position = QLabel()
        self.source_view.cursorPositionChanged.connect(self._show_position)
        self.model = PreviewTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.clicked.connect(lambda index: self.show_line(index.siblingAtColumn(0).data(LineRole) or 0))
        self.notes = QListWidget()  # warnings and skipped lines, each linked to its line
        self.notes.itemClicked.connect(lambda item: self.show_line(item.data(LineDataRole) or 0))
        self.fixes = QListWidget()
        self.fixes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("原文")))
        left_layout.addWidget(self.source_view)
        left_layout.addWidget(self.position)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("识别出的结构")))
        right_layout.addWidget(self.tree)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(left)
        top.addWidget(right)
        top.setSizes([600, 600])

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, text, slot in (
            ("part", self.tr("设为篇标题"), lambda: self._heading(0)),
            ("chapter", self.tr("设为章标题"), lambda: self._heading(1)),
            ("section", self.tr("设为节标题"), lambda: self._heading(2)),
            ("body", self.tr("设为正文"), lambda: self._line_fix("body")),
            ("split", self.tr("在光标处分段"), self._split),
            ("join", self.tr("并入上一段"), lambda: self._line_fix("join")),
            ("front_matter", self.tr("至此为前置内容"), lambda: self._line_fix("front_matter")),
            ("contents", self.tr("所选行是目录"), self._contents),
        ):
            button = QPushButton(text)
            button.setObjectName(f"fix_{name}")
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.buttons[name] = button
        actions.addStretch(1)

        lists = QSplitter(Qt.Orientation.Horizontal)
        notes_box, fixes_box = QWidget(), QWidget()
        notes_layout, fixes_layout = QVBoxLayout(notes_box), QVBoxLayout(fixes_box)
        for layout in (notes_layout, fixes_layout):
            layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(QLabel(self.tr("提示与跳过的行（单击定位到原文）")))
        notes_layout.addWidget(self.notes)
        fixes_layout.addWidget(QLabel(self.tr("已做的更正")))
        fixes_layout.addWidget(self.fixes)
        self.remove_button = QPushButton(self.tr("删除所选更正"))
        self.remove_button.clicked.connect(self._remove_fix)
        fixes_layout.addWidget(self.remove_button)
        lists.addWidget(notes_box)
        lists.addWidget(fixes_box)
        lists.setSizes([700, 500])

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认导入"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(lists)
        body.setSizes([600, 220])
        layout.addWidget(body, 1)
        layout.addLayout(actions)
        layout.addWidget(self.button_box)
        self.resize(1400, 900)
        self.reparse()

    # -- reading -----------------------------------------------------------
    def reparse(self) -> None:
        """Rebuild the tree from the source with the current corrections (GUI thread; the source is in memory)."""
        try:
            self.plan, self.error = plan_from_source(self.source, self.path, self.corrections), ""
        except PlanImportError as exc:
            self.plan, self.error = None, exc.reason
        self.model.set_plan(self.plan)
        self.tree.expandToDepth(0)
        self._fill_notes()
        self._fill_fixes()
        self._fill_summary()
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.plan is not None)
        self.reparsed.emit()

    def _fill_summary(self) -> None:
        if self.plan is None:
            self.summary.setText(self.tr("无法导入：%1").replace("%1", self.error))
            self.summary.setStyleSheet("color: #b00020;")
            return
        plan = self.plan
        subrows = sum(1 for i in plan.indicators if i.parent_key)
        text = self.tr("《%1》：%2 篇，%3 章，%4 节，%5 段，%6 个专栏（%7 条），%8 项指标（另 %9 个分项）").replace(
            "%1", plan.title).replace("%2", str(plan.count(P.PART))).replace("%3", str(plan.count(P.CHAPTER))).replace(
            "%4", str(plan.count(P.SECTION))).replace("%5", str(plan.count(P.CLAUSE))).replace(
            "%6", str(plan.count(P.BOX))).replace("%7", str(plan.count(P.BOX_ITEM))).replace(
            "%8", str(len(plan.indicators) - subrows)).replace("%9", str(subrows))
        if plan.numbering:
            text += self.tr("；编号方式：%1").replace("%1", plan.numbering)
        if plan.fidelity is not None:
            text += self.tr("；原文 %1 字全部在结构中，%2 字按目录、页眉页脚跳过").replace(
                "%1", str(plan.fidelity.source_chars)).replace("%2", str(plan.fidelity.skipped_chars))
        self.summary.setText(text)
        self.summary.setStyleSheet("")

    def _fill_notes(self) -> None:
        self.notes.clear()
        if self.plan is None:
            for line in map(int, LINE_RE.findall(self.error)):
                self._note(self.tr("丢失文字：第 %1 行").replace("%1", str(line)), line)
            if not self.notes.count():
                self._note(self.error, 0)
            return
        for warning in self.plan.warnings:
            self._note(self.tr("提示：%1").replace("%1", warning_text(warning)), self._warning_line(warning))
        reasons = {"contents": self.tr("目录"), "page number or running header": self.tr("页码或页眉"),
                   "page header or footer": self.tr("页眉页脚")}
        for first, last, count, reason, text in skipped_runs(self.plan):
            why = reasons.get(reason, reason)
            if count == 1:
                note = self.tr("跳过第 %1 行（%2）：%3").replace("%1", str(first)).replace("%2", why)
            else:
                note = self.tr("跳过第 %1–%2 行，共 %3 行（%4）：%5").replace("%1", str(first)).replace(
                    "%2", str(last)).replace("%3", str(count)).replace("%4", why).replace("%5", "%3")
            self._note(note.replace("%3", text[:40]), first)

    def _note(self, text: str, line: int) -> None:
        item = QListWidgetItem(text)
        item.setData(LineDataRole, line)
        self.notes.addItem(item)

    def _warning_line(self, warning: str) -> int:
        for location, line in self._by_location.items():
            if location and location in warning:
                return line
        m = LINE_RE.search(warning)
        return int(m.group(1)) if m else 0

    def _fill_fixes(self) -> None:
        self.fixes.clear()
        for n, fix in enumerate(self.corrections):
            item = QListWidgetItem(self._describe(fix))
            item.setData(CorrectionRole, n)
            self.fixes.addItem(item)

    def _describe(self, fix: Correction) -> str:
        labels = {"body": self.tr("设为正文"), "join": self.tr("并入上一段"), "front_matter": self.tr("至此为前置内容")}
        line = str(fix.line)
        if fix.kind == "heading":
            level = (self.tr("篇"), self.tr("章"), self.tr("节"))[fix.level or 0]
            return self.tr("第 %1 行：设为%2标题").replace("%1", line).replace("%2", level)
        if fix.kind == "split":
            return self.tr("第 %1 行：在第 %2 字处分段").replace("%1", line).replace("%2", str(fix.at))
        if fix.kind == "contents":
            return self.tr("第 %1–%2 行：目录").replace("%1", line).replace("%2", str(fix.end_line))
        return self.tr("第 %1 行：%2").replace("%1", line).replace("%2", labels[fix.kind])

    # -- navigation --------------------------------------------------------
    def show_line(self, line: int) -> None:
        """Select source line `line` (1-based) and scroll it into view."""
        if line < 1:
            return
        block = self.source_view.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.source_view.setTextCursor(cursor)
        self.source_view.centerCursor()

    def current_line(self) -> int:
        return self.source_view.textCursor().blockNumber() + 1

    def _show_position(self) -> None:
        line = self.current_line()
        location = self.source.locate(line)
        where = self.tr("第 %1 行").replace("%1", str(line))
        self.position.setText(where if location == f"line {line}" else f"{where}（{location_text(location)}）")

    # -- corrections -------------------------------------------------------
    def add_correction(self, fix: Correction) -> None:
        self.corrections = [c for c in self.corrections if (c.kind, c.line) != (fix.kind, fix.line)
                            or fix.kind == "split"] + [fix]
        self.reparse()

    def _heading(self, level: int) -> None:
        self.corrections = [c for c in self.corrections if not (c.line == self.current_line()
                                                                 and c.kind in ("heading", "body"))]
        self.add_correction(Correction("heading", self.current_line(), level=level))

    def _line_fix(self, kind: str) -> None:
        if kind == "body":
            self.corrections = [c for c in self.corrections if not (c.line == self.current_line() and
                                                                     c.kind == "heading")]
        self.add_correction(Correction(kind, self.current_line()))

    def _split(self) -> None:
        cursor = self.source_view.textCursor()
        block = cursor.block().text()
        at = cursor.positionInBlock() - (len(block) - len(block.lstrip()))
        if at >= 1:
            self.add_correction(Correction("split", cursor.blockNumber() + 1, at=at))

    def _contents(self) -> None:
        cursor = self.source_view.textCursor()
        doc = self.source_view.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber() + 1
        last = doc.findBlock(cursor.selectionEnd()).blockNumber() + 1
        self.add_correction(Correction("contents", first, end_line=max(first, last)))

    def _remove_fix(self) -> None:
        item = self.fixes.currentItem()
        if item is not None:
            del self.corrections[int(item.data(CorrectionRole))]
            self.reparse()
