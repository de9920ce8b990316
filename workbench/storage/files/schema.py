"""The SQL statements of the schema's larger steps, each list run in order by its migration.

migrations.py registers the steps and decides their order; this module only holds the text of the
ones that create tables, so that the list of steps reads as a list.  A shipped statement is never
edited: a change is a new step (and, where it needs SQL of this size, a new list here).

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

# m001_initial_schema: every table of the first release and the append-only triggers.
SCHEMA_1 = [
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

# m002_conflicts: disagreements found by merging reviewers' workspaces.
SCHEMA_2 = [
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

# m_issue12_free_timing_and_remarks.
SCHEMA_ISSUE12 = [
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

# m_issue15_plan_revisions.
SCHEMA_ISSUE15 = [
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
