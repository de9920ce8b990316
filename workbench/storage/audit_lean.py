"""Events as replay and verification need them: light in memory, decoded only when read.

`audit.events` decodes every event's before and after; replay never reads
`before`, and reads each `after` once.  A merged workspace of 200,000 events
held as full Event objects takes gigabytes, so verify and merge load these
instead: tuples, the long strings repeated in every event (workspace, plan,
key fingerprint) shared, `after` kept as its stored text and decoded on each access,
`before` and the fields only people read (host, OS user, reason ...) left out.
They quack like audit.Event for history.py, replay.py and signing/check.py.
"""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Iterator
from typing import Any

import sqlite_utils

_FIELDS = ("seq", "uuid", "origin", "time_utc", "reviewer", "reviewer_unit", "action", "subject", "plan_sha256",
           "node_key", "department_uid", "after", "hash", "signer", "signature")  # fmt: skip
_SQL = "SELECT {} FROM events ORDER BY seq".format(", ".join(f'"{n}"' for n in _FIELDS))


class LeanEvent(namedtuple("LeanEventRow", _FIELDS[:11] + ("after_text",) + _FIELDS[12:])):
    """One stored row as a tuple (made in C, no per-event dict); `after` decodes its text on access."""

    __slots__ = ()
    before = None  # not loaded: replay and verification never read it

    @property
    def after(self) -> Any:
        return None if self.after_text is None else json.loads(self.after_text)


def lean_events(db: sqlite_utils.Database) -> Iterator[LeanEvent]:
    """Every event in local seq order, streamed; the long strings repeated in every event are shared."""
    shared: dict[str, str] = {}
    share = shared.setdefault
    make = LeanEvent._make
    for row in db.conn.execute(_SQL):
        (seq, uuid, origin, time_utc, reviewer, unit, action, subject, sha, key, dept, after, hash_, signer,
         signature) = row  # fmt: skip
        yield make((seq, uuid, share(origin, origin), time_utc, reviewer, unit, action, subject,
                    sha and share(sha, sha), key, dept, after, hash_, signer and share(signer, signer), signature))
