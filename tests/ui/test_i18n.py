"""English through Qt's translation system: the .ts is complete, the .qm loads,
and the window's contexts match what lupdate extracted."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QLocale, Qt

from workbench.ui import i18n


def test_ts_is_complete_and_compiled():
    ts = i18n.I18N_DIR / "workbench_en.ts"
    assert (i18n.I18N_DIR / "workbench_en.qm").stat().st_size > 1000
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 150
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") or not m.findtext("translation")]
    assert unfinished == []


def test_window_in_english(qtbot, qapp, repo, settings, workspace_path):
    from workbench.app import build_main_window

    translators = i18n.install(qapp, "en")
    try:
        assert any(t.language() == "en" for t in translators)
        window = build_main_window(repo, settings, path=workspace_path, start_workers=False, features=False)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:3] == ["&File", "&Edit", "&Go"]
        assert window.tree_dock.windowTitle() == "Plan"
        assert window.annotation.picker.lead_button.text() == "Lead"
        assert window.tree_model.headerData(0, Qt.Orientation.Horizontal) == "Item"
        assert window.actions_by_name["export"].toolTip().startswith("Export to Excel")
        assert window.status.counts_label.text().startswith("Clauses 295")
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
