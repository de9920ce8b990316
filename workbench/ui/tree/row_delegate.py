"""Paints a plan tree cell from one model call instead of one per role.

Qt's item delegate asks the model for seven roles per cell (font, alignment,
foreground, check state, icon, text, background), and through the filter
proxy every one of those is two calls into Python (the proxy maps the index
with the source model's `index()` first).  A tree repaint after J steps into
a new section paints some ninety cells: about 9 ms of the keypress went to
those calls.  This delegate asks once, for `CellRole`, a tuple the model
keeps ready (text, icon, bold, foreground, right-aligned), and fills the style
option itself; what the cell looks like is unchanged.

GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

CellRole = Qt.ItemDataRole.UserRole + 9  # (text, icon or None, bold, foreground brush or None, right-aligned)

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration
_ICON_AND_TEXT = _HAS_DISPLAY | _HAS_DECORATION
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowDelegate(QStyledItemDelegate):
    """A QStyledItemDelegate whose style option comes from the model's CellRole tuple."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._bold: QFont | None = None
        self._sizes: dict[int, object] = {}  # icon cache key -> its size in a cell

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        cell = index.data(CellRole)
        if cell is None:  # not a plan tree model: Qt's own way
            super().initStyleOption(option, index)
            return
        text, icon, bold, foreground, right = cell
        option.index = index
        if bold:
            if self._bold is None:
                self._bold = QFont(option.font)
                self._bold.setBold(True)
            option.font = self._bold
            option.fontMetrics = QFontMetrics(self._bold)
        if right:
            option.displayAlignment = _RIGHT
        if foreground is not None:
            palette = QPalette(option.palette)
            palette.setBrush(QPalette.ColorRole.Text, foreground)
            option.palette = palette
        if icon is not None:
            option.features = option.features | _ICON_AND_TEXT
            option.icon = icon
            key = icon.cacheKey()
            size = self._sizes.get(key)
            if size is None:  # the tree's icons are a few fixed pixmaps: the same size in every mode
                size = self._sizes[key] = icon.actualSize(option.decorationSize, _mode(option), QIcon.State.Off)
            option.decorationSize = size
        else:
            option.features = option.features | _HAS_DISPLAY
        option.text = text


def _mode(option: QStyleOptionViewItem) -> QIcon.Mode:
    if not option.state & QStyle.StateFlag.State_Enabled:
        return QIcon.Mode.Disabled
    if option.state & QStyle.StateFlag.State_Selected:
        return QIcon.Mode.Selected
    return QIcon.Mode.Normal
