"""Keyboard navigation (J/K, Up/Down in the reader, N, sentences), the untagged
filter through the filter bar, and search for two-character words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbench.storage.search import Hit
from workbench.ui.search.search_backend import MemorySearch

from workbench.ui.tagging.tag_state import is_clause

from .conftest import type_text


def test_j_k_step_through_clauses_in_document_order(qtbot, window):
    clauses = window.session.clauses()
    window.select_node(clauses[0].db_id)
    window.tree.setFocus()
    for expected in clauses[1:6]:
        qtbot.keyClick(window.tree, Qt.Key.Key_J)
        assert window.current_node_id == expected.db_id
    qtbot.keyClick(window.tree, Qt.Key.Key_K)
    assert window.current_node_id == clauses[4].db_id
    # Up/Down in the reader move by clause too.
    window.reader.browser.setFocus()
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Down)
    assert window.current_node_id == clauses[5].db_id
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Up)
    assert window.current_node_id == clauses[4].db_id
    assert all(is_clause(n) for n in clauses)


def test_typing_j_in_a_field_does_not_navigate(qtbot, window):
    start = window.current_node_id
    window.annotation.picker.edit.setFocus()
    qtbot.keyClick(window.annotation.picker.edit, Qt.Key.Key_J)
    assert window.current_node_id == start
    assert window.annotation.picker.edit.text() == "j"


def test_n_goes_to_the_next_untagged_clause(qtbot, window, repo, departments):
    clauses = window.session.clauses()
    for node in clauses[1:4]:
        window.session.apply(repo.assign(node_id=node.db_id, department_id=departments["市教委"]))
    window.select_node(clauses[0].db_id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_N)
    assert window.current_node_id == clauses[4].db_id


def test_brackets_step_through_sentences(qtbot, window):
    clause = window.session.plan(window.session.plan_ids[0]).root.find("ch03/s01/p01")
    window.select_node(clause.db_id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_BracketRight)
    assert window.target_id == clause.children[0].db_id
    qtbot.keyClick(window.tree, Qt.Key.Key_BracketRight)
    assert window.target_id == clause.children[1].db_id
    assert "bcd7ff" in window.reader.html().lower()  # the target sentence is shaded
    qtbot.keyClick(window.tree, Qt.Key.Key_Escape)
    assert window.target_id == clause.db_id


def test_untagged_only_filter_through_the_filter_bar(qtbot, window, repo, departments):
    clauses = window.session.clauses()
    tagged = clauses[10]
    window.session.apply(repo.assign(node_id=tagged.db_id, department_id=departments["市财政局"]))
    section = window.session.plan(window.session.plan_ids[0]).root.find("ch03/s02")
    window.session.apply(repo.assign(node_id=section.db_id, department_id=departments["市发展改革委"]))
    window.select_node(clauses[0].db_id)
    qtbot.mouseClick(window.tree_panel.untagged, Qt.MouseButton.LeftButton)
    assert window.proxy.untagged_only
    visible = _visible(window)
    assert tagged.db_id not in visible
    assert not any(c.db_id in visible for c in section.children)  # inherited counts as tagged
    assert len(visible) == len(clauses) - 1 - len(section.children)
    # J walks only the visible (untagged) clauses.
    window.tree.setFocus()
    for _ in range(12):
        qtbot.keyClick(window.tree, Qt.Key.Key_J)
        assert window.session.tag_state(window.current_node).untagged


def test_department_and_chapter_filters(qtbot, window, repo, departments):
    clause = window.session.plan(window.session.plan_ids[0]).root.find("ch08/s01/p01")
    window.session.apply(repo.assign(node_id=clause.db_id, department_id=departments["市商务局"]))
    panel = window.tree_panel
    panel.department.setCurrentIndex(panel.department.findData(departments["市商务局"]))
    assert _visible(window) == {clause.db_id} | ({window.current_node_id} & _visible(window))
    panel.department.setCurrentIndex(0)
    chapter = clause.parent.parent
    panel.chapter.setCurrentIndex(panel.chapter.findData(chapter.db_id))
    inside = {n.db_id for n in chapter.walk() if is_clause(n)}
    assert inside <= _visible(window) <= inside | {window.current_node_id}
    panel.chapter.setCurrentIndex(0)
    indicator = window.session.indicators(window.session.plan_ids[0])[5]
    window.session.apply(repo.link_indicator(node_id=clause.db_id, indicator_id=indicator.id))
    panel.indicator.setCurrentIndex(panel.indicator.findData(indicator.id))
    assert _visible(window) - {window.current_node_id} == {clause.db_id}


def test_text_filter(qtbot, window):
    type_text(window.tree_panel.text, "港口")
    qtbot.waitUntil(lambda: window.proxy.text == "港口")
    visible = _visible(window) - {window.current_node_id}
    assert visible and all("港口" in window.session.node(i).text for i in visible)


@pytest.mark.parametrize("engine", ["index", "memory"])
def test_search_two_character_words(qtbot, window, engine):
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.backend.name == "index", timeout=20000)  # built in a worker at start
    if engine == "memory":
        panel.set_backend(MemorySearch(window.session))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.query.hasFocus()
    for word in ("港口", "财政"):
        with qtbot.waitSignal(panel.searched, timeout=3000) as blocker:
            type_text(panel.query, word)
            panel.query.selectAll()
        assert blocker.args[0] == word
        results = panel.results
        expected = {n.db_id for p in window.session.plan_ids for n in window.session.plan(p).nodes()
                    if n.kind in ("clause", "box_item") and word in n.text}
        found = {r.node_id for r in results}
        assert expected and expected <= found, word
        assert all(word in r.snippet for r in results)
        assert all(r.snippet[a:b] == word for r in results for a, b in r.highlights)
        assert all(type(r) is Hit for r in results)  # one result type from either engine
        for r in results:  # what the reader is given: offsets of the word in the node's text
            text = window.session.node(r.node_id).text
            assert all(text[a:b] == word for a, b in r.text_matches), r.key
        assert panel.model.rowCount() == len(results)
        assert panel.last_ms < 100
        panel.query.clear()


def test_choosing_a_result_selects_and_highlights(qtbot, window):
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.backend.name == "index", timeout=20000)
    results = panel.search("港口")
    assert results
    panel.query.setFocus()
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert window.current_node_id == results[1].node_id
    assert "ffd84d" in window.reader.html().lower()  # hits highlighted in the reader
    assert "港口" in window.reader.html()


def _visible(window) -> set[int]:
    from workbench.ui.tree.navigation import preorder

    return {window.proxy.node(i).db_id for i in preorder(window.proxy) if is_clause(window.proxy.node(i))}
