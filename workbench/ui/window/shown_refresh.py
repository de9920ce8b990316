"""Refresh a view only while it is shown: a request made while it is hidden waits for the show.

The audit log, the conflicts and the agreement read the whole event history;
at a city's scale that is seconds of work, which the start of the window and
each keypress must not pay for views nobody is looking at.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QObject):
    """Call `view.refresh()` now if the view is visible, else when it is next shown."""

    def __init__(self, view: QWidget, *, stale: bool = True, refresh: Callable[[], None] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.stale = stale
        self.refresh = refresh or view.refresh  # e.g. a refresh that runs on a worker
        view.installEventFilter(self)

    def request(self) -> None:
        if self.view.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            QTimer.singleShot(0, self.refresh)  # after the show, so the window paints first
        return False


def request_refresh(view: QWidget) -> None:
    """Refresh `view` through its RefreshWhenShown if it has one, else at once."""
    refresher = view.findChild(RefreshWhenShown)
    if refresher is not None:
        refresher.request()
    else:
        view.refresh()
