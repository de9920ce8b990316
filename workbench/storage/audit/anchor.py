"""Did this workspace grow from an exported state without rewriting it?

An export cites the event count of the workspace and the hash of its latest
event (its head).  Each event's hash covers the hash of the one before it in
its chain, so the head hash fixes that whole chain up to the export; the
signature of that chain's events fixes who wrote them.  The workspace grew
from the export when

* it verifies completely now (audit_verify.verify), and
* the cited head is one of its events (its chain, intact, leads through it), and
* when the head is this workspace's own chain: the export counted at least
  the events up to the head, and the log holds at least as many now.

A head that is not in the log means the workspace did not grow from that
export, or its history was rewritten (a rewritten event changes every hash
after it, the head's included).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit_verify import VerifyReport, verify
from workbench.storage.signing.roster import Roster


@dataclass(frozen=True)
class AnchorReport:
    ok: bool
    reason: str
    verify: VerifyReport | None = None


def check_anchor(
    db: sqlite_utils.Database, head_hash: str, event_count: int | None = None, *, roster: Roster | None = None
) -> AnchorReport:
    head_hash = head_hash.strip().lower()
    report = verify(db, roster=roster)
    if not report.ok:
        return AnchorReport(False, f"the workspace does not verify: {report.summary()}", report)
    total = report.events  # the rows verify read, not a count(*) SQLite may take from an index the file brings
    if head_hash == audit.ZERO_HASH:
        return AnchorReport(True, "the export was taken from an empty log: everything here came after it", report)
    # `+hash`: the rows verify just checked are compared, never an index on hash the file may bring (its entries
    # could be another column's); there is none in a workspace (m_issue14_drop_events_hash), so this scans anyway.
    row = db.execute(
        "SELECT seq, origin, reviewer, time_utc, (SELECT count(*) FROM events f WHERE f.origin = e.origin "
        "AND f.seq <= e.seq) FROM events e WHERE +hash = ?", [head_hash]
    ).fetchone()
    if row is None:
        return AnchorReport(False, f"the export's head {head_hash[:16]} is not in this log: the workspace did not "
                                   "grow from that export, or its history was rewritten since", report)
    seq, origin, reviewer, time_utc, position = row
    own = origin == audit.workspace_uuid(db)
    if event_count is not None and own and (event_count < seq or total < event_count):
        return AnchorReport(False, f"the export counted {event_count} events but its head is event {seq} and the "
                                   f"log holds {total} now: events were removed or the log was rebuilt", report)
    grown = f", {total - event_count} event(s) since" if event_count is not None and own else ""
    return AnchorReport(True, f"grew from the export: its head (event {position} of workspace {origin[:8]}, by "
                              f"{reviewer}, {time_utc}) is in this log and the chain through it is intact"
                              f"{grown}", report)
