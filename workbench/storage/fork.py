"""A workspace file copied to another place becomes a workspace of its own.

Reviewers get their workspaces by copying one file (removable media, a shared
folder).  Each event's hash chain belongs to the workspace that wrote it (its
origin), so two copies writing under the same origin would fork one chain and
could never be merged.  When a workspace is opened at a path other than the
one it last recorded, it therefore takes a new identity and records what it
had seen at that moment as a `merge` event of its new chain: the events it
carries are then known to precede everything written in the copy, exactly as
if they had been merged in.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import sqlite_utils

from workbench.storage import audit
from workbench.storage.audit import SYSTEM_REVIEWER, Reviewer
from workbench.storage.history import MERGE_ACTION, MERGE_SUBJECT

PATH_KEY = "workspace_path"


def fork_if_moved(db: sqlite_utils.Database, path: Path, *, reviewer: Reviewer | None = None) -> str | None:
    """Give the workspace a new identity if it was copied or moved here; return the old uuid if so."""
    where = str(Path(path).resolve())
    row = db.execute("SELECT value FROM meta WHERE key = ?", [PATH_KEY]).fetchone()
    with db.atomic():
        if row is None:  # first open (or a workspace from before paths were recorded)
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [PATH_KEY, where])
            return None
        if row[0] == where:
            return None
        old = audit.workspace_uuid(db)
        heads: dict[str, dict[str, object]] = {}
        for event in audit.events(db):
            head = heads.setdefault(event.origin, {"count": 0, "hash": ""})
            head["count"] = int(head["count"]) + 1
            head["hash"] = event.hash
        new = str(uuid.uuid4())
        db.execute("UPDATE meta SET value = ? WHERE key = 'workspace_uuid'", [new])
        db.execute("UPDATE meta SET value = ? WHERE key = ?", [where, PATH_KEY])
        if heads:
            audit.append_event(
                db, reviewer=reviewer or SYSTEM_REVIEWER, action=MERGE_ACTION, subject=MERGE_SUBJECT,
                after={"workspace": old, "file": Path(row[0]).name, "events": 0, "heads": heads, "copy": True},
                reason=f"copied from {row[0]}",
            )
        return old
