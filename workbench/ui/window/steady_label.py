"""A word-wrapped label whose size hints do not depend on its text.

QLabel answers sizeHint() and minimumSizeHint() for wrapped text by laying the
text out three times, once at width 0, where every Chinese character is a line
of its own: about 0.4 ms for each new text, and the breadcrumb and the
annotation pane's target label get a new text on every J.  The layouts these
labels sit in are vertical boxes that give them the full width and take their
height from heightForWidth(), which is still QLabel's own; the two hints only
bound the width the box may shrink to and are far below the other widgets'
(the reader's text, the pane's buttons), so the fixed hints below place the
label exactly where QLabel's would, without the layouts.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLabel

SAMPLE = "国"  # a full-width character: Chinese wraps between any two


class SteadyLabel(QLabel):
    """A QLabel with word wrap on and size hints from its font alone (one line; two or twenty characters wide)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._line: tuple[str, int, int] = ("", 0, 0)  # font key, one line's height, a character's width

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._lines_of(2)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._lines_of(20)

    def _lines_of(self, characters: int) -> QSize:
        """One line of `characters` full-width characters, with the label's margins."""
        key = self.font().key()
        if self._line[0] != key:  # a line of Chinese text is as high as its (fallback) font's line: lay one out
            layout = QTextLayout(SAMPLE, self.font())
            layout.beginLayout()
            line = layout.createLine()
            layout.endLayout()
            self._line = (key, math.ceil(line.height()), self.fontMetrics().horizontalAdvance(SAMPLE))
        _key, height, width = self._line
        margins = self.contentsMargins()
        return QSize(characters * width + margins.left() + margins.right(), height + margins.top() + margins.bottom())
