"""The plan tree model and its filter proxy: structure, states, coverage, refresh."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.ui.tree.plan_filter_model import PlanFilterModel
from workbench.ui.tree.plan_tree_model import NodeRole, PlanTreeModel, StateRole
from workbench.ui.session import Session


def _session(repo) -> Session:
    session = Session(repo)
    session.load()
    return session


def _chapter(session: Session, key: str):
    return session.plan(session.plan_ids[0]).root.find(key)


def test_tree_model_passes_qtmodeltester(qtmodeltester, repo):
    model = PlanTreeModel(_session(repo))
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_proxy_passes_qtmodeltester_with_filters(qtmodeltester, repo, departments):
    session = _session(repo)
    model = PlanTreeModel(session)
    proxy = PlanFilterModel(model)
    clause = session.clauses()[5]
    session.apply(repo.assign(node_id=clause.db_id, department_id=departments["市教委"]))
    proxy.set_filters(untagged_only=True, text="发展")
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filters(untagged_only=False, text="", department_id=departments["市教委"])
    qtmodeltester.check(proxy, force_py=True)


def test_rows_are_the_plan_without_sentences(repo):
    session = _session(repo)
    model = PlanTreeModel(session)
    assert model.rowCount() == 1
    root = model.index(0, 0)
    assert model.data(root) == "天津市国民经济和社会发展第十五个五年规划纲要"
    chapters = [model.index(r, 0, root) for r in range(model.rowCount(root))]
    assert sum(1 for i in chapters if i.data(Qt.ItemDataRole.UserRole + 3) == "chapter") == 17
    ch03 = model.index_for(_chapter(session, "ch03"))
    assert model.data(ch03).startswith("第三章 以推进京津冀协同发展为战略牵引")
    clause = model.index_for(_chapter(session, "ch03/s01/p01"))
    assert model.rowCount(clause) == 0  # sentences are in the reader, not the tree
    assert model.parent(clause).data(NodeRole) == _chapter(session, "ch03/s01").db_id


def test_states_coverage_and_inheritance(repo, departments):
    session = _session(repo)
    model = PlanTreeModel(session)
    section = _chapter(session, "ch03/s01")
    clause = section.children[0]
    other = section.children[1]
    chapter_index = model.index_for(section.parent, 1)
    total = int(model.data(chapter_index).split("/")[1])
    assert model.data(chapter_index) == f"0/{total}"
    assert model.data(model.index_for(clause), StateRole) == "none"

    session.apply(repo.assign(node_id=clause.db_id, department_id=departments["市科技局"]))
    assert model.data(model.index_for(clause), StateRole) == "lead"
    assert model.data(model.index_for(clause, 1)) == "1"
    assert model.data(chapter_index) == f"1/{total}"

    session.apply(repo.assign(node_id=section.db_id, department_id=departments["市发展改革委"]))
    assert model.data(model.index_for(other), StateRole) == "inherited"
    assert "继承自" in model.data(model.index_for(other), Qt.ItemDataRole.ToolTipRole)
    assert model.data(chapter_index) == f"{len([c for c in section.children])}/{total}"

    session.apply(repo.set_review_status(node_id=other.db_id, status="question"))
    assert model.data(model.index_for(other), StateRole) == "disputed"


def test_refresh_announces_only_the_node_and_its_ancestors(qtbot, repo, departments):
    session = _session(repo)
    model = PlanTreeModel(session)
    clause = _chapter(session, "ch05/s02").children[0]
    seen: list[int] = []
    model.dataChanged.connect(lambda top, bottom, roles=(): seen.extend(
        model.index(r, 0, top.parent()).data(NodeRole) for r in range(top.row(), bottom.row() + 1)
    ))
    with qtbot.waitSignal(model.dataChanged):
        session.apply(repo.assign(node_id=clause.db_id, department_id=departments["市教委"]))
    expected = {clause.db_id, *(a.db_id for a in clause.ancestors())}
    assert set(seen) == expected


def test_sentence_tags_count_on_their_clause(repo, departments):
    session = _session(repo)
    model = PlanTreeModel(session)
    clause = _chapter(session, "ch03/s01/p01")
    sentence = clause.children[1]
    session.apply(repo.assign(node_id=sentence.db_id, department_id=departments["市教委"]))
    index = model.index_for(clause)
    assert model.data(index, StateRole) == "lead"
    assert "按句标注" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.index_for(sentence) == model.index_for(clause)


def test_untagged_filter_keeps_pinned_node(repo, departments):
    session = _session(repo)
    model = PlanTreeModel(session)
    proxy = PlanFilterModel(model)
    proxy.set_filters(untagged_only=True)
    clause = session.clauses()[3]
    before = _visible_clauses(proxy)
    assert clause.db_id in before and len(before) == len(session.clauses())
    proxy.set_pinned(clause.db_id)
    session.apply(repo.assign(node_id=clause.db_id, department_id=departments["市教委"]))
    assert clause.db_id in _visible_clauses(proxy)  # pinned while current
    proxy.set_pinned(None)
    assert clause.db_id not in _visible_clauses(proxy)
    assert len(_visible_clauses(proxy)) == len(before) - 1


def _visible_clauses(proxy) -> set[int]:
    from workbench.ui.tree.navigation import preorder

    ids = set()
    for index in preorder(proxy):
        node = proxy.node(index)
        if node is not None and node.kind in ("clause", "box_item"):
            ids.add(node.db_id)
    return ids

