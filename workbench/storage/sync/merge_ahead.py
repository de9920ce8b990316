"""What a merge's targeted replay (merge_replay.py) reads before their events are copied, on a thread.

The targets the incoming events touch are known once their log is checked;
our events on those targets, and the values of every event that may be shown
or disputed there, are then fixed: ours are committed in our file, theirs are
in theirs.  So while the main connection copies their rows (merge_copy.py),
`read_ahead` reads, on connections of its own (our file read-only, theirs
through the URI merge opened it with), for every touched target the last
event of each origin among ours (found through the (plan, key) index) with
its uuid and hash, and the canonical text of the value of each such event
and of the last incoming event of each origin (`DIGEST`); and the conflict
rows on those nodes and on departments (`CONFLICT_ROWS`: the merge writes
none before comparing them, and its BEGIN IMMEDIATE held the write lock
before this read, so our committed rows are its transaction's).  SQLite
releases the GIL while it works, so this runs beside the copy.  The values of their
events are mostly read earlier still, while their log is checked (`Early`:
every new node event of theirs, taken where it matches the checked log).

Canonical text: equal texts <=> equal replay.node_value; NULL where an
`after` has a shape the repository never writes (replay's str() of numbers,
null or booleans is not mirrored; a nested object stays JSON, which no
department uid or role equals, so its write is refused and the full replay
runs); malformed JSON stops the statement (the full replay runs).  NULL too
where an `after` holds an escaped NUL character: json_extract and
json_each end a decoded string there.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from workbench.storage.audit.replay import NODE_SUBJECTS

Target = tuple[str, int]  # (subject, node number in temp.merge_nodes)

NODES_TABLE = "CREATE TEMP TABLE merge_nodes (nid INTEGER PRIMARY KEY, sha TEXT NOT NULL, key TEXT NOT NULL)"
# Our last event of each origin on each subject of the touched nodes, through the (plan, key) index (CROSS JOIN:
# the touched nodes lead; SQLite groups, so Python sees one row per target and origin, not every event).
OUR_EVENTS = ("SELECT t.nid, e.subject, e.origin, max(e.seq) FROM temp.merge_nodes t CROSS JOIN events e "
              "ON e.plan_sha256 = t.sha AND e.node_key = t.key WHERE e.seq <= ? GROUP BY t.nid, e.subject, e.origin")
_ROW = "c.id, c.side_a_uuid, c.side_b_uuid, c.status, c.subject, c.plan_sha256, c.node_key, c.department_uid"
# The conflict rows on the touched nodes (the (plan, key) index) and on departments (the department index): the
# merge writes none before it compares them (merge_conflicts.py), so ours read-only reads what its transaction holds.
CONFLICT_ROWS = (f"SELECT {_ROW} FROM temp.merge_nodes t CROSS JOIN conflicts c ON c.plan_sha256 = t.sha AND "
                 f"c.node_key = t.key UNION ALL SELECT {_ROW} FROM conflicts c WHERE c.department_uid >= ''")  # fmt: skip
_VALUES_TABLE = "CREATE TEMP TABLE merge_values (seq INTEGER PRIMARY KEY, subject TEXT NOT NULL)"
_DEPARTMENT, _ROLE = "json_extract(j.value, '$.department')", "json_extract(j.value, '$.role')"
# One pass over each `after` (each element's fields extracted once: LIMIT -1 keeps SQLite from flattening that
# subquery into the aggregate).  For assignments the first lead department follows the text after a unit
# separator (JSON text holds none: json_array escapes control characters).
DIGEST = f"""SELECT v.seq, e.uuid, e.hash,
  CASE WHEN e."after" IS NULL THEN CASE v.subject WHEN 'assignments' THEN '[]' WHEN 'indicator_links' THEN '[]'
      WHEN 'review_status' THEN 'unreviewed' ELSE '' END
    WHEN typeof(e."after") != 'text' OR instr(e."after", '\\u0000') THEN NULL
    WHEN v.subject = 'assignments' THEN CASE json_type(e."after") WHEN 'null' THEN '[]' WHEN 'array' THEN
      (SELECT CASE WHEN count(*) = total(t = 'object' AND typeof(d) = 'text' AND typeof(r) = 'text') THEN
       json_group_array(json_array(d, r)) || coalesce(char(31) || substr(min(CASE WHEN r = 'lead' THEN
       printf('%09d', k) || d END), 10), '') END
       FROM (SELECT j.type AS t, j.key AS k, {_DEPARTMENT} AS d, {_ROLE} AS r FROM json_each(e."after") j LIMIT -1)) END
    WHEN v.subject = 'indicator_links' THEN CASE json_type(e."after") WHEN 'null' THEN '[]' WHEN 'array' THEN
      (SELECT CASE WHEN count(*) = total(j.type = 'text') THEN json_group_array(j.value) END
       FROM json_each(e."after") j) END
    WHEN json_type(e."after") NOT IN ('null', 'text') THEN NULL
    WHEN v.subject = 'review_status' THEN coalesce(nullif(json_extract(e."after", '$'), ''), 'unreviewed')
    ELSE coalesce(json_extract(e."after", '$'), '') END
