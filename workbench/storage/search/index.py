"""The search index: derived tables rebuilt from `nodes` whenever a plan changes.

Nothing here is user data.  Three tables, all named search_*, can be dropped
at any time and `ensure_index` recreates them, which is why they are created
here and not in the workspace migrations (a migration would freeze a cache's
layout into every workspace's history; a derived table versioned by
SCHEMA_VERSION can change with the code):

- search_docs: one row per searchable node of every plan: clauses, box items
  and headings, keyed by `doc_id` (see `doc_id`): the body's length in the
  high bits, the node id in the low ones, so that every FTS5 table lists a
  term's documents shortest first and a query can stop after the first
  thousand (search.CAP).  Sentences are not documents: their text is part of their
  clause, so a hit names the clause and `sentences` maps text offsets to the
  sentence ids.  `head` is what a reader takes for the node's title (a
  heading's label and title, a clause's lead phrase, a box item's title) and
  is weighted above `body` when ranking; `tokens` holds the same strings
  cut by jieba (workbench.core.segment), packed (see `pack_tokens`).
- search_fts: FTS5, contentless, over the head's and body's tokens with the
  unicode61 tokenizer, which splits the pre-segmented text at the spaces (it
  cannot segment Chinese itself).  Its rows are deleted by replaying the
  tokens unpacked from search_docs.
- search_state: per plan, the fingerprint of what was indexed (nodes, user
  dictionary, index version; a plan whose fingerprint differs is rebuilt),
  and its number of documents and characters, for BM25's average length.
- search_tri: FTS5 with the trigram tokenizer, external content on
  search_docs (head, body): finds the documents holding a term of three or
  more characters as typed without reading the others.
- search_uni: FTS5 (unicode61, contentless) over the head and body written
  one character per token, so that a one- or two-character term is a
  one-token or two-token phrase query (SQLite 3.40's trigram tokenizer cannot
  answer those).  Every character that is not a letter or digit is written
  as the token GAP, so that a phrase never spans punctuation or spaces: for a
  term of letters and digits (non-ASCII capitals aside) the index alone gives
  exactly the documents holding it as typed; other terms are confirmed with
  instr() by search.py.

Building needs jieba (~0.6 s to load, ~0.2 s per plan to cut): run it on a
worker thread with that thread's own connection.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from workbench.core import segment

SCHEMA_VERSION = "3"  # 2: the trigram and one-character tables; 3: doc ids by length, GAP, packed tokens
INDEX_VERSION = "1"  # bump when the documents derived from nodes change

DOCS = "search_docs"
FTS = "search_fts"
STATE = "search_state"
META = "search_meta"
TRI = "search_tri"
UNI = "search_uni"
OLD_DOCS = f"{DOCS}_v2"  # set aside while a version 2 index is moved plan by plan
OLD_STATE = f"{STATE}_v2"

GAP = "zz"  # search_uni's token for a character that is not a letter or digit (no query token is two letters)
LENGTH_BITS = 20  # body lengths above 2**20 - 1 characters share the last rank
NODE_BITS = 32

HEADING_KINDS = frozenset({"plan", "part", "chapter", "section", "box"})
SENTENCE = "sentence"

Progress = Callable[[int, int, str], None]

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {META} (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS {DOCS} (
    doc_id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    field TEXT NOT NULL,
    head TEXT NOT NULL,
    body TEXT NOT NULL,
    sentences TEXT NOT NULL,
    tokens BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS {DOCS}_plan ON {DOCS}(plan_id);
CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(head_tokens, body_tokens, content='', tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS {TRI} USING fts5(
    head, body, content='{DOCS}', content_rowid='doc_id', tokenize='trigram'
);
CREATE VIRTUAL TABLE IF NOT EXISTS {UNI} USING fts5(head, body, content='', tokenize='unicode61');
CREATE TABLE IF NOT EXISTS {STATE} (
    plan_id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    docs INTEGER NOT NULL,
    chars INTEGER NOT NULL
);
"""


@dataclass(frozen=True)
class Doc:
    """One searchable node as indexed."""

    node_id: int
    plan_id: int
    kind: str
    field: str  # the node attribute `body` is: "text" or "title"
    head: str
    body: str
    sentences: list[tuple[int, int]]  # (start offset in body, sentence node id), in order


