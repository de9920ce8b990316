"""Do the node tables equal the replay?  Answered by SQLite, without decoding an event in Python.

verify (audit_verify.py) compares every node target's table value with the
`after` of its last event (replay.py).  Reading and decoding those `after`s
and the tables into Python objects was most of verify's time on a large
workspace (hundreds of thousands of targets).  Here both sides become rows
of SQL values, (plan sha256, node key, position, value...), and two EXCEPTs
find whether any row is on one side only:

* event side: each target's last event's `after` taken apart by json_each /
  json_extract, values equal to the subject's default dropped;
* table side: the same rows from assignments, indicator_links, notes,
  remarks and node_status, positions renumbered per target in read_state's
  order, default values dropped.

For the list subjects (assignments, indicator links) a cheaper test runs
first (`_lists_match_by_text`): each target's stored `after` text is compared
with the same canonical JSON built from its node's table rows in position
order (an assignment with its department's current name).  Equal texts mean
equal lists; when any text differs (a department renamed since, an `after`
with other keys, an edit) the element comparison above decides.  It needs
no JSON parsing, which is most of the element comparison's time.

The answer is one-sided on purpose: `nodes_match` says True only when both
sides hold the same rows, typed alike (a JSON number never equals a text
column value here, and an `after` of an unexpected shape gives a row that
matches nothing).  Any doubt, any difference and any SQL error give False,
and verify then runs the Python comparison (state_tables.py), which names
the first mismatch exactly as before.  So a verdict never depends on this
module; only its speed does.

`nodes_match_events` is the same comparison with each target's last event
found by SQLite (its event of the highest seq), so that it can run on a
connection of its own while verify still scans the log (state_ahead.py).
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from itertools import compress
from operator import attrgetter, itemgetter

import sqlite_utils

from workbench.storage.audit.replay import NODE_SUBJECTS, Replayed

# An `after` of a shape replay's node_value does not expect gives _ODD; a table value that is not a
# text gives _ODD_TABLE: neither equals anything on the other side.
_ODD = "x'00'"
_ODD_TABLE = "x'01'"

# The targets of one subject, given as the seq numbers of their last events: (plan id, node key, `after`).
# The plan id is NULL for a plan the tables lack: no table row has it.
_TARGETS = """t(plan, key, after) AS (
    SELECT p.id, e.node_key, e."after" FROM json_each(?) j JOIN events e ON e.seq = j.value
    LEFT JOIN plans p ON p.sha256 = e.plan_sha256)"""
# The same, each target's last event found by SQLite: its event of the highest seq (the parameter: a subject).
# That is the event verify's quick path takes when every target's events come from one workspace (seq order
# is then its chain order) or its frontier's shown event is the last one read anyway (state_ahead.py).
# Those events are found by one pass over the events table itself (NOT INDEXED), the rows the scan reads
# and hashes, into a table of this connection's own (temp): an index the file brings is not trusted, as a
# forged one (an events_subject leaving out a target's last event) would make SQLite compare the tables
# with an older event of that target (a state row set back without an event passed verify).
_LAST_EVENTS = "verify_last_events"
_CREATE_LAST_EVENTS = f"""CREATE TEMP TABLE {_LAST_EVENTS} (subject TEXT NOT NULL, seq INTEGER NOT NULL,
        PRIMARY KEY (subject, seq)) WITHOUT ROWID"""
_FILL_LAST_EVENTS = f"""INSERT INTO temp.{_LAST_EVENTS} SELECT subject, max(seq) FROM events NOT INDEXED
        WHERE subject IN ({{subjects}}) AND plan_sha256 IS NOT NULL AND node_key IS NOT NULL
        GROUP BY subject, plan_sha256, node_key"""
_EVENT_TARGETS = f"""t(plan, key, after) AS (
    SELECT p.id, e.node_key, e."after" FROM temp.{_LAST_EVENTS} m
    JOIN events e ON e.seq = m.seq LEFT JOIN plans p ON p.sha256 = e.plan_sha256 WHERE m.subject = ?)"""
_SEQ = attrgetter("seq")
_SUBJECT = itemgetter(0)


def _text(column: str) -> str:
    return f"CASE WHEN typeof({column}) = 'text' THEN {column} ELSE {_ODD_TABLE} END"


def _list_events(element: str) -> str:
    """One row per element of a list `after`, numbered from 0; a null `after` is the empty list."""
    return f"""SELECT t.plan, t.key, x.key, {element} FROM t, json_each(t.after) x WHERE json_type(t.after) = 'array'
        UNION ALL SELECT t.plan, t.key, -1, {_ODD} FROM t
        WHERE t.after IS NOT NULL AND (json_type(t.after) NOT IN ('array', 'null') OR instr(t.after, '\\u0000'))"""


def _list_table(table: str, value: str, joined: str) -> str:
    """One row per stored element, numbered by its position (a list whose positions are not 0, 1, ...
    differs from every event's list here; the Python comparison then decides)."""
    return (f"SELECT n.plan_id, n.key, s.position, {value} FROM {table} s JOIN nodes n ON n.id = s.node_id "
            f"JOIN plans p ON p.id = n.plan_id {joined}")  # fmt: skip


def _text_events(defaults: str) -> str:
    """One row per target whose `after` is a JSON text other than the defaults."""
    return f"""SELECT plan, key, v FROM (SELECT t.plan, t.key, CASE
        WHEN t.after IS NULL OR json_type(t.after) = 'null' THEN NULL
        WHEN instr(t.after, '\\u0000') THEN {_ODD}
        WHEN json_type(t.after) = 'text' THEN json_extract(t.after, '$') ELSE {_ODD} END AS v FROM t)
        WHERE v IS NOT NULL AND v NOT IN ({defaults})"""


def _text_table(table: str, column: str, default: str) -> str:
    return (f"SELECT n.plan_id, n.key, {_text('s.' + column)} FROM {table} s JOIN nodes n ON n.id = s.node_id "
            f"JOIN plans p ON p.id = n.plan_id WHERE s.{column} IS NOT {default}")  # fmt: skip


# subject -> (event side, table side).  The defaults are replay.NODE_DEFAULTS (review_status: an empty
# `after` text is "unreviewed" too).  An assignment is compared as the JSON array [department, role],
# built by SQLite on both sides (an entry's other keys, such as the department's name, do not count).
_SIDES = {
    "assignments": (
        _list_events(f"CASE WHEN x.type = 'object' THEN json_extract(x.value, '$.department', '$.role') ELSE {_ODD} END"),
        _list_table("assignments", f"CASE WHEN typeof(d.uid) = 'text' AND typeof(s.role) = 'text' THEN "
                    f"json_array(d.uid, s.role) ELSE {_ODD_TABLE} END", "JOIN departments d ON d.id = s.department_id"),
    ),
    "indicator_links": (
        _list_events(f"CASE WHEN x.type = 'text' THEN x.value ELSE {_ODD} END"),
        _list_table("indicator_links", _text("i.key"), "JOIN indicators i ON i.id = s.indicator_id"),
    ),
    "note": (_text_events("''"), _text_table("notes", "text", "''")),
    "remark": (_text_events("''"), _text_table("remarks", "text", "''")),
    "review_status": (_text_events("'', 'unreviewed'"), _text_table("node_status", "review_status", "'unreviewed'")),
    "timing": (_text_events("''"), _text_table("node_status", "timing", "''")),
}

# Both sides hold each (plan, key, index) once: the event side one row per element of one `after` per
# target, the table side one per (node, position) (UNIQUE (plan_id, key) and UNIQUE (node_id, position)).
# So equal counts and nothing of one side missing from the other mean equal sets.
_COMPARE = """WITH {targets}, ev AS MATERIALIZED ({events}), tb AS MATERIALIZED ({table})
    SELECT (SELECT count(*) FROM ev) = (SELECT count(*) FROM tb) AND NOT EXISTS (SELECT * FROM ev EXCEPT SELECT * FROM tb)"""


# subject -> (CTEs the text needs; the canonical JSON text of node n's list, built from its table rows in
# position order; the table whose distinct node ids are the nodes holding a list).  A row that cannot be
# built alike (a value that is not text, an unknown role or department) raises an SQL error: "may differ".
# An assignment's JSON is one of each department's two (lead, support), built once (`f`).
_LIST_TEXTS = {
    "assignments": (
        """, f(id, role, text) AS MATERIALIZED (
            SELECT d.id, r.role, CASE WHEN typeof(d.uid) = 'text' AND typeof(d.name) = 'text'
                THEN json_object('department', d.uid, 'name', d.name, 'role', r.role) END
            FROM departments d, (SELECT 'lead' AS role UNION ALL SELECT 'support') r)""",
        """coalesce('[' || (SELECT group_concat(x, ',') FROM (
            SELECT coalesce(f.text, json('!' || ifnull(s.role, ''))) AS x FROM assignments s
            LEFT JOIN f ON f.id = s.department_id AND f.role = s.role WHERE s.node_id = n.id ORDER BY s.position))
            || ']', '[]')""",
        "assignments",
    ),
    "indicator_links": (
        "",
        """(SELECT json_group_array(CASE WHEN typeof(a) = 'text' THEN a ELSE x'00' END) FROM (
            SELECT i.key AS a FROM indicator_links s JOIN indicators i ON i.id = s.indicator_id
            WHERE s.node_id = n.id ORDER BY s.position))""",
        "indicator_links",
    ),
}
# Per target: is its `after` text the text built from its node's rows?  Is its list non-empty?
# (An ORDERed subquery is not flattened into an aggregate: SQLite feeds its rows to it in that order.)
_BY_TEXT = """WITH {targets}{fragments}
    SELECT count(*), count(*) FILTER (WHERE t.after IS NOT {text}), count(*) FILTER (WHERE t.after <> '[]')
    FROM t LEFT JOIN nodes n ON n.plan_id = t.plan AND n.key = t.key"""


def _lists_match_by_text(conn: sqlite3.Connection, subject: str, payload: str) -> bool:
    """True when every target's `after` text is its node's list as canonical JSON, and no other node holds one.

    Equal texts are equal lists (the `after` parses to the table's (department, role) pairs or keys, in
    position order).  Every node with a list is a target's: each target with a non-empty list has its
    own node, and as many nodes hold rows as there are such targets.
    """
    return _lists_by_text(conn, subject, payload, _TARGETS)[0]


def _lists_by_text(conn: sqlite3.Connection, subject: str, parameter: str, targets: str) -> tuple[bool, int]:
    """(_lists_match_by_text's answer, the number of targets) for the targets CTE `targets` given `parameter`."""
    fragments, text, table = _LIST_TEXTS[subject]
    sql = _BY_TEXT.format(targets=targets, fragments=fragments, text=text)
    counted, differing, listed = conn.execute(sql, [parameter]).fetchone()
    if differing:
        return False, counted
    (holding,) = conn.execute(f"SELECT count(DISTINCT node_id) FROM {table}").fetchone()
    return holding == listed, counted


# subject -> (table, column, the default value, the `after` texts (besides NULL) that mean the default).
_VALUE_TEXTS = {
    "note": ("notes", "text", "''", """'null', '""'"""),
    "remark": ("remarks", "text", "''", """'null', '""'"""),
    "review_status": ("node_status", "review_status", "'unreviewed'", """'null', '""', '"unreviewed"'"""),
    "timing": ("node_status", "timing", "''", """'null', '""'"""),
}
# Per target: its table value (the default when its node has no row; a BLOB, equal to nothing, when the
# value is not text), then: does the `after` text say that value?  Is the value not the default?  (An
# `after` of "" says the default, "unreviewed", even where a status of '' is stored: that differs.)
_VALUE_BY_TEXT = """WITH {targets}, c AS MATERIALIZED (
        SELECT t.after AS after, coalesce((SELECT CASE WHEN typeof(s.{column}) = 'text' THEN s.{column} ELSE x'00' END
            FROM {table} s WHERE s.node_id = n.id), {default}) AS w
        FROM t LEFT JOIN nodes n ON n.plan_id = t.plan AND n.key = t.key)
    SELECT count(*) FILTER (WHERE NOT (w IS {default} AND (after IS NULL OR after IN ({defaults}))
                                       OR typeof(w) = 'text' AND w IS NOT {default} AND after IS json_quote(w)
                                          AND after NOT IN ({defaults}))),
        count(*) FILTER (WHERE typeof(w) = 'text' AND w IS NOT {default}), count(*)
    FROM c"""


def _values_match_by_text(conn: sqlite3.Connection, subject: str, payload: str) -> bool:
    """True when every target's `after` text is its node's value as a JSON string (or a text meaning the
    default, where the node holds the default), and no other node holds a value other than the default.

    Each target with a value has its own node's row, and as many rows hold a value as there are such targets.
    """
    return _values_by_text(conn, subject, payload, _TARGETS)[0]


def _values_by_text(conn: sqlite3.Connection, subject: str, parameter: str, targets: str) -> tuple[bool, int]:
    """(_values_match_by_text's answer, the number of targets) for the targets CTE `targets` given `parameter`."""
    table, column, default, defaults = _VALUE_TEXTS[subject]
    sql = _VALUE_BY_TEXT.format(targets=targets, table=table, column=column, default=default, defaults=defaults)
    differing, valued, counted = conn.execute(sql, [parameter]).fetchone()
    if differing:
        return False, counted
    (holding,) = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} IS NOT {default}").fetchone()
    return holding == valued, counted


