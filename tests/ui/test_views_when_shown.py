"""Views over the whole workspace (charts, audit log) compute nothing until shown, then on a worker (issue 14)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt


def _spy(monkeypatch, module, name: str) -> list[int]:
    """Record the thread of every call of module.name."""
    threads: list[int] = []
    original = getattr(module, name)

    def spy(*args, **kwargs):
        threads.append(threading.get_ident())
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return threads


def _tag_current(window, departments) -> None:
    window.annotator.assign(departments["市教委"], "lead")


def test_department_load_is_counted_when_the_charts_are_shown_on_a_worker(qtbot, window, departments, monkeypatch):
    from workbench.ui.window import charts

    threads = _spy(monkeypatch, charts, "_load_from_file")
    window.search_dock.raise_()  # the charts' tab behind the search (a tab behind another counts as "visible")
    qtbot.waitUntil(lambda: window.charts.visibleRegion().isEmpty())
    window.charts._stale = False  # as if nothing had been asked of it yet
    window.charts.load.set_bars([])
    _tag_current(window, departments)  # a change while hidden: nothing is counted
    qtbot.wait(50)
    assert threads == [] and window.charts.load.bars == []
    window.charts_dock.raise_()
    window.charts.setCurrentIndex(0)  # coverage in front: the load is not counted
    _tag_current(window, departments)
    qtbot.wait(400)
    assert threads == [] and window.charts.load.bars == []
    window.charts.setCurrentIndex(1)  # 单位负荷
    qtbot.waitUntil(lambda: window.charts.load.bars != [], timeout=10000)
    assert threads and threading.get_ident() not in threads
    expected = [(b.label, b.values) for b in charts.department_bars(window.session)]
    assert [(b.label, b.values) for b in window.charts.load.bars] == expected  # as the in-memory count says
    before = dict((b.label, b.values) for b in window.charts.load.bars)["市财政局"] if "市财政局" in {
        b.label for b in window.charts.load.bars} else (0, 0)
    window.annotator.assign(departments["市财政局"], "support")  # a change while shown: counted again
    qtbot.waitUntil(lambda: dict((b.label, b.values) for b in window.charts.load.bars).get("市财政局")
                    == (before[0], before[1] + 1), timeout=10000)
    assert [(b.label, b.values) for b in window.charts.load.bars] == [
        (b.label, b.values) for b in charts.department_bars(window.session)]


def test_audit_log_is_read_when_first_shown_on_a_worker(qtbot, window, departments, monkeypatch):
    from workbench.ui.audit import audit_view

    threads = _spy(monkeypatch, audit_view, "page_entries")
    _tag_current(window, departments)
    qtbot.wait(50)
    assert not window.audit_dock.isVisible()
    assert threads == [] and window.audit_view.model.rowCount() == 0
    window.actions_by_name["audit"].trigger()
    qtbot.waitUntil(lambda: window.audit_view.model.rowCount() > 0, timeout=10000)
    assert threads and threading.get_ident() not in threads
    assert window.audit_view.model.total == window.session.repo.event_count()
    assert window.audit_view.count_label.text().startswith(str(window.session.repo.event_count()))
    newest = window.audit_view.model.entry(0)
    assert newest.reviewer == window.session.reviewer.name
    # Sorting asks the worker again, in the new order.
    asked = len(threads)
    window.audit_view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: window.audit_view.model.query.order == "reviewer" and window.audit_view.model.pending == 0,
                    timeout=10000)
    assert len(threads) > asked and threading.get_ident() not in threads
    names = [window.audit_view.model.entry(r).reviewer for r in range(window.audit_view.model.rowCount())]
    assert names == sorted(names)


def test_audit_log_columns_show_the_whole_time_and_unit(qtbot, window):
    window.actions_by_name["audit"].trigger()
    view = window.audit_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    entry = view.model.entry(0)
    metrics = view.table.fontMetrics()
    header = view.table.horizontalHeader()
    assert header.sectionSize(0) >= metrics.horizontalAdvance(entry.local_time)
    assert header.sectionSize(2) >= metrics.horizontalAdvance(entry.reviewer_unit)
    assert not view.table.wordWrap()
