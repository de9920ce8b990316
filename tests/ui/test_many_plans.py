"""A workspace of several plans: headings until opened, counts kept from each write, J across plans."""

from __future__ import annotations

import random

import pytest

from workbench import paths
from workbench.core.importing import import_file
from workbench.ui.tree.navigation import next_clause
from workbench.ui.tree.plan_filter_model import PlanFilterModel
from workbench.ui.tree.plan_tree_model import PlanTreeModel
from workbench.ui.session import Session
from workbench.ui.tagging.tag_state import is_clause


@pytest.fixture
def three_plans(repo, tmp_path):
    """The seed and two district versions of it (different titles, so different plans)."""
    seed = paths.SEED_PLAN.read_text(encoding="utf-8")
    for district in ("和平区", "河西区"):
        source = tmp_path / f"{district}.txt"
        source.write_text(seed.replace("天津市", f"天津市{district}"), encoding="utf-8")
        repo.import_plan(import_file(source))
    return repo


def _lazy_session(repo) -> Session:
    session = Session(repo)
    session.load(eager_nodes=0)
    return session


def test_plans_are_headings_until_opened(qtmodeltester, three_plans):
    session = _lazy_session(three_plans)
    model = PlanTreeModel(session)
    assert model.rowCount() == 3
    assert session.loaded_plan_ids == []
    heading = model.index(1, 0)
    assert model.hasChildren(heading) and model.rowCount(heading) == 0 and model.canFetchMore(heading)
    assert "和平区" in heading.data()
    model.fetchMore(heading)
    assert session.loaded_plan_ids == [session.plan_ids[1]]
    assert model.rowCount(heading) == len([c for c in session.plan(session.plan_ids[1]).root.children
                                           if c.kind != "sentence"])
    assert not model.canFetchMore(heading)
    qtmodeltester.check(model, force_py=True)  # fetches the remaining headings as it walks
    qtmodeltester.check(model)


def test_reveal_loads_the_plan_of_a_node(three_plans):
    session = _lazy_session(three_plans)
    node_id = three_plans.db.execute(
        "SELECT id FROM nodes WHERE plan_id = ? AND kind = 'clause' ORDER BY seq LIMIT 1", [session.plan_ids[2]]
    ).fetchone()[0]
    assert session.node(node_id) is None
    node = session.reveal(node_id)
    assert node is not None and node.db_id == node_id
    assert session.loaded_plan_ids == [session.plan_ids[2]]


def test_counts_follow_writes_as_a_full_recount_would(three_plans, departments):
    session = _lazy_session(three_plans)
    plan_id = session.plan_ids[0]
    plan = session.plan(plan_id)
    session.coverage(plan.root)  # counted once
    rnd = random.Random(7)
    containers = [n for n in plan.nodes() if n.kind in ("chapter", "section", "box")]
    clauses = session.clauses(plan_id)
    ids = list(departments.values())[:10]
    for _ in range(60):
        k = rnd.random()
        if k < 0.25:
            target = rnd.choice(containers)
        elif k < 0.4:
            clause = rnd.choice([c for c in clauses if any(ch.kind == "sentence" for ch in c.children)])
            target = next(ch for ch in clause.children if ch.kind == "sentence")
        else:
            target = rnd.choice(clauses)
        current = session.assignments(target.db_id)
        if current and rnd.random() < 0.4:
            session.apply(three_plans.unassign(node_id=target.db_id, department_id=current[0].department_id))
        elif rnd.random() < 0.2 and is_clause(target):
            session.apply(three_plans.set_review_status(node_id=target.db_id, status=rnd.choice(["reviewed", "question"])))
        else:
            free = [d for d in ids if all(a.department_id != d for a in current)]
            role = rnd.choice(["lead", "support"]) if current else "lead"
            session.apply(three_plans.assign(node_id=target.db_id, department_id=rnd.choice(free), role=role))
    fresh = _lazy_session(three_plans)
    fresh_plan = fresh.plan(plan_id)
    for node in plan.nodes():
        if node.kind != "sentence" and not is_clause(node):
            assert session.coverage(node) == fresh.coverage(fresh_plan.root.find(node.key)), node.key
    assert session.coverage(plan.root)[0] > 0
    assert session.coverage_counts.totals([plan_id]) == fresh.coverage_counts.totals([plan_id])
    statuses = [session.status(c.db_id).review_status for c in clauses]
    assert session.coverage_counts.totals([plan_id])[2:] == (statuses.count("reviewed"), statuses.count("question"))


