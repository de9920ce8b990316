"""Is there a screen for the window?  Asked before Qt is loaded, because Qt aborts the process without one.

On Linux, Qt's xcb plugin ends the process with SIGABRT (exit 134) and a
screenful of advice when no X server answers; a reviewer who typed
`workbench --db FILE` over ssh, or a script, gets one line instead.  Windows
and macOS always have a screen; a platform chosen with QT_QPA_PLATFORM or
`-platform` (offscreen, vnc, eglfs ...) is left to Qt.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Sequence


def missing_display(qt_args: Sequence[str] = ()) -> str | None:
    """A one-line reason when the window cannot be shown on this machine, else None."""
    if not sys.platform.startswith("linux"):
        return None
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if "-platform" in qt_args or (chosen and not chosen.startswith(("xcb", "wayland"))):
        return None
    if os.environ.get("WAYLAND_DISPLAY") and not chosen.startswith("xcb"):
        return None
    display = os.environ.get("DISPLAY", "")
    if not display:
        return ("no display to open the window on (DISPLAY is not set): run it on the desktop, "
                "or give a command (see workbench --help)")
    if not _x_server_answers(display):
        return f"no X server answers on display {display}: run it on the desktop, or give a command (see workbench --help)"
    return None


def _x_server_answers(display: str) -> bool:
    """True when the X server of `display` accepts a connection (or when that cannot be told here)."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return True  # a form we do not read: let Qt decide
    if host and host not in ("unix", "localhost") and not host.startswith("/"):
        return True  # a remote display (ssh -X forwards to localhost): not probed
    if host.startswith("/"):  # macOS-style launchd socket path
        return True
    path = f"/tmp/.X11-unix/X{number}"
    for address in (path, "\0" + path):  # the file socket, then Linux's abstract one
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            try:
                probe.connect(address)
                return True
            except OSError:
                continue
    if host == "localhost":
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            try:
                probe.connect(("127.0.0.1", 6000 + int(number)))
                return True
            except OSError:
                return False
    return False
