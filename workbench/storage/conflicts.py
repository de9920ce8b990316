"""Merge conflicts: kept in the `conflicts` table, shown with both sides, resolved by an event.

Which conflicts exist is a function of the events (replay.Replayed.conflicts);
this table keeps their history.  A conflict's reference (`ref`, e.g.
"c3f9a2b1") is derived from the two events in dispute, so one dispute has the
same reference in every workspace that holds those events; the integer id is
this file's own and is still accepted.  `sync_conflicts` brings the table up to date: new disagreements are
added as 'open'; an open one that no longer shows up (a later event saw both
sides) becomes 'superseded', naming that event.  `resolve_conflict` writes the
lead reviewer's decision as one `conflict_resolution` event through the
repository and marks the conflict 'resolved'.

Who may resolve: with a roster (the lead's, signing/roster.py) only a key the
roster allows to resolve; without one, anyone who is not a party to the
dispute (neither side's key nor name).  A party never decides his own case
unless the roster says he may.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from . import audit
from .audit import Event
from .errors import StoreError
from .replay import Replayed, lead_of, replay
from .repository import Repository
from .signing import short_fingerprint
from .signing.roster import Roster, load_roster

SIDES = ("a", "b")


@dataclass(frozen=True)
class Side:
    event: Event
    value: Any  # the event's `after`

    @property
    def author(self) -> str:
        unit = f" ({self.event.reviewer_unit})" if self.event.reviewer_unit else ""
        return f"{self.event.reviewer}{unit}"


@dataclass(frozen=True)
class Conflict:
    id: int
    subject: str
    plan_sha256: str | None
    node_key: str | None
    department_uid: str | None
    kind: str
    status: str  # open | resolved | superseded
    a: Side
    b: Side  # the side the workspace shows while the conflict is open
    resolution_uuid: str | None
    detected_at: str
    node_title: str = ""
    ref: str = ""
    department_name: str = ""

    @property
    def target(self) -> str:
        if self.node_key is not None:
            return f"{self.node_key} {self.node_title}".strip()
        return f"部门 {self.department_name or '（未知部门）'}"


def conflict_ref(side_a: str, side_b: str) -> str:
    """The dispute's reference: the same in every workspace holding these two events."""
    return "c" + hashlib.sha256("|".join(sorted((side_a, side_b))).encode("ascii")).hexdigest()[:7]


def sync_conflicts(db: sqlite_utils.Database, replayed: Replayed | None = None) -> list[int]:
    """Update the table from the events (caller's transaction or its own); return ids of new conflicts."""
    state = replayed or replay(audit.events(db))
    detected = state.conflicts()
    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    with db.atomic():
        # A dispute is its two events, whichever of them the target shows (that may change as events arrive).
        rows = {tuple(sorted((a, b))): (i, a, status) for i, a, b, status in db.execute(
            "SELECT id, side_a_uuid, side_b_uuid, status FROM conflicts")}  # fmt: skip
        new: list[int] = []
        for c in detected:
            pair = tuple(sorted((c.side_a, c.side_b)))
            if pair not in rows:
                cursor = db.execute(
                    "INSERT INTO conflicts (subject, plan_sha256, node_key, department_uid, kind, side_a_uuid, "
                    "side_b_uuid, status, detected_at, ref) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                    [c.subject, c.plan_sha256, c.node_key, c.department_uid, c.kind, c.side_a, c.side_b, now,
                     conflict_ref(c.side_a, c.side_b)],
                )
                new.append(int(cursor.lastrowid or 0))
            elif rows[pair][1] != c.side_a and rows[pair][2] == "open":  # the target now shows the other side
                db.execute("UPDATE conflicts SET side_a_uuid = ?, side_b_uuid = ?, kind = ? WHERE id = ?",
                           [c.side_a, c.side_b, c.kind, rows[pair][0]])
        missing = db.execute("SELECT id, side_a_uuid, side_b_uuid FROM conflicts WHERE ref IS NULL").fetchall()
        for conflict_id, a, b in missing:
            db.execute("UPDATE conflicts SET ref = ? WHERE id = ?", [conflict_ref(a, b), conflict_id])
        still = {tuple(sorted((c.side_a, c.side_b))) for c in detected}
        for pair, (conflict_id, _a, status) in rows.items():
            if status == "open" and pair not in still:
                last = _last_on_target(db, state, conflict_id)
                # Resolved in another workspace and merged in, or overtaken by a later edit that saw both.
                resolved = last is not None and state.history.events[last].action == "conflict_resolution"
                db.execute(
                    "UPDATE conflicts SET status = ?, resolution_uuid = ? WHERE id = ?",
                    ["resolved" if resolved else "superseded", last, conflict_id],
                )
    return new


def _last_on_target(db: sqlite_utils.Database, state: Replayed, conflict_id: int) -> str | None:
    subject, sha, key, uid = db.execute(
        "SELECT subject, plan_sha256, node_key, department_uid FROM conflicts WHERE id = ?", [conflict_id]
    ).fetchone()
    if subject == "department":
        return state.department_last.get(uid)
    return state.node_last.get((subject, sha, key))


