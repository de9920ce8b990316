"""The workspace schema, and the only place it changes.

Each step is a sqlite-utils migration: it runs in one transaction together with
the row recording that it ran, so a workspace is always at a known step.  Never
edit a step that has shipped; add a new one.  Table and column names are a
contract: the CLI, the GUI, audit replay and merge rely on them.

Design notes for the events table: events name their targets portably (plan
sha256 + node key, department uid, indicator key), never by this file's integer
ids, so that events can be replayed into, and merged with, other workspaces.
`origin` is the uuid of the workspace an event was first written in; the hash
chain links the events of one origin (see audit.py).  `subject` says which part
of the state `before`/`after` describe (assignments, note, ...), so that replay
needs no knowledge of action names ("undo" of a note and "undo" of a node's
departments differ only by subject).
"""

from __future__ import annotations

import functools
import uuid
from datetime import datetime, timezone

import sqlite_utils

APPLICATION_ID = 0x50525742  # "PRWB": PRAGMA application_id of every workspace
MIGRATION_SET = "workbench"

migrations = sqlite_utils.Migrations(MIGRATION_SET)

_SCHEMA_1 = [
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        source_name TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL UNIQUE,
        imported_at TEXT NOT NULL,
        indicator_footnote TEXT NOT NULL DEFAULT '',
        node_count INTEGER NOT NULL DEFAULT 0,
        body_start_line INTEGER NOT NULL DEFAULT 1
    )
    """,
    """
    CREATE TABLE nodes (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        number INTEGER,
        position INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        depth INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        lines TEXT NOT NULL DEFAULT '[]',
        UNIQUE (plan_id, key)
    )
    """,
    "CREATE INDEX nodes_plan_seq ON nodes (plan_id, seq)",
    "CREATE INDEX nodes_parent_position ON nodes (parent_id, position)",
    """
    CREATE TABLE indicators (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        number TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        base_year INTEGER,
        base_value TEXT NOT NULL DEFAULT '',
        target_year INTEGER,
        target_value TEXT NOT NULL DEFAULT '',
        attribute TEXT NOT NULL DEFAULT '',
        five_year_average INTEGER NOT NULL DEFAULT 0 CHECK (five_year_average IN (0, 1)),
        five_year_cumulative INTEGER NOT NULL DEFAULT 0 CHECK (five_year_cumulative IN (0, 1)),
        base_estimated INTEGER NOT NULL DEFAULT 0 CHECK (base_estimated IN (0, 1)),
        parent_key TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (plan_id, key)
    )
    """,
    """
    CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE CHECK (name <> ''),
        full_name TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        keywords TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0,
        unconfirmed INTEGER NOT NULL DEFAULT 0 CHECK (unconfirmed IN (0, 1)),
        retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
    )
    """,
    """
    CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES departments(id),
        role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
        position INTEGER NOT NULL CHECK (position >= 0),
        UNIQUE (node_id, department_id),
        UNIQUE (node_id, position)
    )
    """,
    "CREATE INDEX assignments_department ON assignments (department_id)",
    """
    CREATE TABLE indicator_links (
        node_id INTEGER NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
        indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        UNIQUE (node_id, indicator_id),
        UNIQUE (node_id, position)
    )
    """,
    "CREATE INDEX indicator_links_indicator ON indicator_links (indicator_id)",
    """
    CREATE TABLE notes (
        node_id INTEGER PRIMARY KEY REFERENCES nodes(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE node_status (
        node_id INTEGER PRIMARY KEY REFERENCES nodes(id) ON DELETE CASCADE,
        review_status TEXT NOT NULL DEFAULT 'unreviewed'
            CHECK (review_status IN ('unreviewed', 'reviewed', 'question')),
        timing TEXT NOT NULL DEFAULT ''
            CHECK (timing IN ('', 'within_year', 'ongoing')
                   OR (length(timing) = 4 AND timing GLOB '[0-9][0-9][0-9][0-9]'))
    )
    """,
    """
    CREATE TABLE reviewers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        first_seen TEXT NOT NULL,
        UNIQUE (name, unit)
    )
    """,
    """
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        uuid TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        time_utc TEXT NOT NULL,
        tz_offset TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        reviewer_unit TEXT NOT NULL DEFAULT '',
        os_user TEXT NOT NULL DEFAULT '',
        host TEXT NOT NULL DEFAULT '',
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        plan_sha256 TEXT,
        node_key TEXT,
        department_uid TEXT,
        indicator_key TEXT,
        "before" TEXT,
        "after" TEXT,
        reason TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )
    """,
    "CREATE INDEX events_origin_seq ON events (origin, seq)",
    "CREATE INDEX events_node ON events (plan_sha256, node_key)",
    "CREATE INDEX events_department ON events (department_uid)",
    "CREATE INDEX events_reviewer ON events (reviewer, reviewer_unit)",
    "CREATE INDEX events_time ON events (time_utc)",
    "CREATE INDEX events_subject ON events (subject, action)",
    """
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN
        SELECT RAISE(ABORT, 'events are append-only');
    END
    """,
    """
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN
        SELECT RAISE(ABORT, 'events are append-only');
    END
    """,
]


@migrations(name="m001_initial_schema")
def m001_initial_schema(db: sqlite_utils.Database) -> None:
    """Every table of the first release, the append-only triggers, and identity."""
    for statement in _SCHEMA_1:
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    db.execute(
        "INSERT INTO meta (key, value) VALUES ('workspace_uuid', ?), ('created_at', ?)",
        [str(uuid.uuid4()), now],
    )


@functools.cache
def known_steps() -> frozenset[str]:
    """Names of every migration this program knows (applied or not)."""
    # Everything is pending on an empty database: the public way to list them.
    return frozenset(m.name for m in migrations.pending(sqlite_utils.Database(memory=True, execute_plugins=False)))


def apply(db: sqlite_utils.Database) -> list[str]:
    """Apply pending steps; return the names applied (empty when up to date)."""
    pending = [m.name for m in migrations.pending(db)]
    migrations.apply(db)
    return pending


_SCHEMA_2 = [
    """
    CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        subject TEXT NOT NULL,
        plan_sha256 TEXT,
        node_key TEXT,
        department_uid TEXT,
        kind TEXT NOT NULL,
        side_a_uuid TEXT NOT NULL,
        side_b_uuid TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'superseded')),
        resolution_uuid TEXT,
        detected_at TEXT NOT NULL,
        UNIQUE (side_a_uuid, side_b_uuid)
    )
    """,
    "CREATE INDEX conflicts_status ON conflicts (status)",
    "CREATE INDEX conflicts_node ON conflicts (plan_sha256, node_key)",
]


@migrations(name="m002_conflicts")
def m002_conflicts(db: sqlite_utils.Database) -> None:
    """Disagreements found by merging reviewers' workspaces (see merge.py and conflicts.py).

    Side A and side B are the two concurrent events; side B is the one whose
    value the node shows while the conflict is open.  A conflict is never
    deleted: it ends 'resolved' (by a conflict_resolution event, named in
    resolution_uuid) or 'superseded' (a later event that saw both sides).
    """
    for statement in _SCHEMA_2:
        db.execute(statement)


_SCHEMA_ISSUE12 = [
    # 完成时限 as documents write it (2026年底前, 2027年6月底前, 长期坚持): the CHECK that allowed only a
    # keyword or a bare year becomes a length check.  SQLite cannot alter a CHECK, so the table is rebuilt.
    """
    CREATE TABLE node_status_issue12 (
        node_id INTEGER PRIMARY KEY REFERENCES nodes(id) ON DELETE CASCADE,
        review_status TEXT NOT NULL DEFAULT 'unreviewed'
            CHECK (review_status IN ('unreviewed', 'reviewed', 'question')),
        timing TEXT NOT NULL DEFAULT '' CHECK (length(timing) <= 60)
    )
    """,
    "INSERT INTO node_status_issue12 (node_id, review_status, timing) SELECT node_id, review_status, timing "
    "FROM node_status",
    "DROP TABLE node_status",
    "ALTER TABLE node_status_issue12 RENAME TO node_status",
    # The public 备注 printed in the 任务分工方案 (the notes table stays internal).
    """
    CREATE TABLE remarks (
        node_id INTEGER PRIMARY KEY REFERENCES nodes(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
]


@migrations(name="m_issue12_free_timing_and_remarks")
def m_issue12_free_timing_and_remarks(db: sqlite_utils.Database) -> None:
    """完成时限 as free text, and the public remarks liaisons read and edit (issue 12)."""
    for statement in _SCHEMA_ISSUE12:
        db.execute(statement)


@migrations(name="m_issue9_plan_import_details")
def m_issue9_plan_import_details(db: sqlite_utils.Database) -> None:
    """How a plan was read: its numbering scheme (`第X章 > 第X节`, `一、 > （一） > 1.`) and the
    reviewer's import corrections (a JSON list, see core/importing/corrections.py), so that importing
    the same file with the same corrections again gives the same tree and node ids."""
    db.execute("ALTER TABLE plans ADD COLUMN numbering TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE plans ADD COLUMN import_corrections TEXT NOT NULL DEFAULT '[]'")


_SCHEMA_ISSUE15 = [
    """
    CREATE TABLE plan_revisions (
        new_plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
        old_plan_id INTEGER NOT NULL UNIQUE REFERENCES plans(id) ON DELETE CASCADE,
        event_uuid TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (new_plan_id <> old_plan_id)
    )
    """,
    """
    CREATE TABLE revision_matches (
        id INTEGER PRIMARY KEY,
        new_plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL
            CHECK (kind IN ('unchanged', 'moved', 'reworded', 'split', 'merged', 'deleted', 'new')),
        node_kind TEXT NOT NULL,
        old_keys TEXT NOT NULL DEFAULT '[]',
        new_keys TEXT NOT NULL DEFAULT '[]',
        confidence REAL NOT NULL,
        method TEXT NOT NULL DEFAULT '',
        moved INTEGER NOT NULL DEFAULT 0 CHECK (moved IN (0, 1)),
        renumbered INTEGER NOT NULL DEFAULT 0 CHECK (renumbered IN (0, 1)),
        UNIQUE (new_plan_id, position)
    )
    """,
    """
    CREATE TABLE revision_items (
        id INTEGER PRIMARY KEY,
        new_plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('flag', 'orphan')),
        node_key TEXT,
        old_keys TEXT NOT NULL DEFAULT '[]',
        match_kind TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        confidence REAL NOT NULL DEFAULT 1,
        tags TEXT NOT NULL DEFAULT '{}',
        old_text TEXT NOT NULL DEFAULT '',
        remarks TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'retagged', 'moved')),
        target_key TEXT,
        decided_event TEXT
    )
    """,
    "CREATE INDEX revision_items_plan ON revision_items (new_plan_id, status)",
    "CREATE INDEX revision_matches_plan ON revision_matches (new_plan_id, kind)",
]


@migrations(name="m_issue15_plan_revisions")
def m_issue15_plan_revisions(db: sqlite_utils.Database) -> None:
    """Versions of a plan (storage/revision/): which plan revises which, how every node matched,
    and the review items of the carry: flagged nodes (reworded, split, merged) and orphans
    (tags of deleted nodes or of deleted indicators).  A plan that has a revision is read-only."""
    for statement in _SCHEMA_ISSUE15:
        db.execute(statement)



@migrations(name="m_issue14_node_revisions")
def m_issue14_node_revisions(db: sqlite_utils.Database) -> None:
    """Per plan, a counter that any change to its nodes moves.

    The search index is derived from the nodes; comparing each plan's
    (revision, node count) with what was indexed tells whether it is current
    in one indexed query, instead of hashing every node of every plan at each
    start.  The importer's own inserts move it too, so nothing can change a
    plan's nodes unseen.
    """
    db.execute("CREATE TABLE node_revisions (plan_id INTEGER PRIMARY KEY, revision INTEGER NOT NULL)")
    db.execute("INSERT INTO node_revisions (plan_id, revision) SELECT id, 0 FROM plans")
    for event, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
        db.execute(
            f"CREATE TRIGGER nodes_revision_{event} AFTER {event.upper()} ON nodes BEGIN "
            f"INSERT INTO node_revisions (plan_id, revision) VALUES ({row}.plan_id, 1) "
            "ON CONFLICT (plan_id) DO UPDATE SET revision = revision + 1; END"
        )


@migrations(name="m_issue14_nodes_plan_kind")
def m_issue14_nodes_plan_kind(db: sqlite_utils.Database) -> None:
    """An index that answers a plan's outline (kinds, parents, counts) without reading node text."""
    db.execute("CREATE INDEX nodes_plan_kind ON nodes (plan_id, kind, parent_id)")


@migrations(name="m_issue10_signatures")
def m_issue10_signatures(db: sqlite_utils.Database) -> None:
    """Signed events and stable conflict references (issue 10).

    events.signer is the fingerprint of the key that signed the event and
    events.signature its signature over the event hash (signing/signers.py);
    events written before this step have neither.  ADD COLUMN does not fire
    the append-only triggers and rewrites no row, so old chains still verify.
    conflicts.ref is derived from the two events in dispute, so one dispute
    has the same reference in every workspace (conflicts.py).
    """
    db.execute("ALTER TABLE events ADD COLUMN signer TEXT")
    db.execute("ALTER TABLE events ADD COLUMN signature TEXT")
    db.execute("CREATE INDEX events_hash ON events (hash)")
    db.execute("ALTER TABLE conflicts ADD COLUMN ref TEXT")
    db.execute("CREATE INDEX conflicts_ref ON conflicts (ref)")


@migrations(name="m_h_conflicts_continued_by")
def m_h_conflicts_continued_by(db: sqlite_utils.Database) -> None:
    """A superseded dispute names the conflict that carries it on (issue 10).

    With three reviewers, an edit that saw only one side of a dispute replaces
    that side: the old pair is superseded, but the disagreement goes on as a
    new pair.  conflicts.continued_by is that pair's reference (NULL when the
    dispute ended).  ADD COLUMN rewrites no row: cheap on any workspace.
    The department index lets a department's edit close its disputes without
    reading every open one (storage/disputes/sync.py); the table holds at
    most some tens of thousands of rows, so building it is cheap too.
    """
    db.execute("ALTER TABLE conflicts ADD COLUMN continued_by TEXT")
    db.execute("CREATE INDEX conflicts_department ON conflicts (department_uid)")


@migrations(name="m_issue14_drop_events_hash")
def m_issue14_drop_events_hash(db: sqlite_utils.Database) -> None:
    """No index on events.hash (issue 14: a merge's 100,000 incoming events).

    Hashes are random, so every insert lands on a different page of that
    index: it was a fifth of a merge's copy and of the pages its commit
    writes.  Its one reader, an export anchor's head lookup (anchor.py), runs
    after a complete `audit verify` of the same log, which reads every row
    anyway; a scan of the table there costs a fraction of that.
    """
    db.execute("DROP INDEX IF EXISTS events_hash")
