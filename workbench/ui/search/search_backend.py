"""What the search panel asks: a ranked list of hits with context, for a query.

The real engine (a jieba-segmented FTS5 index with substring matching for
short words) is storage.search, written on its own branch.  This adapter lets
the panel work before and after it lands: `make_backend` uses storage.search
when it is importable, else `MemorySearch`, a plain substring search over the
plan trees already loaded in the session (every term must occur; headings and
lead phrases weigh more).  Both return `SearchResult`s, which are
storage.search's `Hit`s (one type for both).  The index is built
by `index_steps` on a worker thread with its own connection; the window
switches to the index once it is up to date.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from workbench.core.plan import PLAN, SENTENCE, PlanNode
from workbench.storage.search import Hit

from workbench.ui.session import Session
from workbench.ui.tagging.tag_state import is_clause

HEAD_WEIGHT = 4
SNIPPET_BEFORE = 18
SNIPPET_WIDTH = 72


SearchResult = Hit  # what the panel lists and the window opens, from either backend


class SearchBackend(Protocol):
    name: str

    def search(self, query: str, limit: int = 50) -> list[SearchResult]: ...

    def terms(self, query: str) -> list[str]: ...


def query_terms(query: str) -> list[str]:
    """Whitespace-separated terms, in order, without repeats."""
    out: list[str] = []
    for term in query.split():
        if term not in out:
            out.append(term)
    return out


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    found = []
    for term in terms:
        start = text.find(term)
        while start >= 0:
            found.append((start, start + len(term)))
            start = text.find(term, start + len(term))
    return sorted(found)


def snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Context around the first match, and the matches' offsets inside it."""
    flat = text.replace("\n", " ")
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(flat), start + SNIPPET_WIDTH)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    inside = tuple(
        (s - start + len(prefix), min(e, end) - start + len(prefix)) for s, e in spans if s >= start and s < end
    )
    return prefix + flat[start:end] + suffix, inside


def sentence_at(node: PlanNode, offset: int) -> int | None:
    position = 0
    for child in node.children:
        if child.kind != SENTENCE:
            continue
        position += len(child.text)
        if offset < position:
            return child.db_id
    return None


class MemorySearch:
    """Substring search over the loaded plan trees (until storage.search is merged)."""

    name = "memory"

    def __init__(self, session: Session) -> None:
        self.session = session

    def terms(self, query: str) -> list[str]:
        return query_terms(query)

    def search(self, query: str, limit: int = 50) -> list[SearchResult]:
        terms = self.terms(query)
        if not terms:
            return []
        ranked: list[tuple[float, int, SearchResult]] = []
        for plan_id in self.session.loaded_plan_ids:  # until the index is ready: the plans opened so far
            for seq, node in enumerate(self.session.plan(plan_id).nodes()):
                if node.kind in (PLAN, SENTENCE) or node.db_id is None:
                    continue
                body = node.text if is_clause(node) or node.text else node.display
                head = node.display if not is_clause(node) else node.title
                combined = f"{head}\n{body}"
                if any(term not in combined for term in terms):
                    continue
                score = sum(body.count(t) + HEAD_WEIGHT * head.count(t) for t in terms)
                matches = _spans(body, terms)
                text, highlights = snippet(body, matches)
                ranked.append((-score, seq, SearchResult(
                    node_id=node.db_id, plan_id=plan_id, key=node.key, kind=node.kind, label=node.label,
                    title=node.title, snippet=text, highlights=highlights, score=float(score),
                    field="text" if body == node.text else "title", matches=tuple(matches),
                    sentence_id=sentence_at(node, matches[0][0]) if matches and is_clause(node) else None,
                    exact=True,
                )))  # fmt: skip
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [r[2] for r in ranked[:limit]]


class StoreSearch:
    """storage.search (jieba index + substring matching), on the GUI thread's connection."""

    name = "index"

    def __init__(self, session: Session, module) -> None:
        self.session = session
        self.module = module

    def terms(self, query: str) -> list[str]:
        terms = getattr(self.module, "terms", None)
        return list(terms(query)) if terms else query_terms(query)

    def search(self, query: str, limit: int = 50) -> list[SearchResult]:
        return self.module.search(self.session.repo.db, query, limit=limit)


def store_search_module():
    """storage.search if this build has it, else None."""
    try:
        return importlib.import_module("workbench.storage.search")
    except ImportError:
        return None


def make_backend(session: Session) -> SearchBackend:
    """The backend to start with: the index if it is already there, else substring search."""
    module = store_search_module()
    if module is not None and module.index_exists(session.repo.db):
        return StoreSearch(session, module)
    return MemorySearch(session)


def index_steps(path: Path):
    """Worker thread: bring the search index up to date on this thread's own connection.

    Yields (done, total, plan title); cancelling between plans leaves a
    consistent index.  Returns True when the index is usable, False when this
    build has no storage.search.
    """
    module = store_search_module()
    if module is None:
        return False
    from workbench.storage.files.database import open_workspace

    db = open_workspace(path, create=False)
    try:
        yield from module.index_steps(db)
    finally:
        db.close()
    return True
