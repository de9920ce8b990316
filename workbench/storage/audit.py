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
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import json
import socket
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from .errors import StoreError
from .signing.signers import Signer, encode, event_message

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
_ALL_FIELDS = ("seq", *HASHED_FIELDS, "hash", *SIGNATURE_FIELDS)
# Every stored column but seq, as stored (before/after as canonical JSON text): what merge copies.
STORED_FIELDS = (*HASHED_FIELDS, "hash", *SIGNATURE_FIELDS)
STORED_COLUMNS = ", ".join(f'"{name}"' for name in STORED_FIELDS)
_COLUMNS = ", ".join(f'"{name}"' for name in _ALL_FIELDS)


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


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_uuid: str | None = None
    reason: str = ""


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(fields: Mapping[str, Any]) -> str:
    """The hash of one event given its fields (before/after as JSON values)."""
    payload = {name: fields[name] for name in HASHED_FIELDS}
    data = fields["prev_hash"] + canonical_json(payload)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@functools.cache
def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (containers)
        return ""


@functools.cache
def host_name() -> str:
    try:
        return socket.gethostname()
    except OSError:
        return ""


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
        from .signing.profile import default_signer

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


def _decode(row: sqlite3.Row | tuple[Any, ...]) -> Event:
    values = dict(zip(_ALL_FIELDS, row))
    for name in ("before", "after"):
        values[name] = None if values[name] is None else json.loads(values[name])
    return Event(**values)


def _iter_events(db: sqlite_utils.Database) -> Iterator[Event]:
    cursor = db.conn.execute(f"SELECT {_COLUMNS} FROM events ORDER BY seq")
    for row in cursor:
        yield _decode(row)


_SORTED_HASHED = sorted(HASHED_FIELDS)  # canonical JSON sorts its keys
_JSON_TEXT_FIELDS = frozenset(("before", "after"))
_encode_text = json.encoder.encode_basestring  # json.dumps of a str with ensure_ascii=False, in C


def stored_hash(row: Mapping[str, Any]) -> str:
    """event_hash computed from the event as stored, without decoding before/after.

    They are stored as canonical JSON (append_event), so their text *is* their
    canonical form; a text that is not canonical (edited by hand) gives a
    different hash, as an edited value would.
    """
    parts = []
    for name in _SORTED_HASHED:
        value = row[name]
        if value is None:
            text = "null"
        elif name in _JSON_TEXT_FIELDS:
            text = value
        elif isinstance(value, str):
            text = _encode_text(value)
        else:
            text = canonical_json(value)
        parts.append(f'"{name}":{text}')
    data = row["prev_hash"] + "{" + ",".join(parts) + "}"
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def verify_chain(db: sqlite_utils.Database) -> ChainReport:
    """Recompute every hash in seq order and check each origin's links.

    Detects an edited event (hash mismatch), a deleted or reordered event (a
    prev_hash that does not name the previous event of its origin) and, via
    sqlite_sequence, events deleted from the end of the log.  Streams the
    stored rows (nothing decoded, one row in memory at a time).
    """
    heads: dict[str, str] = {}
    checked = 0
    last_seq = 0
    for values in db.conn.execute(f"SELECT {_COLUMNS} FROM events ORDER BY seq"):
        row = dict(zip(_ALL_FIELDS, values))
        event = _RowView(row)
        checked += 1
        last_seq = event.seq
        try:
            recomputed = stored_hash(row)
        except (TypeError, ValueError) as exc:
            return ChainReport(False, checked, event.uuid, f"event {event.seq} cannot be hashed: {exc}")
        expected_prev = heads.get(event.origin, ZERO_HASH)
        if event.prev_hash != expected_prev:
            return ChainReport(
                False,
                checked,
                event.uuid,
                f"event {event.seq} does not follow the previous event of its workspace "
                "(an event was deleted, inserted or reordered)",
            )
        if recomputed != event.hash:
            return ChainReport(False, checked, event.uuid, f"event {event.seq} was altered (hash mismatch)")
        heads[event.origin] = event.hash
    row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
    if row is not None and int(row[0]) > last_seq:
        return ChainReport(
            False,
            checked,
            None,
            f"events after seq {last_seq} are missing (the log reached seq {row[0]})",
        )
    return ChainReport(True, checked, None, "")


class _RowView:
    __slots__ = ("seq", "uuid", "origin", "prev_hash", "hash")

    def __init__(self, row: Mapping[str, Any]) -> None:
        for name in self.__slots__:
            setattr(self, name, row[name])


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
    sql = f"SELECT {_COLUMNS} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = db.conn.execute(sql, params).fetchall()
    return [_decode(row) for row in reversed(rows)]


def event_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM events").fetchone()[0])


def events_by_uuid(db: sqlite_utils.Database, uuids: Iterable[str]) -> dict[str, Event]:
    """The events with these uuids (those present), by uuid."""
    wanted = json.dumps(sorted(set(uuids)))
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM events WHERE uuid IN (SELECT value FROM json_each(?)) ORDER BY seq", [wanted]
    ).fetchall()
    return {event.uuid: event for event in map(_decode, rows)}
