"""The annotation pane: everything a reviewer records about the current target.

Target is the selected node or, once a sentence was picked in the reader, that
sentence.  Shown and edited here: the ordered departments (牵头 first, then
配合; reorder by buttons or drag), a department picker, explained lead, support
and indicator suggestions (tagging/suggestion_panel.py) and the numbered
recently used departments (keys 1-9), linked indicators, review status, completion timing and a note.  When the target has
no departments of its own, the ones it inherits are shown greyed.

The pane holds no state of its own beyond the note being typed: it reads the
session and sends every change through the Annotator (one undoable command
each).  The note box is run by notes.NoteKeeper: one save per editing
session, typed text kept in a local draft until the workspace takes it, Esc
and Tab leave the box.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QLineEdit, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget,
)  # fmt: skip

from workbench.core.plan import PLAN, SENTENCE, PlanNode
from workbench.storage.state.records import LEAD, Changes

from workbench.ui.annotation.annotator import Annotator
from workbench.ui.annotation.assignment_list import AssignmentList
from workbench.ui.annotation.department_picker import DepartmentPicker
from workbench.ui.annotation.indicator_picker import IndicatorPicker, indicator_label
from workbench.ui.notes import NoteKeeper
from workbench.ui.session import Session
from workbench.ui.tagging.suggestion_panel import SuggestionPanel
from workbench.ui.window.steady_label import SteadyLabel

translate = QCoreApplication.translate
YEARS = ("2026", "2027", "2028", "2029", "2030")


class AnnotationPane(QScrollArea):
    back_to_clause = Signal()
    escaped = Signal()  # hand keyboard focus back to the tree

    def __init__(self, session: Session, annotator: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.annotator = annotator
        self.node: PlanNode | None = None
        self.read_only = False  # a read-only workspace: everything shown, nothing editable
        self._loading = False
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self._build_target())
        layout.addWidget(self._build_departments())
        layout.addWidget(self._build_indicators())
        layout.addWidget(self._build_review())
        layout.addStretch(1)
        self.setWidget(body)
        self.notes = NoteKeeper(session, annotator, self.note_edit, self.note_status, self)
        self.notes.escaped.connect(self.escaped)
        session.changed.connect(self._on_changed)
        annotator.target_changed.connect(self.show_target)
        annotator.recent_changed.connect(self._show_recent)
        self.show_target(None)

    # -- building ---------------------------------------------------------

    def _build_target(self) -> QVBoxLayout:
        self.target_label = SteadyLabel()  # wraps; a new target each J re-measures its height only (steady_label.py)
        self.target_label.setObjectName("targetLabel")
        self.back_button = QPushButton(self.tr("回到整段"))
        self.back_button.setToolTip(self.tr("标注整段而不是所选句子（Esc）"))
        self.back_button.clicked.connect(self.back_to_clause)
        column = QVBoxLayout()
        column.addWidget(self.target_label)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignRight)
        return column

    def _build_departments(self) -> QGroupBox:
        box = QGroupBox(self.tr("责任单位（牵头在前，配合在后）"))
        self.inherited_label = QLabel()
        self.inherited_label.setStyleSheet("color: #777")
        self.inherited_label.setWordWrap(True)
        self.assignment_list = AssignmentList()
        self.assignment_list.setMinimumHeight(110)
        self.assignment_list.move_requested.connect(self.annotator.move)
        self.up_button = QPushButton(self.tr("上移"))
        self.down_button = QPushButton(self.tr("下移"))
        self.role_button = QPushButton(self.tr("牵头/配合"))
        self.role_button.setToolTip(self.tr("切换所选单位的角色"))
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.setToolTip(self.tr("移除所选单位（Delete）"))
        self.up_button.clicked.connect(lambda: self._move_selected(-1))
        self.down_button.clicked.connect(lambda: self._move_selected(+1))
        self.role_button.clicked.connect(self._toggle_role)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.role_button, self.remove_button):
            buttons.addWidget(button)
        self.picker = DepartmentPicker(self.session)
        self.picker.chosen.connect(self.annotator.assign)
        self.picker.escaped.connect(self.escaped)
        self.suggestion_panel = SuggestionPanel(self.session, self.annotator)
        self.recent_label = QLabel()
        self.recent_label.setObjectName("recentDepartments")
        self.recent_label.setWordWrap(True)
        self.recent_label.linkActivated.connect(self._on_department_link)
        layout = QVBoxLayout(box)
        layout.addWidget(self.inherited_label)
        layout.addWidget(self.assignment_list)
        layout.addLayout(buttons)
        layout.addWidget(self.picker)
        layout.addWidget(self.suggestion_panel)
        layout.addWidget(self.recent_label)
        return box

    def _build_indicators(self) -> QGroupBox:
        box = QGroupBox(self.tr("关联指标"))
        self.link_list = QListWidget()
        self.link_list.setObjectName("linkList")
        self.link_list.setMaximumHeight(110)
        self.link_list.setWordWrap(True)  # long names and values wrap instead of being cut
        self.link_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.link_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.unlink_button = QPushButton(self.tr("取消关联"))
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.indicator_picker = IndicatorPicker()
        self.indicator_picker.link_requested.connect(self.annotator.link)
        layout = QVBoxLayout(box)
        layout.addWidget(self.link_list)
        layout.addWidget(self.suggestion_panel.indicator_label)
        layout.addWidget(self.suggestion_panel.indicator_details)
        row = QHBoxLayout()
        row.addWidget(self.indicator_picker, 1)
        row.addWidget(self.unlink_button)
        layout.addLayout(row)
        return box

    def _build_review(self) -> QGroupBox:
        box = QGroupBox(self.tr("审核"))
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QRadioButton] = {}
        status_row = QHBoxLayout()
        for status, label in (("unreviewed", self.tr("未审")), ("reviewed", self.tr("已审")), ("question", self.tr("有疑问"))):
            button = QRadioButton(label)
            button.setProperty("status", status)
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            status_row.addWidget(button)
        status_row.addStretch(1)
        self.status_group.buttonClicked.connect(lambda b: self._loading or self.annotator.set_status(b.property("status")))
        self.timing = QComboBox()
        self.timing.setObjectName("timing")
        for value, label in (("", self.tr("未设定")), ("within_year", self.tr("年内完成")), ("ongoing", self.tr("持续推进"))):
            self.timing.addItem(label, value)
        for year in YEARS:
            self.timing.addItem(self.tr("%1年").replace("%1", year), year)
        self.timing.activated.connect(lambda i: self.annotator.set_timing(self.timing.itemData(i)))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("备注（离开编辑框或停顿较久时保存；Esc 返回目录）"))
        self.note_edit.setMaximumHeight(110)
        self.note_status = QLabel()
        self.note_status.setObjectName("noteStatus")
        self.note_status.setWordWrap(True)
        self.note_status.setStyleSheet("color: #b00020")
        self.indicator_picker.combo.lineEdit().installEventFilter(self)  # Esc leaves the indicator box
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("状态"), status_row)
        form.addRow(self.tr("完成时限"), self.timing)
        form.addRow(self.tr("备注"), self.note_edit)
        form.addRow("", self.note_status)
        self.remark_edit = QLineEdit()
        self.remark_edit.setObjectName("remarkEdit")
        self.remark_edit.setPlaceholderText(self.tr("印入任务分工方案“备注”栏，发给各部门（上面的备注只留在工作区）"))
        self.remark_edit.editingFinished.connect(self._save_remark)
        form.addRow(self.tr("公开备注"), self.remark_edit)
        return box

    # -- showing ----------------------------------------------------------

    def show_target(self, node_id: int | None) -> None:
        if node_id != self.notes.node_id and not self.notes.leave():
            self.notes.return_to_node.emit(self.notes.node_id)  # the reviewer stays with the unsaved note
            return
        self.node = self.session.node(node_id)
        self._loading = True
        try:
            self._show_header()
            self._show_assignments()
            self._show_links()
            self._show_review(note=True)
            self._show_recent()
            self.refresh_suggestions()
        finally:
            self._loading = False

    def _show_header(self) -> None:
        node = self.node
        enabled = node is not None and node.kind != PLAN and not self.read_only
        self.widget().setEnabled(True)
        for widget in (self.picker, self.assignment_list, self.indicator_picker, self.note_edit, self.timing,
                       self.remark_edit):
            widget.setEnabled(enabled)
        for button in self.status_buttons.values():
            button.setEnabled(enabled)
        self.back_button.setVisible(node is not None and node.kind == SENTENCE)
        if node is None:
            self.target_label.setText(self.tr("未选择条目"))
            return
        if node.kind == SENTENCE and node.parent is not None:
            number = [c for c in node.parent.children if c.kind == SENTENCE].index(node) + 1
            text = self.tr("标注对象：%1 的第 %2 句").replace("%1", node.parent.display or node.parent.key).replace("%2", str(number))
            self.target_label.setText(f"<b>{html.escape(text)}</b><br><span style='color:#555'>{html.escape(node.text)}</span>")
        else:
            title = node.title if node.kind == PLAN else node.display or node.key
            prefix = self.tr("标注对象：")
            self.target_label.setText(f"<b>{html.escape(prefix)}</b>{html.escape(title)}")
        self.indicator_picker.set_indicators(
            self.session.plan_id_of(node.db_id or -1), self.session.indicators(self.session.plan_id_of(node.db_id or -1) or -1)
        )

    def _show_assignments(self, keep_department: int | None = None) -> None:
        node = self.node
        own = self.session.assignments(node.db_id or -1) if node else []
        inherited = self.session.inherited(node) if node is not None and not own else None
        if inherited:
            ancestor, tags = inherited
            self.assignment_list.show_assignments(tags, inherited=True)
            self.inherited_label.setText(self.tr("本条未单独标注，继承自：%1").replace("%1", ancestor.display or ancestor.key))
        else:
            self.assignment_list.show_assignments(own, inherited=False, keep_department=keep_department)
            sentence_tags = self.session.sentence_assignments(node) if node is not None else []
            self.inherited_label.setText(
                self.tr("另有 %1 项按句标注（在阅读区点击句子查看）").replace("%1", str(len(sentence_tags))) if sentence_tags else ""
            )
        self.inherited_label.setVisible(bool(self.inherited_label.text()))
        has_own = bool(own)
        for button in (self.up_button, self.down_button, self.role_button, self.remove_button):
            button.setEnabled(has_own)

    def _show_links(self) -> None:
        node = self.node
        rows = []
        for link in self.session.links(node.db_id or -1) if node else []:
            record = self.session.indicator(link.indicator_id)
            ind = record.indicator if record else None
            text = indicator_label(record) if record else link.name
            if ind is not None:
                text += f"　2025：{ind.base_value or '—'}　2030：{ind.target_value or '—'}　{ind.attribute}"
            rows.append((text, link.indicator_id))
        shown = [(self.link_list.item(r).text(), self.link_list.item(r).data(Qt.ItemDataRole.UserRole))
                 for r in range(self.link_list.count())]  # fmt: skip
        if rows != shown:  # most clauses link nothing: leave the empty list alone
            self.link_list.clear()
            for text, indicator_id in rows:
                item = QListWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, indicator_id)
                self.link_list.addItem(item)
            self.link_list.executeDelayedItemsLayout()  # laid out now, painted with the rest of the pane
        self.unlink_button.setEnabled(self.link_list.count() > 0)

    def _show_review(self, *, note: bool) -> None:
        node = self.node
        status = self.session.status(node.db_id or -1) if node else None
        self._loading = True
        try:
            for key, button in self.status_buttons.items():
                button.setChecked(status is not None and status.review_status == key)
            timing = status.timing if status else ""
            index = self.timing.findData(timing)
            if index < 0 and timing:  # free text as documents write it (2027年6月底前), e.g. from a liaison's sheet
                self.timing.addItem(timing, timing)
                index = self.timing.count() - 1
            self.timing.setCurrentIndex(max(index, 0))
            if not (self.remark_edit.hasFocus() and self.remark_edit.isModified()):
                taggable = node is not None and node.kind != PLAN and node.db_id is not None
                self.remark_edit.setText(self.session.repo.remark(node.db_id) if taggable else "")
                self.remark_edit.setModified(False)
            if note:
                self.notes.show(node.db_id if node is not None else None)
        finally:
            self._loading = False

    def _show_recent(self) -> None:
        parts = []
        for number, department_id in self.annotator.numbered():
            department = self.session.department(department_id)
            if department is not None:
                pin = "📌" if number in self.annotator.pinned else ""
                parts.append(f'<a href="d:{department_id}">{number}&nbsp;{html.escape(department.name)}</a>{pin}')
        hint = self.tr("最近使用（数字键＝牵头，Shift+数字＝配合，Alt+数字＝固定编号）：")
        self.recent_label.setText(html.escape(hint) + ("　".join(parts) if parts else html.escape(self.tr("（尚无）"))))

    def refresh_suggestions(self) -> None:
        """Explained lead, support and indicator suggestions for the target (tagging/suggestion_panel.py)."""
        self.suggestion_panel.show_node(self.node)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.note_edit.setReadOnly(read_only)
        self.show_target(self.node.db_id if self.node is not None else None)

    # -- actions ----------------------------------------------------------

    def remove_selected(self) -> bool:
        department_id = self.assignment_list.current_department()
        if department_id is None:
            return False
        self.annotator.unassign(department_id)
        return True

    def unlink_selected(self) -> bool:
        item = self.link_list.currentItem()
        if item is None:
            return False
        self.annotator.unlink(int(item.data(Qt.ItemDataRole.UserRole)))
        return True

    def _move_selected(self, step: int) -> None:
        row = self.assignment_list.currentRow()
        if row >= 0:
            self.assignment_list.request_move(row, row + step)

    def _toggle_role(self) -> None:
        department_id = self.assignment_list.current_department()
        if department_id is not None:
            role = self.assignment_list.current_role()
            self.annotator.set_role(department_id, "support" if role == LEAD else "lead")

    def _on_department_link(self, link: str) -> None:
        scheme, _, value = link.partition(":")
        if scheme == "d" and value.isdigit():
            shift = QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
            self.annotator.assign(int(value), "support" if shift else "lead")

    # -- note -------------------------------------------------------------

    def _save_remark(self) -> None:
        """The public remark is saved when its editor is left or Return pressed (one undoable command)."""
        if not self._loading:
            self.annotator.set_remark(self.remark_edit.text())
            self.remark_edit.setModified(False)

    def save_note(self) -> bool:
        """Store the note being edited, if it changed (one undoable command); False if it is kept as a draft."""
        return self.notes.save()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and watched is self.indicator_picker.combo.lineEdit()):  # fmt: skip
            self.indicator_picker.combo.clearEditText()
            self.escaped.emit()
            return True
        return super().eventFilter(watched, event)

    # -- refresh ----------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        node = self.node
        if node is None:
            return
        related = {node.db_id, *(a.db_id for a in node.ancestors()), *(c.db_id for c in node.children)}
        if not related & set(changes.node_ids):
            return
        before = set(self.assignment_list.departments()) if not self.assignment_list.inherited else set()
        self._show_assignments(keep_department=self.assignment_list.current_department())
        added = [d for d in self.assignment_list.departments() if d not in before]
        if len(added) == 1 and not self.assignment_list.inherited:  # select what was just added
            self.assignment_list.setCurrentRow(self.assignment_list.departments().index(added[0]))
        self._show_links()
        self._show_review(note=False)
        self.notes.refresh()
