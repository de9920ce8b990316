"""`workbench tree`'s outline by SQL: the same lines as the outline of the loaded tree, through its index."""

from __future__ import annotations

from workbench import paths
from workbench.core.importing import import_file
from workbench.core.tree_export import format_outline, outline_lines
from workbench.storage.reading.outline import plan_outline


def _lines(db, plan_id: int) -> list[str]:
    o = plan_outline(db, plan_id)
    return format_outline(o.title, o.source_name, o.sha256, o.counts, o.indicators, o.headings, o.has_parts)


def test_outline_by_sql_matches_the_loaded_tree(repo, tmp_path):
    seed_id = repo.import_plan(import_file(paths.SEED_PLAN)).plan_id
    text = "某区发展规划纲要\n\n第一篇 总体要求\n\n第一章 发展基础\n\n第一节 成就\n\n港口建设取得进展。航运能力提升。\n\n" \
           "第二节 形势\n\n面临新的机遇。\n\n第二篇 主要任务\n\n第二章 创新驱动\n\n加快科技创新。\n\n专栏1 重点工程\n\n（一）实验室建设。\n"
    source = tmp_path / "parts.txt"
    source.write_text(text, encoding="utf-8")
    parts_id = repo.import_plan(import_file(source)).plan_id
    for plan_id in (seed_id, parts_id):
        expected = outline_lines(repo.load_plan(plan_id))
        assert _lines(repo.db, plan_id) == expected
        assert len(expected) > 3
    assert plan_outline(repo.db, parts_id).has_parts
    assert not plan_outline(repo.db, seed_id).has_parts


def test_outline_counts_come_from_the_plan_kind_index(repo):
    repo.import_plan(import_file(paths.SEED_PLAN))
    plan = [r[3] for r in repo.db.execute(
        "EXPLAIN QUERY PLAN SELECT id, parent_id, kind FROM nodes WHERE plan_id = 1 AND kind IN ('clause', 'box')")]
    assert any("COVERING INDEX nodes_plan_kind" in step for step in plan), plan


def test_outline_headings_are_read_through_the_plan_kind_index(repo):
    from workbench.storage.reading.outline import HEADINGS, HEADINGS_SQL

    repo.import_plan(import_file(paths.SEED_PLAN))
    plan = [r[3] for r in repo.db.execute("EXPLAIN QUERY PLAN " + HEADINGS_SQL, [1, *HEADINGS])]
    assert any("INDEX nodes_plan_kind" in step for step in plan), plan  # not every node through nodes_plan_seq


def test_counts_below_headings_pass_through_clauses_and_boxes(repo):
    """A clause holding clauses and a box holding clauses count toward the section and chapter above them."""
    from workbench.core.plan import Plan, PlanNode

    root = PlanNode(kind="plan", key="plan", title="某规划")
    chapter = root.add(PlanNode(kind="chapter", key="ch01", label="第一章", title="总体", number=1))
    section = chapter.add(PlanNode(kind="section", key="ch01/s01", label="第一节", title="任务", number=1))
    outer = section.add(PlanNode(kind="clause", key="ch01/s01/p01", title="", text="总的要求。"))
    outer.add(PlanNode(kind="clause", key="ch01/s01/p01/a", title="", text="其一。"))
    outer.add(PlanNode(kind="clause", key="ch01/s01/p01/b", title="", text="其二。"))
    box = chapter.add(PlanNode(kind="box", key="ch01/box1", label="专栏1", title="工程"))
    box.add(PlanNode(kind="clause", key="ch01/box1/p01", title="", text="工程一。"))
    plan_id = repo.import_plan(Plan(root=root, title="某规划", source_name="x.txt", sha256="ab" * 32)).plan_id
    assert _lines(repo.db, plan_id) == outline_lines(repo.load_plan(plan_id))
    headings = {display: inner for _, display, inner in plan_outline(repo.db, plan_id).headings}
    assert headings["第一节 任务"]["clause"] == 3
    assert headings["第一章 总体"]["clause"] == 4 and headings["第一章 总体"]["box"] == 1
