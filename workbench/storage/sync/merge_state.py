"""The state rows of a merge's touched targets brought to the targeted replay (merge_replay.py), in SQL.

state_tables.write_state reads every state table into Python and writes the
differences one statement per row.  Here only the targets whose value the
merge changes are written (merge_replay._changed: the shown event's value
against the one shown before the merge, which is what the tables hold), with
a few set-based statements: list values come as rows of their canonical text
(json_each over [[department uid, role], ...] or [indicator key, ...]), texts
and statuses as they are; a note or remark takes its shown event's time as
`updated_at`, as write_state does.  Departments (few) go through
state_tables.write_departments.

Two steps: stage_touched (the departments, and the changed targets into a
temp table, row by row) and write_staged (a few statements that hold no GIL
while SQLite works, so merge.py finds the disputes on a thread meanwhile).
Each says where write_state would refuse (a changed target on a node this
workspace lacks, a department or indicator no row defines; the list writes
run in a savepoint, undone then): the caller runs the full replay, whose
write_state raises its own message."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from workbench.storage.state.state_tables import read_departments, write_departments
from workbench.storage.sync.merge_replay import Touched

_CHANGED = ("CREATE TEMP TABLE merge_changed (subject TEXT NOT NULL, nid INTEGER NOT NULL, node_id INTEGER, "
            "seq INTEGER NOT NULL, norm TEXT NOT NULL)")  # fmt: skip

# Rows from the canonical text (compact: [[department uid, role], ...] or [indicator key, ...]); an element whose
# department or indicator no row defines drops out of the join, and _write counts the rows to find it.
_LISTS = [
    ("assignments", "DELETE FROM assignments WHERE node_id IN (SELECT node_id FROM temp.merge_changed WHERE "
     "subject = 'assignments')",
     "INSERT INTO assignments (node_id, department_id, role, position) SELECT c.node_id, d.id, "
     "json_extract(j.value, '$[1]'), j.key FROM temp.merge_changed c, json_each(c.norm) j JOIN departments d "
     "ON d.uid = json_extract(j.value, '$[0]') WHERE c.subject = 'assignments' ORDER BY c.nid, j.key"),
    ("indicator_links", "DELETE FROM indicator_links WHERE node_id IN (SELECT node_id FROM temp.merge_changed "
     "WHERE subject = 'indicator_links')",
     "INSERT INTO indicator_links (node_id, indicator_id, position) SELECT c.node_id, i.id, j.key "
     "FROM temp.merge_changed c JOIN nodes n ON n.id = c.node_id, json_each(c.norm) j JOIN indicators i "
     "ON i.plan_id = n.plan_id AND i.key = j.value WHERE c.subject = 'indicator_links' ORDER BY c.nid, j.key"),
]
_TEXT_WRITES = [
    "INSERT INTO {table} (node_id, text, updated_at) SELECT c.node_id, c.norm, e.time_utc FROM temp.merge_changed c "
    "JOIN events e ON e.seq = c.seq WHERE c.subject = ? AND c.norm != '' ORDER BY c.nid "
    "ON CONFLICT (node_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
    "DELETE FROM {table} WHERE node_id IN (SELECT node_id FROM temp.merge_changed WHERE subject = ? AND norm = '')",
]
_STATUS_WRITE = ("INSERT INTO node_status (node_id, {column}) SELECT node_id, norm FROM temp.merge_changed "
                 "WHERE subject = ? ORDER BY nid ON CONFLICT (node_id) DO UPDATE SET {column} = excluded.{column}")


def stage_touched(db: sqlite_utils.Database, touched: Touched, node_ids: dict[int, int]) -> int | None:
    """Write the departments and stage the changed node targets (temp.merge_changed) for write_staged; return
    how many node targets changed, or None (nothing of the nodes written) where write_state would refuse.
    `node_ids`: node number -> nodes.id (merge_ahead.Ahead)."""
    assert touched.departments is not None
    write_departments(db, touched.departments.departments, read_departments(db))
    conn = db.conn
    conn.execute(_CHANGED)
    conn.executemany(
        "INSERT INTO temp.merge_changed (subject, nid, node_id, seq, norm) VALUES (?, ?, ?, ?, ?)",
        [(subject, nid, node_ids.get(nid), seq, touched.norms[seq])
         for subject, nid, seq in sorted((*target, touched.targets[target]) for target in touched.changed)],
    )  # fmt: skip
    if conn.execute("SELECT 1 FROM temp.merge_changed WHERE node_id IS NULL LIMIT 1").fetchone():
        return None
    return len(touched.changed)


def write_staged(db: sqlite_utils.Database) -> bool:
    """Make the staged targets' rows equal the targeted replay, in a few set-based statements that hold no
    GIL while they run; False (nothing written) where a value names a department or indicator no row
    defines (write_state refuses)."""
    try:
        with db.atomic():  # a savepoint: undone when a value names a department or indicator no row defines
            _write(db.conn)
    except _Unknown:
        return False
    return True


class _Unknown(Exception):
    """A list value names a department or indicator this workspace does not define (write_state refuses)."""


def _write(conn: sqlite3.Connection) -> None:
    for subject, delete, insert in _LISTS:
        conn.execute(delete)
        expected = conn.execute("SELECT total(json_array_length(norm)) FROM temp.merge_changed WHERE subject = ?",
                                [subject]).fetchone()[0]  # fmt: skip
        if conn.execute(insert).rowcount != expected:  # a join found no row for some element
            raise _Unknown(subject)
    for subject, table in (("note", "notes"), ("remark", "remarks")):
        for statement in _TEXT_WRITES:
            conn.execute(statement.format(table=table), [subject])
    for subject in ("review_status", "timing"):
        conn.execute(_STATUS_WRITE.format(column=subject), [subject])
