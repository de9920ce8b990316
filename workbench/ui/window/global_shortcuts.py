"""Application-wide shortcuts that also work while a text field has the focus.

Qt lets the focused widget claim a key before any shortcut sees it (the
ShortcutOverride event).  Under X11's key scheme a QLineEdit claims Ctrl+E
(end of line, an Emacs habit), so File › Export did nothing from the tree
filter, the department picker, the indicator box or the search box: just
where a reviewer is after tagging with A…Enter or searching with Ctrl+F.

`GlobalShortcuts` filters the focus widget's events (Qt sends the claim to
the focus widget): for a key that is the shortcut of one of the window's
application-wide actions (export, search, import, quit, help), it refuses the
field's claim, so the action fires.  It follows the focus rather than
filtering the whole application: an application filter written in Python is
called for every event of every widget, some fifty per J (paints, layouts,
timers), which cost that press about a millisecond after a reading pause.  Keys
a field really uses for editing (copy, paste, undo, select all, Delete, the
letters and digits) are not application-wide actions here, so they stay with
the field.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

# Names in MainWindow.actions_by_name whose shortcuts beat a text field's own bindings.
GLOBAL_ACTIONS = ("export", "search", "import", "quit", "shortcuts")


class GlobalShortcuts(QObject):
    def __init__(self, window: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.keys = {seq[0].toCombined() for action in actions for seq in action.shortcuts() if seq.count() == 1}
        self.watched: list[QWidget] = []  # the focus widget and its parts that pass focus to it (a combo's field)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._follow_focus)  # disconnected when this (a child of the window) goes
            self._follow_focus(None, QApplication.focusWidget())

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self.watched:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # the widget is gone, and its filters with it
                pass
        self.watched = [] if new is None else [new, *(w for w in new.findChildren(QWidget) if w.focusProxy() is new)]
        for widget in self.watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.keyCombination().toCombined() not in self.keys:
            return False
        if not isinstance(watched, QWidget) or not self._inside(watched):
            return False
        event.ignore()  # the field does not get the key: the window's shortcut fires
        return True

    def _inside(self, widget: QWidget) -> bool:
        """In the window, or in one of its docks floating on its own (Qt's shortcuts reach those too)."""
        top = widget.window()
        return top is self.window or (isinstance(top, QDockWidget) and top.parentWidget() is self.window)
