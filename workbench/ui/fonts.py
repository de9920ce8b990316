"""A CJK font for machines that have none.

Qt draws Chinese with whatever fonts the system offers (fontconfig on Linux).
Government desktops and Windows always have one, but a stock Linux without
fonts-wqy-microhei / Noto CJK shows boxes.  The bundled application carries a
CJK font in resources/fonts (packaging/ copies it in); it is added only when the
system has no font that writes Simplified Chinese.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from workbench import paths


def system_has_cjk() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_cjk_font(font_dir: Path | None = None) -> list[str]:
    """Add the bundled CJK fonts when no system font writes Chinese (GUI thread, after QApplication).

    Returns the families added (none when the system already has one, or nothing is bundled).
    """
    if system_has_cjk():
        return []
    added: list[str] = []
    directory = font_dir or paths.FONTS
    for path in sorted(directory.glob("*.tt[cf]")) + sorted(directory.glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            added.extend(QFontDatabase.applicationFontFamilies(font_id))
    return added