def target_payloads(replayed: Replayed) -> dict[str, str] | None:
    """subject -> the seq numbers of its targets' last events, as the JSON the comparisons take.

    None when a target has a subject no comparison knows.  Whole-list steps: this runs for every target.
    """
    node_last = replayed.node_last
    subjects = list(map(_SUBJECT, node_last))
    if not set(subjects) <= _SIDES.keys():
        return None
    seqs = list(map(_SEQ, map(replayed.history.events.__getitem__, node_last.values())))
    payloads = dict.fromkeys(_SIDES, "[]")
    for subject in set(subjects):
        payloads[subject] = json.dumps(list(compress(seqs, map(subject.__eq__, subjects))))
    return payloads


def nodes_match(db: sqlite_utils.Database, replayed: Replayed) -> bool:
    """True when every node target's table value equals its last event's (`replayed.node_last`).

    False when they may differ: the caller then compares in Python.
    """
    conn = db.conn
    payloads = target_payloads(replayed)
    if payloads is None:
        return False
    try:
        for subject, (event_side, table_side) in _SIDES.items():
            payload = payloads[subject]
            if subject in _LIST_TEXTS and _lists_match_by_text(conn, subject, payload):
                continue
            if subject in _VALUE_TEXTS and _values_match_by_text(conn, subject, payload):
                continue
            sql = _COMPARE.format(targets=_TARGETS, events=event_side, table=table_side)
            if not conn.execute(sql, [payload]).fetchone()[0]:
                return False
    except sqlite3.Error:
        return False
    return True


