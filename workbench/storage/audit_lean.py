"""Events as replay and verification need them: light in memory, decoded only when read.

`audit.events` decodes every event's before and after; replay never reads
`before`, and reads each `after` once.  A merged workspace of 200,000 events
held as full Event objects takes gigabytes, so verify and merge load these
instead: slotted objects, repeated strings (workspace, reviewer, action, node
key ...) shared, `after` kept as its stored text and decoded on each access,
`before` and the fields only people read (host, OS user, reason ...) left out.
They quack like audit.Event for history.py, replay.py and signing/check.py.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import sqlite_utils

_FIELDS = ("seq", "uuid", "origin", "time_utc", "reviewer", "reviewer_unit", "action", "subject", "plan_sha256",
           "node_key", "department_uid", "after", "hash", "signer", "signature")  # fmt: skip
_SHARED = ("origin", "reviewer", "reviewer_unit", "action", "subject", "plan_sha256", "node_key", "department_uid",
           "signer")  # fmt: skip
_SQL = "SELECT {} FROM events ORDER BY seq".format(", ".join(f'"{n}"' for n in _FIELDS))


class LeanEvent:
    __slots__ = ("seq", "uuid", "origin", "time_utc", "reviewer", "reviewer_unit", "action", "subject",
                 "plan_sha256", "node_key", "department_uid", "after_text", "hash", "signer", "signature")  # fmt: skip

    before = None  # not loaded: replay and verification never read it

    @property
    def after(self) -> Any:
        return None if self.after_text is None else json.loads(self.after_text)


def lean_events(db: sqlite_utils.Database) -> Iterator[LeanEvent]:
    """Every event in local seq order, streamed."""
    intern = sys.intern
    shared = [i for i, name in enumerate(_FIELDS) if name in _SHARED]
    for row in db.conn.execute(_SQL):
        event = LeanEvent()
        values = list(row)
        for i in shared:
            if values[i] is not None:
                values[i] = intern(values[i])
        (event.seq, event.uuid, event.origin, event.time_utc, event.reviewer, event.reviewer_unit, event.action,
         event.subject, event.plan_sha256, event.node_key, event.department_uid, event.after_text, event.hash,
         event.signer, event.signature) = values  # fmt: skip
        yield event
