"""Finding a department by any part of its name, full name or alias as you type.

A QLineEdit with a QCompleter whose popup lists the matches of
core.suggest.picker_matches (教委, 教育 and 市教委 all find 市教委), best first,
each with its full name and aliases.  Keyboard: type, Down to choose, Enter
to add as lead (牵头) or Shift+Enter as support (配合); Enter on a text that is
not a name takes the best match.  Mouse: pick from the list, then press the
牵头 or 配合 button.  Escape clears the field (a second Escape hands focus
back to the tree via `escaped`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QPushButton, QWidget

from workbench.core.departments import Department, resolve
from workbench.core.suggest import picker_matches

from workbench.ui.session import Session

translate = QCoreApplication.translate
NameRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
MATCH_LIMIT = 15


class PickerEdit(QLineEdit):
    """The picker's field: Enter / Shift+Enter confirm, Escape clears then leaves.

    Handled in keyPressEvent rather than an event filter because QCompleter
    forwards the Enter pressed in its popup straight to the widget's event().
    """

    confirm_requested = Signal(str)  # role
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.confirm_requested.emit("support" if shift else "lead")
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DepartmentPicker(QWidget):
    chosen = Signal(int, str)  # department id, role
    escaped = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.edit = PickerEdit()
        self.edit.setObjectName("departmentPicker")
        self.edit.setPlaceholderText(self.tr("单位名称或简称，如 教委"))
        self.edit.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NameRole)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)
        self.completer.activated.connect(self._on_activated)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.confirm_requested.connect(self._confirm_by_key)
        self.edit.escaped.connect(self.escaped)
        self.lead_button = QPushButton(self.tr("牵头"))
        self.lead_button.setToolTip(self.tr("添加为牵头单位（Enter）"))
        self.support_button = QPushButton(self.tr("配合"))
        self.support_button.setToolTip(self.tr("添加为配合单位（Shift+Enter）"))
        self.lead_button.clicked.connect(lambda: self.confirm("lead"))
        self.support_button.clicked.connect(lambda: self.confirm("support"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.lead_button)
        layout.addWidget(self.support_button)
        self._confirmed_by_key = False

    # -- matching ---------------------------------------------------------

    def matches(self, query: str) -> list[Department]:
        if not query.strip():
            return []
        return picker_matches(query, self.session.departments(), limit=MATCH_LIMIT)

    def _on_edited(self, text: str) -> None:
        self._confirmed_by_key = False
        self._fill(self.matches(text))
        if self.model.rowCount():
            self.completer.complete(self._popup_rect())
        else:
            self.completer.popup().hide()

    def _fill(self, departments: list[Department]) -> None:
        self.model.clear()
        for department in departments:
            extra = [department.full_name] if department.full_name != department.name else []
            if department.aliases:
                extra.append(self.tr("又称 ") + "、".join(department.aliases[:3]))
            item = QStandardItem(department.name + ("　" + "；".join(extra) if extra else ""))
            item.setData(department.name, NameRole)
            item.setData(department.db_id, IdRole)
            item.setToolTip(department.full_name)
            self.model.appendRow(item)

    def _popup_rect(self) -> QRect:
        """As wide as the longest line (full names and aliases), within the screen."""
        popup = self.completer.popup()
        metrics = popup.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.model.item(r).text()) for r in range(self.model.rowCount())), default=0)
        margin = popup.verticalScrollBar().sizeHint().width() + 2 * popup.frameWidth() + 24
        screen = self.edit.screen().availableGeometry() if self.edit.screen() else None
        limit = int(screen.width() * 0.9) if screen is not None else widest + margin
        return QRect(0, 0, max(self.edit.width(), min(widest + margin, limit)), self.edit.height())

    # -- choosing and confirming -----------------------------------------

    def resolve(self) -> Department | None:
        """The department the field names: exactly, else the popup's choice, else the best match."""
        text = self.edit.text().strip()
        if not text:
            return None
        departments = self.session.departments()
        exact = resolve(text, departments)
        if exact is not None:
            return exact
        popup = self.completer.popup()
        current = popup.currentIndex() if popup.isVisible() else None
        if current is not None and current.isValid():
            return self.session.department(current.data(IdRole))
        found = self.matches(text)
        return found[0] if found else None

    def confirm(self, role: str) -> bool:
        department = self.resolve()
        if department is None or department.db_id is None:
            return False
        self.completer.popup().hide()
        self.edit.clear()
        self.model.clear()
        self.chosen.emit(department.db_id, role)
        return True

    def _on_activated(self, _text: str) -> None:
        # Enter in the popup is also forwarded to the line edit, which has
        # confirmed already; the completion would put the name back.
        if self._confirmed_by_key:
            self.edit.clear()

    def _confirm_by_key(self, role: str) -> None:
        self._confirmed_by_key = self.confirm(role)
