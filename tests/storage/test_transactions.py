"""Each write and its event commit together or not at all.

Every public write is run twice: once with audit.append_event replaced by a
function that checks the data change has already happened and then fails
(the whole workspace must come back byte-identical, with no event), and once
for real (exactly one new event, named in Changes, whose `after` is the new
state).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import sqlite_utils

from workbench.core.departments import Department
from workbench.storage.audit import audit
from workbench.storage.state.records import Changes
from workbench.storage.repository import Repository

from .conftest import make_plan


@dataclass
class Ctx:
    repo: Repository
    node: int
    other: int
    dept: dict[str, int]
    ind: dict[str, int]


@pytest.fixture
def ctx(repo: Repository, plan_id: int, clause_ids: list[int], dept: dict[str, int]) -> Ctx:
    node, other = clause_ids[:2]
    ind = {r.key: r.id for r in repo.indicators(plan_id)}
    repo.assign(node_id=node, department_id=dept["市发展改革委"])
    repo.assign(node_id=node, department_id=dept["市科技局"], role="support")
    repo.link_indicator(node_id=node, indicator_id=ind["ind1"])
    repo.set_note(node_id=node, text="旧备注")
    repo.retire_department(department_id=dept["天津海关"])
    return Ctx(repo, node, other, dept, ind)


def _assignments(c: Ctx) -> list[dict[str, str]]:
    return [{"department": a.department_uid, "name": a.name, "role": a.role} for a in c.repo.assignments(c.node)]


def _links(c: Ctx) -> list[str]:
    return [link.key for link in c.repo.indicator_links(c.node)]


def _department(name: str) -> Callable[[Ctx], dict[str, Any]]:
    def state(c: Ctx) -> dict[str, Any]:
        row = c.repo.db.execute("SELECT uid FROM departments WHERE name = ?", [name]).fetchone()
        d = c.repo.department_by_uid(row[0])
        assert d is not None
        return {"uid": row[0], "name": d.name, "full_name": d.full_name, "kind": d.kind, "aliases": d.aliases,
                "keywords": d.keywords, "position": d.position, "unconfirmed": d.unconfirmed, "retired": d.retired}  # fmt: skip

    return state


NEW_PLAN = make_plan("另一规划", seed="T")

CASES: dict[str, tuple[Callable[[Ctx], Changes], Callable[[Ctx], Any]]] = {
    "assign": (lambda c: c.repo.assign(node_id=c.node, department_id=c.dept["市财政局"], role="support"), _assignments),
    "assign_role_change": (lambda c: c.repo.assign(node_id=c.node, department_id=c.dept["市科技局"]), _assignments),
    "unassign": (lambda c: c.repo.unassign(node_id=c.node, department_id=c.dept["市发展改革委"]), _assignments),
    "reorder": (lambda c: c.repo.move_assignment(node_id=c.node, department_id=c.dept["市科技局"], new_position=0),
                _assignments),
    "set_role": (lambda c: c.repo.set_role(node_id=c.node, department_id=c.dept["市科技局"], role="lead"),
                 _assignments),
    "set_assignments": (lambda c: c.repo.set_assignments(node_id=c.node, entries=[(c.dept["市财政局"], "lead")]),
                        _assignments),
    "undo": (lambda c: c.repo.set_assignments(node_id=c.node, entries=[], action="undo"), _assignments),
    "link_indicator": (lambda c: c.repo.link_indicator(node_id=c.node, indicator_id=c.ind["ind2.1"]), _links),
    "unlink_indicator": (lambda c: c.repo.unlink_indicator(node_id=c.node, indicator_id=c.ind["ind1"]), _links),
    "set_indicator_links": (
        lambda c: c.repo.set_indicator_links(node_id=c.node, indicator_ids=[c.ind["ind2"], c.ind["ind1"]]), _links),
    "note": (lambda c: c.repo.set_note(node_id=c.node, text="新备注"), lambda c: c.repo.note(c.node).text),
    "note_removed": (lambda c: c.repo.set_note(node_id=c.node, text="  "), lambda c: c.repo.note(c.node) or ""),
    "review_status": (lambda c: c.repo.set_review_status(node_id=c.node, status="reviewed"),
                      lambda c: c.repo.status(c.node).review_status),
    "timing": (lambda c: c.repo.set_timing(node_id=c.node, timing="within_year"),
               lambda c: c.repo.status(c.node).timing),
    "department_add": (lambda c: c.repo.add_department(name="市数据局", kind="government_department",
                                                        aliases=["数据局"]), _department("市数据局")),
    "department_rename": (lambda c: c.repo.rename_department(department_id=c.dept["市科技局"], new_name="市科学技术局"),
                          _department("市科学技术局")),
    "department_retire": (lambda c: c.repo.retire_department(department_id=c.dept["市财政局"]), _department("市财政局")),
    "department_restore": (lambda c: c.repo.restore_department(department_id=c.dept["天津海关"]),
                           _department("天津海关")),
    "plan_import": (lambda c: c.repo.import_plan(NEW_PLAN).changes,
                    lambda c: {"title": "另一规划", "source_name": "planT.txt", "indicator_count": 3,
                               "node_count": c.repo.plan_by_sha256(NEW_PLAN.sha256).node_count}),  # fmt: skip
    "registry_load": (lambda c: c.repo.load_registry([Department("市水务局", "天津市水务局", "government_department")]),
                      lambda c: [_department("市水务局")(c)]),
}  # fmt: skip


def _dump(db: sqlite_utils.Database) -> str:
    return "\n".join(db.conn.iterdump())


@pytest.mark.parametrize("case", list(CASES))
def test_a_failing_event_rolls_the_write_back(case: str, ctx: Ctx, monkeypatch: pytest.MonkeyPatch) -> None:
    write, _ = CASES[case]
    db = ctx.repo.db
    before = _dump(db)
    seen: list[bool] = []

    def fail_after_the_write(*args: Any, **kwargs: Any) -> None:
        assert db.conn.in_transaction
        seen.append(_dump(db) != before)  # the data change is already there...
        raise RuntimeError("disk full")  # ...when the event fails

    monkeypatch.setattr(audit, "append_event", fail_after_the_write)
    with pytest.raises(RuntimeError, match="disk full"):
        write(ctx)
    assert seen == [True]
    assert not db.conn.in_transaction
    assert _dump(db) == before


@pytest.mark.parametrize("case", list(CASES))
def test_a_write_leaves_exactly_one_event_describing_the_new_state(case: str, ctx: Ctx) -> None:
    write, state = CASES[case]
    repo = ctx.repo
    count = repo.event_count()
    changes = write(ctx)
    assert repo.event_count() == count + 1
    event = repo.events(limit=1)[0]
    assert changes.events == (event.uuid,) and bool(changes)
    assert event.after == state(ctx)
    assert event.reviewer == repo.reviewer.name and event.reviewer_unit == repo.reviewer.unit
    assert audit.verify_chain(repo.db).ok
    # Doing it again changes nothing and writes no event (retire/rename/... are idempotent).
    if case != "department_add":  # a second add of the same name is refused instead
        assert write(ctx) == Changes.none()
        assert repo.event_count() == count + 1


def test_event_targets_are_portable(ctx: Ctx) -> None:
    repo = ctx.repo
    node = repo.node(ctx.node)
    assert node is not None
    plan = repo.plan(node.plan_id)
    assert plan is not None
    repo.link_indicator(node_id=ctx.node, indicator_id=ctx.ind["ind2"])
    event = repo.events(limit=1)[0]
    assert (event.plan_sha256, event.node_key, event.indicator_key) == (plan.sha256, node.key, "ind2")
    assert (event.before, event.after) == (["ind1"], ["ind1", "ind2"])
    repo.assign(node_id=ctx.node, department_id=ctx.dept["市财政局"], role="support", reason="资金保障")
    event = repo.events(limit=1)[0]
    assert event.department_uid == repo.department_uid(ctx.dept["市财政局"]) and event.reason == "资金保障"
    assert event.subject == "assignments" and event.action == "assign"


def test_undo_events_name_their_subject(ctx: Ctx) -> None:
    repo = ctx.repo
    repo.set_note(node_id=ctx.node, text="旧备注之前", action="undo")
    repo.set_review_status(node_id=ctx.node, status="question", action="redo")
    repo.set_indicator_links(node_id=ctx.node, indicator_ids=[], action="undo")
    assert [(e.action, e.subject) for e in repo.events(limit=3)] == [
        ("undo", "note"), ("redo", "review_status"), ("undo", "indicator_links")]  # fmt: skip
