"""Full-text search over every plan in the workspace, ranked, with context.

A query is split at whitespace into terms that must all match (AND).  A term
matches a document (a clause, box item or heading; see index.py) when

- it occurs in the text as typed (substring, ASCII case ignored): this is
  how one- and two-character words such as 港 and 财政 are found, since a
  word index cannot promise to have cut them out, and it catches words that
  jieba cuts differently in the query and in the text; or
- the document holds every jieba token of the term (协同创新 -> 协同, 创新),
  found through the FTS5 index, which also finds the words apart.

Documents that hold more terms as typed rank first; within that, by BM25
computed over the typed terms with a document's head (heading, lead phrase)
weighted HEAD_WEIGHT times its body; documents found by tokens alone take
FTS5's bm25 damped by TOKEN_FACTOR.  Sentences are part of their clause: a hit
names the clause and the sentence holding its first match.

Nothing is scanned: the documents holding a term as typed come from the
trigram index (3+ characters) or the one-character index (1-2 characters,
as a phrase), which list them shortest first.  When at least `limit`
documents hold every term as typed, only those documents are ranked, and
when more than CAP do, only the CAP shortest and the CAP shortest holding
each term in their head (_bounded_top): a common word is ranked among its
most specific matches, so the time does not grow with how common it is.
Otherwise one SQL statement ranks every match, by tokens too (ranking.py).

Until the segmenter is ready (segment.initialise on a worker) search uses
substring matching alone and never blocks on jieba.  Read-only: any thread
may search with its own connection.

Here: the query's way through (the bounded path or the one statement).
ranking.py: how a term matches and the ranking statement; hits.py: the Hits
with their snippets; index.py: the index.
"""

from __future__ import annotations

import math
import unicodedata

from sqlite_utils import Database

from workbench.storage.search.hits import SNIPPET_WIDTH, Hit, doc_rows, make_hit, node_info  # noqa: F401
from workbench.storage.search.ranking import (
    B,
    HEAD_WEIGHT,
    K1,
    TOKEN_FACTOR,  # noqa: F401  (SNIPPET_WIDTH and TOKEN_FACTOR: names of this module, read by tests)
    fold,
    fts_tokens,
    has_latin,
    index_is_exact,
    index_match,
    ranking_sql,
)
from workbench.storage.search.index import (
    DOCS,
    STATE,
    derive_docs,
    drop_index,
    ensure_index,
    index_exists,
    index_steps,
)

__all__ = ["Hit", "derive_docs", "drop_index", "ensure_index", "index_exists", "index_steps", "search", "terms"]

CAP = 1000  # a query found in more documents is ranked among the CAP shortest (see _bounded_top) ...
HEAD_CAP = 300  # ... and the HEAD_CAP shortest holding a word in the head

# Names this module had before its parts moved to ranking.py and hits.py (tests read them here).
_fold, _has_latin, _fts_tokens, _index_is_exact, _ranking_sql = fold, has_latin, fts_tokens, index_is_exact, ranking_sql


def terms(query: str) -> list[str]:
    """The query's terms: whitespace-separated, ASCII lower-cased, without repeats or bare punctuation."""
    out: list[str] = []
    for raw in query.split():
        term = fold(raw)
        if any(unicodedata.category(ch)[0] in "LN" for ch in term) and term not in out:
            out.append(term)
    return out


