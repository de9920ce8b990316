"""Workspace identity follows the reviewer who writes in it, not the file's path.

Each event's hash chain belongs to the workspace that wrote it (its origin).
Two copies of one file writing under the same origin would fork that chain and
could never be merged again.  A workspace therefore records the key that
writes its chain (`meta.writer_key`).  When a reviewer whose key differs opens
the file (a copy carried to another reviewer's computer, wherever it sits on
that computer's disks), the copy takes a new identity and records what it had
seen at that moment as a `merge` event of its new chain: the events it carries
are then known to precede everything written in the copy, exactly as if they
had been merged in.  Moving or renaming a file changes nothing, and no path
or user name is written into the log.

`handout` makes the copy explicitly: a consistent copy through SQLite's backup
API (the latest writes included, even while the workspace is open, and no
-wal file beside it), with its own identity, ready for the named reviewer.
The same reviewer editing two plain copies of one file on one computer is the
one case this cannot tell from a move: hand copies out instead.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit import SYSTEM_REVIEWER, Reviewer
from workbench.storage.errors import StoreError

WRITER_KEY = "writer_key"


def _meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def _set_meta(db: sqlite_utils.Database, key: str, value: str | None) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", [key])
    if value is not None:
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value])


def current_heads(db: sqlite_utils.Database) -> dict[str, dict[str, object]]:
    """origin -> {count, hash} of every chain the workspace holds."""
    rows = db.execute(
        "SELECT e.origin, c.n, e.hash FROM (SELECT origin, count(*) AS n, max(seq) AS last FROM events "
        "GROUP BY origin) c JOIN events e ON e.seq = c.last"
    ).fetchall()
    return {origin: {"count": int(count), "hash": head} for origin, count, head in rows}


def claim_or_fork(db: sqlite_utils.Database, *, reviewer: Reviewer | None = None) -> str | None:
    """Make the workspace's chain the opening reviewer's; return the old uuid if it had to fork."""
    key = audit.signer_of(db).fingerprint
    with db.atomic():
        writer = _meta(db, WRITER_KEY)
        if writer == key:
            return None
        if writer is None:  # new, handed out, or from before keys: the first key to open it writes it
            _set_meta(db, WRITER_KEY, key)
            return None
        old = _new_identity(db, reviewer or SYSTEM_REVIEWER, {"copy": True})
        _set_meta(db, WRITER_KEY, key)
        return old


def _new_identity(db: sqlite_utils.Database, reviewer: Reviewer, note: dict[str, object]) -> str:
    from workbench.storage.audit.history import MERGE_ACTION, MERGE_SUBJECT  # only when the chain forks

    old = audit.workspace_uuid(db)
    heads = current_heads(db)
    db.execute("UPDATE meta SET value = ? WHERE key = 'workspace_uuid'", [str(uuid.uuid4())])
    if heads:
        audit.append_event(
            db, reviewer=reviewer, action=MERGE_ACTION, subject=MERGE_SUBJECT,
            after={"workspace": old, "events": 0, "heads": heads, **note},
        )  # fmt: skip
    return old


def handout(db: sqlite_utils.Database, target: Path, *, to: str, reviewer: Reviewer) -> Path:
    """Write a copy of the open workspace for reviewer `to` at `target` (which must not exist)."""
    target = Path(target)
    if not to.strip():
        raise StoreError("name the reviewer the copy is for")
    if target.exists():
        raise StoreError(f"{target} already exists: choose a new file name")
    if not target.parent.is_dir():
        raise StoreError(f"{target.parent} is not a folder")
    partial = target.with_name(target.name + ".part")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    destination = sqlite3.connect(partial)
    try:
        db.conn.backup(destination)  # through our connection: what is still in our -wal comes too
    finally:
        destination.close()
    copy = sqlite_utils.Database(partial)
    try:
        copy.signer = audit.signer_of(db)  # type: ignore[attr-defined]
        with copy.atomic():
            _new_identity(copy, reviewer, {"copy": True, "handout": to.strip()})
            _set_meta(copy, WRITER_KEY, None)
        copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    copy.close()  # the last connection: SQLite removes the -wal and -shm files
    os.replace(partial, target)
    return target
