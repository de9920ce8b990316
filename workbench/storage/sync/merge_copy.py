"""Copying the new event rows of another workspace into ours, exactly as they are stored.

Inside SQLite when it can: their file is attached read-only to our
connection (the URI open_source opened: immutable, or its private copy) and
one INSERT ... SELECT copies the rows with no Python object per value.  Where
that is not possible (an SQLite built without URI filenames, a transaction
already open) the rows are streamed through Python (executemany over a
cursor on their file).  Either way only their table itself is read (NOT
INDEXED, a range of seq numbers), never their indexes, which merge does not
check; and the rows copied are exactly those the verified pass found new
(merge.py gives, per origin, the seq after which their rows are new).
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Iterator

import sqlite_utils

from workbench.storage.audit.audit_events import STORED_COLUMNS, STORED_FIELDS
from workbench.storage.errors import StoreError

SCHEMA = "merge_source"


class CopyError(StoreError):
    """The rows could not be copied as verified; nothing was written (the transaction rolls back)."""


@functools.cache
def _uri_filenames() -> bool:
    """Whether this SQLite reads a URI given to ATTACH as a URI (else it would create a file of that name)."""
    conn = sqlite3.connect(":memory:")
    try:
        return any(o == "USE_URI" or o == "USE_URI=1" for (o,) in conn.execute("PRAGMA compile_options"))
    finally:
        conn.close()


@contextlib.contextmanager
def attached(db: sqlite_utils.Database, uri: str) -> Iterator[str | None]:
    """Their file attached read-only to `db` (yields the schema name), or None where it cannot be."""
    if not uri or "mode=ro" not in uri or db.conn.in_transaction or not _uri_filenames():
        yield None
        return
    try:
        db.execute(f"ATTACH DATABASE ? AS {SCHEMA}", [uri])
    except sqlite3.Error:
        yield None
        return
    try:
        yield SCHEMA
    finally:
        with contextlib.suppress(sqlite3.Error):
            db.execute(f"DETACH DATABASE {SCHEMA}")


def _new_rows(after: dict[str, int]) -> tuple[str, list]:
    """FROM/WHERE selecting, in their seq order, their rows of each origin after the seq given."""
    clauses, params = [], []
    for origin, seq in sorted(after.items()):
        clauses.append("(origin = ? AND seq > ?)")
        params += [origin, seq]
    return f"events NOT INDEXED WHERE seq > ? AND ({' OR '.join(clauses)}) ORDER BY seq", [min(after.values()), *params]


def copy_rows(db: sqlite_utils.Database, source: sqlite3.Connection, schema: str | None, after: dict[str, int],
              expected: int) -> tuple[int, int]:  # fmt: skip
    """Insert their rows after `after[origin]` (their seq numbers) into our events, inside our transaction.

    Returns how many, and the seq the first one got here (the others follow it:
    AUTOINCREMENT numbers consecutive inserts consecutively).  Raises
    sqlite3.IntegrityError when an event is already here (a uuid in two
    histories), CopyError when the count differs from `expected`.
    """
    rows, params = _new_rows(after)
    insert = f"INSERT INTO main.events ({STORED_COLUMNS})"
    # A larger page cache for the inserts: the uuid and hash indexes take random inserts, which
    # thrash SQLite's default 8 MB cache.  Restored after the inserts.
    (cache,) = db.execute("PRAGMA main.cache_size").fetchone()
    db.execute("PRAGMA main.cache_size = -65536")
    try:
        if schema is not None:
            count = db.conn.execute(f"{insert} SELECT {STORED_COLUMNS} FROM {schema}.{rows}", params).rowcount
        else:
            values = ", ".join("?" * len(STORED_FIELDS))
            stream = source.execute(f"SELECT {STORED_COLUMNS} FROM {rows}", params)  # row by row
            count = db.conn.executemany(f"{insert} VALUES ({values})", stream).rowcount
    finally:
        db.execute(f"PRAGMA main.cache_size = {int(cache)}")
    if count != expected:
        raise CopyError(f"{count} event rows found to copy where the verified log has {expected}")
    (last,) = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
    return count, int(last) - count + 1


def record_new_authors(db: sqlite_utils.Database) -> None:
    """Authors new to this file, first seen at their first event here (both found through the reviewer index)."""
    db.execute(
        "INSERT OR IGNORE INTO reviewers (name, unit, first_seen) SELECT a.reviewer, a.reviewer_unit, "
        "(SELECT e.time_utc FROM events e WHERE e.reviewer = a.reviewer AND e.reviewer_unit = a.reviewer_unit "
        "ORDER BY e.seq LIMIT 1) FROM (SELECT DISTINCT reviewer, reviewer_unit FROM events) a "
        "WHERE NOT EXISTS (SELECT 1 FROM reviewers r WHERE r.name = a.reviewer AND r.unit = a.reviewer_unit)"
    )
