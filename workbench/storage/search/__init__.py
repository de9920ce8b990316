"""Full-text search over every plan in the workspace, ranked, with context.

A query is split at whitespace into terms that must all match (AND).  A term
matches a document (a clause, box item or heading; see search_index) when

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
Otherwise one SQL statement ranks every match, by tokens too (_ranking_sql).

Until the segmenter is ready (segment.initialise on a worker) search uses
substring matching alone and never blocks on jieba.  Read-only: any thread
may search with its own connection.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from workbench.core import segment
from workbench.storage.search_index import (
    DOCS,
    FTS,
    STATE,
    TRI,
    UNI,
    is_word_char,
    node_of,
    spaced,
    derive_docs,
    drop_index,
    ensure_index,
    index_exists,
    index_steps,
)

__all__ = ["Hit", "derive_docs", "drop_index", "ensure_index", "index_exists", "index_steps", "search", "terms"]

HEAD_WEIGHT = 4.0  # a word in a heading or lead phrase counts as this many in the body
TOKEN_FACTOR = 0.3  # a match on jieba tokens alone, relative to the word as typed
K1, B = 1.2, 0.75  # BM25, as FTS5 uses
CAP = 1000  # a query found in more documents is ranked among the CAP shortest (see _bounded_top) ...
HEAD_CAP = 300  # ... and the HEAD_CAP shortest holding a word in the head
SNIPPET_BEFORE = 18  # characters of context before the first match
SNIPPET_WIDTH = 72



def _fold(text: str) -> str:
    """ASCII letters lower-cased, nothing else touched (as SQLite's lower() does), length kept."""
    return text.encode("utf-8").lower().decode("utf-8")


def _has_latin(text: str) -> bool:
    return any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in text)


@dataclass(frozen=True)
class Hit:
    """One search result.

    `snippet` is context around the first match, with `highlights` the
    (start, end) offsets of every match inside it.  `matches` are the offsets
    of every match in the node's `field` ("text" for paragraphs, "title" for
    headings), for the reader; `sentence_id` is the sentence node holding the
    first match, when the node has sentences.
    """

    node_id: int
    plan_id: int
    key: str
    kind: str
    label: str
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    field: str
    matches: tuple[tuple[int, int], ...]
    sentence_id: int | None
    exact: bool  # every term occurs as typed

    @property
    def text_matches(self) -> tuple[tuple[int, int], ...]:
        """`matches` when they are offsets in the node's text (what the reader shows), else ()."""
        return self.matches if self.field == "text" else ()


def terms(query: str) -> list[str]:
    """The query's terms: whitespace-separated, ASCII lower-cased, without repeats or bare punctuation."""
    out: list[str] = []
    for raw in query.split():
        term = _fold(raw)
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

    latin = any(_has_latin(w) for w in words)
    db.conn.create_function("wb_ln", 1, math.log, deterministic=True)
    top = None
    if plan_id is None and limit <= CAP < n_docs and all(_index_is_exact(w) for w in words):
        top = _bounded_top(db, words, latin, n_docs, avg_len, limit)
    term_tokens: list[list[str]] = [[] for _ in words]
    if top is None:
        sql, args, term_tokens = _ranking_sql(words, plan_id, latin, n_docs, avg_len, limit)
        top = db.execute(sql, args).fetchall()  # (doc_id, node_id, n_exact, score, exact flags...)
    if not top:
        return []
    rows = _rows(db, [r[0] for r in top])
    info = _node_info(db, [r[1] for r in top], {r[0]: rows[r[0]] for r in top})
    hits: list[Hit] = []
    for doc, node_id, n_exact, score, *flags in top:
        if node_id not in info:  # the index is older than the nodes: skip until ensure_index runs
            continue
        key, label, title = info[node_id]
        needles = [n for word, found, tokens in zip(words, flags, term_tokens) for n in ([word] if found else tokens)]
        hits.append(_hit(node_id, rows[doc], key, label, title, needles, score, n_exact == len(words)))
    return hits


def _index_match(word: str) -> tuple[str, str]:
    """The character index answering `word` and its MATCH expression (a phrase)."""
    if len(word) >= 3:
        return TRI, '"' + word.replace('"', '""') + '"'
    return UNI, '"' + spaced(word).replace('"', '""') + '"'