def index_exists(db: Database) -> bool:
    return db[STATE].exists() and db[FTS].exists() and _schema_version(db) == SCHEMA_VERSION


def index_steps(db: Database) -> Iterator[tuple[int, int, str]]:
    """Bring the index up to date, yielding (done, total, plan title) per plan.

    Each plan is rewritten in its own transaction, so cancelling between
    yields leaves a consistent index (the remaining plans stay stale).
    Initialises the segmenter (blocking): call from a worker thread.
    """
    segment.initialise()
    dictionary = segment.dictionary_fingerprint()
    _create(db, dictionary)
    indexed = {row[0]: row[1] for row in db.execute(f"SELECT plan_id, fingerprint FROM {STATE}")}
    present = _plan_fingerprints(db, dictionary)
    gone = sorted(set(indexed) - set(present))
    if gone:
        with db.atomic():
            for plan_id in gone:
                _delete_plan(db, plan_id)
    todo: list[tuple[int, str, list[tuple]]] = []
    for plan_id, fingerprint in present.items():
        if indexed.get(plan_id) != fingerprint:
            todo.append((plan_id, fingerprint, _node_rows(db, plan_id)))
    for done, (plan_id, fingerprint, rows) in enumerate(todo):
        title = next((r[5] for r in rows if r[3] == "plan"), "") or f"plan {plan_id}"
        yield done, len(todo), title
        records = _set_aside_records(db, plan_id, fingerprint)
        if records is None:
            records = _records(derive_docs(plan_id, rows))  # jieba runs here, before the write lock is taken
        with db.atomic():
            _delete_plan(db, plan_id)
            _insert(db, plan_id, records)
            db.execute(
                f"INSERT INTO {STATE}(plan_id, fingerprint, docs, chars) VALUES (?, ?, ?, ?)",
                [plan_id, fingerprint, len(records), sum(len(r[6]) for r in records)],
            )
            if db[OLD_DOCS].exists():
                db.execute(f"DELETE FROM {OLD_DOCS} WHERE plan_id = ?", [plan_id])
    if db[OLD_DOCS].exists():  # every plan is moved: what is left is of plans that are gone
        with db.atomic():
            db.execute(f"DROP TABLE {OLD_DOCS}")
            db.execute(f"DROP TABLE IF EXISTS {OLD_STATE}")
    yield len(todo), len(todo), ""


def ensure_index(db: Database, progress: Progress | None = None) -> int:
    """Run `index_steps` to the end; returns how many plans were (re)indexed."""
    rebuilt = 0
    for done, total, message in index_steps(db):
        rebuilt = total
        if progress is not None:
            progress(done, total, message)
    return rebuilt


def drop_index(db: Database) -> None:
    """Remove every search table (they are derived; ensure_index rebuilds them)."""
    with db.atomic():
        for name in (FTS, TRI, UNI, DOCS, STATE, META, OLD_DOCS, OLD_STATE):
            db.execute(f"DROP TABLE IF EXISTS {name}")


def derive_docs(plan_id: int, rows: list[tuple]) -> list[Doc]:
    """The documents of one plan from its node rows (see `_node_rows` for the columns)."""
    sentences: dict[int, list[tuple[int, int, str]]] = {}  # parent id -> (position, id, text)
    for node_id, parent_id, position, kind, _label, _title, text in rows:
        if kind == SENTENCE and parent_id is not None:
            sentences.setdefault(parent_id, []).append((position, node_id, text or ""))
    docs: list[Doc] = []
    for node_id, _parent_id, _position, kind, label, title, text in rows:
        if kind == SENTENCE:
            continue
        label, title, text = label or "", title or "", text or ""
        if kind in HEADING_KINDS:
            head = f"{label} {title}".strip()
        elif title.endswith("…"):  # the importer's opening words, not a lead phrase
            head = ""
        else:
            head = title
        body, field = (text, "text") if text else (title, "title")
        offsets: list[tuple[int, int]] = []
        cursor = 0
        for _position, sentence_id, sentence_text in sorted(sentences.get(node_id, [])):
            start = body.find(sentence_text, cursor) if sentence_text else -1
            if start < 0:
                continue
            offsets.append((start, sentence_id))
            cursor = start + len(sentence_text)
        docs.append(Doc(node_id, plan_id, kind, field, head, body, offsets))
    return docs


