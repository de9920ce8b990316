"""Search over the seed plan stored in a real workspace file (real migrations, real import)."""

from __future__ import annotations

import math
import threading
from pathlib import Path

import pytest

from workbench.core import segment
from workbench.core.importing import import_file
from workbench.core.plan import Plan
from workbench.storage import search as search_module
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_readonly, open_workspace
from workbench.storage.repository import Repository
from workbench.storage.search import drop_index, ensure_index, index_exists, index_steps, search

DISTRICT_PLAN = """某区国民经济和社会发展第十五个五年规划纲要

一、发展基础
“十四五”时期，全区经济持续发展。港口货运量稳步增长。

二、重点任务
（一）建设现代港口
推动港口集疏运体系建设，加强港口与腹地联动。建设蓝鲸湾物流园。

（二）深化财政改革
完善区级财政预算管理。优化财政支出结构。

专栏1  重点工程
（一）港口项目。建设港口航运服务中心。
（二）财政项目。建设财政信息平台。"""


@pytest.fixture(scope="module", autouse=True)
def segmenter(tmp_path_factory):
    segment.initialise(cache_dir=tmp_path_factory.mktemp("jieba"))


@pytest.fixture(scope="module")
def seed_ws(tmp_path_factory, seed_path):
    """A workspace file holding the seed plan, indexed."""
    path = tmp_path_factory.mktemp("search") / "workspace.sqlite"
    db = open_workspace(path)
    # a plan of its own: import_plan sets db_id on the nodes of the session's seed_plan otherwise
    plan_id = Repository(db, Reviewer("检索测试")).import_plan(import_file(seed_path)).plan_id
    assert ensure_index(db) == 1
    yield db, plan_id, path
    db.close()


@pytest.fixture
def fresh_ws(tmp_path):
    db = open_workspace(tmp_path / "workspace.sqlite")
    yield db, Repository(db, Reviewer("检索测试"))
    db.close()


@pytest.fixture
def district_plan(tmp_path) -> Plan:
    path = tmp_path / "district.txt"
    path.write_text(DISTRICT_PLAN, encoding="utf-8")
    return import_file(path)


def searchable(plan: Plan):
    """The nodes search answers with: all but sentences."""
    return [n for n in plan.nodes() if n.kind != "sentence"]


def contains(node, word: str) -> bool:
    return word in node.text or word in node.title or word in node.label


@pytest.mark.parametrize("word", ["港口", "财政"])
def test_two_character_words_find_exactly_the_nodes_that_hold_them(seed_ws, seed_plan, word):
    db, plan_id, _ = seed_ws
    hits = search(db, word, plan_id=plan_id, limit=1000)
    expected = {n.key for n in searchable(seed_plan) if contains(n, word)}
    assert {h.key for h in hits} == expected
    clauses = [h for h in hits if h.kind in ("clause", "box_item")]
    assert len(clauses) >= 8
    for hit in clauses:
        assert word in seed_plan.root.find(hit.key).text, hit.key
    assert all(h.exact for h in hits)


def test_one_character_query(seed_ws, seed_plan):
    db, plan_id, _ = seed_ws
    hits = search(db, "港", plan_id=plan_id, limit=1000)
    expected = {n.key for n in searchable(seed_plan) if contains(n, "港")}
    assert len(expected) > 30
    assert {h.key for h in hits} == expected
    assert len(search(db, "港", limit=5)) == 5


def test_hits_are_clauses_never_their_sentences(seed_ws):
    db, plan_id, _ = seed_ws
    hits = search(db, "港口", plan_id=plan_id, limit=1000)
    assert "sentence" not in {h.kind for h in hits}
    with_sentences = [h for h in hits if h.kind in ("clause", "box_item")]
    assert with_sentences
    for hit in with_sentences:
        parent_id, text = db.execute("SELECT parent_id, text FROM nodes WHERE id = ?", [hit.sentence_id]).fetchone()
        assert parent_id == hit.node_id
        assert "港口" in text  # the sentence holding the first match


def test_snippet_and_offsets_mark_every_match(seed_ws, seed_plan):
    db, plan_id, _ = seed_ws
    for hit in search(db, "财政", plan_id=plan_id, limit=1000):
        node = seed_plan.root.find(hit.key)
        field = getattr(node, hit.field)
        assert [field[a:b] for a, b in hit.matches] == ["财政"] * field.count("财政")
        assert hit.highlights, hit.key
        assert all(hit.snippet[a:b] == "财政" for a, b in hit.highlights)
        assert len(hit.snippet) <= search_module.SNIPPET_WIDTH + 2
        assert hit.snippet.strip("…") in field