def scan_sql(words: list[str], head_word: int | None = None, limit: int | None = None) -> tuple[str, list[object]]:
    """The documents holding every word as typed (word `head_word` in the head), shortest first, at most `limit`.

    Documents are keyed by length (search_index.doc_id), so FTS5 lists them in
    that order and stops after `limit` rows without reading the rest.
    """
    groups: dict[str, list[str]] = {}
    for i, word in enumerate(words):
        table, match = _index_match(word)
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
    the ranking is exactly `_ranking_sql`'s.  When more do (港 or 教育 across
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
        table, match = _index_match(word)
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
                head, body = _fold(head), _fold(body)
            score = 0.0
            for word, idf in zip(words, idfs):  # _bm25_sql's arithmetic, in its order
                tf = HEAD_WEIGHT * head.count(word) + body.count(word)
                score = score + idf * tf * (K1 + 1) / (tf + K1 * (one_b + B * length / avg_len))
            ranked.append((-score, node_id, doc))
    ranked.sort()
    flags = [1] * len(words)
    return [(doc, node_id, len(words), -neg, *flags) for neg, node_id, doc in ranked[:limit]]


def _bm25_sql(i: int, count: str, head: str, body: str) -> str:
    """BM25 of term :w{i} in document d, `count` documents holding it."""
    idf = f"wb_ln(1.0 + (:n_docs - {count} + 0.5) / ({count} + 0.5))"
    occurrences = "((length({0}) - length(replace({0}, :w{1}, ''))) / length(:w{1}))"
    tf = f"(:hw * {occurrences.format(head, i)} + {occurrences.format(body, i)})"
    return f"{idf} * {tf} * :k1p / ({tf} + :k1 * (:one_b + :b * length(d.body) / :avg))"


def _exact_sql(index: int, word: str, latin: bool, plan_id: int | None) -> tuple[str, dict[str, object]]:
    """The documents holding `word` as typed: index candidates confirmed by instr()."""
    body, head = ("lower(d.body)", "lower(d.head)") if latin else ("d.body", "d.head")
    table, match = _index_match(word)
    if _index_is_exact(word) and plan_id is None:  # the index alone answers: no document is read
        return f"SELECT rowid FROM {table} WHERE {table} MATCH :m{index}", {f"m{index}": match, f"w{index}": word}
    sql = f"SELECT d.doc_id FROM {table} JOIN {DOCS} d ON d.doc_id = {table}.rowid WHERE {table} MATCH :m{index}"
    if not _index_is_exact(word):
        sql += f" AND (instr({body}, :w{index}) > 0 OR instr({head}, :w{index}) > 0)"
    if plan_id is not None:
        sql += " AND d.plan_id = :plan"
    return sql, {f"m{index}": match, f"w{index}": word}


def _index_is_exact(word: str) -> bool:
    """Whether the character indexes match exactly the documents holding `word` as typed (ASCII case aside).

    The trigram index does for 3+ characters; the one-character index does for
    one or two letters or digits (a phrase never spans a GAP).  Letters outside
    ASCII are case-folded by the tokenizers beyond what search folds, and a
    short term holding punctuation matches any GAP: those are confirmed with
    instr().
    """
    if len(word) < 3 and not all(is_word_char(ch) for ch in word):
        return False
    return all(ord(ch) < 128 or unicodedata.category(ch) not in ("Lu", "Ll", "Lt") for ch in word)


def _ranking_sql(
    words: list[str], plan_id: int | None, latin: bool, n_docs: int, avg_len: float, limit: int
) -> tuple[str, dict[str, object], list[list[str]]]:
    """One statement: every term's matches (as typed or by tokens), scored, the best `limit` first.

    The score is the same arithmetic, in the same order, as BM25 over the typed
    terms written in Python, so the ranking does not depend on where it runs.
    """
    body, head = ("lower(d.body)", "lower(d.head)") if latin else ("d.body", "d.head")
    args: dict[str, object] = {"n_docs": n_docs, "avg": avg_len, "hw": HEAD_WEIGHT, "k1": K1, "k1p": K1 + 1,
                               "b": B, "one_b": 1 - B, "tf_factor": TOKEN_FACTOR, "limit": limit}  # fmt: skip
    if plan_id is not None:
        args["plan"] = plan_id
    ctes: list[str] = []
    found: list[str] = []
    scores: list[str] = []
    flags: list[str] = []
    joins: list[str] = []
    term_tokens: list[list[str]] = []
    for i, word in enumerate(words):
        exact_sql, exact_args = _exact_sql(i, word, latin, plan_id)
        args.update(exact_args)
        ctes.append(f"e{i}(doc_id) AS MATERIALIZED ({exact_sql})")
        tokens = _fts_tokens(word)
        term_tokens.append(tokens)
        if tokens:
            args[f"t{i}"] = " AND ".join('"' + t.replace('"', '""') + '"' for t in tokens)
            token_sql = (
                f"SELECT d.doc_id, -bm25({FTS}, {HEAD_WEIGHT}, 1.0) AS s FROM {FTS} "
                f"JOIN {DOCS} d ON d.doc_id = {FTS}.rowid WHERE {FTS} MATCH :t{i}"
            )
            if plan_id is not None:
                token_sql += " AND d.plan_id = :plan"
        else:
            token_sql = "SELECT NULL AS doc_id, 0.0 AS s WHERE 0"
        ctes.append(f"t{i}(doc_id, s) AS MATERIALIZED ({token_sql})")
        token_score = f":tf_factor * t{i}.s"
        flags.append(f"(d.doc_id IN e{i})")
        scores.append(f"CASE WHEN d.doc_id IN e{i} THEN {_bm25_sql(i, f'(SELECT count(*) FROM e{i})', head, body)} "
                      f"ELSE {token_score} END")
        found.append(f"(d.doc_id IN e{i} OR t{i}.doc_id IS NOT NULL)")
        joins.append(f"LEFT JOIN t{i} ON t{i}.doc_id = d.doc_id")
    score = "0.0"
    for term in scores:
        score = f"({score} + {term})"
    sql = (
        "WITH " + ", ".join(ctes) + " "
        f"SELECT doc_id, node_id, n_exact, score, {', '.join(f'f{i}' for i in range(len(words)))} FROM ("
        f"SELECT d.doc_id, d.node_id, {' + '.join(flags)} AS n_exact, {score} AS score, "
        + ", ".join(f"{flag} AS f{i}" for i, flag in enumerate(flags))
        + f" FROM {DOCS} d {' '.join(joins)} WHERE d.doc_id IN (SELECT doc_id FROM e0 UNION SELECT doc_id FROM t0)"
        f" AND {' AND '.join(found)}"
        ") ORDER BY n_exact DESC, score DESC, node_id LIMIT :limit"
    )
    return sql, args, term_tokens


