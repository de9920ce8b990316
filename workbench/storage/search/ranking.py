"""How a query term matches a document, and the one SQL statement that ranks every match.

A term matches as typed (the trigram index for 3+ characters, the
one-character index for 1-2, confirmed by instr() where the index alone is
not exact) or by its jieba tokens (the FTS5 word index).  ranking_sql scores
both in SQLite with the same BM25 arithmetic, in the same order, as the
bounded path in search/__init__.py computes in Python.
"""

from __future__ import annotations

import unicodedata

from workbench.core import segment
from workbench.storage.search.index import DOCS, FTS, TRI, UNI, is_word_char, spaced

HEAD_WEIGHT = 4.0  # a word in a heading or lead phrase counts as this many in the body
TOKEN_FACTOR = 0.3  # a match on jieba tokens alone, relative to the word as typed
K1, B = 1.2, 0.75  # BM25, as FTS5 uses


def fold(text: str) -> str:
    """ASCII letters lower-cased, nothing else touched (as SQLite's lower() does), length kept."""
    return text.encode("utf-8").lower().decode("utf-8")


def has_latin(text: str) -> bool:
    return any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in text)


def index_match(word: str) -> tuple[str, str]:
    """The character index answering `word` and its MATCH expression (a phrase)."""
    if len(word) >= 3:
        return TRI, '"' + word.replace('"', '""') + '"'
    return UNI, '"' + spaced(word).replace('"', '""') + '"'


def bm25_sql(i: int, count: str, head: str, body: str) -> str:
    """BM25 of term :w{i} in document d, `count` documents holding it."""
    idf = f"wb_ln(1.0 + (:n_docs - {count} + 0.5) / ({count} + 0.5))"
    occurrences = "((length({0}) - length(replace({0}, :w{1}, ''))) / length(:w{1}))"
    tf = f"(:hw * {occurrences.format(head, i)} + {occurrences.format(body, i)})"
    return f"{idf} * {tf} * :k1p / ({tf} + :k1 * (:one_b + :b * length(d.body) / :avg))"


def exact_match_sql(index: int, word: str, latin: bool, plan_id: int | None) -> tuple[str, dict[str, object]]:
    """The documents holding `word` as typed: index candidates confirmed by instr()."""
    body, head = ("lower(d.body)", "lower(d.head)") if latin else ("d.body", "d.head")
    table, match = index_match(word)
    if index_is_exact(word) and plan_id is None:  # the index alone answers: no document is read
        return f"SELECT rowid FROM {table} WHERE {table} MATCH :m{index}", {f"m{index}": match, f"w{index}": word}
    sql = f"SELECT d.doc_id FROM {table} JOIN {DOCS} d ON d.doc_id = {table}.rowid WHERE {table} MATCH :m{index}"
    if not index_is_exact(word):
        sql += f" AND (instr({body}, :w{index}) > 0 OR instr({head}, :w{index}) > 0)"
    if plan_id is not None:
        sql += " AND d.plan_id = :plan"
    return sql, {f"m{index}": match, f"w{index}": word}


def index_is_exact(word: str) -> bool:
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


def ranking_sql(
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
        exact_sql, exact_args = exact_match_sql(i, word, latin, plan_id)
        args.update(exact_args)
        ctes.append(f"e{i}(doc_id) AS MATERIALIZED ({exact_sql})")
        tokens = fts_tokens(word)
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
        scores.append(f"CASE WHEN d.doc_id IN e{i} THEN {bm25_sql(i, f'(SELECT count(*) FROM e{i})', head, body)} "
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


def fts_tokens(word: str) -> list[str]:
    """The tokens to look up for a term, or [] when the substring match already covers it.

    A term that is one token can only match where it occurs as typed, so only
    terms jieba cuts into several tokens go to the FTS index.  Single
    characters (和, 的) are left out when longer tokens remain.
    """
    if len(word) < 3 or not segment.is_ready():
        return []
    tokens = [fold(t) for t in segment.query_tokens(word)]
    longer = [t for t in tokens if len(t) >= 2]
    tokens = longer or tokens
    return tokens if len(tokens) > 1 else []