FROM temp.merge_values v JOIN events e ON e.seq = v.seq
"""


@dataclass
class Plan:
    """The touched targets, made on the main connection before the copy (plan_targets)."""

    nodes: list[tuple[str, str]]  # (plan sha256, node key) by node number
    wanted: set[Target]  # node targets to replay
    theirs: dict[Target, dict[str, int]]  # -> origin -> index in `incoming` of its last event there
    their_subjects: dict[int, tuple[int, str]]  # their seq -> (index in `incoming`, subject), of those events
    last_before: int  # our last seq before the merge
    count: int  # how many events come in
    their_sides: dict[int, tuple[str, str]]  # index in `incoming` -> (uuid, hash), of those last incoming events


@dataclass
class Ahead:
    """What read_ahead read (see the module docstring)."""

    ours: dict[Target, dict[str, int]] = field(default_factory=dict)  # -> origin -> seq of our last event there
    sides: dict[int, tuple[str, str]] = field(default_factory=dict)  # our seq -> (uuid, hash), of those
    node_ids: dict[int, int] = field(default_factory=dict)  # node number -> nodes.id (absent: no such node here)
    values: dict[int, str | None] = field(default_factory=dict)  # our seq -> canonical text, of those
    their_values: dict[int, str | None] = field(default_factory=dict)  # index in `incoming` -> canonical text
    conflict_rows: list[tuple] = field(default_factory=list)  # CONFLICT_ROWS, for merge_conflicts.conflict_changes


def plan_targets(conn: sqlite3.Connection, incoming: list[Any], last_before: int, stamp: int) -> Plan:
    """The node targets of `incoming` and of our events after `stamp` (up to `last_before`, read on `conn`).
    Node numbers are positions in `nodes`; read_ahead's connections hold them in temp.merge_nodes."""
    per_target: dict[tuple[str, str, str], dict[str, int]] = {}
    for i, event in enumerate(incoming):
        if event.subject in NODE_SUBJECTS and event.plan_sha256 is not None and event.node_key is not None:
            per_target.setdefault((event.subject, event.plan_sha256, event.node_key), {})[event.origin] = i
    wanted = set(per_target)
    for subject, sha, key in conn.execute("SELECT subject, plan_sha256, node_key FROM events WHERE seq > ? AND "
                                          "seq <= ?", [stamp, last_before]):  # fmt: skip
        if subject in NODE_SUBJECTS and sha is not None and key is not None:
            wanted.add((subject, sha, key))
    nodes = sorted({(sha, key) for _, sha, key in wanted})
    number = {node: i for i, node in enumerate(nodes)}
    theirs = {(subject, number[(sha, key)]): last for (subject, sha, key), last in per_target.items()}
    their_subjects = {incoming[i].seq: (i, subject) for (subject, _), last in theirs.items() for i in last.values()}
    their_sides = {i: (incoming[i].uuid, incoming[i].hash) for i, _ in their_subjects.values()}
    return Plan(nodes, {(subject, number[(sha, key)]) for subject, sha, key in wanted}, theirs, their_subjects,
                last_before, len(incoming), their_sides)  # fmt: skip


def nodes_table(conn: sqlite3.Connection, nodes: list[tuple[str, str]]) -> None:
    """temp.merge_nodes on `conn`: node number -> plan sha256 and key (joins through the (plan, key) index)."""
    conn.execute("DROP TABLE IF EXISTS temp.merge_nodes")
    conn.execute(NODES_TABLE)
    conn.executemany("INSERT INTO temp.merge_nodes (nid, sha, key) VALUES (?, ?, ?)",
                     [(i, sha, key) for i, (sha, key) in enumerate(nodes)])  # fmt: skip