def test_multi_word_query_is_and(seed_ws, seed_plan):
    db, plan_id, _ = seed_ws
    both = {h.key for h in search(db, "港口  航运", plan_id=plan_id, limit=1000)}
    expected = {n.key for n in searchable(seed_plan) if contains(n, "港口") and contains(n, "航运")}
    assert both == expected
    assert 0 < len(both) < len({h.key for h in search(db, "港口", plan_id=plan_id, limit=1000)})
    assert search(db, "港口 蓝鲸湾", plan_id=plan_id) == []


def test_lead_phrase_ranks_above_a_single_mention(seed_ws, seed_plan):
    db, plan_id, _ = seed_ws
    keys = [h.key for h in search(db, "港口", plan_id=plan_id, limit=1000)]
    lead = seed_plan.root.find("ch09/s01/p02")  # 提升港口智慧绿色服务水平。…
    once = seed_plan.root.find("ch01/s02/p04")  # one mention, deep in a long paragraph
    assert "港口" in lead.title and once.text.count("港口") == 1 and "港口" not in once.title
    assert keys.index("ch09/s01/p02") < keys.index("ch01/s02/p04")
    top_clause = next(h for h in search(db, "港口", plan_id=plan_id) if h.kind == "clause")
    assert "港口" in top_clause.title


def test_heading_that_names_the_phrase_comes_first(seed_ws):
    db, plan_id, _ = seed_ws
    hits = search(db, "协同创新", plan_id=plan_id)
    assert hits[0].key == "ch03/s01"  # 第一节 全面加强协同创新和产业协作
    assert hits[0].field == "title"


def test_words_segmented_differently_are_found(seed_ws, seed_plan):
    db, plan_id, _ = seed_ws
    hits = search(db, "协同创新", plan_id=plan_id, limit=1000)
    flags = [h.exact for h in hits]
    assert flags == sorted(flags, reverse=True)  # the phrase as typed first
    exact = {h.key for h in hits if h.exact}
    assert exact == {n.key for n in searchable(seed_plan) if contains(n, "协同创新")}
    apart = [seed_plan.root.find(h.key) for h in hits if not h.exact]
    assert apart, "no hit holding 协同 and 创新 apart"
    assert all("协同" in n.text and "创新" in n.text and "协同创新" not in n.text for n in apart)
    # a query that cuts across jieba's words is still found as typed
    assert [h.key for h in search(db, "津港向航", plan_id=plan_id)] == ["ch09/s01/p02"]


def test_without_the_segmenter_search_still_finds_the_phrase(seed_ws, monkeypatch):
    db, plan_id, _ = seed_ws
    monkeypatch.setattr(segment, "is_ready", lambda: False)
    monkeypatch.setattr(segment, "query_tokens", lambda q: pytest.fail("search waited for jieba"))
    hits = search(db, "协同创新", plan_id=plan_id, limit=1000)
    assert hits and all(h.exact for h in hits)


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "，。", "“”"])
def test_empty_queries_return_nothing(seed_ws, query):
    db, _, _ = seed_ws
    assert search(db, query) == []


def test_latin_is_matched_without_case(seed_ws):
    db, plan_id, _ = seed_ws
    upper = [h.key for h in search(db, "AI", plan_id=plan_id)]
    assert upper and upper == [h.key for h in search(db, "ai", plan_id=plan_id)]


def test_second_plan_is_indexed_and_both_plans_are_searched(fresh_ws, seed_path, district_plan):
    db, repo = fresh_ws
    seed_id = repo.import_plan(import_file(seed_path)).plan_id
    assert ensure_index(db) == 1
    district_id = repo.import_plan(district_plan).plan_id
    assert search(db, "蓝鲸湾") == []  # not indexed yet
    progress: list[tuple[int, int, str]] = []
    assert ensure_index(db, lambda *p: progress.append(p)) == 1  # only the new plan
    assert progress == [(0, 1, "某区国民经济和社会发展第十五个五年规划纲要"), (1, 1, "")]
    assert [(h.plan_id, h.key) for h in search(db, "蓝鲸湾")] == [(district_id, "ch02/s01/p01")]
    hits = search(db, "港口", limit=1000)
    assert {h.plan_id for h in hits} == {seed_id, district_id}
    assert {h.plan_id for h in search(db, "港口", plan_id=district_id, limit=1000)} == {district_id}
    district = {h.key for h in hits if h.plan_id == district_id}
    assert district == {n.key for n in searchable(district_plan) if contains(n, "港口")}
    assert ensure_index(db) == 0