def _rows(db: Database, doc_ids: Iterable[int]) -> dict[int, tuple]:
    ids = list(doc_ids)
    marks = ",".join("?" * len(ids))
    sql = f"SELECT doc_id, plan_id, kind, field, head, body, sentences FROM {DOCS} WHERE doc_id IN ({marks})"
    return {row[0]: row[1:] for row in db.execute(sql, ids)}


def _fts_tokens(word: str) -> list[str]:
    """The tokens to look up for a term, or [] when the substring match already covers it.

    A term that is one token can only match where it occurs as typed, so only
    terms jieba cuts into several tokens go to the FTS index.  Single
    characters (和, 的) are left out when longer tokens remain.
    """
    if len(word) < 3 or not segment.is_ready():
        return []
    tokens = [_fold(t) for t in segment.query_tokens(word)]
    longer = [t for t in tokens if len(t) >= 2]
    tokens = longer or tokens
    return tokens if len(tokens) > 1 else []


def _node_info(db: Database, node_ids: list[int], rows: dict[int, tuple]) -> dict[int, tuple[str, str, str]]:
    """Key, label and title of the nodes that still exist as indexed (same id, same plan)."""
    if not node_ids:
        return {}
    plans = {node_of(doc): row[0] for doc, row in rows.items()}
    marks = ",".join("?" * len(node_ids))
    sql = f"SELECT id, plan_id, key, label, title FROM nodes WHERE id IN ({marks})"
    return {
        row[0]: (row[2], row[3] or "", row[4] or "")
        for row in db.execute(sql, node_ids)
        if row[1] == plans[row[0]]
    }


def _spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Every occurrence of every needle, in order, merged where they overlap."""
    found: list[tuple[int, int]] = []
    for needle in needles:
        start = text.find(needle)
        while start >= 0:
            found.append((start, start + len(needle)))
            start = text.find(needle, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _hit(
    node_id: int, row: tuple, key: str, label: str, title: str, needles: list[str], score: float, exact: bool
) -> Hit:
    plan_id, kind, field, _head, body, sentences_json = row
    spans = _spans(_fold(body) if any(_has_latin(n) for n in needles) else body, needles)
    if spans:
        first = spans[0][0]
        start = max(0, min(first - SNIPPET_BEFORE, len(body) - SNIPPET_WIDTH))
    else:  # matched in the head only (a lead phrase that is not in the text, such as 前言)
        start = 0
    end = min(len(body), start + SNIPPET_WIDTH)
    prefix = "…" if start > 0 else ""
    snippet = prefix + body[start:end] + ("…" if end < len(body) else "")
    shift = len(prefix) - start
    highlights = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    sentence_id = None
    if spans:
        for offset, sid in json.loads(sentences_json):
            if offset > spans[0][0]:
                break
            sentence_id = sid
    return Hit(
        node_id=node_id, plan_id=plan_id, key=key, kind=kind, label=label, title=title,
        snippet=snippet, highlights=highlights, score=round(score, 6), field=field,
        matches=tuple(spans), sentence_id=sentence_id, exact=exact,
    )