def list_conflicts(db: sqlite_utils.Database, *, status: str | None = "open") -> list[Conflict]:
    """Conflicts with both sides' events (all statuses when `status` is None), oldest first."""
    sql = "SELECT * FROM conflicts" + (" WHERE status = ?" if status else "") + " ORDER BY id"
    cursor = db.execute(sql, [status] if status else [])
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    events = audit.events_by_uuid(db, {u for row in rows for u in (row["side_a_uuid"], row["side_b_uuid"])})
    titles = _node_titles(db, {(r["plan_sha256"], r["node_key"]) for r in rows if r["node_key"]})
    names = _department_names(db, events.values())
    result = []
    for row in rows:
        a, b = events[row["side_a_uuid"]], events[row["side_b_uuid"]]
        result.append(
            Conflict(
                row["id"], row["subject"], row["plan_sha256"], row["node_key"], row["department_uid"], row["kind"],
                row["status"], Side(a, a.after), Side(b, b.after), row["resolution_uuid"], row["detected_at"],
                titles.get((row["plan_sha256"], row["node_key"]), ""), row["ref"] or conflict_ref(a.uuid, b.uuid),
                names.get(row["department_uid"] or "", ""),
            )
        )  # fmt: skip
    return result


def _department_names(db: sqlite_utils.Database, events) -> dict[str, str]:
    """uid -> name: the workspace's departments, and the names the events gave them (for retired ones)."""
    names: dict[str, str] = {}
    for event in events:
        for value in (event.before, event.after):
            if isinstance(value, dict) and event.department_uid and value.get("name"):
                names.setdefault(event.department_uid, str(value["name"]))
    names.update(dict(db.execute("SELECT uid, name FROM departments").fetchall()))
    return names


def get_conflict(db: sqlite_utils.Database, conflict_id: int | str) -> Conflict:
    """By reference ("c3f9a2b1", as in every workspace) or by this file's integer id."""
    text = str(conflict_id).strip().lstrip("#").lower()
    for conflict in list_conflicts(db, status=None):
        if conflict.ref == text or (text.isdigit() and conflict.id == int(text)):
            return conflict
    raise StoreError(f"no conflict {conflict_id} in this workspace (see `workbench conflicts --all`)")


_PROFILE = object()


def may_resolve(db: sqlite_utils.Database, conflict: Conflict, reviewer_name: str,
                roster: Roster | None | object = _PROFILE) -> str | None:
    """None when the reviewer signing on `db` may resolve `conflict`; else the reason he may not."""
    if roster is _PROFILE:
        roster = load_roster()
    key = audit.signer_of(db).fingerprint
    if isinstance(roster, Roster):
        if roster.may_resolve(key):
            return None
        return (f"only a reviewer the lead's roster allows may resolve disputes; your key "
                f"({short_fingerprint(key)}) is not one of them")
    for side in (conflict.a, conflict.b):
        if side.event.signer == key or side.event.reviewer == reviewer_name:
            return (f"you are a party to this dispute ({side.author} wrote one side): the lead reviewer resolves "
                    "it, or the roster must allow you to")
    return None


def resolve_conflict(
    repo: Repository,
    conflict_id: int,
    *,
    take: str | None = None,
    entries: Sequence[tuple[str, str]] | None = None,
    reason: str | None = None,
    roster: Roster | None | object = _PROFILE,
) -> str:
    """Decide a conflict: take side 'a' or 'b', or give the node's departments as (name or uid, role) pairs.

    Writes one conflict_resolution event (attributed to repo.reviewer) and
    marks the conflict resolved; returns the event's uuid.  Refused (StoreError)
    for a reviewer who may not resolve it (see may_resolve; `roster` defaults
    to the profile's).
    """
    if (take is None) == (entries is None):
        raise StoreError("give either a side to take ('a' or 'b') or the departments to assign")
    conflict = get_conflict(repo.db, conflict_id)
    refusal = may_resolve(repo.db, conflict, repo.reviewer.name, roster)
    if refusal:
        raise StoreError(f"conflict {conflict.ref}: {refusal}")
    conflict_id = conflict.id
    if conflict.status != "open":
        raise StoreError(f"conflict {conflict.ref} is already {conflict.status}")
    if entries is not None and conflict.subject != "assignments":
        raise StoreError(f"conflict {conflict.ref} is about {conflict.subject}: take side a or b")
    if take is not None and take not in SIDES:
        raise StoreError(f"take must be 'a' or 'b', not {take!r}")
    with repo.db.atomic():
        uuid = _write_resolution(repo, conflict, take, entries, reason or f"conflict {conflict.ref}")
        repo.db.execute(
            "UPDATE conflicts SET status = 'resolved', resolution_uuid = ? WHERE id = ?", [uuid, conflict_id]
        )
        sync_conflicts(repo.db)
    return uuid


