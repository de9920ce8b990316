"""Docks that are laid out in one step instead of through a zero-length animation.

QMainWindow re-lays out its docks whenever a widget inside one changes its
size hint, which a label does on every new text: the breadcrumb and the
annotation pane's labels change on each J.  With an animated style, every
such re-layout wraps each dock's (unchanged) geometry in a property
animation that finishes on the next turn of the event loop and makes the
window lay out and paint the pane once more.  Giving the docks and the
central widget a style whose widget-animation time is 0 makes Qt set their
geometry at once, so a keypress is painted once.  Dock drops then snap into
place instead of sliding.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QWidget


class StillStyle(QProxyStyle):
    """The application's style, without widget animations."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # noqa: N802
        if hint == QStyle.StyleHint.SH_Widget_Animation_Duration:
            return 0
        return super().styleHint(hint, option, widget, returnData)


def keep_still(owner: QWidget, widget: QWidget) -> None:
    """Give `widget` (a dock or the central widget of `owner`) the StillStyle; one style per owner, kept alive by it."""
    style = getattr(owner, "_still_style", None)
    if style is None:
        style = owner._still_style = StillStyle()  # type: ignore[attr-defined]
    widget.setStyle(style)
