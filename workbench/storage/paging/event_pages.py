"""The audit log a page at a time: filters and order applied by SQLite, not in Python.

The GUI's audit view shows a workspace's whole history, hundreds of
thousands of events at a city's scale.  `count_entries` and `page_entries`
answer one screenful at a time (LIMIT/OFFSET over an ORDER BY the indexes
serve), decoding only the events shown; the entries are the same LogEntry
values `audit_log.log_entries` gives.  Read-only; any thread with its own
connection.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlite_utils

from workbench.storage.audit.audit import HASHED_FIELDS, Event
from workbench.storage.audit.audit_log import LogEntry, _departments, _entry, node_titles

ORDERS = {
    "time": "e.time_utc", "reviewer": "e.reviewer", "unit": "e.reviewer_unit", "action": "e.action",
    "target": "e.node_key", "department": "d.name", "before": 'e."before"', "after": 'e."after"', "reason": "e.reason",
}  # fmt: skip
_NAMES = ("seq", *HASHED_FIELDS, "hash", "signer", "signature")  # the signer's key is shown too (issue 10)
_COLUMNS = ", ".join(f'e."{name}"' for name in _NAMES)
_TOUCHES = (
    "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_type(e.\"{0}\") = 'array' THEN e.\"{0}\" ELSE '[]' END) j "
    "WHERE json_extract(j.value, '$.department') = :department)"
)


@dataclass(frozen=True)
class LogQuery:
    """Which events, in which order.  `node_key` also matches the nodes below it (ch03 -> ch03/s01/p02)."""

    reviewer: str | None = None
    since_utc: str | None = None
    until_utc: str | None = None
    department_uid: str | None = None
    node_key: str | None = None
    order: str = "time"
    descending: bool = True


def _where(query: LogQuery) -> tuple[str, dict[str, object]]:
    clauses: list[str] = []
    args: dict[str, object] = {}
    if query.reviewer:
        clauses.append("e.reviewer = :reviewer")
        args["reviewer"] = query.reviewer
    if query.since_utc:
        clauses.append("e.time_utc >= :since")
        args["since"] = query.since_utc
    if query.until_utc:
        clauses.append("e.time_utc <= :until")
        args["until"] = query.until_utc
    if query.node_key:
        # The key itself, or a key below it: '/' sorts just before '0', so the range is [key/, key0).
        clauses.append("(e.node_key = :key OR (e.node_key >= :below AND e.node_key < :after))")
        args.update(key=query.node_key, below=query.node_key + "/", after=query.node_key + "0")
    if query.department_uid:
        clauses.append(
            "(e.department_uid = :department OR (e.subject = 'assignments'"
            " AND (instr(e.\"before\", :department) > 0 OR instr(e.\"after\", :department) > 0) AND ("
            + _TOUCHES.format("before") + " OR " + _TOUCHES.format("after") + ")))"
        )
        args["department"] = query.department_uid
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def count_entries(db: sqlite_utils.Database, query: LogQuery) -> int:
    where, args = _where(query)
    return int(db.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0])


def page_entries(db: sqlite_utils.Database, query: LogQuery, offset: int, limit: int) -> list[LogEntry]:
    """Rows offset .. offset+limit of the query's order (ties broken by seq, in the same direction)."""
    where, args = _where(query)
    direction = "DESC" if query.descending else "ASC"
    column = ORDERS.get(query.order, ORDERS["time"])
    sql = (
        f"SELECT {_COLUMNS} FROM events e LEFT JOIN departments d ON d.uid = e.department_uid{where} "
        f"ORDER BY {column} {direction}, e.seq {direction} LIMIT :limit OFFSET :offset"
    )
    events = [_event(row) for row in db.execute(sql, {**args, "limit": limit, "offset": offset})]
    names = dict(db.execute("SELECT uid, name FROM departments").fetchall())
    titles = node_titles(db, {(e.plan_sha256, e.node_key) for e in events if e.node_key and e.plan_sha256})
    return [_entry(e, names, titles, _departments(e)) for e in events]


def reviewers(db: sqlite_utils.Database) -> list[str]:
    return [row[0] for row in db.execute("SELECT DISTINCT reviewer FROM events ORDER BY reviewer")]


def _event(row: tuple) -> Event:
    values = dict(zip(_NAMES, row))
    for name in ("before", "after"):
        values[name] = None if values[name] is None else json.loads(values[name])
    return Event(**values)
