"""Explained suggestions in the annotation pane, and the S / Shift+S keys (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .test_annotation import entries, select_clause


def test_pane_explains_lead_support_and_indicator_suggestions(qtbot, window, repo):
    select_clause(qtbot, window, "ch15/s03/p02")  # 深化天津碳市场建设
    panel = window.annotation.suggestion_panel
    qtbot.waitUntil(lambda: bool(panel.found.lead))
    assert panel.found.lead[0].department.name == "市生态环境局"
    assert "市生态环境局" in panel.lead_label.text()
    details = panel.details.text()
    assert details.startswith("市生态环境局 的依据：") and "碳×" in details and "（正文）" in details
    first = panel.found.lead[0].department.db_id
    assert "碳×" in panel.tip(f"d:{first}")
    assert "单位地区生产总值二氧化碳排放降低" in panel.indicator_label.text()
    assert panel.indicator_details.isVisible() or panel.indicator_details.text()


def test_s_takes_the_first_lead_and_shift_s_the_first_support(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "box15/i01")  # 民航项目
    panel = window.annotation.suggestion_panel
    qtbot.waitUntil(lambda: bool(panel.found.lead))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)  # no lead yet: nothing
    assert entries(repo, node_id) == []
    qtbot.keyClick(window.tree, Qt.Key.Key_S)
    assert entries(repo, node_id) == [("市交通运输委", "lead")]
    qtbot.keyClick(window.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert entries(repo, node_id) == [("市交通运输委", "lead"), ("天津滨海国际机场", "support")]


def test_clicking_suggestions(qtbot, window, repo):
    node_id = select_clause(qtbot, window, "ch15/s01/p02")  # 碧水
    panel = window.annotation.suggestion_panel
    qtbot.waitUntil(lambda: bool(panel.found.indicators))
    lead = panel.found.lead[0].department
    support = panel.found.support[0].department
    qtbot.keyClick(panel.details, Qt.Key.Key_Right)  # no modifier held (an earlier test's Shift+S is over)
    panel.lead_label.linkActivated.emit(f"d:{lead.db_id}")
    panel.support_label.linkActivated.emit(f"s:{support.db_id}")
    assert entries(repo, node_id) == [(lead.name, "lead"), (support.name, "support")]
    indicator = panel.found.indicators[0].indicator
    assert indicator.name == "优良水体比例"
    record = next(r for r in window.session.indicators(window.session.plan_ids[0]) if r.indicator.name == indicator.name)
    panel.indicator_label.linkActivated.emit(f"i:{record.id}")
    assert [link.indicator_id for link in repo.indicator_links(node_id)] == [record.id]


def test_sections_and_chapters_get_suggestions(qtbot, window):
    root = window.session.plan(window.session.plan_ids[0]).root
    chapter, section = root.find("ch15"), root.find("ch15/s01")
    panel = window.annotation.suggestion_panel
    for node in (section, chapter):
        assert window.select_node(node.db_id)
        qtbot.waitUntil(lambda node=node: window.target_id == node.db_id)
        qtbot.waitUntil(lambda: bool(panel.found.lead))  # once the reviewer stays on it
        assert panel.found.lead[0].department.name == "市生态环境局"
        assert panel.details.text()



def test_stepping_on_does_not_wait_for_suggestions_and_s_still_takes_the_right_one(qtbot, window, repo, monkeypatch):
    """J after J computes no suggestions (they come once the reviewer stays); S right after J uses this clause's."""
    from workbench.ui.tagging import suggestion_panel

    computed: list[int] = []
    original = suggestion_panel.suggest_for_node
    monkeypatch.setattr(suggestion_panel, "suggest_for_node",
                        lambda node, *a, **k: computed.append(node.db_id) or original(node, *a, **k))
    panel = window.annotation.suggestion_panel
    select_clause(qtbot, window, "box15/i01")  # 民航项目
    qtbot.waitUntil(lambda: bool(panel.found.lead))
    computed.clear()
    window.tree.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.tree, Qt.Key.Key_J)
    assert computed == [] and not panel.found.lead  # nothing computed while stepping
    stale = panel.lead_label.text()  # still the links of box15/i01
    node_id = window.current_node_id
    panel.lead_label.linkActivated.emit(stale.split('href="')[1].split('"')[0])  # a previous clause's link
    assert entries(repo, node_id) == []  # did nothing, and brought this clause's suggestions
    assert computed == [node_id]
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    qtbot.keyClick(window.tree, Qt.Key.Key_S)  # at once: computed for this clause, then taken
    node_id = window.current_node_id
    assert computed[-1] == node_id
    if panel.found.lead:
        assert entries(repo, node_id)[0] == (panel.found.lead[0].department.name, "lead")
    qtbot.waitUntil(lambda: not panel._pending)
