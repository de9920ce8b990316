"""The export snapshot reads a pruned tree, yet every workbook is the one the whole plan gives."""

from __future__ import annotations

import zipfile

from workbench.core.export_xlsx import Provenance, export_workbook
from workbench.core.matrix import Filters
from workbench.storage.disputes.conflicts import open_conflict_targets
from workbench.storage.state.export_snapshot import _WANTED_NODES, read_export_snapshot
from workbench.storage.state.snapshot import read_departments, read_snapshot

from .conftest import make_plan


def _node(repo, plan_id: int, key: str) -> int:
    return repo.db.execute("SELECT id FROM nodes WHERE plan_id = ? AND key = ?", [plan_id, key]).fetchone()[0]


def _tagged_workspace(repo, dept) -> int:
    """Two plans; the second tagged on a sentence, clauses, a box item and a chapter, with every kind of state."""
    repo.import_plan(make_plan(seed="其他"))  # another plan's nodes must not leak in
    plan_id = repo.import_plan(make_plan(chapters=3)).plan_id
    node = {key: _node(repo, plan_id, key) for key in
            ("ch01/s01/p01/t02", "ch01/s02/p03", "box01/i01", "ch03", "ch02/s01/p02", "ch02/s02/p01", "preface")}
    repo.assign(node_id=node["ch01/s01/p01/t02"], department_id=dept["市科技局"])
    repo.assign(node_id=node["ch01/s02/p03"], department_id=dept["市发展改革委"])
    repo.assign(node_id=node["ch01/s02/p03"], department_id=dept["滨海新区人民政府"], role="support")
    repo.assign(node_id=node["ch01/s02/p03"], department_id=dept["市财政局"], role="support")
    repo.assign(node_id=node["box01/i01"], department_id=dept["天津海关"])
    repo.assign(node_id=node["ch03"], department_id=dept["市委宣传部"])
    indicators = {r.indicator.key: r.id for r in repo.indicators(plan_id)}
    repo.link_indicator(node_id=node["ch01/s02/p03"], indicator_id=indicators["ind2"])
    repo.link_indicator(node_id=node["ch02/s01/p02"], indicator_id=indicators["ind1"])  # linked, untagged
    repo.set_note(node_id=node["ch01/s02/p03"], text="内部备注")
    repo.set_note(node_id=node["ch02/s02/p01"], text="未分工条目的备注")
    repo.set_remark(node_id=node["ch01/s02/p03"], text="与年度计划统筹推进")
    repo.set_timing(node_id=node["ch01/s01/p01/t02"], timing="2027")
    repo.set_review_status(node_id=node["preface"], status="question")  # a status on an untagged node
    return plan_id


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:  # docProps/core.xml holds the time the book was written
        return {name: z.read(name) for name in z.namelist() if name != "docProps/core.xml"}


def test_the_pruned_snapshot_exports_the_same_workbooks(repo, dept, tmp_path):
    plan_id = _tagged_workspace(repo, dept)
    departments, disputed = read_departments(repo.db), open_conflict_targets(repo.db)
    full = read_snapshot(repo.db, repo.load_plan(plan_id), departments=departments, disputed_targets=disputed)
    pruned = read_export_snapshot(repo, plan_id, departments=departments, disputed_targets=disputed)
    for name in ("tags", "indicator_links", "notes", "timing", "status", "remarks", "disputed", "departments"):
        assert getattr(pruned, name) == getattr(full, name), name
    assert pruned.plan.indicators == full.plan.indicators and pruned.plan.title == full.plan.title

    # the tree: the headings and the nodes with state, each under the same ancestors, in document order
    whole = {n.key: n for n in full.plan.nodes()}
    kept = list(pruned.plan.nodes())
    keys = [n.key for n in kept]
    assert keys == [k for k in whole if k in set(keys)]
    for node in kept:
        assert [a.key for a in node.ancestors()] == [a.key for a in whole[node.key].ancestors()]
        assert (node.kind, node.label, node.title, node.text) == (whole[node.key].kind, whole[node.key].label,
                                                                  whole[node.key].title, whole[node.key].text)
    assert {"ch01/s01/p01/t02", "ch01/s01/p01", "ch02/s01/p02", "box01", "box01/i01", "ch03"} <= set(keys)
    assert {k for k, n in whole.items() if n.kind in ("chapter", "section")} <= set(keys)
    assert "ch01/s01/p01/t01" not in keys and "ch02/s02/p01" not in keys  # untagged, unlinked: not read
    assert len(kept) < len(whole) / 2

    prov = Provenance(full.plan.title, full.plan.sha256, "ws.sqlite", "2026-01-01T09:00:00+08:00", "张三", 7, "ab")
    for filters in (Filters(), Filters(chapters=frozenset({"ch01", "ch03"}))):
        books = []
        for snapshot, name in ((full, "full.xlsx"), (pruned, "pruned.xlsx")):
            for _ in export_workbook(snapshot, tmp_path / name, prov, filters=filters):
                pass
            books.append(_members(tmp_path / name))
        assert books[0] == books[1]
        assert any("ch01/s02/p03".encode() in body for body in books[0].values())


def test_the_pruned_tree_is_read_through_indexes(repo, dept):
    plan_id = _tagged_workspace(repo, dept)
    steps = [row[3] for row in repo.db.execute("EXPLAIN QUERY PLAN " + _WANTED_NODES, {"plan": plan_id, "ids": "[1, 2]"})]
    assert not any(s.startswith(("SCAN n", "SCAN a", "SCAN l", "SCAN nodes")) for s in steps), steps
    assert any(s.startswith("SEARCH n USING INTEGER PRIMARY KEY") for s in steps), steps
