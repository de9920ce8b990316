"""What merge checks of the other workspace before it writes anything (merge.py).

Their log verified completely (`verified`); which events of which origin we
lack, decided through both files' (origin, seq) indexes and confirmed from
their checked log (`wanted_counts`, `incoming_events`); their plans against ours
(`check_plans`); and, once the departments are replayed, that no two would
share a name (`check_department_names`).  Each refusal is a MergeError whose
one line names the file and says that nothing was merged.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit_verify import CheckedLog, check_log
from workbench.storage.errors import StoreError


class MergeError(StoreError):
    """The merge was refused; nothing was written."""


def verified(theirs_db, other: Path, roster) -> CheckedLog:
    """Their log checked completely (audit_verify.check_log: chains, seq gaps, history, signatures and
    roster, events copied in, merge heads, triggers), reading every event row once; refused if it fails.

    Their state tables are not compared with a replay of their events, as `audit verify` does: merge
    takes events only, and makes our state equal the replay of all events, so their state rows never
    reach this workspace.
    """
    log = check_log(theirs_db, roster, ordered=False)
    report = log.report
    if not report.ok:
        where = f" [event {report.first_bad_uuid}]" if report.first_bad_uuid else ""
        raise MergeError(f"{other} is refused: its audit trail does not verify: {report.reason}{where}; "
                         "nothing merged")
    return log


def incoming_events(db, log: CheckedLog, other: Path) -> tuple[list, dict[str, int], dict[str, dict[str, object]]]:
    """From their verified log (not their indexes): the events we lack in their seq order, the seq after
    which each origin's rows are new in their file, and the head (count, hash) of every origin they hold."""
    assert log.history is not None
    chains = {origin: [log.history.events[u] for u in uuids] for origin, uuids in log.history.chains.items()}
    wanted = wanted_counts(db, {o: len(c) for o, c in chains.items()}, lambda o, i: chains[o][i].hash,
                     audit.workspace_uuid(db), other)  # fmt: skip
    heads = {origin: {"count": len(chain), "hash": chain[-1].hash} for origin, chain in sorted(chains.items())}
    incoming = sorted((e for origin, held in wanted.items() for e in chains[origin][held:]), key=lambda e: e.seq)
    after = {origin: chains[origin][held - 1].seq if held else 0 for origin, held in wanted.items()}
    return incoming, after, heads


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {origin: int(n) for origin, n in db.execute("SELECT origin, count(*) FROM events GROUP BY origin")}


def seq_at(db: sqlite_utils.Database, origin: str, index: int) -> int:
    """The seq of event `index` of `origin`'s chain in `db` (0: none), through the (origin, seq) index alone."""
    row = db.execute("SELECT seq FROM events WHERE origin = ? ORDER BY seq LIMIT 1 OFFSET ?", [origin, index])
    found = row.fetchone()
    return int(found[0]) if found else 0


def hash_at(db: sqlite_utils.Database, origin: str, index: int) -> str:
    # The position is found in the (origin, seq) index alone; only that one row is read.
    row = db.execute("SELECT hash FROM events WHERE seq = (SELECT seq FROM events WHERE origin = ? ORDER BY seq "
                     "LIMIT 1 OFFSET ?)", [origin, index])
    found = row.fetchone()
    return str(found[0]) if found else ""


def wanted_counts(db, their_counts: dict[str, int], their_hash_at, our_uuid: str, other: Path) -> dict[str, int]:
    """origin -> how many of its first events we already hold, for origins where they have more.

    Chains are hash-linked, so two chains that verify agree on a prefix exactly
    when the hashes at the prefix's last position agree (their file is
    verified before anything is taken from it).
    """
    ours = counts(db)
    wanted: dict[str, int] = {}
    for origin, count in their_counts.items():
        mine = ours.get(origin, 0)
        shared = min(mine, count)
        if shared and hash_at(db, origin, shared - 1) != their_hash_at(origin, shared - 1):
            if origin == our_uuid:
                raise MergeError(f"{other} carries this workspace's identity with a different history: the same "
                                 "workspace was copied and edited in two places under one reviewer key (hand out "
                                 "copies with `workbench handout`); nothing merged")
            raise MergeError(f"{other}: the history of workspace {origin} differs from ours (the same workspace "
                             "was copied and edited in two places under one reviewer key); nothing merged")
        if count > mine:
            if origin == our_uuid:
                raise MergeError(f"{other} holds events of this workspace that this file lacks "
                                 "(was this file restored from an older copy?); nothing merged")
            wanted[origin] = mine
    return wanted


def check_plans(db: sqlite_utils.Database, other: Path, their_plans: dict[str, str]) -> None:
    ours = {row[0] for row in db.execute("SELECT sha256 FROM plans")}
    if not their_plans:
        raise MergeError(f"{other} holds no plan: nothing to merge")
    missing = {sha: title for sha, title in their_plans.items() if sha not in ours}
    if len(missing) == len(their_plans):
        names = "、".join(f"{t} ({s[:12]})" for s, t in missing.items())
        raise MergeError(f"{other} is a workspace of a different plan ({names}); only workspaces of the same plan "
                         "(same document, same sha256) can be merged")
    if missing:
        names = "、".join(f"{t} ({s[:12]})" for s, t in missing.items())
        raise MergeError(f"{other} also holds {names}, which this workspace lacks: import that plan document here "
                         "first, then merge again")


def check_department_names(departments: dict[str, dict], other: Path) -> None:
    seen: dict[str, str] = {}
    for uid, record in sorted(departments.items()):
        name = record["name"]
        if name in seen:
            raise MergeError(f"{other}: department {name!r} would exist twice (two departments of that name): both "
                             "workspaces added or renamed a department to that name; rename it in one of them "
                             "and merge again")
        seen[name] = uid