def _create(db: Database, dictionary: str) -> None:
    version = _schema_version(db) if db[META].exists() else None
    if version is not None and version not in (SCHEMA_VERSION, "2"):
        drop_index(db)
    with db.atomic():
        if version == "2":
            _set_aside_version_2(db)
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute(f"INSERT OR REPLACE INTO {META}(key, value) VALUES ('schema', ?)", [SCHEMA_VERSION])


def _set_aside_version_2(db: Database) -> None:
    """Version 2 keyed the documents by node id and kept their tokens as text.  Its documents and
    state are set aside under *_v2 names and its FTS tables dropped; `index_steps` then moves one
    plan at a time into the new tables, in that plan's own transaction, reusing the tokens of a
    plan that has not changed: no long write lock, no segmenting again."""
    db.execute(f"DROP INDEX IF EXISTS {DOCS}_plan")
    for name in (FTS, TRI, UNI):
        db.execute(f"DROP TABLE IF EXISTS {name}")
    db.execute(f"ALTER TABLE {DOCS} RENAME TO {OLD_DOCS}")
    db.execute(f"ALTER TABLE {STATE} RENAME TO {OLD_STATE}")
    db.execute(f"CREATE INDEX {OLD_DOCS}_plan ON {OLD_DOCS}(plan_id)")


def _set_aside_records(db: Database, plan_id: int, fingerprint: str) -> list[tuple] | None:
    """A plan's records from the set-aside version 2 documents, when they are of the plan as it is now."""
    if not db[OLD_STATE].exists():
        return None
    row = db.execute(f"SELECT fingerprint FROM {OLD_STATE} WHERE plan_id = ?", [plan_id]).fetchone()
    if row is None or row[0] != fingerprint:
        return None
    rows = db.execute(
        f"SELECT node_id, plan_id, kind, field, head, body, sentences, head_tokens, body_tokens FROM {OLD_DOCS} "
        "WHERE plan_id = ?",
        [plan_id],
    ).fetchall()
    return [(doc_id(n, b), n, p, k, f, h, b, s, pack_tokens(h, b, ht, bt), ht, bt) for n, p, k, f, h, b, s, ht, bt in rows]


def doc_id(node_id: int, body: str) -> int:
    """A document's key: its body length (capped) above its node id, so that shorter documents come first."""
    if not 0 <= node_id < (1 << NODE_BITS):
        raise ValueError(f"node id {node_id} does not fit the search index's {NODE_BITS} bits")
    return (min(len(body), (1 << LENGTH_BITS) - 1) << NODE_BITS) | node_id


def node_of(doc: int) -> int:
    return doc & ((1 << NODE_BITS) - 1)


