"""The append-only event log: who changed what, when, and what was there before.

Auditors must be able to trust "who tagged what and when".  So every repository
write appends exactly one event *inside its own transaction* (the change and its
event commit or vanish together), triggers refuse UPDATE and DELETE on the
events table, and each event carries the hash of the one before it.

The chain is kept per origin (the workspace an event was first written in), so
that events merged in from another reviewer's workspace keep their own chain:

    hash = sha256(prev_hash + canonical_json({every field except seq and hash}))

where `before` and `after` enter as JSON values (not as their stored text) and
canonical JSON is json.dumps(sort_keys=True, ensure_ascii=False,
separators=(",", ":")).  The first event of an origin has 64 zeros as prev_hash.

Every event is also signed (signer, signature; not hashed: the signature
signs the hash, see signing/signers.py) by the key of the connection
(open_workspace's `signer`, else the reviewer's profile key).  The first time
a key writes under a (name, unit), a signed `key_publish` event publishes
the public key with that name and unit.

This module writes events.  What an event is and the queries reading events
back live in audit_events.py, checking the hash chain in audit_chain.py;
both are re-exported here, so `from workbench.storage.audit.audit import ...` and
`audit.events(...)` keep working.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
import uuid
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from workbench.storage.lazy_names import lazy_names

# The records, the fields and the reading queries (audit_events.py) and the hash chain (audit_chain.py)
# are re-exported: callers import them from here (the chain's names on first use, see __getattr__).
from workbench.storage.audit.audit_events import (  # noqa: F401
    ALL_FIELDS,
    COLUMNS,
    HASHED_FIELDS,
    KEY_ACTION,
    KEY_SUBJECT,
    SIGNATURE_FIELDS,
    STORED_COLUMNS,
    STORED_FIELDS,
    SUBJECTS,
    SYSTEM_REVIEWER,
    ZERO_HASH,
    Event,
    Reviewer,
    canonical_json,
    decode_row,
    event_count,
    event_hash,
    events,
    events_by_uuid,
    iter_events,
)
from workbench.storage.errors import StoreError
from workbench.storage.signing.signers import Signer, encode, event_message


@functools.cache
def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (containers)
        return ""


@functools.cache
def host_name() -> str:
    try:
        if hasattr(os, "uname"):  # what gethostname() returns on POSIX, without importing socket
            return os.uname().nodename
        import socket

        return socket.gethostname()
    except OSError:
        return ""


# The hash chain's names (audit_chain.py) on first use: writing and reading events need none of them, and a
# short command would pay for building its classes at start.
__getattr__ = lazy_names(__name__, dict.fromkeys(("ChainReport", "stored_hash", "verify_chain"),
                                                "workbench.storage.audit.audit_chain"))  # fmt: skip


def workspace_uuid(db: sqlite_utils.Database) -> str:
    """This workspace's origin id (set by the first migration)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'workspace_uuid'").fetchone()
    if row is None:
        raise StoreError("the workspace has no identity (meta.workspace_uuid missing)")
    return str(row[0])


def head_hash(db: sqlite_utils.Database) -> str:
    """Hash of this workspace's latest event: what an export cites to tie itself to the log."""
    row = db.execute(
        "SELECT hash FROM events WHERE origin = ? ORDER BY seq DESC LIMIT 1",
        [workspace_uuid(db)],
    ).fetchone()
    return str(row[0]) if row else ZERO_HASH


def _utc_now() -> tuple[str, str]:
    now = datetime.now(timezone.utc)
    offset = now.astimezone().utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return now.isoformat(timespec="microseconds"), f"{sign}{hours:02d}:{mins:02d}"


