"""Replaying the assignment events reproduces the current state exactly.

Random sequences of assign / unassign / move / set_role / set_assignments /
undo (valid or not) are applied; after each step the lead-first invariant
holds, a refused step writes nothing, and finally, for every node, the `after`
of its last assignment event equals its assignments.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.storage.audit.audit import Reviewer, verify_chain
from workbench.storage.files.database import open_workspace
from workbench.storage.errors import StoreError
from workbench.storage.repository import Repository

from .conftest import REGISTRY, make_plan

NODES = 3
DEPARTMENTS = len(REGISTRY)

role = st.sampled_from(["lead", "support"])
node = st.integers(0, NODES - 1)
department = st.integers(0, DEPARTMENTS - 1)
operation = st.one_of(
    st.tuples(st.just("assign"), node, department, role, st.none() | st.integers(-1, 6)),
    st.tuples(st.just("unassign"), node, department),
    st.tuples(st.just("move"), node, department, st.integers(-1, 6)),
    st.tuples(st.just("set_role"), node, department, role),
    st.tuples(st.just("set"), node, st.lists(st.tuples(department, role), max_size=4)),
    st.tuples(st.just("undo"), node),
    st.tuples(st.just("retire"), department),
)


def _apply(repo: Repository, op: tuple, nodes: list[int], depts: list[int], history: dict[int, list]) -> None:
    kind, *args = op
    if kind == "assign":
        n, d, r, position = args
        repo.assign(node_id=nodes[n], department_id=depts[d], role=r, position=position)
    elif kind == "unassign":
        repo.unassign(node_id=nodes[args[0]], department_id=depts[args[1]])
    elif kind == "move":
        repo.move_assignment(node_id=nodes[args[0]], department_id=depts[args[1]], new_position=args[2])
    elif kind == "set_role":
        repo.set_role(node_id=nodes[args[0]], department_id=depts[args[1]], role=args[2])
    elif kind == "set":
        repo.set_assignments(node_id=nodes[args[0]], entries=[(depts[d], r) for d, r in args[1]])
    elif kind == "undo":
        previous = history[nodes[args[0]]]
        if len(previous) >= 2:
            entries = [(a.department_id, a.role) for a in previous[-2]]
            repo.set_assignments(node_id=nodes[args[0]], entries=entries, action="undo")
    elif kind == "retire":
        department_id = depts[args[0]]
        record = repo.department(department_id)
        assert record is not None
        if record.retired:
            repo.restore_department(department_id=department_id)
        else:
            repo.retire_department(department_id=department_id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=40))
def test_replay_of_assignment_events_equals_state(operations: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "departments.json"
        registry.write_text(json.dumps({"departments": REGISTRY}, ensure_ascii=False), encoding="utf-8")
        db = open_workspace(Path(tmp) / "w.sqlite", registry=registry)
        try:
            repo = Repository(db, Reviewer("测试员"))
            plan_id = repo.import_plan(make_plan(chapters=1, sections=1, clauses=NODES)).plan_id
            clauses = "SELECT id FROM nodes WHERE kind = 'clause' AND key LIKE 'ch%' ORDER BY seq"
            nodes = [row[0] for row in db.execute(clauses)]
            depts = [d.db_id for d in sorted(repo.departments(include_retired=True), key=lambda d: d.position)]
            history: dict[int, list] = {n: [[]] for n in nodes}
            for op in operations:
                count = repo.event_count()
                try:
                    _apply(repo, op, nodes, depts, history)
                except StoreError:
                    assert repo.event_count() == count  # refused: nothing written
                for n in nodes:
                    items = repo.assignments(n)
                    assert [a.position for a in items] == list(range(len(items)))
                    roles = [a.role for a in items]
                    assert roles == sorted(roles, key=lambda r: r != "lead") and (not roles or roles[0] == "lead")
                    if items != history[n][-1]:
                        history[n].append(items)

            plan_sha = repo.plan(plan_id).sha256  # type: ignore[union-attr]
            replayed: dict[str, list] = {}
            for event in repo.events(plan_sha256=plan_sha, subject="assignments"):
                assert event.before == replayed.get(event.node_key, [])  # each event starts where the last ended
                replayed[event.node_key] = event.after
            for n in nodes:
                key = repo.node(n).key  # type: ignore[union-attr]
                state = [{"department": a.department_uid, "name": a.name, "role": a.role} for a in repo.assignments(n)]
                assert replayed.get(key, []) == state
            assert verify_chain(db).ok
        finally:
            db.close()
