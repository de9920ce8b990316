"""Search's bounded ranking for common words, the length-ordered document keys and the upgrade of older indexes.

Real workspace files, real import, real FTS5 tables; CAP is lowered so that a
plan of a dozen clauses shows what a city's hundred plans do with 港 or 教育.
"""

from __future__ import annotations

import math

import pytest

from workbench.core import segment
from workbench.core.importing import import_file
from workbench.storage import search as search_module
from workbench.storage.search import index as search_index
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository
from workbench.storage.search import ensure_index, scan_sql, search

# A heading naming 港口, short clauses mentioning it once, and one long clause repeating it.
PORT_PLAN = """某港区国民经济和社会发展第十五个五年规划纲要

一、重点任务
（一）港口建设
推动港口发展。
完善港口设施，提升服务水平。
加强港口与腹地联动，优化集疏运体系，提升通关效率。
深化港口管理体制改革，推动港口资源整合，完善港口规划体系，提升港口综合服务能力，建设港口物流园区，发展港口金融服务，促进港口产城融合，打造现代港口城市，推进港口绿色低碳转型，加快智慧港口建设。
稳步推进口岸开放，拓展港口航线网络，培育航运服务市场主体，提高航运要素集聚水平。
推进港口周边道路改造，完善停车设施布局，提高城市道路通行能力，改善居民出行条件。
建设财政信息平台，港口项目资金纳入统一管理。
建设世界一流港口。加快推进航道疏浚工程，完善集装箱码头布局，提升自动化装卸水平，培育国际中转业务，扩大冷链物流规模，增强综合交通枢纽功能，推动多式联运高质量发展，优化营商环境。
财，政两字之间有标点。

二、保障措施
（一）组织实施
加强组织领导，压实工作责任。"""


@pytest.fixture(scope="module", autouse=True)
def segmenter(tmp_path_factory):
    segment.initialise(cache_dir=tmp_path_factory.mktemp("jieba"))


@pytest.fixture
def port_ws(tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(PORT_PLAN, encoding="utf-8")
    db = open_workspace(tmp_path / "workspace.sqlite")
    plan = import_file(path)
    Repository(db, Reviewer("检索测试")).import_plan(plan)
    ensure_index(db)
    yield db, plan
    db.close()


def holding(db, word: str) -> list[tuple[int, int, bool]]:
    """(node id, body length, word in head) of every document holding `word`, shortest first."""
    rows = db.execute("SELECT node_id, length(body), instr(head, ?) > 0 FROM search_docs "
                      "WHERE instr(body, ?) > 0 OR instr(head, ?) > 0 ORDER BY length(body), node_id",
                      [word, word, word]).fetchall()  # fmt: skip
    return [(n, length, bool(head)) for n, length, head in rows]


def test_the_indexes_list_documents_shortest_first(port_ws):
    db, _ = port_ws
    for table in ("search_tri", "search_uni", "search_fts"):
        rowids = [r[0] for r in db.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
        lengths = [db.execute("SELECT length(body) FROM search_docs WHERE doc_id = ?", [r]).fetchone()[0] for r in rowids]
        assert lengths == sorted(lengths), table
        assert all(search_index.node_of(r) == db.execute("SELECT node_id FROM search_docs WHERE doc_id = ?", [r])
                   .fetchone()[0] for r in rowids)  # fmt: skip


def test_a_common_word_is_ranked_among_its_shortest_and_head_matches(port_ws, monkeypatch):
    db, _ = port_ws
    docs = holding(db, "港口")
    long_clause = db.execute("SELECT node_id FROM search_docs WHERE body LIKE '%港口%港口%港口%'").fetchone()[0]
    assert len(docs) == 9
    full = [h.node_id for h in search(db, "港口", limit=100)]
    once = [n for n, _, head in docs if not head and n != long_clause]
    assert full.index(long_clause) < full.index(once[0])  # repeating the word wins while every match is ranked
    monkeypatch.setattr(search_module, "CAP", 4)
    bounded = search(db, "港口", limit=4)
    shortest = {n for n, _, _ in docs[:4]}
    shortest_heads = [n for n, _, head in docs if head][:4]
    assert shortest_heads and not set(shortest_heads) <= shortest
    assert {h.node_id for h in bounded} <= shortest | set(shortest_heads)
    assert set(shortest_heads) - shortest <= {h.node_id for h in bounded}  # a lead phrase naming the word is ranked
    assert long_clause not in {h.node_id for h in bounded}
    scores = {h.node_id: h.score for h in search(db, "港口", limit=100)}
    assert [h.score for h in bounded] == [scores[h.node_id] for h in bounded]  # the same BM25, fewer candidates
    assert [h.score for h in bounded] == sorted((h.score for h in bounded), reverse=True)
    assert all(h.exact and "港口" in h.snippet for h in bounded)


def test_under_the_cap_the_bounded_path_ranks_exactly_as_the_full_statement(port_ws, monkeypatch):
    db, _ = port_ws
    monkeypatch.setattr(search_module, "CAP", 12)  # fewer documents than the plan, more than hold 港口
    bounded = []
    real = search_module._bounded_top
    monkeypatch.setattr(search_module, "_bounded_top", lambda *a: bounded.append(real(*a)) or bounded[-1])
    words = ["港口"]
    n_docs, n_chars = db.execute("SELECT sum(docs), sum(chars) FROM search_state").fetchone()
    db.conn.create_function("wb_ln", 1, math.log, deterministic=True)
    sql, args, _ = search_module._ranking_sql(words, None, False, n_docs, max(n_chars / n_docs, 1.0), 5)
    full = [(r[1], round(r[3], 6)) for r in db.execute(sql, args)]
    assert [(h.node_id, h.score) for h in search(db, "港口", limit=5)] == full
    assert bounded and bounded[-1] is not None  # answered by the bounded path


def test_two_characters_split_by_punctuation_are_not_a_match(port_ws):
    db, _ = port_ws
    assert search_module._index_is_exact("财政")  # the index answers alone: no instr() confirmation
    hits = search(db, "财政", limit=50)
    assert [h.snippet for h in hits] == ["建设财政信息平台，港口项目资金纳入统一管理。"]
    assert [h.snippet for h in search(db, "财", limit=50)] != []
    assert not search_module._index_is_exact("A+")


def test_bounded_scans_are_served_by_the_index_in_its_order(port_ws):
    """EXPLAIN QUERY PLAN: the scans read FTS5 in rowid order (no sort) and candidates are fetched by key."""
    db, _ = port_ws
    for words, head in ((["港口"], None), (["港口"], 0), (["港口", "航运"], 1), (["港口", "通关效率"], None)):
        sql, args = scan_sql(words, head)
        plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, args)]
        assert any("VIRTUAL TABLE INDEX" in step for step in plan), plan
        assert not any("TEMP B-TREE" in step for step in plan), plan
        assert not any(step.startswith("SCAN") and "VIRTUAL TABLE" not in step for step in plan), plan
    fetch = [row[3] for row in db.execute(
        "EXPLAIN QUERY PLAN SELECT doc_id, node_id, head, body FROM search_docs WHERE doc_id IN (?, ?)", [1, 2])]
    assert any("USING INTEGER PRIMARY KEY" in step for step in fetch), fetch