def pack_tokens(head: str, body: str, head_tokens: str, body_tokens: str) -> bytes:
    """The token columns, deflated with the head and body as the preset dictionary: the tokens are
    mostly substrings of them, so this keeps about a quarter of the text's bytes.  Read back only
    to delete the rows from the contentless search_fts."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, (head + body).encode("utf-8"))
    return packer.compress(f"{head_tokens}\x1f{body_tokens}".encode("utf-8")) + packer.flush()


def unpack_tokens(head: str, body: str, packed: bytes) -> tuple[str, str]:
    text = zlib.decompressobj(-15, (head + body).encode("utf-8")).decompress(packed).decode("utf-8")
    head_tokens, body_tokens = text.split("\x1f")
    return head_tokens, body_tokens


def _plan_fingerprints(db: Database, dictionary: str) -> dict[int, str]:
    """What each plan holding nodes would be indexed as: its sha256 and node revision (migration
    m_issue14_node_revisions), the user dictionary and the index version.  One indexed query."""
    rows = db.execute(
        "SELECT p.id, p.sha256, coalesce(r.revision, 0) FROM plans p LEFT JOIN node_revisions r ON r.plan_id = p.id "
        "WHERE EXISTS (SELECT 1 FROM nodes n WHERE n.plan_id = p.id) ORDER BY p.id"
    )
    return {
        plan_id: hashlib.sha256(f"{INDEX_VERSION}\x1e{dictionary}\x1e{sha}\x1e{revision}".encode()).hexdigest()[:32]
        for plan_id, sha, revision in rows
    }


def _schema_version(db: Database) -> str | None:
    if not db[META].exists():
        return None
    row = db.execute(f"SELECT value FROM {META} WHERE key = 'schema'").fetchone()
    return row[0] if row else None


def _node_rows(db: Database, plan_id: int) -> list[tuple]:
    return db.execute(
        "SELECT id, parent_id, position, kind, label, title, text FROM nodes WHERE plan_id = ? ORDER BY id",
        [plan_id],
    ).fetchall()


def _fingerprint(rows: list[tuple], dictionary: str) -> str:
    digest = hashlib.sha256(f"{INDEX_VERSION}\x1e{dictionary}".encode())
    for row in rows:
        digest.update("\x1f".join("" if v is None else str(v) for v in row).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()[:32]


def spaced(text: str) -> str:
    """One character per token, ASCII lower-cased, GAP for each character that is not a letter or digit
    (search_uni's columns, and its phrase queries)."""
    return " ".join(ch if is_word_char(ch) else GAP for ch in text.encode("utf-8").lower().decode("utf-8"))


def is_word_char(ch: str) -> bool:
    """A letter or digit: what search_uni indexes as itself."""
    return unicodedata.category(ch)[0] in "LN"


def _delete_plan(db: Database, plan_id: int) -> None:
    # External-content and contentless FTS5: old rows are removed by replaying their values.
    rows = db.execute(f"SELECT doc_id, head, body, tokens FROM {DOCS} WHERE plan_id = ?", [plan_id]).fetchall()
    db.conn.executemany(
        f"INSERT INTO {FTS}({FTS}, rowid, head_tokens, body_tokens) VALUES ('delete', ?, ?, ?)",
        [(n, *unpack_tokens(h, b, t)) for n, h, b, t in rows],
    )
    db.execute(
        f"INSERT INTO {TRI}({TRI}, rowid, head, body) SELECT 'delete', doc_id, head, body FROM {DOCS} WHERE plan_id = ?",
        [plan_id],
    )
    db.conn.executemany(
        f"INSERT INTO {UNI}({UNI}, rowid, head, body) VALUES ('delete', ?, ?, ?)",
        [(n, spaced(h), spaced(b)) for n, h, b, _ in rows],
    )
    db.execute(f"DELETE FROM {DOCS} WHERE plan_id = ?", [plan_id])
    db.execute(f"DELETE FROM {STATE} WHERE plan_id = ?", [plan_id])


def _records(docs: list[Doc]) -> list[tuple]:
    """search_docs rows, and the head and body cut into space-separated tokens."""
    records = []
    for d in docs:
        head_tokens, body_tokens = " ".join(segment.tokens(d.head)), " ".join(segment.tokens(d.body))
        records.append((
            doc_id(d.node_id, d.body), d.node_id, d.plan_id, d.kind, d.field, d.head, d.body, json.dumps(d.sentences),
            pack_tokens(d.head, d.body, head_tokens, body_tokens), head_tokens, body_tokens,
        ))  # fmt: skip
    return records


def _insert(db: Database, plan_id: int, records: list[tuple]) -> None:
    db.conn.executemany(
        f"INSERT INTO {DOCS}(doc_id, node_id, plan_id, kind, field, head, body, sentences, tokens) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [r[:9] for r in records],
    )
    db.conn.executemany(
        f"INSERT INTO {FTS}(rowid, head_tokens, body_tokens) VALUES (?, ?, ?)", [(r[0], r[9], r[10]) for r in records]
    )
    db.execute(f"INSERT INTO {TRI}(rowid, head, body) SELECT doc_id, head, body FROM {DOCS} WHERE plan_id = ?", [plan_id])
    db.conn.executemany(
        f"INSERT INTO {UNI}(rowid, head, body) VALUES (?, ?, ?)", [(r[0], spaced(r[5]), spaced(r[6])) for r in records]
    )
