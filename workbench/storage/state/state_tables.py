"""The current-state tables read in replay's terms, and brought to a replayed state.

`read_state` gives the tables as portable values (plan sha256 + node key,
department uid, indicator key) so that verify can compare them with a replay.
`write_state` makes the tables equal a replay, touching only what differs; a
merge calls it inside its transaction, after the merged events are in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from workbench.storage.state.department_store import department_record
from workbench.storage.errors import StoreError
from workbench.storage.audit.replay import NODE_DEFAULTS, NodeTarget, Replayed, department_value

# Subjects whose state is one text per node, and the table holding it (notes are internal, remarks public).
TEXT_TABLES = {"note": "notes", "remark": "remarks"}


@dataclass
class TableState:
    nodes: dict[NodeTarget, Any] = field(default_factory=dict)  # only values that differ from the default
    departments: dict[str, dict[str, Any]] = field(default_factory=dict)
    plans: set[str] = field(default_factory=set)


def read_state(db: sqlite_utils.Database) -> TableState:
    state = TableState()
    conn = db.conn
    lists: dict[NodeTarget, list[Any]] = {}
    for sha, key, uid, role in conn.execute(
        "SELECT p.sha256, n.key, d.uid, a.role FROM assignments a JOIN nodes n ON n.id = a.node_id "
        "JOIN plans p ON p.id = n.plan_id JOIN departments d ON d.id = a.department_id "
        "ORDER BY a.node_id, a.position"
    ):
        lists.setdefault(("assignments", sha, key), []).append((uid, role))
    for sha, key, indicator in conn.execute(
        "SELECT p.sha256, n.key, i.key FROM indicator_links l JOIN nodes n ON n.id = l.node_id "
        "JOIN plans p ON p.id = n.plan_id JOIN indicators i ON i.id = l.indicator_id "
        "ORDER BY l.node_id, l.position"
    ):
        lists.setdefault(("indicator_links", sha, key), []).append(indicator)
    state.nodes.update({target: tuple(values) for target, values in lists.items()})
    for subject, table in TEXT_TABLES.items():
        for sha, key, text in conn.execute(
            f"SELECT p.sha256, n.key, t.text FROM {table} t JOIN nodes n ON n.id = t.node_id "
            "JOIN plans p ON p.id = n.plan_id"
        ):
            if text:
                state.nodes[(subject, sha, key)] = text
    for sha, key, status, timing in conn.execute(
        "SELECT p.sha256, n.key, s.review_status, s.timing FROM node_status s "
        "JOIN nodes n ON n.id = s.node_id JOIN plans p ON p.id = n.plan_id"
    ):
        if status != NODE_DEFAULTS["review_status"]:
            state.nodes[("review_status", sha, key)] = status
        if timing != NODE_DEFAULTS["timing"]:
            state.nodes[("timing", sha, key)] = timing
    state.departments = read_departments(db)
    state.plans = read_plans(db)
    return state


def read_departments(db: sqlite_utils.Database) -> dict[str, dict[str, Any]]:
    """The departments table as replay's records, by uid."""
    cursor = db.conn.execute("SELECT * FROM departments")
    names = [d[0] for d in cursor.description]
    departments = {}
    for row in cursor:
        record = department_value(department_record(dict(zip(names, row))))
        departments[record["uid"]] = record
    return departments


def read_plans(db: sqlite_utils.Database) -> set[str]:
    return {row[0] for row in db.conn.execute("SELECT sha256 FROM plans")}


def node_differences(replayed: Replayed, tables: TableState) -> list[NodeTarget]:
    """Targets whose table value is not the replayed one (unordered)."""
    replayed_nodes, table_nodes = replayed.nodes, tables.nodes
    differing = [t for t, value in replayed_nodes.items() if value != table_nodes.get(t, NODE_DEFAULTS[t[0]])]
    differing += [t for t, value in table_nodes.items() if t not in replayed_nodes and value != NODE_DEFAULTS[t[0]]]
    return differing


def department_differences(replayed: Replayed, tables: TableState) -> list[str]:
    uids = set(replayed.departments) | set(tables.departments)
    return [u for u in uids if replayed.departments.get(u) != tables.departments.get(u)]


