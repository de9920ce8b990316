"""Merge conflicts: kept in the `conflicts` table, shown with both sides, resolved by an event.

Which conflicts exist is a function of the events (replay.Replayed.conflicts);
this table keeps their history.  A conflict's reference (`ref`, e.g.
"c3f9a2b1") is derived from the two events in dispute, so one dispute has the
same reference in every workspace that holds those events; the integer id is
this file's own and is still accepted.  `sync_conflicts` brings the table up to date: new disagreements are
added as 'open'; an open one that no longer shows up (a later event saw both
sides) becomes 'superseded', naming that event, and naming the pair that
carries the dispute on when one side was replaced by an edit that saw only the
other (three reviewers).  It replays the events only when another workspace's
events arrived; otherwise it applies this workspace's new events
(disputes/sync.py).  `list_conflicts` reads a page at a time
(disputes/listing.py).  `resolve_conflict` writes the lead reviewer's
decision as one `conflict_resolution` event through the repository and marks
the conflict 'resolved': it finds the conflict by its indexed reference and
replays nothing.

Who may resolve: with a roster (the lead's, signing/roster.py) only a key the
roster allows to resolve; without one, anyone who is not a party to the
dispute (neither side's key nor name).  A party never decides his own case
unless the roster says he may.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.disputes.listing import (
    count_conflicts, department_names, get_conflict, indicator_names, iter_conflicts, list_conflicts,
)  # fmt: skip
from workbench.storage.disputes.records import Conflict, Side, conflict_ref
from workbench.storage.disputes.sync import sync_conflicts
from workbench.storage.errors import StoreError
from workbench.storage.state.records import Changes
from workbench.storage.audit.replay import lead_of
from workbench.storage.repository import Repository
from workbench.storage.signing import short_fingerprint
from workbench.storage.signing.roster import Roster, load_roster

SIDES = ("a", "b")
_department_names = department_names  # the name this module gave it before
__all__ = ["Conflict", "Side", "conflict_ref", "count_conflicts", "get_conflict", "indicator_names", "iter_conflicts",
           "list_conflicts", "may_resolve", "resolve_conflict", "resolve_conflict_changes", "sync_conflicts"]  # fmt: skip


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
    conflict_id: int | str,
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
    changes = resolve_conflict_changes(repo, conflict_id, take=take, entries=entries, reason=reason, roster=roster)
    return changes.events[0]


def resolve_conflict_changes(
    repo: Repository,
    conflict_id: int | str,
    *,
    take: str | None = None,
    entries: Sequence[tuple[str, str]] | None = None,
    reason: str | None = None,
    roster: Roster | None | object = _PROFILE,
) -> Changes:
    """resolve_conflict, returning the write's Changes (its one node or department): the window redraws that."""
    if (take is None) == (entries is None):
        raise StoreError("give either a side to take ('a' or 'b') or the departments to assign")
    if take is not None and take not in SIDES:
        raise StoreError(f"take must be 'a' or 'b', not {take!r}")
    sync_conflicts(repo.db)  # this workspace's edits since the last sync may have closed it (cheap: no replay)
    conflict = get_conflict(repo.db, conflict_id)
    refusal = may_resolve(repo.db, conflict, repo.reviewer.name, roster)
    if refusal:
        raise StoreError(f"conflict {conflict.ref}: {refusal}")
    conflict_id = conflict.id
    if conflict.status != "open":
        raise StoreError(f"conflict {conflict.ref} is already {conflict.status}")
    if entries is not None and conflict.subject != "assignments":
        raise StoreError(f"conflict {conflict.ref} is about {conflict.subject}: take side a or b")
    with repo.db.atomic():
        changes = _write_resolution(repo, conflict, take, entries, reason or f"conflict {conflict.ref}")
        repo.db.execute(
            "UPDATE conflicts SET status = 'resolved', resolution_uuid = ? WHERE id = ?", [changes.events[0], conflict_id]
        )
        sync_conflicts(repo.db)  # the decision closes every open dispute on its target (from this one event)
    return changes


def _write_resolution(repo: Repository, conflict: Conflict, take, entries, reason: str) -> Changes:
    value = None if take is None else (conflict.a if take == "a" else conflict.b).value
    if conflict.subject == "department":
        department = repo.department_by_uid(str(conflict.department_uid))
        if department is None or department.db_id is None:
            raise StoreError(f"department {conflict.department_uid} is not in this workspace")
        return repo.set_department_record(department_id=department.db_id, record=value, reason=reason)
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
    return changes


def describe_value(subject: str, value: Any, names: dict[str, str] | None = None) -> str:
    """A side's value for people: departments by name with 牵头/配合, indicators by name, or the text.

    `names`: department uid -> name, and for indicator disputes indicator key -> name (indicator_names).
    """
    names = names or {}
    if subject == "assignments":
        parts = [
            f"{names.get(e['department'], e.get('name', e['department']))}({'牵头' if e['role'] == 'lead' else '配合'})"
            for e in value or []
        ]
        return "、".join(parts) or "（无）"
    if subject == "indicator_links":  # keys (ind10) by their number and name when `names` has them
        return "、".join(names.get(k, k) for k in value or []) or "（无）"
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


def open_conflict_at(db: sqlite_utils.Database, plan_sha256: str, node_key: str) -> bool:
    """Whether this node has an open conflict (through the (plan, key) index)."""
    return db.execute("SELECT 1 FROM conflicts WHERE plan_sha256 = ? AND node_key = ? AND status = 'open' LIMIT 1",
                      [plan_sha256, node_key]).fetchone() is not None  # fmt: skip