def test_changed_text_and_removed_plans_are_reindexed(fresh_ws, district_plan):
    db, repo = fresh_ws
    plan_id = repo.import_plan(district_plan).plan_id
    ensure_index(db)
    with db.atomic():
        db.execute("UPDATE nodes SET text = text || '新建白鹭洲公园。' WHERE plan_id = ? AND key = 'ch02/s02/p01'", [plan_id])
    assert search(db, "白鹭洲") == []
    assert ensure_index(db) == 1
    assert [h.key for h in search(db, "白鹭洲")] == ["ch02/s02/p01"]
    with db.atomic():
        db.execute("DELETE FROM nodes WHERE plan_id = ?", [plan_id])
    assert ensure_index(db) == 0
    assert search(db, "港口") == []
    assert db.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '港口'").fetchone()[0] == 0


def test_dropped_index_is_rebuilt(fresh_ws, district_plan):
    db, repo = fresh_ws
    repo.import_plan(district_plan)
    ensure_index(db)
    drop_index(db)
    assert not index_exists(db)
    assert search(db, "港口") == []
    assert ensure_index(db) == 1
    assert search(db, "港口")


def test_index_persists_and_serves_a_read_only_connection(seed_ws):
    _, plan_id, path = seed_ws
    reopened = open_workspace(Path(path))
    try:
        assert ensure_index(reopened) == 0
    finally:
        reopened.close()
    reader = open_readonly(Path(path))
    try:
        assert [h.key for h in search(reader, "财政", plan_id=plan_id)][:2] == ["ch08/s02/p01", "ch17/s03/p01"]
    finally:
        reader.close()


COUNTY_PLAN = """某县国民经济和社会发展第十五个五年规划纲要

一、重点任务
（一）交通
完善港口设施。加快推进道路建设，提升交通服务水平，优化公共交通线路布局，推动城乡客运一体化发展。
加快推进道路建设。提升交通服务水平，优化公共交通线路布局，推动港口与城乡客运一体化高质量发展。
加快推进道路建设。提升交通服务水平，推动港口建设，优化公共交通线路布局，推动港口与城乡客运发展。

（二）科技
协同推进科技创新。协同机制更加完善，创新能力持续提升。
加快推进产业建设。提升服务水平，优化布局，推动城乡一体化发展，促进区域协同创新，完善配套政策，强化要素保障，推动高质量发展取得新成效。健全工作机制，加强督促检查，压实各方责任，确保各项任务落地见效，形成上下联动、齐抓共管的工作格局。"""


@pytest.fixture
def county_ws(fresh_ws, tmp_path):
    db, repo = fresh_ws
    path = tmp_path / "county.txt"
    path.write_text(COUNTY_PLAN, encoding="utf-8")
    plan = import_file(path)
    repo.import_plan(plan)
    ensure_index(db)
    return db, plan


def test_a_word_in_the_lead_phrase_outranks_body_mentions(county_ws):
    db, plan = county_ws
    clauses = [n.title for n in plan.nodes() if n.kind == "clause"]
    assert clauses[:3] == ["完善港口设施", "加快推进道路建设", "加快推进道路建设"]
    # p01: once, in its lead phrase; p03: twice in the body; p02: once in the body
    assert [h.key for h in search(db, "港口")] == ["ch01/s01/p01", "ch01/s01/p03", "ch01/s01/p02"]


def test_the_phrase_as_typed_outranks_its_words_apart(county_ws):
    db, _ = county_ws
    hits = search(db, "协同创新")
    # s02/p01 holds 协同 and 创新 apart, in a short lead phrase; s02/p02 holds 协同创新 once in a long body
    assert [(h.key, h.exact) for h in hits] == [("ch01/s02/p02", True), ("ch01/s02/p01", False)]


def test_labels_and_titles_outside_the_text_are_searched(seed_ws):
    db, plan_id, _ = seed_ws
    assert [h.key for h in search(db, "专栏13", plan_id=plan_id)] == ["box13"]
    assert "preface" in [h.key for h in search(db, "前言", plan_id=plan_id)]


def test_cancelling_between_plans_leaves_a_consistent_index(fresh_ws, seed_path, district_plan):
    db, repo = fresh_ws
    seed_id = repo.import_plan(import_file(seed_path)).plan_id
    district_id = repo.import_plan(district_plan).plan_id
    steps = index_steps(db)
    assert next(steps)[:2] == (0, 2)
    assert next(steps)[:2] == (1, 2)  # the first plan is written
    steps.close()  # cancel
    assert {h.plan_id for h in search(db, "港口", limit=1000)} == {seed_id}
    assert ensure_index(db) == 1
    assert {h.plan_id for h in search(db, "港口", limit=1000)} == {seed_id, district_id}


