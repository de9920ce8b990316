"""Events as replay and verification need them: light in memory, decoded only when read.

`audit.events` decodes every event's before and after; replay never reads
`before`, and reads each `after` once.  A merged workspace of 200,000 events
held as full Event objects takes gigabytes, so verify and merge load these
instead: tuples, the strings repeated from event to event (workspace, plan,
node key, key fingerprint, reviewer, unit, action, subject, department) shared, one
object per distinct value (a quarter of verify's peak memory at 250,000
events); `after` left in the database and read by seq when replay asks for
it (once per target), except for merge and key events, whose
`after` is kept as its stored text and decoded on each access; `before` and
the fields only people read (host, OS user, reason ...) left out.
They quack like audit.Event for history.py, replay.py and signing/check.py.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import sqlite_utils

_FIELDS = ("seq", "uuid", "origin", "time_utc", "reviewer", "reviewer_unit", "action", "subject", "plan_sha256",
           "node_key", "department_uid", "after", "hash", "signer", "signature")  # fmt: skip
# Kept in memory: what history.py and signing/check.py read for every such event.
KEEP_AFTER = ("merge", "key_publish")
# The columns a LeanEvent is made of, as SQL (two parameters: KEEP_AFTER).  The signature is not loaded:
# signing/check.py reads it of a run's last event only (LeanEvent.signature reads it then).
LEAN_COLUMNS = ", ".join(f'"{n}"' for n in _FIELDS).replace('"after"', 'CASE WHEN action IN (?, ?) THEN "after" END') \
    .replace('"signature"', "NULL")
_LOAD_SQL = f"SELECT {LEAN_COLUMNS} FROM events WHERE seq > ? ORDER BY seq"


class LeanEvent(namedtuple("LeanEventRow", _FIELDS[:11] + ("after_text",) + _FIELDS[12:14] + ("signature_text",))):
    """One stored row as a tuple (made in C, no per-event dict); `after` decodes its text on access.

    Except for merge and key events, `after` stays in the database and is read
    by seq when asked (replay asks once per target), through `source`: the
    connection the events were loaded from, set on a subclass per load.  So is
    `signature` (when not given in `signature_text`): only the last event of
    each run of one key is checked (signing/check.py), and a signature held
    for each of 250,000 events was a seventh of verify's memory.
    """

    __slots__ = ()
    before = None  # not loaded: replay and verification never read it
    source = None

    @property
    def after(self) -> Any:
        text = self.after_text
        if text is None and self.action not in KEEP_AFTER:
            row = self.source.execute('SELECT "after" FROM events WHERE seq = ?', [self.seq]).fetchone()
            text = row[0] if row else None
        return None if text is None else json.loads(text)

    @property
    def signature(self) -> str | None:
        text = self.signature_text
        if text is None:
            row = self.source.execute("SELECT signature FROM events WHERE seq = ?", [self.seq]).fetchone()
            text = row[0] if row else None
        return text


def lean_class(conn: sqlite3.Connection) -> type[LeanEvent]:
    """The LeanEvent type whose events read `after` from `conn`."""
    return type("LeanEvent", (LeanEvent,), {"__slots__": (), "source": conn})


def lean_maker(conn: sqlite3.Connection) -> Callable[[tuple], LeanEvent]:
    """A function turning a row of LEAN_COLUMNS into a LeanEvent reading `after` from `conn`.

    The strings events repeat (workspace, plan, node key, key fingerprint, reviewer, unit, action, subject,
    department) are shared: one object per distinct value.
    """
    make = lean_class(conn)._make
    shared: dict[str, str] = {}
    share = shared.setdefault

    def lean(row: tuple) -> LeanEvent:
        (seq, uuid, origin, time_utc, reviewer, unit, action, subject, sha, key, dept, after, hash_, signer,
         signature) = row  # fmt: skip
        return make((seq, uuid, share(origin, origin), time_utc, share(reviewer, reviewer), share(unit, unit),
                     share(action, action), share(subject, subject), sha and share(sha, sha), key and share(key, key),
                     dept and share(dept, dept), after, hash_, signer and share(signer, signer), signature))

    return lean


def lean_events(db: sqlite_utils.Database, *, after_seq: int = 0) -> Iterator[LeanEvent]:
    """Every event (after `after_seq`) in local seq order, streamed (read `after` while `db` is open)."""
    lean = lean_maker(db.conn)
    for row in db.conn.execute(_LOAD_SQL, [*KEEP_AFTER, after_seq]):
        yield lean(row)


def read_afters(events: Iterable[Any]) -> dict[str, Any]:
    """uuid -> decoded `after` of each event, as `event.after` gives it, with one query per batch.

    A LeanEvent whose `after` stayed in the database would read it with one
    query of its own; replay needs the `after` of every target's last event
    (hundreds of thousands in a large workspace), so they are read here in
    batches of seq numbers, per connection.  Other events give their own.
    """
    values: dict[str, Any] = {}
    pending: dict[sqlite3.Connection, dict[int, str]] = {}  # connection -> seq -> uuid
    for event in events:
        if isinstance(event, LeanEvent) and event.after_text is None and event.action not in KEEP_AFTER:
            pending.setdefault(event.source, {})[event.seq] = event.uuid
        else:
            values[event.uuid] = event.after
    for conn, by_seq in pending.items():
        seqs = sorted(by_seq)
        for start in range(0, len(seqs), _BATCH):
            batch = json.dumps(seqs[start : start + _BATCH])
            for seq, text in conn.execute('SELECT seq, "after" FROM events WHERE seq IN (SELECT value FROM '
                                          "json_each(?))", [batch]):  # fmt: skip
                values[by_seq[seq]] = None if text is None else json.loads(text)
        for uuid in by_seq.values():
            values.setdefault(uuid, None)  # no such row: as LeanEvent.after gives it
    return values


_BATCH = 50_000


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector around work over every event (verify, merge).

    Such work makes millions of small objects (light events, tuples, dict
    entries) that form no cycles, and the collector would walk all of them
    again at each of its passes: about a sixth of verify's time at 250,000
    events.  It runs again afterwards.  Also usable as a decorator.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