def test_next_clause_walks_into_the_next_plan_and_through_the_filter(three_plans, departments):
    session = _lazy_session(three_plans)
    model = PlanTreeModel(session)
    proxy = PlanFilterModel(model)
    first, second = session.plan_ids[:2]
    session.plan(first)
    last = session.clauses(first)[-1]
    found = next_clause(session, proxy, last, 1)
    assert found is session.clauses(second)[0]
    assert next_clause(session, proxy, found, -1) is last
    assert next_clause(session, proxy, None, 1) is session.clauses(first)[0]
    # Only what the filter shows: the untagged filter skips a tagged clause.
    clauses = session.clauses(first)
    session.apply(three_plans.assign(node_id=clauses[1].db_id, department_id=departments["市教委"]))
    proxy.set_filters(untagged_only=True)
    assert next_clause(session, proxy, clauses[0], 1) is clauses[2]
    proxy.set_filters(untagged_only=False)
    assert next_clause(session, proxy, clauses[0], 1) is clauses[1]
    # N wraps round to before the current clause.
    untagged = lambda n: session.tag_state(n).untagged  # noqa: E731
    third_last = session.clauses(session.plan(session.plan_ids[2]) and session.plan_ids[2])[-1]
    assert next_clause(session, proxy, third_last, 1) is None
    assert next_clause(session, proxy, third_last, 1, untagged, wrap=True) is clauses[0]


def test_window_j_moves_through_loaded_plans(window, qtbot):
    from PySide6.QtCore import Qt

    clauses = window.session.clauses()
    window.select_node(clauses[0].db_id)
    qtbot.keyClick(window.tree, Qt.Key.Key_J)
    assert window.current_node_id == clauses[1].db_id
    qtbot.keyClick(window.tree, Qt.Key.Key_K)
    assert window.current_node_id == clauses[0].db_id


def test_history_views_are_read_when_shown_and_agreement_off_the_gui_thread(window, qtbot):
    view = window.agreement_view
    assert view.report is None  # not read at start
    assert window.audit_view.model.rowCount() == 0 or not window.audit_dock.isVisible()
    window.agreement_dock.show()
    window.agreement_dock.raise_()
    qtbot.waitUntil(lambda: view.report is not None, timeout=10000)
    assert "两位" in view.summary.text()
    window.audit_dock.show()
    window.audit_dock.raise_()
    qtbot.waitUntil(lambda: window.audit_view.model.rowCount() > 0, timeout=10000)
    assert window.audit_view.model.total == window.session.repo.event_count()


def test_chart_counts_follow_writes_as_a_full_recount_would(three_plans, departments):
    from workbench.ui.window.charts import coverage_bars

    session = _lazy_session(three_plans)
    plan = session.plan(session.plan_ids[0])
    coverage_bars(session)  # counted once
    chapter = next(n for n in plan.nodes() if n.kind == "chapter" and any(is_clause(c) for c in n.walk()))
    clause = next(c for c in chapter.walk() if is_clause(c))
    session.apply(three_plans.assign(node_id=chapter.db_id, department_id=departments["市教委"]))
    session.apply(three_plans.assign(node_id=clause.db_id, department_id=departments["市财政局"], role="lead"))
    session.apply(three_plans.set_assignments(node_id=chapter.db_id, entries=[(departments["市教委"], "support")]))
    fresh = _lazy_session(three_plans)
    fresh.plan(fresh.plan_ids[0])
    assert [(b.label, b.values) for b in coverage_bars(session)] == [(b.label, b.values) for b in coverage_bars(fresh)]
    mine = next(b for b in coverage_bars(session) if chapter.title in b.label)
    clauses = sum(1 for c in chapter.walk() if is_clause(c))
    assert mine.values[0] >= 1 and sum(mine.values) == clauses  # the clause leads; the rest inherit support only
    assert mine.values[3] == 0  # nothing left untagged under a tagged chapter
