"""The hash chain of the event log, checked from the rows as stored, in one pass.

    hash = sha256(prev_hash + canonical_json({every field except seq and hash}))

(audit.py).  `before` and `after` are stored as canonical JSON, so their
stored text *is* their canonical form: nothing needs decoding to check a hash
(a text that is not canonical, edited by hand, gives a different hash, as an
edited value would).  SQLite builds the hashed text of each row itself
(json_quote escapes a string exactly as canonical JSON does; checked against
Python's encoder on the connection before it is relied on) and hands it over
as bytes, so a row costs one sha256 in Python.

`scan_log` reads every row once, in seq order: it checks each origin's links
and hashes, notes the first seq number missing, and keeps the light events
(audit_lean.py) that history, signatures and replay need, so that verify and
merge read the log once.  It reads the columns as they are stored and builds
the hashed text in Python with one f-string and the C JSON string encoder
(the same text as `stored_text`): cheaper than letting SQLite build it,
because the light events need most columns in Python anyway.  A row whose
text cannot be built that way (a value that is not text) is hashed by
`stored_hash`, which names it; a log with text that is not valid UTF-8 (which
Python cannot read) is scanned again the SQL way above, which names its row.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import sqlite_utils

from workbench.storage.audit.audit_events import ALL_FIELDS, COLUMNS, HASHED_FIELDS, ZERO_HASH, canonical_json
from workbench.storage.audit.audit_lean import KEEP_AFTER, LEAN_COLUMNS, LeanEvent, lean_class, lean_maker

if TYPE_CHECKING:
    from workbench.storage.audit.last_events import ReadTargets


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_uuid: str | None = None
    reason: str = ""


@dataclass
class LogScan:
    """What one pass over the log found."""

    chain: ChainReport
    missing_seq: int | None = None  # the first seq number missing from the log (no gap: None)
    events: list[LeanEvent] = field(default_factory=list)  # every event, in seq order (when kept)


_SORTED_HASHED = sorted(HASHED_FIELDS)  # canonical JSON sorts its keys
_JSON_TEXT_FIELDS = frozenset(("before", "after"))
_encode_text = json.encoder.encode_basestring  # json.dumps of a str with ensure_ascii=False, in C


def stored_text(row: Mapping[str, Any]) -> str:
    """The text an event's hash covers, built from the event as stored (before/after not decoded)."""
    parts = []
    for name in _SORTED_HASHED:
        value = row[name]
        if value is None:
            text = "null"
        elif not isinstance(value, str):
            # Every column of the log is TEXT: a number or blob here comes from a file whose table was
            # altered, and would change (become text) when copied into a workspace, breaking its chain.
            raise ValueError(f"its {name} is not text ({type(value).__name__})")
        elif name in _JSON_TEXT_FIELDS:
            text = value
        else:
            text = _encode_text(value)
        parts.append(f'"{name}":{text}')
    if not isinstance(row["prev_hash"], str):
        raise ValueError(f"its prev_hash is not text ({type(row['prev_hash']).__name__})")
    return row["prev_hash"] + "{" + ",".join(parts) + "}"


def stored_hash(row: Mapping[str, Any]) -> str:
    """event_hash computed from the event as stored, without decoding before/after."""
    return hashlib.sha256(stored_text(row).encode("utf-8")).hexdigest()


def _text_sql() -> str:
    """SQL giving stored_text of a row as UTF-8 bytes, built by one printf (no copy per field).

    NULL for a row it cannot build alike (a value that is not text, no prev_hash, a NUL character in a
    text entering unquoted), which scan_log then hashes with stored_hash, as before (refusing non-text).
    """
    template = ["%s"]
    values = ['"prev_hash"']
    for index, name in enumerate(_SORTED_HASHED):
        template.append(f'{"{" if index == 0 else ","}"{name}":%s')
        values.append(f"coalesce(\"{name}\", 'null')" if name in _JSON_TEXT_FIELDS else f'json_quote("{name}")')
    template.append("}")
    odd = [f"typeof(\"{name}\") NOT IN ('text', 'null')" for name in _SORTED_HASHED]
    odd += ['"prev_hash" IS NULL'] + [f'instr("{name}", char(0)) > 0' for name in ("prev_hash", *_JSON_TEXT_FIELDS)]
    text = "printf('{}', {})".format("".join(template).replace("'", "''"), ", ".join(values))
    return f"CASE WHEN {' OR '.join(odd)} THEN NULL ELSE CAST({text} AS BLOB) END"


_TEXT_SQL = _text_sql()
# Strings that JSON encoders are known to escape differently: every control character, quotes,
# backslash, DEL, the Unicode line separators, a BOM, characters outside the BMP, CJK.
_PROBE = "".join(map(chr, range(0x00, 0x80))) + "\u0085\u00a0\u2028\u2029\ufeff\U0001f600规划纲要\uffff"