def search(db: Database, query: str, *, plan_id: int | None = None, limit: int = 50) -> list[Hit]:
    """The best `limit` hits for `query`, best first; [] for an empty query or a missing index."""
    words = terms(query)
    if not words or limit <= 0 or not index_exists(db):
        return []
    scope, scope_args = ("WHERE plan_id = ?", [plan_id]) if plan_id is not None else ("", [])
    n_docs, n_chars = db.execute(f"SELECT sum(docs), sum(chars) FROM {STATE} {scope}", scope_args).fetchone()
    if not n_docs:
        return []
    avg_len = max(n_chars / n_docs, 1.0)

    latin = any(has_latin(w) for w in words)
    db.conn.create_function("wb_ln", 1, math.log, deterministic=True)
    top = None
    if plan_id is None and limit <= CAP < n_docs and all(index_is_exact(w) for w in words):
        top = _bounded_top(db, words, latin, n_docs, avg_len, limit)
    term_tokens: list[list[str]] = [[] for _ in words]
    if top is None:
        sql, args, term_tokens = ranking_sql(words, plan_id, latin, n_docs, avg_len, limit)
        top = db.execute(sql, args).fetchall()  # (doc_id, node_id, n_exact, score, exact flags...)
    if not top:
        return []
    rows = doc_rows(db, [r[0] for r in top])
    info = node_info(db, [r[1] for r in top], {r[0]: rows[r[0]] for r in top})
    hits: list[Hit] = []
    for doc, node_id, n_exact, score, *flags in top:
        if node_id not in info:  # the index is older than the nodes: skip until ensure_index runs
            continue
        key, label, title = info[node_id]
        needles = [n for word, found, tokens in zip(words, flags, term_tokens) for n in ([word] if found else tokens)]
        hits.append(make_hit(node_id, rows[doc], key, label, title, needles, score, n_exact == len(words)))
    return hits


def scan_sql(words: list[str], head_word: int | None = None, limit: int | None = None) -> tuple[str, list[object]]:
    """The documents holding every word as typed (word `head_word` in the head), shortest first, at most `limit`.

    Documents are keyed by length (index.doc_id), so FTS5 lists them in
    that order and stops after `limit` rows without reading the rest.
    """
    groups: dict[str, list[str]] = {}
    for i, word in enumerate(words):
        table, match = index_match(word)
        groups.setdefault(table, []).append(("{head} : " + match) if i == head_word else match)
    (table, exprs), *rest = groups.items()
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
    args: list[object] = [" AND ".join(exprs)]
    for other, other_exprs in rest:
        sql += f" AND +rowid IN (SELECT rowid FROM {other} WHERE {other} MATCH ?)"  # a filter, not a lookup per row
        args.append(" AND ".join(other_exprs))
    return sql + " ORDER BY rowid LIMIT ?", [*args, CAP if limit is None else limit]


def _bounded_top(
    db: Database, words: list[str], latin: bool, n_docs: int, avg_len: float, limit: int
) -> list[tuple] | None:
    """The top `limit` when at least `limit` documents hold every word as typed, else None.

    When fewer than CAP documents hold every word, all of them are ranked and
    the ranking is exactly `ranking.ranking_sql`'s.  When more do (港 or 教育 across
    a city's plans), only the CAP shortest, and for each word the CAP shortest
    holding it in their head (heading, lead phrase), are ranked: a common word
    is ranked among its most specific matches, not all of them; a long
    paragraph that repeats it can drop out of the top.  The IDF still counts
    every document holding the word, and the scores are BM25's as before.
    Only the candidates' rows are read, so the time is bounded by CAP, not by
    how common the word is.
    """
    docs = [row[0] for row in db.execute(*scan_sql(words))]
    if len(docs) < limit:  # the ranking needs the words' token matches too
        return None
    candidates = set(docs)
    if len(docs) == CAP:
        for i in range(len(words)):
            candidates.update(row[0] for row in db.execute(*scan_sql(words, i, HEAD_CAP)))
    counts = []
    for word in words:
        table, match = index_match(word)
        counts.append(db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [match]).fetchone()[0])
    idfs = [math.log(1.0 + (n_docs - count + 0.5) / (count + 0.5)) for count in counts]
    one_b = 1 - B
    ranked = []
    ids = sorted(candidates)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT doc_id, node_id, head, body FROM {DOCS} WHERE doc_id IN ({','.join('?' * len(chunk))})"
        for doc, node_id, head, body in db.execute(sql, chunk):
            length = len(body)
            if latin:
                head, body = fold(head), fold(body)
            score = 0.0
            for word, idf in zip(words, idfs):  # ranking.bm25_sql's arithmetic, in its order
                tf = HEAD_WEIGHT * head.count(word) + body.count(word)
                score = score + idf * tf * (K1 + 1) / (tf + K1 * (one_b + B * length / avg_len))
            ranked.append((-score, node_id, doc))
    ranked.sort()
    flags = [1] * len(words)
    return [(doc, node_id, len(words), -neg, *flags) for neg, node_id, doc in ranked[:limit]]
