"""The hash chain of the event log, checked from the rows as stored.

    hash = sha256(prev_hash + canonical_json({every field except seq and hash}))

(audit.py).  `before` and `after` are stored as canonical JSON, so their
stored text *is* their canonical form and nothing needs decoding to check a
hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from .audit_events import ALL_FIELDS, COLUMNS, HASHED_FIELDS, ZERO_HASH, canonical_json


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_uuid: str | None = None
    reason: str = ""


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
    for values in db.conn.execute(f"SELECT {COLUMNS} FROM events ORDER BY seq"):
        row = dict(zip(ALL_FIELDS, values))
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