def append_event(
    db: sqlite_utils.Database,
    *,
    reviewer: Reviewer,
    action: str,
    plan_sha256: str | None = None,
    node_key: str | None = None,
    department_uid: str | None = None,
    indicator_key: str | None = None,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
    subject: str | None = None,
) -> Event:
    """Append one event; must run inside the caller's open transaction.

    `subject` defaults to SUBJECTS[action]; actions outside that table (undo,
    redo, later merge actions) must give it.
    """
    if not db.conn.in_transaction:
        raise StoreError("append_event must be called inside the write's transaction")
    if not reviewer.name.strip():
        raise StoreError("every write needs a reviewer name")
    if not action:
        raise StoreError("an event needs an action")
    subject = subject or SUBJECTS.get(action)
    if not subject:
        raise StoreError(f"event action {action!r} needs an explicit subject")
    signer = signer_of(db)
    signed = not getattr(signer, "unsigned", False)
    if signed and action != KEY_ACTION:
        _publish_key(db, signer, reviewer)  # before this event: it takes the chain's head
    origin = workspace_uuid(db)
    time_utc, tz_offset = _utc_now()
    fields: dict[str, Any] = {
        "uuid": str(uuid.uuid4()),
        "origin": origin,
        "time_utc": time_utc,
        "tz_offset": tz_offset,
        "reviewer": reviewer.name,
        "reviewer_unit": reviewer.unit,
        "os_user": os_user(),
        "host": host_name(),
        "action": action,
        "subject": subject,
        "plan_sha256": plan_sha256,
        "node_key": node_key,
        "department_uid": department_uid,
        "indicator_key": indicator_key,
        # Stored as canonical JSON and hashed as the decoded value, so the two agree.
        "before": None if before is None else json.loads(canonical_json(before)),
        "after": None if after is None else json.loads(canonical_json(after)),
        "reason": reason,
        "prev_hash": head_hash(db),
    }
    fields["hash"] = event_hash(fields)
    fields["signer"] = signer.fingerprint if signed else None
    fields["signature"] = encode(signer.sign(event_message(signer.fingerprint, fields["hash"]))) if signed else None
    stored = dict(fields)
    for name in ("before", "after"):
        stored[name] = None if fields[name] is None else canonical_json(fields[name])
    names = list(stored)
    cursor = db.execute(
        "INSERT INTO events ({}) VALUES ({})".format(
            ", ".join(f'"{n}"' for n in names), ", ".join("?" for _ in names)
        ),
        [stored[n] for n in names],
    )
    db.execute(
        "INSERT OR IGNORE INTO reviewers (name, unit, first_seen) VALUES (?, ?, ?)",
        [reviewer.name, reviewer.unit, time_utc],
    )
    return Event(seq=int(cursor.lastrowid or 0), **fields)


def signer_of(db: sqlite_utils.Database) -> Signer:
    """The key this connection signs with: the one given to open_workspace, else the profile's."""
    signer = getattr(db, "signer", None)
    if signer is None:
        from workbench.storage.signing.profile import default_signer

        signer = default_signer()
    return signer


def _publish_key(db: sqlite_utils.Database, signer: Signer, reviewer: Reviewer) -> None:
    """Publish (key, name, unit) by a signed event the first time that key writes under that name here."""
    published = db.execute(
        "SELECT 1 FROM events WHERE subject = ? AND action = ? AND signer = ? AND reviewer = ? "
        "AND reviewer_unit = ? LIMIT 1",
        [KEY_SUBJECT, KEY_ACTION, signer.fingerprint, reviewer.name, reviewer.unit],
    ).fetchone()
    if published is None:
        append_event(
            db, reviewer=reviewer, action=KEY_ACTION, subject=KEY_SUBJECT,
            after={"algorithm": signer.algorithm, "public_key": encode(signer.public_key),
                   "name": reviewer.name, "unit": reviewer.unit},
        )  # fmt: skip



__all__ = [
    "ALL_FIELDS", "COLUMNS", "HASHED_FIELDS", "KEY_ACTION", "KEY_SUBJECT", "SIGNATURE_FIELDS", "STORED_COLUMNS",
    "STORED_FIELDS", "SUBJECTS", "SYSTEM_REVIEWER", "ZERO_HASH", "ChainReport", "Event", "Reviewer", "append_event",
    "canonical_json", "decode_row", "event_count", "event_hash", "events", "events_by_uuid", "head_hash", "host_name",
    "iter_events", "os_user", "signer_of", "stored_hash", "verify_chain", "workspace_uuid",
]  # fmt: skip