def _sql_text_agrees(conn: sqlite3.Connection) -> bool:
    """True when this connection's SQLite builds exactly the text stored_text builds."""
    row = {name: (None if name == "reason" else f"{name}{_PROBE}") for name in HASHED_FIELDS}
    row["before"], row["after"], row["prev_hash"] = canonical_json([_PROBE]), None, ZERO_HASH
    probe = ", ".join(f'? AS "{name}"' for name in HASHED_FIELDS)
    try:
        (built,) = conn.execute(f"SELECT {_TEXT_SQL} FROM (SELECT {probe})", list(row.values())).fetchone()
    except sqlite3.Error:
        return False
    return built == stored_text(row).encode("utf-8")


# The columns the fast scan reads: a LeanEvent's (after unconditionally), then the rest of the hashed ones.
_LEAN_FIELDS = LeanEvent._fields[:11] + ("after",) + LeanEvent._fields[12:]
_REST_FIELDS = ("tz_offset", "os_user", "host", "indicator_key", "before", "reason", "prev_hash")
_SCAN_SQL = "SELECT " + ", ".join("NULL" if name == "signature_text" else f'"{name}"'
                                  for name in (*_LEAN_FIELDS, *_REST_FIELDS)) + " FROM events ORDER BY seq"  # fmt: skip
assert _SORTED_HASHED == ["action", "after", "before", "department_uid", "host", "indicator_key", "node_key", "origin",
                          "os_user", "plan_sha256", "prev_hash", "reason", "reviewer", "reviewer_unit", "subject",
                          "time_utc", "tz_offset", "uuid"]  # the order scan_log writes them in  # fmt: skip


def _not_text() -> str:
    raise TypeError("not text")


def scan_log(db: sqlite_utils.Database, *, keep: bool = True, targets: ReadTargets | None = None) -> LogScan:
    """Recompute every hash in seq order and check each origin's links; keep the light events if `keep`.

    Detects an edited event (hash mismatch), a deleted or reordered event (a
    prev_hash that does not name the previous event of its origin) and, via
    sqlite_sequence, events deleted from the end of the log; stops at the
    first such event.  Also notes the first seq missing (verify reports it
    when the chains are intact).  Streams the rows: with keep=False one row
    is in memory at a time.  With `targets` (and keep), notes each node
    target's last event read there (last_events.py); `targets.complete`
    says that every row was read this way.
    """
    conn = db.conn
    target_subjects, target_last, writers, others = (
        (targets.subjects, targets.last, targets.writers, targets.others) if targets else ((), {}, set(), []))
    other_subjects = targets.other_subjects if targets else ()
    writer = None
    make = partial(tuple.__new__, lean_class(conn))  # (LeanEvent._make without its Python frame)
    shared: dict[str, str] = {}
    share = shared.setdefault
    kept: list[LeanEvent] = []
    heads: dict[str, str] = {}
    checked = last_seq = first_seq = 0
    gap: int | None = None
    sha256 = hashlib.sha256
    enc = _encode_text

    def fail(reason: str, uuid: str | None) -> LogScan:
        return LogScan(ChainReport(False, checked, uuid, reason), gap, kept)

    try:
        for row in conn.execute(_SCAN_SQL):
            (seq, uuid, origin, time_utc, reviewer, unit, action, subject, sha, key, department, after, event_hash,
             signer, signature, tz_offset, os_user, host, indicator, before, reason, prev_hash) = row  # fmt: skip
            checked += 1
            if seq != last_seq + 1 and gap is None and last_seq:
                gap = last_seq + 1
            first_seq = first_seq or seq
            last_seq = seq
            try:  # stored_text, for a row of text and NULLs (TypeError for anything else); inline: per event
                after_text = "null" if after is None else after if after.__class__ is str else _not_text()
                before_text = "null" if before is None else before if before.__class__ is str else _not_text()
                text = (  # stored_text's order; an f-string joins its parts at once (no format parsing)
                    f'{prev_hash if prev_hash.__class__ is str else _not_text()}{{"action":{enc(action)},'
                    f'"after":{after_text},"before":{before_text},'
                    f'"department_uid":{"null" if department is None else enc(department)},"host":{enc(host)},'
                    f'"indicator_key":{"null" if indicator is None else enc(indicator)},'
                    f'"node_key":{"null" if key is None else enc(key)},"origin":{enc(origin)},'
                    f'"os_user":{enc(os_user)},"plan_sha256":{"null" if sha is None else enc(sha)},'
                    f'"prev_hash":{enc(prev_hash)},"reason":{"null" if reason is None else enc(reason)},'
                    f'"reviewer":{enc(reviewer)},"reviewer_unit":{enc(unit)},"subject":{enc(subject)},'
                    f'"time_utc":{enc(time_utc)},"tz_offset":{enc(tz_offset)},"uuid":{enc(uuid)}}}'
                )
                recomputed = sha256(text.encode("utf-8")).hexdigest()
            except TypeError:  # a value that is not text: stored_text names it (or hashes a NULL as null)
                try:
                    recomputed = stored_hash(dict(zip((*_LEAN_FIELDS, *_REST_FIELDS), row)))
                except (TypeError, ValueError) as exc:
                    return fail(f"event {seq} cannot be hashed: {exc}", uuid)
            if prev_hash != heads.get(origin, ZERO_HASH):
                return fail(f"event {seq} does not follow the previous event of its workspace "
                            "(an event was deleted, inserted or reordered)", uuid)  # fmt: skip
            if recomputed != event_hash:
                return fail(f"event {seq} was altered (hash mismatch)", uuid)
            heads[origin] = event_hash
            if keep:
                origin, sha, key = share(origin, origin), sha and share(sha, sha), key and share(key, key)
                event = make((seq, uuid, origin, time_utc, share(reviewer, reviewer), share(unit, unit),
                              share(action, action), share(subject, subject), sha, key,
                              department and share(department, department), after if action in KEEP_AFTER else None,
                              event_hash, signer and share(signer, signer), signature))  # fmt: skip
                kept.append(event)
                if subject in target_subjects:
                    if sha is not None and key is not None:
                        target_last[(subject, sha, key)] = uuid
                        if origin is not writer:
                            writer = origin
                            writers.add(origin)
                elif subject in other_subjects:
                    others.append(event)
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
        return _scan_sql(db, keep=keep)  # text Python cannot read: the SQL way names the row
    if targets is not None and keep:
        targets.complete = True
    return _finish(conn, checked, last_seq, first_seq, gap, kept)