class Early:
    """The canonical text of every node event OTHER holds beyond what we hold of its origin, computed while
    their log is checked (`run`, on a thread: the check is Python, one core is free), before the check has
    said which of them are the last per target.  `run` is a few statements that hold no GIL while SQLite
    works (rows stepped one by one would take it back 100,000 times from the check); the rows are fetched
    later (`values`).  Keyed by seq with uuid and hash: read_ahead takes a value only where they equal the
    checked log's, and reads again otherwise (their file changed, an index lied)."""

    def __init__(self, theirs_uri: str, bounds: dict[str, int]) -> None:
        self.uri, self.bounds = theirs_uri, bounds  # origin -> their seq after which its events are new
        self._conn: sqlite3.Connection | None = None
        self._cancelled = False

    def run(self) -> None:
        self._conn = conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False)
        conn.execute(_VALUES_TABLE)
        for origin, after in self.bounds.items():  # through their (origin, seq) index
            if self._cancelled:
                return
            conn.execute(f"INSERT INTO temp.merge_values (seq, subject) SELECT seq, subject FROM events WHERE "
                         f"origin = ? AND seq > ? AND subject IN ({', '.join('?' * len(NODE_SUBJECTS))}) AND "
                         "plan_sha256 IS NOT NULL AND node_key IS NOT NULL", [origin, after, *NODE_SUBJECTS])
        if self._cancelled:  # (interrupt() stops a running statement only, not one about to start)
            return
        conn.execute(f"CREATE TEMP TABLE merge_early AS {DIGEST}")

    def values(self) -> dict[int, tuple[str, str, str | None]]:
        """seq -> (uuid, hash, canonical text), once `run` is done (then the connection closes)."""
        conn = self._conn
        assert conn is not None
        try:
            return {seq: (uuid, hash_, packed) for seq, uuid, hash_, packed in
                    conn.execute("SELECT * FROM temp.merge_early")}  # fmt: skip
        finally:
            self.close()

    def cancel(self) -> None:
        """Stop reading (the merge was refused): the statement running ends at once."""
        self._cancelled = True
        if self._conn is not None:
            self._conn.interrupt()

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


def _taken_early(plan: Plan, early: tuple[Early, Future] | None) -> dict[int, str | None] | None:
    """index in `incoming` -> canonical text, from Early's read where it holds every last incoming event with
    the uuid and hash the checked log gives it; else None."""
    if early is None:
        return None
    try:
        early[1].result()
        read = early[0].values()
    except sqlite3.Error:
        return None
    values = {}
    for seq, (i, _) in plan.their_subjects.items():
        found = read.get(seq)
        if found is None or (found[0], found[1]) != plan.their_sides[i]:
            return None
        values[i] = found[2]
    return values


def read_ahead(plan: Plan, ours_uri: str, theirs_uri: str, early: tuple[Early, Future] | None = None) -> Ahead:
    """Read what the module docstring says, on connections of its own (any thread); their values from
    `early` (an Early and the future of its run) where it read them all."""
    ahead = Ahead()
    ours = sqlite3.connect(ours_uri, uri=True)
    try:  # (closed even when theirs cannot be opened)
        theirs = sqlite3.connect(theirs_uri, uri=True)
    except BaseException:
        ours.close()
        raise
    try:
        nodes_table(ours, plan.nodes)
        ahead.node_ids = dict(ours.execute("SELECT t.nid, n.id FROM temp.merge_nodes t JOIN plans p ON p.sha256 = "
                                           "t.sha JOIN nodes n ON n.plan_id = p.id AND n.key = t.key"))  # fmt: skip
        wanted = plan.wanted
        for nid, subject, origin, seq in ours.execute(OUR_EVENTS, [plan.last_before]):
            if (subject, nid) in wanted:
                ahead.ours.setdefault((subject, nid), {})[origin] = seq
        subjects = {seq: target[0] for target, per_origin in ahead.ours.items() for seq in per_origin.values()}
        ahead.values = _digest(ours, subjects, ahead.sides)
        ahead.conflict_rows = ours.execute(CONFLICT_ROWS).fetchall()
        taken = _taken_early(plan, early)
        if taken is not None:
            ahead.their_values = taken
            return ahead
        index = {seq: i for seq, (i, _) in plan.their_subjects.items()}
        their_values = _digest(theirs, {seq: subject for seq, (_, subject) in plan.their_subjects.items()})
        ahead.their_values = {index[seq]: value for seq, value in their_values.items()}
    finally:
        ours.close()
        theirs.close()
    return ahead


def _digest(conn: sqlite3.Connection, subjects: dict[int, str],
            sides: dict[int, tuple[str, str]] | None = None) -> dict[int, str | None]:  # fmt: skip
    """seq -> canonical text of the events `subjects` names (and into `sides`, if given: seq -> (uuid, hash))."""
    conn.execute(_VALUES_TABLE)
    conn.executemany("INSERT INTO temp.merge_values (seq, subject) VALUES (?, ?)", sorted(subjects.items()))
    values = {}
    for seq, uuid, hash_, packed in conn.execute(DIGEST):
        values[seq] = packed
        if sides is not None:
            sides[seq] = (uuid, hash_)
    return values
