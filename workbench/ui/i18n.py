"""Installing the UI language: Simplified Chinese source strings, English by .qm.

The UI is written in Simplified Chinese (the source strings); English comes
from resources/i18n/workbench_en.qm through Qt's translation system.  Qt's own
strings (standard buttons, context menus) come from Qt's qtbase_*.qm.  The
language is read once at start-up, so a change takes effect on restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from workbench import paths

LANGUAGE_KEY = "ui/language"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
I18N_DIR = paths.RESOURCES / "i18n"


def language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for `lang`; returns them (keep them alive)."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_lang = "zh_CN" if lang == "zh_CN" else "en"
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN" else QLocale(QLocale.Language.English))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{qt_lang}", qt_dir) or qt.load(f"qt_{qt_lang}", qt_dir):
        app.installTranslator(qt)
        translators.append(qt)
    if lang != DEFAULT_LANGUAGE:
        own = QTranslator(app)
        if own.load(f"workbench_{lang}", str(I18N_DIR)):
            app.installTranslator(own)
            translators.append(own)
    return translators