# Every node subject has its comparison, by text first (so each gives its number of targets).
assert set(_SIDES) == set(NODE_SUBJECTS) == set(_LIST_TEXTS) | set(_VALUE_TEXTS)


def fill_last_events(conn: sqlite3.Connection) -> None:
    """Each node target's event of the highest seq into this connection's temp table (_EVENT_TARGETS reads it),
    found by a pass over the events table itself, whatever indexes the file brings."""
    subjects = ", ".join(f"'{subject}'" for subject in _SIDES)
    conn.execute(f"DROP TABLE IF EXISTS temp.{_LAST_EVENTS}")
    conn.execute(_CREATE_LAST_EVENTS)
    conn.execute(_FILL_LAST_EVENTS.format(subjects=subjects))


def nodes_match_events(conn: sqlite3.Connection, last_seqs: array | None = None) -> tuple[bool, int]:
    """nodes_match with each target's last event taken as its event of the highest seq, found by SQLite.

    (True when equal, False when they may differ; the number of node targets found).  Reads the events
    and the tables only: run on a connection of its own, in one read transaction, while the log is
    scanned (state_ahead.py).  Its "equal" stands for nodes_match's only where each target's last event
    is that one and both read the same file state; state_ahead checks both.  `last_seqs`, if given,
    receives the seq of every target's last event it took, in ascending order (state_ahead compares them
    with the scan's; an array of 8-byte integers, not a set of Python ints: 1 MB at 100 plans, not 10).
    """
    fill_last_events(conn)
    try:
        if last_seqs is not None:
            last_seqs.extend(seq for (seq,) in conn.execute(f"SELECT seq FROM temp.{_LAST_EVENTS} ORDER BY seq"))
        counted = 0
        for subject, (event_side, table_side) in _SIDES.items():
            test = _lists_by_text if subject in _LIST_TEXTS else _values_by_text
            equal, found = test(conn, subject, subject, _EVENT_TARGETS)
            counted += found
            if not equal:
                sql = _COMPARE.format(targets=_EVENT_TARGETS, events=event_side, table=table_side)
                if not conn.execute(sql, [subject]).fetchone()[0]:
                    return False, counted
        return True, counted
    finally:
        conn.execute(f"DROP TABLE IF EXISTS temp.{_LAST_EVENTS}")
