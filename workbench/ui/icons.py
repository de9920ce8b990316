"""Small painted icons and the colours of the tagging states.

Painted at run time (no image files to ship or theme) and cached; they need a
QGuiApplication, so they are made on first use, never at import time.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from workbench.ui.tagging.tag_state import STATE_DISPUTED, STATE_INHERITED, STATE_LEAD, STATE_NONE, STATE_SUPPORT

STATE_COLOURS = {
    STATE_LEAD: QColor("#2e9d57"),  # green: a lead is assigned
    STATE_SUPPORT: QColor("#e0a100"),  # amber: support only
    STATE_INHERITED: QColor("#9db4d0"),  # grey-blue: covered by an ancestor's tags
    STATE_NONE: QColor("#c8c8c8"),
    STATE_DISPUTED: QColor("#d64541"),  # red: 有疑问
}
SUPPORT_COLOUR = QColor("#8fc7a1")
SIZE = 14


def colour(state: str) -> QColor:
    return STATE_COLOURS.get(state, STATE_COLOURS[STATE_NONE])


@lru_cache(maxsize=None)
def state_icon(state: str) -> QIcon:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(2, 2, SIZE - 4, SIZE - 4)
    fill = colour(state)
    if state == STATE_NONE:
        painter.setPen(QPen(fill.darker(130), 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
    elif state == STATE_DISPUTED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(rect)
        painter.setPen(QPen(QColor("white"), 1.6))
        font = painter.font()
        font.setPixelSize(9)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "?")
    else:
        painter.setPen(QPen(fill.darker(120), 1))
        painter.setBrush(fill)
        painter.drawEllipse(rect)
    painter.end()
    return QIcon(pixmap)


@lru_cache(maxsize=512)
def coverage_icon(with_lead: int, total: int) -> QIcon:
    """A pie showing the share of clauses with a lead."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(1.5, 1.5, SIZE - 3, SIZE - 3)
    painter.setPen(QPen(QColor("#9a9a9a"), 1))
    painter.setBrush(QColor("#f4f4f4"))
    painter.drawEllipse(rect)
    if total and with_lead:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATE_COLOURS[STATE_LEAD])
        if with_lead >= total:
            painter.drawEllipse(rect)
        else:
            painter.drawPie(rect, 90 * 16, -int(360 * 16 * with_lead / total))
    painter.end()
    return QIcon(pixmap)