def _downgrade_to_version_2(db) -> None:
    """The layout of schema 2: documents keyed by node id, search_uni without GAP tokens."""
    rows = [(n, p, k, f, h, b, s, *search_index.unpack_tokens(h, b, t)) for n, p, k, f, h, b, s, t in db.execute(
        "SELECT node_id, plan_id, kind, field, head, body, sentences, tokens FROM search_docs")]  # fmt: skip
    with db.atomic():
        for name in ("search_fts", "search_tri", "search_uni", "search_docs"):
            db.execute(f"DROP TABLE {name}")
        db.execute("CREATE TABLE search_docs (node_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL, kind TEXT NOT NULL, "
                   "field TEXT NOT NULL, head TEXT NOT NULL, body TEXT NOT NULL, sentences TEXT NOT NULL, "
                   "head_tokens TEXT NOT NULL, body_tokens TEXT NOT NULL)")  # fmt: skip
        db.conn.executemany("INSERT INTO search_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.execute("CREATE VIRTUAL TABLE search_fts USING fts5(head_tokens, body_tokens, content='search_docs', "
                   "content_rowid='node_id', tokenize='unicode61')")  # fmt: skip
        db.execute("CREATE VIRTUAL TABLE search_tri USING fts5(head, body, content='search_docs', "
                   "content_rowid='node_id', tokenize='trigram')")  # fmt: skip
        db.execute("CREATE VIRTUAL TABLE search_uni USING fts5(head, body, content='', tokenize='unicode61')")
        db.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO search_tri(search_tri) VALUES ('rebuild')")
        for node_id, head, body in db.execute("SELECT node_id, head, body FROM search_docs").fetchall():
            db.execute("INSERT INTO search_uni(rowid, head, body) VALUES (?, ?, ?)",
                       [node_id, " ".join(head.lower()), " ".join(body.lower())])
        db.execute("UPDATE search_meta SET value = '2' WHERE key = 'schema'")


def test_an_index_of_schema_2_is_moved_plan_by_plan_without_segmenting_again(port_ws, tmp_path, monkeypatch):
    db, _ = port_ws
    other = tmp_path / "other.txt"
    other.write_text(PORT_PLAN.replace("某港区", "某县").replace("港口", "码头"), encoding="utf-8")
    other_id = Repository(db, Reviewer("检索测试")).import_plan(import_file(other)).plan_id
    ensure_index(db)
    queries = ("港口", "财政", "港", "港口设施", "码头")
    before = [[(h.node_id, h.score, h.snippet) for h in search(db, q, limit=50)] for q in queries]
    _downgrade_to_version_2(db)
    assert not search_index.index_exists(db)
    monkeypatch.setattr(segment, "tokens", lambda text: pytest.fail("the upgrade segmented the text again"))
    steps = search_index.index_steps(db)
    assert next(steps)[:2] == (0, 2)
    assert next(steps)[:2] == (1, 2)  # the first plan is moved, in its own transaction
    steps.close()  # cancel: the second plan waits, set aside
    assert search_index.index_exists(db)
    assert {h.plan_id for h in search(db, "财政", limit=50)} == {1}
    assert db.execute("SELECT DISTINCT plan_id FROM search_docs_v2").fetchall() == [(other_id,)]
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE '%\\_v2%' ESCAPE '\\'").fetchone()[0] == 3
    assert ensure_index(db) == 1
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE '%\\_v2%' ESCAPE '\\'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM search_docs WHERE doc_id != node_id").fetchone()[0] > 0
    after = [[(h.node_id, h.score, h.snippet) for h in search(db, q, limit=50)] for q in queries]
    assert after == before
    for table in ("search_fts", "search_tri", "search_uni"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_the_reader_gets_offsets_in_the_text_only(port_ws):
    """A heading's matches are in its title, not its text: the reader is given none of them."""
    db, _ = port_ws
    hits = {h.kind: h for h in search(db, "港口", limit=50)}
    assert hits["section"].field == "title" and hits["section"].matches and hits["section"].text_matches == ()
    assert hits["clause"].field == "text" and hits["clause"].text_matches == hits["clause"].matches


def test_reindexing_a_changed_plan_replays_exactly_what_was_indexed(port_ws):
    """search_fts keeps no text: a plan's old rows are deleted with the tokens unpacked from search_docs."""
    db, _ = port_ws
    with db.atomic():
        db.execute("UPDATE nodes SET text = replace(text, '港口', '码头') WHERE kind = 'clause'")
    assert ensure_index(db) == 1
    for table in ("search_fts", "search_tri", "search_uni"):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    packed = db.execute("SELECT doc_id, head, body, tokens FROM search_docs").fetchall()
    tokens = {n: search_index.unpack_tokens(h, b, t) for n, h, b, t in packed}
    holding_port = {n for n, (head, body) in tokens.items() if "港口" in f"{head} {body}".split()}
    assert {r[0] for r in db.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH '港口'")} == holding_port
    assert {r[0] for r in db.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH '码头'")}
    assert db.execute("SELECT count(*) FROM search_fts_docsize").fetchone()[0] == len(packed)
    assert search_index.pack_tokens("港口", "建设港口", "港口", "建设 港口") != "港口\x1f建设 港口".encode()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seed_path):
    db = open_workspace(tmp_path_factory.mktemp("seed") / "workspace.sqlite")
    Repository(db, Reviewer("检索测试")).import_plan(import_file(seed_path))
    ensure_index(db)
    yield db
    db.close()


@pytest.mark.parametrize("query", ["港", "财政", "港口", "教育", "AI", "京津冀", "协同创新", "港口 航运", "人工智能+", "发展"])
def test_on_the_seed_the_bounded_path_keeps_every_ranking_under_the_cap(seed_db, monkeypatch, query):
    """With the cap below the seed's 403 documents, queries held by fewer than CAP rank exactly as before;
    past it, the hits are a ranking of the CAP shortest and head matches, with unchanged scores."""
    monkeypatch.setattr(search_module, "CAP", 60)
    words = search_module.terms(query)
    matches = len(seed_db.execute(*scan_sql(words, limit=10**6)).fetchall())
    n_docs, n_chars = seed_db.execute("SELECT sum(docs), sum(chars) FROM search_state").fetchone()
    seed_db.conn.create_function("wb_ln", 1, math.log, deterministic=True)
    sql, args, _ = search_module._ranking_sql(words, None, query.isascii(), n_docs, max(n_chars / n_docs, 1.0), 1000)
    everything = [(r[1], round(r[3], 6)) for r in seed_db.execute(sql, args)]
    hits = [(h.node_id, h.score) for h in search(seed_db, query, limit=20)]
    if matches < 60:
        assert hits == everything[:20]
    else:
        scores = dict(everything)
        assert all(scores[n] == s for n, s in hits) and len(hits) == 20
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
