"""A long scripted session: thousands of Qt calls through the real window.

PySide6 6.12.0 on CPython 3.11 corrupts the refcount of None on void calls and
aborts after a few thousand of them; a short test never shows it.  This run
walks every clause of the seed (295) and on each assigns, undoes, redoes, changes role, selects
sentences and toggles status, checking the store as it goes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt



def test_three_hundred_clauses_assign_undo_redo(qtbot, window, repo, departments):
    window.annotator.remember(departments["市教委"])  # number 1
    window.annotator.remember(departments["市财政局"])  # number 2
    clauses = window.session.clauses()
    assert len(clauses) == 295
    window.select_node(clauses[0].db_id)
    window.tree.setFocus()
    start_events = repo.event_count()
    writes = 0
    for number, clause in enumerate(clauses):
        assert window.current_node_id == clause.db_id
        qtbot.keyClick(window.tree, Qt.Key.Key_1)
        qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        writes += 4
        if number % 3 == 0:
            qtbot.keyClick(window.tree, Qt.Key.Key_R)
            window.step_sentence(1)
            window.back_to_clause()
            writes += 1
        if number % 10 == 0:
            window.search_panel.search("财政" if number % 20 else "港口")
            window.charts.refresh()
        assert [(a.name, a.role) for a in window.session.assignments(clause.db_id)] == [("市教委", "lead"), ("市财政局", "support")]
        if number + 1 < len(clauses):
            qtbot.keyClick(window.tree, Qt.Key.Key_J)
    assert repo.event_count() == start_events + writes
    n = len(clauses)
    window.charts.setCurrentIndex(1)  # the 单位负荷 tab, counted when in front
    qtbot.waitUntil(lambda: [(b.label, b.values) for b in window.charts.load.bars] == [("市教委", (n, 0)), ("市财政局", (0, n))])
    # Everything undone, in order, leaves the store as it started (plus events).
    window.undo_stack.setIndex(0)
    assert not any(repo.assignments(c.db_id) for c in clauses)
    commands = writes - 2 * len(clauses)  # each clause's undo + redo pair is not a command of its own
    assert window.undo_stack.count() == commands
    assert repo.event_count() == start_events + writes + commands
