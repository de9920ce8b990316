"""What an event is, and reading events back: the fields, the records, the queries.

An event's stored row holds every field of `Event`; `before` and `after` are
stored as canonical JSON text (audit.append_event) and decoded when read here.
The hash chain over these fields is audit_chain.py; writing events is audit.py.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from workbench.storage.errors import StoreError

ZERO_HASH = "0" * 64

# Fields covered by the hash, i.e. every column except seq and hash.
HASHED_FIELDS = (
    "uuid",
    "origin",
    "time_utc",
    "tz_offset",
    "reviewer",
    "reviewer_unit",
    "os_user",
    "host",
    "action",
    "subject",
    "plan_sha256",
    "node_key",
    "department_uid",
    "indicator_key",
    "before",
    "after",
    "reason",
    "prev_hash",
)
# What part of the state an event's before/after describe, by action.  Replay
# sets state[subject][target] = after; undo/redo name their subject explicitly.
SUBJECTS = {
    "plan_import": "plan",  # target plan_sha256; after = {title, source_name, node_count, indicator_count}
    "registry_load": "departments",  # after = [department record, ...]
    "department_add": "department",  # target department_uid; before/after = department record
    "department_rename": "department",
    "department_retire": "department",
    "department_restore": "department",
    "assign": "assignments",  # target node; before/after = [{department, name, role}, ...]
    "unassign": "assignments",
    "reorder": "assignments",
    "set_role": "assignments",
    "set_assignments": "assignments",
    "link_indicator": "indicator_links",  # target node; before/after = [indicator key, ...]
    "unlink_indicator": "indicator_links",
    "set_indicator_links": "indicator_links",
    "note": "note",  # target node; before/after = text ('' = none)
    "review_status": "review_status",  # before/after = status
    "timing": "timing",  # before/after = timing
}
# Not hashed: the signature signs the hash (signing/signers.py event_message).
SIGNATURE_FIELDS = ("signer", "signature")
KEY_ACTION = "key_publish"  # a reviewer's public key, name and unit; after = {algorithm, public_key, name, unit}
KEY_SUBJECT = "key"
ALL_FIELDS = ("seq", *HASHED_FIELDS, "hash", *SIGNATURE_FIELDS)
# Every stored column but seq, as stored (before/after as canonical JSON text): what merge copies.
STORED_FIELDS = (*HASHED_FIELDS, "hash", *SIGNATURE_FIELDS)
STORED_COLUMNS = ", ".join(f'"{name}"' for name in STORED_FIELDS)
COLUMNS = ", ".join(f'"{name}"' for name in ALL_FIELDS)


@dataclass(frozen=True)
class Reviewer:
    """The person a write is attributed to (OS user and host are added automatically)."""

    name: str
    unit: str = ""


# Attributed automatic work, such as loading the registry into a new workspace.
SYSTEM_REVIEWER = Reviewer(name="workbench")


@dataclass(frozen=True)
class Event:
    seq: int
    uuid: str
    origin: str
    time_utc: str  # ISO 8601, UTC, microseconds
    tz_offset: str  # the reviewer's local offset then, "+08:00"
    reviewer: str
    reviewer_unit: str
    os_user: str
    host: str
    action: str
    subject: str  # which state before/after describe: see SUBJECTS
    plan_sha256: str | None
    node_key: str | None
    department_uid: str | None
    indicator_key: str | None
    before: Any  # decoded JSON, None when absent
    after: Any
    reason: str | None
    prev_hash: str
    hash: str
    signer: str | None = None  # fingerprint of the signing key; None for events from before signing
    signature: str | None = None  # base64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(fields: Mapping[str, Any]) -> str:
    """The hash of one event given its fields (before/after as JSON values)."""
    payload = {name: fields[name] for name in HASHED_FIELDS}
    data = fields["prev_hash"] + canonical_json(payload)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def decode_row(row: sqlite3.Row | tuple[Any, ...]) -> Event:
    values = dict(zip(ALL_FIELDS, row))
    for name in ("before", "after"):
        values[name] = None if values[name] is None else json.loads(values[name])
    return Event(**values)


def iter_events(db: sqlite_utils.Database) -> Iterator[Event]:
    cursor = db.conn.execute(f"SELECT {COLUMNS} FROM events ORDER BY seq")
    for row in cursor:
        yield decode_row(row)



def events(
    db: sqlite_utils.Database,
    *,
    reviewer: str | None = None,
    since: str | datetime | None = None,
    node_key: str | None = None,
    department_uid: str | None = None,
    plan_sha256: str | None = None,
    action: str | None = None,
    subject: str | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Events matching every given filter, oldest first.

    `since` is a UTC ISO time (or an aware datetime); with `limit`, the most
    recent `limit` matching events are returned, still oldest first.
    """
    where: list[str] = []
    params: list[Any] = []
    if since is not None:
        if isinstance(since, datetime):
            if since.tzinfo is None:
                raise StoreError("since must be an aware datetime (or a UTC ISO string)")
            since = since.astimezone(timezone.utc).isoformat(timespec="microseconds")
        where.append("time_utc >= ?")
        params.append(since)
    for column, value in (
        ("reviewer", reviewer),
        ("node_key", node_key),
        ("department_uid", department_uid),
        ("plan_sha256", plan_sha256),
        ("action", action),
        ("subject", subject),
    ):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {COLUMNS} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = db.conn.execute(sql, params).fetchall()
    return [decode_row(row) for row in reversed(rows)]


def event_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM events").fetchone()[0])


def events_by_uuid(db: sqlite_utils.Database, uuids: Iterable[str]) -> dict[str, Event]:
    """The events with these uuids (those present), by uuid."""
    wanted = json.dumps(sorted(set(uuids)))
    rows = db.conn.execute(
        f"SELECT {COLUMNS} FROM events WHERE uuid IN (SELECT value FROM json_each(?)) ORDER BY seq", [wanted]
    ).fetchall()
    return {event.uuid: event for event in map(decode_row, rows)}
