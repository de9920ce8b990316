"""Reading conflicts a page at a time: one indexed query, the sides decoded only for that page.

After two reviewers' city-wide workspaces are merged there are tens of
thousands of disputes; nobody reads them all at once.  `list_conflicts`
takes `limit`/`offset` (the GUI fetches pages as the list scrolls, the CLI
prints page by page): the page's rows come from the conflicts table in id
order through its status index, each row's node title through the plans'
sha256 and the nodes' (plan_id, key) indexes (PAGE_SQL, pinned by an
EXPLAIN QUERY PLAN test), and only the page's events are decoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.errors import StoreError
from workbench.storage.disputes.records import Conflict, Side, conflict_ref

_COLUMNS = ("id", "subject", "plan_sha256", "node_key", "department_uid", "kind", "status", "side_a_uuid",
            "side_b_uuid", "resolution_uuid", "detected_at", "ref", "continued_by")  # fmt: skip
PAGE_SQL = (
    "SELECT {}, coalesce(nullif(n.title, ''), substr(n.text, 1, 30)) FROM conflicts c "
    "LEFT JOIN plans p ON p.sha256 = c.plan_sha256 "
    "LEFT JOIN nodes n ON n.plan_id = p.id AND n.key = c.node_key"
).format(", ".join(f"c.{name}" for name in _COLUMNS))
PAGE = 200  # rows per page when all are read


def _where(status: str | None) -> tuple[str, list]:
    return (" WHERE c.status = ?", [status]) if status else ("", [])


def count_conflicts(db: sqlite_utils.Database, *, status: str | None = "open") -> int:
    """How many conflicts (of this status; all when None): one count over the status index."""
    where, params = _where(status)
    return int(db.execute("SELECT count(*) FROM conflicts c" + where, params).fetchone()[0])


def page_query(status: str | None, limit: int | None, offset: int = 0, after: int = 0) -> tuple[str, list]:
    """The SQL of one page, and its parameters."""
    where, params = _where(status)
    clause = (where + " AND" if where else " WHERE") + " c.id > ?"
    return (PAGE_SQL + clause + " ORDER BY c.id LIMIT ? OFFSET ?",
            [*params, after, -1 if limit is None else limit, offset])


def list_conflicts(db: sqlite_utils.Database, *, status: str | None = "open", limit: int | None = None,
                   offset: int = 0, after: int = 0) -> list[Conflict]:
    """Conflicts with both sides' events (all statuses when `status` is None), oldest first.

    `limit`/`offset` select a page (in id order); without a limit, every one.
    `after` starts past that conflict id (the next page after the last one shown, found in the index).
    """
    sql, params = page_query(status, limit, offset, after)
    return _conflicts(db, db.execute(sql, params).fetchall())


def iter_conflicts(db: sqlite_utils.Database, *, status: str | None = "open", offset: int = 0,
                   limit: int | None = None, after: int = 0, page: int = PAGE) -> Iterator[Conflict]:
    """Conflicts with an id above `after`, from number `offset` on (at most `limit`), read and decoded
    a page at a time: the first is shown before the last is read."""
    left = limit
    where, params = _where(status)
    clause = (where + " AND" if where else " WHERE") + " c.id > ?"
    size = page if left is None else min(page, left)
    # the skipped ones are passed over in the index, not decoded
    rows = db.execute(PAGE_SQL + clause + " ORDER BY c.id LIMIT ? OFFSET ?", [*params, after, size, offset]).fetchall()
    while rows:
        if left is not None:
            left -= len(rows)
        yield from _conflicts(db, rows)
        if left == 0:
            return
        size = page if left is None else min(page, left)
        rows = db.execute(PAGE_SQL + clause + " ORDER BY c.id LIMIT ?", [*params, rows[-1][0], size]).fetchall()


def get_conflict(db: sqlite_utils.Database, conflict_id: int | str) -> Conflict:
    """By reference ("c3f9a2b1", as in every workspace) or by this file's integer id: one indexed lookup."""
    text = str(conflict_id).strip().lstrip("#").lower()
    rows = db.execute(PAGE_SQL + " WHERE c.ref = ? ORDER BY c.id LIMIT 1", [text]).fetchall()
    if not rows and text.isdigit():
        rows = db.execute(PAGE_SQL + " WHERE c.id = ?", [int(text)]).fetchall()
    if not rows:  # rows from before references were stored (a file not synced since)
        rows = [r for r in db.execute(PAGE_SQL + " WHERE c.ref IS NULL ORDER BY c.id").fetchall()
                if conflict_ref(r[7], r[8]) == text][:1]  # fmt: skip
    if not rows:
        raise StoreError(f"no conflict {conflict_id} in this workspace (see `workbench conflicts --all`)")
    return _conflicts(db, rows)[0]


def _conflicts(db: sqlite_utils.Database, rows: list[tuple]) -> list[Conflict]:
    if not rows:
        return []
    uuids = {u for row in rows for u in (row[7], row[8], row[9]) if u}
    events = audit.events_by_uuid(db, uuids)
    names = department_names(db, (events[u] for row in rows for u in (row[7], row[8]) if u in events))
    result = []
    for (cid, subject, sha, key, uid, kind, status, side_a, side_b, ended, detected, ref, continued,
         title) in rows:  # fmt: skip
        a, b = events[side_a], events[side_b]
        result.append(Conflict(
            cid, subject, sha, key, uid, kind, status, Side(a, a.after), Side(b, b.after), ended, detected,
            title or "", ref or conflict_ref(a.uuid, b.uuid), names.get(uid or "", ""), continued or "",
            events.get(ended) if ended else None,
        ))  # fmt: skip
    return result


def department_names(db: sqlite_utils.Database, events: Iterable[audit.Event]) -> dict[str, str]:
    """uid -> name: the workspace's departments, and the names the events gave them (for retired ones)."""
    names: dict[str, str] = {}
    for event in events:
        for value in (event.before, event.after):
            if isinstance(value, dict) and event.department_uid and value.get("name"):
                names.setdefault(event.department_uid, str(value["name"]))
    names.update(dict(db.execute("SELECT uid, name FROM departments").fetchall()))
    return names


def indicator_names(db: sqlite_utils.Database, plan_sha256: str | None) -> dict[str, str]:
    """indicator key -> "number name" in that plan (disputes about linked indicators name them so)."""
    if not plan_sha256:
        return {}
    rows = db.execute("SELECT i.key, i.number, i.name FROM indicators i JOIN plans p ON p.id = i.plan_id "
                      "WHERE p.sha256 = ?", [plan_sha256]).fetchall()  # fmt: skip
    return {key: f"{number} {name}".strip() for key, number, name in rows}
