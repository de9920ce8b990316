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
