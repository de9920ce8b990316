"""Choosing one of the plan's indicators to link to a clause.

A combo box whose drop-down is a table of the indicator table's rows: number,
name, unit, 2025 value, 2030 target and attribute (属性), sub-rows indented.
The box is editable with completion on the name, so typing part of a name
narrows the choice; the 关联 button (or Enter) links the chosen indicator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QHBoxLayout, QHeaderView, QPushButton, QTableView, QWidget

from workbench.storage.state.records import IndicatorRecord

translate = QCoreApplication.translate
IdRole = Qt.ItemDataRole.UserRole + 1
NAME_COLUMN = 1
POPUP_WIDTH = 620  # px: number, name, unit, both values and the attribute side by side


def indicator_label(record: IndicatorRecord) -> str:
    ind = record.indicator
    unit = f"（{ind.unit}）" if ind.unit else ""
    return f"{ind.number} {ind.name}{unit}"


class OnScreenComboBox(QComboBox):
    """A combo box whose wide drop-down table is kept inside the screen's work area."""

    def showPopup(self) -> None:  # noqa: N802
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.view().setMinimumWidth(min(POPUP_WIDTH, screen.width() - 16))
        super().showPopup()
        container = self.view().window()
        frame = container.geometry()
        frame.setWidth(min(frame.width(), screen.width()))
        frame.setHeight(min(frame.height(), screen.height()))
        frame.moveLeft(max(screen.left(), min(frame.left(), screen.right() - frame.width() + 1)))
        frame.moveTop(max(screen.top(), min(frame.top(), screen.bottom() - frame.height() + 1)))
        if frame != container.geometry():
            container.setGeometry(frame)


class IndicatorPicker(QWidget):
    link_requested = Signal(int)  # indicator id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, 6, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("编号"), self.tr("指标"), self.tr("单位"), self.tr("2025年"), self.tr("2030年"), self.tr("属性")]
        )
        self.combo = OnScreenComboBox()
        self.combo.setObjectName("indicatorPicker")
        self.combo.setModel(self.model)
        self.combo.setModelColumn(NAME_COLUMN)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.lineEdit().setPlaceholderText(self.tr("选择或输入指标名称"))
        completer = self.combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        view = QTableView()
        # The view gets the combo's model first: Qt 6.8 crashes on a section resize mode
        # set before the header has any sections.
        self.combo.setView(view)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        view.setMinimumWidth(POPUP_WIDTH)
        view.setWordWrap(False)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self.button = QPushButton(self.tr("关联"))
        self.button.setToolTip(self.tr("把所选指标关联到当前条目"))
        self.button.clicked.connect(self._request)
        self.combo.lineEdit().returnPressed.connect(self._request)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.button)
        self._plan_id: int | None = None

    def set_indicators(self, plan_id: int | None, records: list[IndicatorRecord]) -> None:
        if plan_id == self._plan_id and self.model.rowCount() == len(records):
            return
        self._plan_id = plan_id
        self.model.removeRows(0, self.model.rowCount())
        for record in records:
            ind = record.indicator
            name = ("　　" if ind.parent_key else "") + ind.name
            cells = [ind.number, name, ind.unit, ind.base_value, ind.target_value, ind.attribute]
            items = [QStandardItem(str(value)) for value in cells]
            for item in items:
                item.setData(record.id, IdRole)
                item.setEditable(False)
                item.setToolTip(f"{indicator_label(record)}　2025：{ind.base_value}　2030：{ind.target_value}　{ind.attribute}")
            self.model.appendRow(items)
        self.combo.setCurrentIndex(-1)
        self.combo.clearEditText()

    def select_indicator(self, indicator_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(IdRole) == indicator_id:
                self.combo.setCurrentIndex(row)
                return True
        return False

    def current_indicator(self) -> int | None:
        text = self.combo.currentText().strip()
        row = self.combo.currentIndex()
        if row >= 0 and self.model.item(row, NAME_COLUMN).text().strip() == text:
            return int(self.model.item(row, 0).data(IdRole))
        for row in range(self.model.rowCount()):  # typed text: the first name containing it
            if text and text in self.model.item(row, NAME_COLUMN).text():
                return int(self.model.item(row, 0).data(IdRole))
        return None

    def _request(self) -> None:
        indicator_id = self.current_indicator()
        if indicator_id is not None:
            self.link_requested.emit(indicator_id)
            self.combo.setCurrentIndex(-1)
            self.combo.clearEditText()
