"""GUI writes while another connection holds the write lock (as the search
indexer does on its worker thread): the write waits and lands, nothing lost."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from workbench.storage.files.busy import retry_busy


def _hold_write_lock(path, seconds: float, started: threading.Event) -> None:
    conn = sqlite3.connect(path, timeout=5)
    conn.execute("BEGIN IMMEDIATE")
    started.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_assign_waits_for_another_writer(qtbot, window, repo, departments, workspace_path):
    clause = window.session.clauses()[7]
    window.select_node(clause.db_id)
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(workspace_path, 0.3, started))
    holder.start()
    assert started.wait(5)
    # Writes begin IMMEDIATE: a plain repository write waits for the lock and lands.
    repo.set_note(node_id=clause.db_id, text="x")
    assert repo.note(clause.db_id).text == "x"
    holder2 = threading.Thread(target=_hold_write_lock, args=(workspace_path, 0.3, threading.Event()))
    holder2.start()
    assert window.annotator.assign(departments["市教委"])  # the GUI's command lands too
    holder2.join()
    holder.join()
    assert [a.name for a in repo.assignments(clause.db_id)] == ["市教委"]
    window.undo_stack.undo()
    assert repo.assignments(clause.db_id) == []


def test_retry_busy_gives_up_on_other_errors():
    calls = []

    def broken():
        calls.append(1)
        raise sqlite3.OperationalError("no such table: x")

    with pytest.raises(sqlite3.OperationalError):
        retry_busy(broken)
    assert calls == [1]