def write_state(db: sqlite_utils.Database, replayed: Replayed) -> set[NodeTarget]:
    """Make the tables equal `replayed` (caller holds the transaction); return the node targets changed."""
    tables = read_state(db)
    write_departments(db, replayed.departments, tables.departments)
    changed = node_differences(replayed, tables)
    if not changed:
        return set()
    # Only the changed targets' nodes, each found through the (plan_id, key) index: a workspace of many
    # plans holds close to a million nodes.
    node_ids = {
        (sha, key): node_id
        for sha, key, node_id in db.conn.execute(
            "SELECT p.sha256, n.key, n.id FROM json_each(?) j JOIN plans p ON p.sha256 = json_extract(j.value, '$[0]') "
            "JOIN nodes n ON n.plan_id = p.id AND n.key = json_extract(j.value, '$[1]')",
            [json.dumps(sorted({(sha, key) for _, sha, key in changed}))],
        )
    }
    department_ids = dict(db.conn.execute("SELECT uid, id FROM departments"))
    indicator_ids = {
        (sha, key): i
        for sha, key, i in db.conn.execute("SELECT p.sha256, i.key, i.id FROM indicators i JOIN plans p ON p.id = i.plan_id")
    }
    events = replayed.history.events
    for target in sorted(changed):
        subject, sha, key = target
        node_id = node_ids.get((sha, key))
        if node_id is None:
            raise StoreError(f"events name node {key!r} of plan {sha[:12]}, which this workspace does not hold")
        value = replayed.nodes.get(target, NODE_DEFAULTS[subject])
        if subject == "assignments":
            missing = [uid for uid, _ in value if uid not in department_ids]
            if missing:
                raise StoreError(f"node {key!r} is assigned to department {missing[0]}, which no event defines")
            db.execute("DELETE FROM assignments WHERE node_id = ?", [node_id])
            db.conn.executemany(
                "INSERT INTO assignments (node_id, department_id, role, position) VALUES (?, ?, ?, ?)",
                [(node_id, department_ids[uid], role, i) for i, (uid, role) in enumerate(value)],
            )
        elif subject == "indicator_links":
            missing = [k for k in value if (sha, k) not in indicator_ids]
            if missing:
                raise StoreError(f"node {key!r} links indicator {missing[0]!r}, which plan {sha[:12]} does not hold")
            db.execute("DELETE FROM indicator_links WHERE node_id = ?", [node_id])
            db.conn.executemany(
                "INSERT INTO indicator_links (node_id, indicator_id, position) VALUES (?, ?, ?)",
                [(node_id, indicator_ids[(sha, k)], i) for i, k in enumerate(value)],
            )
        elif subject in TEXT_TABLES:  # a note or a public remark: one text per node, same shape
            table = TEXT_TABLES[subject]
            if value:
                when = events[replayed.node_last[target]].time_utc
                db.execute(
                    f"INSERT INTO {table} (node_id, text, updated_at) VALUES (?, ?, ?) ON CONFLICT (node_id) "
                    "DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    [node_id, value, when],
                )
            else:
                db.execute(f"DELETE FROM {table} WHERE node_id = ?", [node_id])
        else:
            status = replayed.nodes.get(("review_status", sha, key), NODE_DEFAULTS["review_status"])
            timing = replayed.nodes.get(("timing", sha, key), NODE_DEFAULTS["timing"])
            db.execute(
                "INSERT INTO node_status (node_id, review_status, timing) VALUES (?, ?, ?) ON CONFLICT (node_id) "
                "DO UPDATE SET review_status = excluded.review_status, timing = excluded.timing",
                [node_id, status, timing],
            )
    return set(changed)


def write_departments(db: sqlite_utils.Database, replayed: dict[str, dict[str, Any]],
                      tables: dict[str, dict[str, Any]]) -> None:  # fmt: skip
    """Make the departments table (read as `tables`, read_departments) equal the `replayed` records."""
    uids = set(replayed) | set(tables)
    differing = sorted(u for u in uids if replayed.get(u) != tables.get(u))
    # Free the names first, so that two departments swapping names never clash midway.
    db.conn.executemany(
        "UPDATE departments SET name = '~' || uid WHERE uid = ?", [(u,) for u in differing if u in tables]
    )
    for uid in differing:
        record = replayed.get(uid)
        if record is None:
            raise StoreError(f"department {uid} is in the workspace but in no event")
        row = {
            "uid": uid,
            "name": record["name"],
            "full_name": record["full_name"] or "",
            "kind": record["kind"],
            "aliases": json.dumps(record["aliases"], ensure_ascii=False),
            "keywords": json.dumps(record["keywords"], ensure_ascii=False),
            "position": record["position"] or 0,
            "unconfirmed": int(record["unconfirmed"]),
            "retired": int(record["retired"]),
        }
        if uid in tables:
            db.execute(
                "UPDATE departments SET name = ?, full_name = ?, kind = ?, aliases = ?, keywords = ?, "
                "position = ?, unconfirmed = ?, retired = ? WHERE uid = ?",
                [row[k] for k in ("name", "full_name", "kind", "aliases", "keywords", "position", "unconfirmed",
                                  "retired", "uid")],
            )
        else:
            db["departments"].insert(row)