def test_a_worker_thread_builds_the_index_with_its_own_connection(fresh_ws, district_plan):
    db, repo = fresh_ws
    repo.import_plan(district_plan)
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    errors: list[BaseException] = []

    def work() -> None:
        worker_db = open_workspace(path)
        try:
            ensure_index(worker_db)
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread
            errors.append(exc)
        finally:
            worker_db.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=60)
    assert not errors and not thread.is_alive()
    assert [h.key for h in search(db, "蓝鲸湾")] == ["ch02/s01/p01"]


def test_search_and_its_freshness_check_use_their_indexes(seed_ws):
    """EXPLAIN QUERY PLAN: candidates come from the trigram / one-character FTS tables, never a scan of search_docs."""
    from workbench.storage.search import _ranking_sql
    from workbench.storage.search.index import _plan_fingerprints

    db, plan_id, _ = seed_ws
    for words in (["港"], ["财政"], ["协同创新"], ["港口", "航运"]):
        sql, args, _tokens = _ranking_sql(words, plan_id, False, 100, 10.0, 50)
        db.conn.create_function("wb_ln", 1, math.log, deterministic=True)
        plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, args)]
        assert any("VIRTUAL TABLE INDEX" in step for step in plan), plan
        scans = [step for step in plan if step.startswith("SCAN") and "VIRTUAL TABLE" not in step]
        assert not any("search_docs" in step or step == "SCAN d" for step in scans), plan
    plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN SELECT p.id FROM plans p WHERE EXISTS "
                                         "(SELECT 1 FROM nodes n WHERE n.plan_id = p.id)")]
    assert not any(step.startswith("SCAN n") for step in plan), plan
    assert _plan_fingerprints(db, "d")


def _reference_ranking(db, query: str, plan_id: int | None) -> list[tuple[int, float]]:
    """The ranking written plainly in Python over every document (what search did before its SQL):
    substring matches, BM25 over the typed terms, jieba-token matches damped by TOKEN_FACTOR."""
    sm = search_module
    words = sm.terms(query)
    scope = [] if plan_id is None else [plan_id]
    where = "" if plan_id is None else " WHERE plan_id = ?"
    n_docs, n_chars = db.execute("SELECT sum(docs), sum(chars) FROM search_state" + where, scope).fetchone()
    avg = max(n_chars / n_docs, 1.0)
    docs = {r[0]: r[1:] for r in db.execute("SELECT node_id, head, body FROM search_docs" + where, scope)}
    latin = any(sm._has_latin(w) for w in words)
    fold = (lambda t: sm._fold(t)) if latin else (lambda t: t)
    exact = [{n for n, (h, b) in docs.items() if w in fold(h) or w in fold(b)} for w in words]
    tokens = []
    for w in words:
        toks = sm._fts_tokens(w)
        match = " AND ".join(f'"{t}"' for t in toks)
        rows = db.execute("SELECT rowid & 4294967295, -bm25(search_fts, 4.0, 1.0) FROM search_fts WHERE search_fts MATCH ?",
                          [match]).fetchall() if toks else []
        tokens.append({n: sc for n, sc in rows if n in docs})
    ranked = []
    for n in set.intersection(*(e | set(t) for e, t in zip(exact, tokens))):
        head, body = fold(docs[n][0]), fold(docs[n][1])
        n_exact, score = 0, 0.0
        for w, e, t in zip(words, exact, tokens):
            if n in e:
                n_exact += 1
                tf = sm.HEAD_WEIGHT * head.count(w) + body.count(w)
                idf = math.log(1.0 + (n_docs - len(e) + 0.5) / (len(e) + 0.5))
                score += idf * tf * (sm.K1 + 1) / (tf + sm.K1 * (1 - sm.B + sm.B * len(body) / avg))
            else:
                score += sm.TOKEN_FACTOR * t[n]
        ranked.append((-n_exact, -score, n))
    return [(n, round(-s, 6)) for _, s, n in sorted(ranked)]


@pytest.mark.parametrize("query", ["港", "税", "财政", "AI", "京津冀", "协同创新", "港口 航运", "人工智能+", "发", "专栏13",
                                   "绿色 低碳 转型", "2030"])
def test_indexed_search_ranks_exactly_as_the_plain_python_ranking(seed_ws, query):
    db, plan_id, _ = seed_ws
    for scope in (None, plan_id):
        expected = _reference_ranking(db, query, scope)[:60]
        assert expected, query
        assert [(h.node_id, h.score) for h in search(db, query, plan_id=scope, limit=60)] == expected
