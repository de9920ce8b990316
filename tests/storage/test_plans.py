"""Importing plans: stored faithfully, read back as the same tree, never twice."""

from __future__ import annotations

import pytest

from workbench.core.plan import Plan
from workbench.storage.errors import StoreError
from workbench.storage.state.records import Changes
from workbench.storage.repository import Repository

from .conftest import make_plan


def _tree(plan: Plan) -> list[tuple[object, ...]]:
    return [
        (n.kind, n.key, n.label, n.title, n.text, n.number, tuple(n.lines), n.row,
         n.parent.key if n.parent else None, n.content_hash)
        for n in plan.nodes()
    ]  # fmt: skip


def test_import_stores_plan_nodes_indicators_and_one_event(repo: Repository, plan: Plan) -> None:
    events = repo.event_count()
    result = repo.import_plan(plan)
    assert result.created
    assert result.changes.plan_ids == {result.plan_id} and len(result.changes.events) == 1
    assert repo.event_count() == events + 2  # the import, after 张三's first key_publish
    record = repo.plan(result.plan_id)
    assert record is not None and record.sha256 == plan.sha256 and record.node_count == len(list(plan.nodes()))
    assert record.imported_at.endswith("+00:00")
    assert all(n.db_id is not None for n in plan.nodes())
    event = repo.events(limit=1)[0]
    assert event.action == "plan_import" and event.plan_sha256 == plan.sha256
    assert event.after == {"title": plan.title, "source_name": plan.source_name,
                           "node_count": record.node_count, "indicator_count": 3}  # fmt: skip


def test_load_plan_gives_back_the_same_tree(repo: Repository, plan: Plan) -> None:
    plan_id = repo.import_plan(plan).plan_id
    loaded = repo.load_plan(plan_id)
    assert _tree(loaded) == _tree(plan)
    assert [n.db_id for n in loaded.nodes()] == [n.db_id for n in plan.nodes()]
    assert [i.as_dict() for i in loaded.indicators] == [i.as_dict() for i in plan.indicators]
    assert (loaded.title, loaded.sha256, loaded.source_name, loaded.indicator_footnote, loaded.body_start_line) == (
        plan.title, plan.sha256, plan.source_name, plan.indicator_footnote, plan.body_start_line)  # fmt: skip


def test_node_records(repo: Repository, plan: Plan) -> None:
    plan_id = repo.import_plan(plan).plan_id
    clause = plan.root.find("ch02/s01/p03")
    assert clause is not None and clause.db_id is not None
    record = repo.node(clause.db_id)
    assert record is not None
    assert (record.key, record.kind, record.title, record.text, record.depth, record.position) == (
        "ch02/s01/p03", "clause", clause.title, clause.text, 3, 2)  # fmt: skip
    assert record.parent_id == clause.parent.db_id  # type: ignore[union-attr]
    assert record.content_hash == clause.content_hash and record.lines == tuple(clause.lines)
    assert repo.node_by_key(plan_id, "ch02/s01/p03") == record
    assert repo.node_by_key(plan_id, "nope") is None and repo.node(10**9) is None
    seqs = [repo.node(n.db_id).seq for n in plan.nodes()]  # type: ignore[arg-type,union-attr]
    assert seqs == list(range(len(seqs)))


def test_indicators(repo: Repository, plan_id: int) -> None:
    records = repo.indicators(plan_id)
    assert [r.key for r in records] == ["ind1", "ind2", "ind2.1"]
    sub = records[2].indicator
    assert sub.parent_key == "ind2" and sub.five_year_cumulative is True and sub.base_year is None
    assert records[1].indicator.five_year_average and records[1].indicator.base_estimated


def test_importing_twice_changes_nothing(repo: Repository, plan: Plan) -> None:
    first = repo.import_plan(plan)
    counts = (repo.db["nodes"].count, repo.event_count(), repo.db["indicators"].count)
    again = make_plan()  # parsed afresh: same content, same sha256
    second = repo.import_plan(again)
    assert not second.created and second.plan_id == first.plan_id and second.changes == Changes.none()
    assert (repo.db["nodes"].count, repo.event_count(), repo.db["indicators"].count) == counts
    assert [n.db_id for n in again.nodes()] == [n.db_id for n in plan.nodes()]


def test_a_second_plan_is_added_beside_the_first(repo: Repository, plan: Plan) -> None:
    first = repo.import_plan(plan)
    other = make_plan("另一个规划", chapters=3, seed="B")
    second = repo.import_plan(other)
    assert second.created and second.plan_id != first.plan_id
    assert [p.sha256 for p in repo.plans()] == [plan.sha256, other.sha256]
    assert _tree(repo.load_plan(first.plan_id)) == _tree(plan)
    assert _tree(repo.load_plan(second.plan_id)) == _tree(other)
    assert repo.plan_by_sha256(other.sha256).id == second.plan_id  # type: ignore[union-attr]


def test_bad_plans_are_refused_and_write_nothing(repo: Repository) -> None:
    events = repo.event_count()
    no_hash = make_plan()
    no_hash.sha256 = ""
    with pytest.raises(StoreError, match="sha256"):
        repo.import_plan(no_hash)
    duplicate = make_plan(seed="dup")
    duplicate.root.children[1].children[0].key = "preface"
    with pytest.raises(StoreError, match="duplicate node key 'preface'"):
        repo.import_plan(duplicate)
    assert repo.event_count() == events and repo.plans() == [] and repo.db["nodes"].count == 0
    assert all(n.db_id is None for n in duplicate.nodes())


def test_load_unknown_plan(repo: Repository) -> None:
    with pytest.raises(StoreError, match="no plan"):
        repo.load_plan(42)