def _finish(conn: sqlite3.Connection, checked: int, last_seq: int, first_seq: int, gap: int | None,
            kept: list[LeanEvent]) -> LogScan:  # fmt: skip
    """The end of a scan whose rows were all sound: the seq gap before the first row and a cut-off end."""
    if gap is None and checked and first_seq != 1:
        gap = 1
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
    if row is not None and int(row[0]) > last_seq:
        reason = f"events after seq {last_seq} are missing (the log reached seq {row[0]})"
        return LogScan(ChainReport(False, checked, None, reason), gap, kept)
    return LogScan(ChainReport(True, checked, None, ""), gap, kept)


def _scan_sql(db: sqlite_utils.Database, *, keep: bool = True) -> LogScan:
    """scan_log with the hashed text built by SQLite (and its bytes checked for UTF-8 in Python)."""
    conn = db.conn
    text_sql = _TEXT_SQL if _sql_text_agrees(conn) else "NULL"
    sql = f"SELECT {LEAN_COLUMNS}, prev_hash, {text_sql} FROM events ORDER BY seq"
    lean = lean_maker(conn)
    kept: list[LeanEvent] = []
    heads: dict[str, str] = {}
    checked = last_seq = first_seq = 0
    gap: int | None = None
    sha256 = hashlib.sha256

    def fail(reason: str, uuid: str | None) -> LogScan:
        return LogScan(ChainReport(False, checked, uuid, reason), gap, kept)

    for row in conn.execute(sql, KEEP_AFTER):
        seq, uuid, origin, event_hash, prev_hash, text = row[0], row[1], row[2], row[12], row[15], row[16]
        checked += 1
        if gap is None and seq != last_seq + 1 and last_seq:
            gap = last_seq + 1
        first_seq = first_seq or seq
        last_seq = seq
        if text is None:  # a row SQL cannot build (or an SQLite that escapes differently): as before
            try:
                recomputed = stored_hash(_full_row(conn, seq))
            except (TypeError, ValueError) as exc:
                return fail(f"event {seq} cannot be hashed: {exc}", uuid)
        else:
            try:  # SQLite hands text over as stored, valid UTF-8 or not; Python could not read it back
                text.decode("utf-8")
            except UnicodeDecodeError:
                return fail(f"event {seq} cannot be hashed: its text is not valid UTF-8", uuid)
            recomputed = sha256(text).hexdigest()
        if prev_hash != heads.get(origin, ZERO_HASH):
            return fail(f"event {seq} does not follow the previous event of its workspace "
                        "(an event was deleted, inserted or reordered)", uuid)  # fmt: skip
        if recomputed != event_hash:
            return fail(f"event {seq} was altered (hash mismatch)", uuid)
        heads[origin] = event_hash
        if keep:
            kept.append(lean(row[:15]))
    return _finish(conn, checked, last_seq, first_seq, gap, kept)


def _full_row(conn: sqlite3.Connection, seq: int) -> dict[str, Any]:
    return dict(zip(ALL_FIELDS, conn.execute(f"SELECT {COLUMNS} FROM events WHERE seq = ?", [seq]).fetchone()))


def verify_chain(db: sqlite_utils.Database) -> ChainReport:
    """The chain part of scan_log (nothing kept in memory)."""
    return scan_log(db, keep=False).chain