def _write_resolution(repo: Repository, conflict: Conflict, take, entries, reason: str) -> str:
    value = None if take is None else (conflict.a if take == "a" else conflict.b).value
    if conflict.subject == "department":
        department = repo.department_by_uid(str(conflict.department_uid))
        if department is None or department.db_id is None:
            raise StoreError(f"department {conflict.department_uid} is not in this workspace")
        return repo.set_department_record(department_id=department.db_id, record=value, reason=reason).events[0]
    plan = repo.plan_by_sha256(str(conflict.plan_sha256))
    node = repo.node_by_key(plan.id, str(conflict.node_key)) if plan else None
    if node is None:
        raise StoreError(f"node {conflict.node_key} is not in this workspace")
    action = "conflict_resolution"
    if conflict.subject == "assignments":
        if entries is not None:
            pairs = []
            for name, role in entries:
                dept = repo.department_by_uid(name) or repo.find_department(name)
                if dept is None:
                    raise StoreError(f"unknown department {name!r}")
                pairs.append((dept.db_id, role))
        else:
            pairs = []
            for entry in value or []:
                dept = repo.department_by_uid(entry["department"])
                if dept is None:
                    raise StoreError(f"department {entry['department']} is not in this workspace")
                pairs.append((dept.db_id, entry["role"]))
        changes = repo.set_assignments(node_id=node.id, entries=pairs, action=action, reason=reason)
    elif conflict.subject == "indicator_links":
        ids = {r.key: r.id for r in repo.indicators(node.plan_id)}
        changes = repo.set_indicator_links(
            node_id=node.id, indicator_ids=[ids[k] for k in value or []], action=action, reason=reason
        )
    elif conflict.subject == "note":
        changes = repo.set_note(node_id=node.id, text=value or "", action=action, reason=reason)
    elif conflict.subject == "review_status":
        changes = repo.set_review_status(node_id=node.id, status=value or "unreviewed", action=action, reason=reason)
    elif conflict.subject == "timing":
        changes = repo.set_timing(node_id=node.id, timing=value or "", action=action, reason=reason)
    elif conflict.subject == "remark":
        changes = repo.set_remark(node_id=node.id, text=value or "", action=action, reason=reason)
    else:
        raise StoreError(f"conflicts about {conflict.subject} cannot be resolved here")
    return changes.events[0]


def describe_value(subject: str, value: Any, names: dict[str, str] | None = None) -> str:
    """A side's value for people: departments by name with 牵头/配合, or the text."""
    names = names or {}
    if subject == "assignments":
        parts = [
            f"{names.get(e['department'], e.get('name', e['department']))}({'牵头' if e['role'] == 'lead' else '配合'})"
            for e in value or []
        ]
        return "、".join(parts) or "（无）"
    if subject == "indicator_links":
        return "、".join(value or []) or "（无）"
    if subject == "department":
        record = value or {}
        return f"{record.get('name', '')}{' [已撤销]' if record.get('retired') else ''}"
    return str(value) if value else "（空）"


def conflict_lead(side: Side) -> str | None:
    return lead_of(side.value) if isinstance(side.value, list) else None


def _node_titles(db: sqlite_utils.Database, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    if not keys:
        return {}
    rows = db.execute(NODE_TITLES_SQL, [json.dumps([[s, k] for s, k in keys], ensure_ascii=False)])
    return {(sha, key): title or "" for sha, key, title in rows}


def open_disputed_node_ids(db: sqlite_utils.Database, plan_id: int) -> set[int]:
    """Node ids of this plan with an open conflict: exports mark them disputed and count them."""
    rows = db.execute(
        "SELECT DISTINCT n.id FROM conflicts c JOIN plans p ON p.sha256 = c.plan_sha256 "
        "JOIN nodes n ON n.plan_id = p.id AND n.key = c.node_key WHERE c.status = 'open' AND p.id = ?", [plan_id]
    ).fetchall()
    return {int(r[0]) for r in rows}


# Each wanted (plan sha256, node key) is looked up through plans' sha256 and nodes' (plan_id, key) indexes.
NODE_TITLES_SQL = (
    "SELECT p.sha256, n.key, coalesce(nullif(n.title, ''), substr(n.text, 1, 30)) "
    "FROM json_each(?) k "
    "JOIN plans p ON p.sha256 = json_extract(k.value, '$[0]') "
    "JOIN nodes n ON n.plan_id = p.id AND n.key = json_extract(k.value, '$[1]')"
)


def open_conflict_targets(db: sqlite_utils.Database) -> set[tuple[str, str]]:
    """(plan sha256, node key) of every node with an open conflict: the GUI marks them disputed."""
    rows = db.execute("SELECT DISTINCT plan_sha256, node_key FROM conflicts WHERE status = 'open' "
                      "AND node_key IS NOT NULL").fetchall()
    return {(sha, key) for sha, key in rows}
