"""Assignments keep the lead-first order; departments keep their assignments."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.storage.errors import StoreError
from workbench.storage.state.records import Changes
from workbench.storage.repository import Repository


@pytest.fixture
def node(clause_ids: list[int]) -> int:
    return clause_ids[0]


def _list(repo: Repository, node: int) -> list[tuple[str, str]]:
    return [(a.name, a.role) for a in repo.assignments(node)]


def _check_invariant(repo: Repository, node: int) -> None:
    items = repo.assignments(node)
    assert [a.position for a in items] == list(range(len(items)))
    roles = [a.role for a in items]
    assert roles == sorted(roles, key=lambda r: r != "lead")
    assert not items or roles[0] == "lead"


def test_first_unit_leads_and_leads_come_first(repo: Repository, node: int, dept: dict[str, int]) -> None:
    repo.assign(node_id=node, department_id=dept["市科技局"], role="support")
    assert _list(repo, node) == [("市科技局", "lead")]  # the first unit leads
    repo.assign(node_id=node, department_id=dept["市财政局"], role="support")
    repo.assign(node_id=node, department_id=dept["市发展改革委"], role="lead")
    assert _list(repo, node) == [("市科技局", "lead"), ("市发展改革委", "lead"), ("市财政局", "support")]
    repo.assign(node_id=node, department_id=dept["市委宣传部"], role="lead", position=0)
    repo.assign(node_id=node, department_id=dept["天津海关"], role="support", position=0)  # clamped into supports
    assert _list(repo, node) == [("市委宣传部", "lead"), ("市科技局", "lead"), ("市发展改革委", "lead"),
                                 ("天津海关", "support"), ("市财政局", "support")]  # fmt: skip
    _check_invariant(repo, node)


def test_assigning_again_changes_role_or_nothing(repo: Repository, node: int, dept: dict[str, int]) -> None:
    repo.assign(node_id=node, department_id=dept["市发展改革委"])
    repo.assign(node_id=node, department_id=dept["市科技局"], role="support")
    assert repo.assign(node_id=node, department_id=dept["市科技局"], role="support") == Changes.none()
    repo.assign(node_id=node, department_id=dept["市科技局"], role="lead")
    assert _list(repo, node) == [("市发展改革委", "lead"), ("市科技局", "lead")]


def test_move_role_follows_the_drop_position(repo: Repository, node: int, dept: dict[str, int]) -> None:
    a, b, c, d = (dept[n] for n in ("市发展改革委", "市科技局", "市财政局", "市委宣传部"))
    repo.set_assignments(node_id=node, entries=[(a, "lead"), (b, "lead"), (c, "support"), (d, "support")])
    repo.move_assignment(node_id=node, department_id=d, new_position=1)  # among the leads -> lead
    assert _list(repo, node) == [("市发展改革委", "lead"), ("市委宣传部", "lead"), ("市科技局", "lead"),
                                 ("市财政局", "support")]  # fmt: skip
    repo.move_assignment(node_id=node, department_id=a, new_position=3)  # among the supports -> support
    assert _list(repo, node)[-1] == ("市发展改革委", "support")
    repo.move_assignment(node_id=node, department_id=c, new_position=0)  # to the top -> lead
    assert _list(repo, node)[0] == ("市财政局", "lead")
    _check_invariant(repo, node)


def test_the_only_lead_moved_down_or_removed_lets_the_next_unit_lead(
    repo: Repository, node: int, dept: dict[str, int]
) -> None:
    a, b, c = (dept[n] for n in ("市发展改革委", "市科技局", "市财政局"))
    repo.set_assignments(node_id=node, entries=[(a, "lead"), (b, "support"), (c, "support")])
    repo.move_assignment(node_id=node, department_id=a, new_position=2)
    assert _list(repo, node) == [("市科技局", "lead"), ("市财政局", "support"), ("市发展改革委", "support")]
    repo.unassign(node_id=node, department_id=b)
    assert _list(repo, node) == [("市财政局", "lead"), ("市发展改革委", "support")]


def test_set_role(repo: Repository, node: int, dept: dict[str, int]) -> None:
    a, b, c = (dept[n] for n in ("市发展改革委", "市科技局", "市财政局"))
    repo.set_assignments(node_id=node, entries=[(a, "lead"), (b, "support"), (c, "support")])
    repo.set_role(node_id=node, department_id=c, role="lead")  # becomes the last lead
    assert _list(repo, node) == [("市发展改革委", "lead"), ("市财政局", "lead"), ("市科技局", "support")]
    repo.set_role(node_id=node, department_id=a, role="support")  # becomes the first support
    assert _list(repo, node) == [("市财政局", "lead"), ("市发展改革委", "support"), ("市科技局", "support")]
    repo.set_role(node_id=node, department_id=c, role="support")  # the only lead: the next in line leads
    assert _list(repo, node) == [("市发展改革委", "lead"), ("市财政局", "support"), ("市科技局", "support")]


def test_set_assignments_normalises_and_replaces(repo: Repository, node: int, dept: dict[str, int]) -> None:
    a, b, c = (dept[n] for n in ("市发展改革委", "市科技局", "市财政局"))
    repo.set_assignments(node_id=node, entries=[(a, "support"), (b, "lead"), (c, "support")])
    assert _list(repo, node) == [("市科技局", "lead"), ("市发展改革委", "support"), ("市财政局", "support")]
    repo.set_assignments(node_id=node, entries=[])
    assert _list(repo, node) == []


def test_assignments_for_plan(repo: Repository, plan_id: int, clause_ids: list[int], dept: dict[str, int]) -> None:
    repo.assign(node_id=clause_ids[0], department_id=dept["市财政局"])
    repo.assign(node_id=clause_ids[2], department_id=dept["市科技局"])
    repo.assign(node_id=clause_ids[2], department_id=dept["市财政局"], role="support")
    by_node = repo.assignments_for_plan(plan_id)
    assert set(by_node) == {clause_ids[0], clause_ids[2]}
    assert by_node[clause_ids[2]] == repo.assignments(clause_ids[2])


def test_rename_keeps_assignments_and_adds_the_old_name_as_alias(
    repo: Repository, node: int, dept: dict[str, int]
) -> None:
    repo.assign(node_id=node, department_id=dept["市科技局"])
    changes = repo.rename_department(department_id=dept["市科技局"], new_name="市科学技术局", reason="机构改革")
    assert changes.node_ids == {node} and changes.department_ids == {dept["市科技局"]}
    assert _list(repo, node) == [("市科学技术局", "lead")]
    renamed = repo.department(dept["市科技局"])
    assert renamed is not None and renamed.aliases == ["市科委", "市科技局"]
    assert repo.find_department("市科技局") == renamed == repo.find_department("市科学技术局")
    event = repo.events(limit=1)[0]
    assert (event.action, event.before["name"], event.after["name"], event.reason) == (
        "department_rename", "市科技局", "市科学技术局", "机构改革")  # fmt: skip
    assert event.before["uid"] == event.after["uid"] == event.department_uid
    repo.rename_department(department_id=dept["市科技局"], new_name="市科技局")  # renaming back
    assert repo.department(dept["市科技局"]).aliases == ["市科委", "市科学技术局"]  # type: ignore[union-attr]


def test_retire_keeps_assignments_but_refuses_new_ones(
    repo: Repository, clause_ids: list[int], dept: dict[str, int]
) -> None:
    a, b = clause_ids[:2]
    repo.assign(node_id=a, department_id=dept["市财政局"])
    repo.retire_department(department_id=dept["市财政局"])
    assert repo.assignments(a)[0].retired
    assert "市财政局" not in [d.name for d in repo.departments()]
    assert "市财政局" in [d.name for d in repo.departments(include_retired=True)]
    repo.assign(node_id=a, department_id=dept["市科技局"])  # the retired one can still be moved or re-roled
    repo.move_assignment(node_id=a, department_id=dept["市财政局"], new_position=1)
    with pytest.raises(StoreError, match="retired"):
        repo.assign(node_id=b, department_id=dept["市财政局"])
    with pytest.raises(StoreError, match="retired"):
        repo.set_assignments(node_id=b, entries=[(dept["市财政局"], "lead")])
    repo.set_assignments(node_id=b, entries=[(dept["市财政局"], "lead")], action="undo")  # history restored
    repo.restore_department(department_id=dept["市财政局"])
    assert "市财政局" in [d.name for d in repo.departments()]


def test_departments_in_official_order(repo: Repository) -> None:
    repo.add_department(name="天津港集团", full_name="天津港（集团）有限公司", kind="enterprise")
    repo.add_department(name="市数据局", kind="government_department")
    names = [d.name for d in repo.departments()]
    assert names == ["市委宣传部", "市发展改革委", "市科技局", "市财政局", "市数据局", "天津海关", "滨海新区人民政府",
                     "天津港集团"]  # fmt: skip
    added = repo.find_department("市数据局")
    assert added is not None and added.full_name == "市数据局" and added.db_id is not None
    assert not repo.department_uid(added.db_id).startswith("reg-")
    assert repo.find_department("市发改委").name == "市发展改革委"  # type: ignore[union-attr]
    assert repo.find_department("发改") is None and repo.find_department("") is None


def _bad_inputs(node: int, root: int, dept: dict[str, int], ind: int) -> dict[str, Callable[[Repository], object]]:
    a = dept["市发展改革委"]
    return {
        "unknown node": lambda r: r.assign(node_id=10**9, department_id=a),
        "unknown department": lambda r: r.assign(node_id=node, department_id=10**9),
        "bad role": lambda r: r.assign(node_id=node, department_id=a, role="chief"),
        "bad position": lambda r: r.assign(node_id=node, department_id=dept["市财政局"], position=7),
        "move unassigned": lambda r: r.move_assignment(node_id=node, department_id=dept["市财政局"], new_position=0),
        "move out of range": lambda r: r.move_assignment(node_id=node, department_id=a, new_position=5),
        "role of unassigned": lambda r: r.set_role(node_id=node, department_id=dept["市财政局"], role="lead"),
        "only unit to support": lambda r: r.set_role(node_id=node, department_id=a, role="support"),
        "duplicate entries": lambda r: r.set_assignments(node_id=node, entries=[(a, "lead"), (a, "support")]),
        "unknown entry": lambda r: r.set_assignments(node_id=node, entries=[(a, "lead"), (10**9, "support")]),
        "bad action": lambda r: r.set_assignments(node_id=node, entries=[], action="delete"),
        "empty name": lambda r: r.add_department(name="  ", kind="other"),
        "bad kind": lambda r: r.add_department(name="市新局", kind="ministry"),
        "name taken": lambda r: r.add_department(name="市财政局", kind="other"),
        "name is an alias": lambda r: r.add_department(name="市发改委", kind="other"),
        "alias is a name": lambda r: r.add_department(name="市新局", kind="other", aliases=["市财政局"]),
        "alias is another's alias": lambda r: r.add_department(name="区发改委", kind="other", aliases=["市发改委"]),
        "rename to taken": lambda r: r.rename_department(department_id=a, new_name="市科委"),
        "rename to empty": lambda r: r.rename_department(department_id=a, new_name=""),
        "retire unknown": lambda r: r.retire_department(department_id=10**9),
        "unknown indicator": lambda r: r.link_indicator(node_id=node, indicator_id=10**9),
        "duplicate links": lambda r: r.set_indicator_links(node_id=node, indicator_ids=[ind, ind]),
        "bad status": lambda r: r.set_review_status(node_id=node, status="done"),
        "bad timing": lambda r: r.set_timing(node_id=node, timing="next year"),
        "bad year": lambda r: r.set_timing(node_id=node, timing="1999"),
        "note on unknown node": lambda r: r.set_note(node_id=10**9, text="x"),
        "tag the plan itself": lambda r: r.assign(node_id=root, department_id=a),
        "link the plan itself": lambda r: r.link_indicator(node_id=root, indicator_id=ind),
    }


def test_bad_input_raises_store_error_and_writes_nothing(
    repo: Repository, plan_id: int, node: int, dept: dict[str, int]
) -> None:
    ind = repo.indicators(plan_id)[0].id
    repo.assign(node_id=node, department_id=dept["市发展改革委"])
    dump = "\n".join(repo.db.conn.iterdump())
    root = repo.db.execute("SELECT id FROM nodes WHERE plan_id = ? AND parent_id IS NULL", [plan_id]).fetchone()[0]
    for name, write in _bad_inputs(node, root, dept, ind).items():
        with pytest.raises(StoreError) as info:
            write(repo)
        assert str(info.value), name
        assert "\n".join(repo.db.conn.iterdump()) == dump, name


def test_links_reject_an_indicator_of_another_plan(repo: Repository, plan_id: int, node: int) -> None:
    from .conftest import make_plan

    other = repo.import_plan(make_plan("其他规划", seed="O")).plan_id
    foreign = repo.indicators(other)[0].id
    with pytest.raises(StoreError, match="another plan"):
        repo.link_indicator(node_id=node, indicator_id=foreign)


def test_notes_status_and_timing(repo: Repository, plan_id: int, node: int) -> None:
    assert repo.note(node) is None and repo.status(node).review_status == "unreviewed"
    repo.set_note(node_id=node, text="待核实")
    note = repo.note(node)
    assert note is not None and note.text == "待核实" and note.updated_at.endswith("+00:00")
    repo.set_timing(node_id=node, timing="2027")
    repo.set_review_status(node_id=node, status="reviewed")
    assert repo.status(node).timing == "2027" and repo.status(node).review_status == "reviewed"
    assert repo.statuses_for_plan(plan_id) == {node: repo.status(node)}
    ids = [r.id for r in repo.indicators(plan_id)]
    repo.set_indicator_links(node_id=node, indicator_ids=[ids[2], ids[0]])
    assert [link.key for link in repo.indicator_links(node)] == ["ind2.1", "ind1"]
    assert repo.links_for_plan(plan_id) == {node: repo.indicator_links(node)}
