"""One consistent read of a plan's assignments for exports (`AssignmentSnapshot`).

Read in a single transaction on the caller's connection, so that an export
running in a worker afterwards needs no database at all.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlite_utils

from workbench.core.departments import Department
from workbench.core.export_xlsx import Provenance
from workbench.core.matrix import AssignmentSnapshot, Filters, Tag


def read_departments(db: sqlite_utils.Database) -> list[Department]:
    """The registry as exports see it, in registry order."""
    return [
        Department(
            name=row["name"], full_name=row["full_name"] or row["name"], kind=row["kind"],
            aliases=json.loads(row["aliases"] or "[]"), keywords=json.loads(row["keywords"] or "[]"),
            unconfirmed=bool(row["unconfirmed"]), position=row["position"], retired=bool(row["retired"]),
            db_id=row["id"],
        )
        for row in db.query("select * from departments order by position")
    ]


def read_snapshot(db: sqlite_utils.Database, plan, *, departments: list[Department] | None = None,
                  disputed_targets: set[tuple[str, str]] | None = None) -> AssignmentSnapshot:
    """`plan` is a core Plan loaded from this workspace (nodes carry db_id).

    `departments` (read_departments) and `disputed_targets` (open_conflict_targets)
    are the workspace's, the same for every plan: an export of many plans reads them once.
    """
    by_id = {n.db_id: n.key for n in plan.nodes() if n.db_id is not None}
    plan_id = _plan_id(db, plan.sha256)
    departments = read_departments(db) if departments is None else list(departments)
    tags: dict[str, list[Tag]] = {}
    for row in db.query(
        "select a.node_id, d.name, a.role from assignments a join departments d on d.id = a.department_id "
        "join nodes n on n.id = a.node_id where n.plan_id = ? order by a.node_id, a.position", [plan_id],
    ):
        key = by_id.get(row["node_id"])
        if key is not None:
            tags.setdefault(key, []).append(Tag(row["name"], row["role"]))
    links: dict[str, list[str]] = {}
    for row in db.query(
        "select l.node_id, i.key from indicator_links l join indicators i on i.id = l.indicator_id "
        "join nodes n on n.id = l.node_id where n.plan_id = ? order by l.node_id, l.position", [plan_id],
    ):
        if row["node_id"] in by_id:
            links.setdefault(by_id[row["node_id"]], []).append(row["key"])
    notes = {
        by_id[r["node_id"]]: r["text"]
        for r in db.query("select t.node_id, t.text from notes t join nodes n on n.id = t.node_id "
                          "where n.plan_id = ?", [plan_id])
        if r["node_id"] in by_id and r["text"]
    }
    timing: dict[str, str] = {}
    status: dict[str, str] = {}
    for r in db.query("select s.* from node_status s join nodes n on n.id = s.node_id where n.plan_id = ?",
                      [plan_id]):
        key = by_id.get(r["node_id"])
        if key is None:
            continue
        if r["timing"]:
            timing[key] = r["timing"]
        status[key] = r["review_status"]
    remarks = {
        by_id[r["node_id"]]: r["text"]
        for r in db.query("select r.node_id, r.text from remarks r join nodes n on n.id = r.node_id "
                          "where n.plan_id = ?", [plan_id])
        if r["node_id"] in by_id and r["text"]
    }
    if disputed_targets is None:
        from workbench.storage.disputes.conflicts import open_conflict_targets

        disputed_targets = open_conflict_targets(db)
    disputed = frozenset(key for sha, key in disputed_targets if sha == plan.sha256)
    return AssignmentSnapshot(plan, departments, tags, links, notes, timing, status, remarks, disputed)


def log_position(db: sqlite_utils.Database) -> tuple[int, str]:
    """(event count, head hash): where the log stands, which every export cites."""
    from workbench.storage.audit.audit import head_hash

    return db.execute("select count(*) from events").fetchone()[0], head_hash(db)


def provenance(db: sqlite_utils.Database, plan, *, workspace: Path | str, reviewer: str,
               filters: Filters = Filters(), unit: str = "", position: tuple[int, str] | None = None) -> Provenance:
    """`reviewer` and `unit` name who exported: 导出人 reads 张三（市发展改革委） when a unit is given.

    `position` is log_position(db), when the caller has read it already (an export of many plans).
    """
    count, head = log_position(db) if position is None else position
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    who = f"{reviewer}（{unit}）" if unit and unit not in reviewer else reviewer
    return Provenance(plan.title, plan.sha256, str(workspace), now, who, count, head, filters)


def _plan_id(db: sqlite_utils.Database, sha256: str) -> int:
    row = db.execute("select id from plans where sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise ValueError(f"plan {sha256[:12]} is not in this workspace")
    return row[0]
