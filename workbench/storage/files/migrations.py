"""The workspace schema, and the only place it changes.

Each step is a sqlite-utils migration: it runs in one transaction together with
the row recording that it ran, so a workspace is always at a known step.  Never
edit a step that has shipped; add a new one.  Table and column names are a
contract: the CLI, the GUI, audit replay and merge rely on them.

The SQL of the steps that create tables is in schema.py (with the design notes
of the events table); the steps, their names and their order are here.
"""

from __future__ import annotations

import functools
import uuid
from datetime import datetime, timezone

import sqlite_utils

from workbench.storage.files import schema

APPLICATION_ID = 0x50525742  # "PRWB": PRAGMA application_id of every workspace
MIGRATION_SET = "workbench"

migrations = sqlite_utils.Migrations(MIGRATION_SET)


@migrations(name="m001_initial_schema")
def m001_initial_schema(db: sqlite_utils.Database) -> None:
    """Every table of the first release, the append-only triggers, and identity."""
    for statement in schema.SCHEMA_1:
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


@migrations(name="m002_conflicts")
def m002_conflicts(db: sqlite_utils.Database) -> None:
    """Disagreements found by merging reviewers' workspaces (see merge.py and conflicts.py).

    Side A and side B are the two concurrent events; side B is the one whose
    value the node shows while the conflict is open.  A conflict is never
    deleted: it ends 'resolved' (by a conflict_resolution event, named in
    resolution_uuid) or 'superseded' (a later event that saw both sides).
    """
    for statement in schema.SCHEMA_2:
        db.execute(statement)


@migrations(name="m_issue12_free_timing_and_remarks")
def m_issue12_free_timing_and_remarks(db: sqlite_utils.Database) -> None:
    """完成时限 as free text, and the public remarks liaisons read and edit (issue 12)."""
    for statement in schema.SCHEMA_ISSUE12:
        db.execute(statement)


@migrations(name="m_issue9_plan_import_details")
def m_issue9_plan_import_details(db: sqlite_utils.Database) -> None:
    """How a plan was read: its numbering scheme (`第X章 > 第X节`, `一、 > （一） > 1.`) and the
    reviewer's import corrections (a JSON list, see core/importing/corrections.py), so that importing
    the same file with the same corrections again gives the same tree and node ids."""
    db.execute("ALTER TABLE plans ADD COLUMN numbering TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE plans ADD COLUMN import_corrections TEXT NOT NULL DEFAULT '[]'")


@migrations(name="m_issue15_plan_revisions")
def m_issue15_plan_revisions(db: sqlite_utils.Database) -> None:
    """Versions of a plan (storage/revision/): which plan revises which, how every node matched,
    and the review items of the carry: flagged nodes (reworded, split, merged) and orphans
    (tags of deleted nodes or of deleted indicators).  A plan that has a revision is read-only."""
    for statement in schema.SCHEMA_ISSUE15:
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


# Steps whose absence no reader notices (they only drop an index no query needs): readonly.open_source reads a
# file lacking only these where it is, instead of upgrading a private copy of the whole file first.
READERS_NEED_NOT = frozenset({"m_issue14_drop_events_hash"})


def readers_need_upgrade(applied) -> bool:
    """Whether a file whose recorded steps are `applied` lacks a step its readers need (not READERS_NEED_NOT)."""
    return bool(known_steps() - set(applied) - READERS_NEED_NOT)
