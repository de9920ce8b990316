"""What search returns: a Hit per document found, with its snippet, highlights and sentence."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from workbench.storage.search.ranking import fold, has_latin
from workbench.storage.search.index import DOCS, node_of

SNIPPET_BEFORE = 18  # characters of context before the first match
SNIPPET_WIDTH = 72


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


def doc_rows(db: Database, doc_ids: Iterable[int]) -> dict[int, tuple]:
    ids = list(doc_ids)
    marks = ",".join("?" * len(ids))
    sql = f"SELECT doc_id, plan_id, kind, field, head, body, sentences FROM {DOCS} WHERE doc_id IN ({marks})"
    return {row[0]: row[1:] for row in db.execute(sql, ids)}


def node_info(db: Database, node_ids: list[int], rows: dict[int, tuple]) -> dict[int, tuple[str, str, str]]:
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


def spans_of(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
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


def make_hit(
    node_id: int, row: tuple, key: str, label: str, title: str, needles: list[str], score: float, exact: bool
) -> Hit:
    plan_id, kind, field, _head, body, sentences_json = row
    spans = spans_of(fold(body) if any(has_latin(n) for n in needles) else body, needles)
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
