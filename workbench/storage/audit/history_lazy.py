"""A History whose per-event causal maps (`index`, `seen`) are built when first read.

Checking a log (audit_verify.check_log) needs its History for the chains,
the events by uuid and the check that every merge names events that precede
it; verify's "equal" path and merge read nothing else, unless a target was
written by several workspaces.  History.build also fills `index` and `seen`
for every event, about a tenth of verify's time at 250,000 events.  So
`build_lazily` builds `events` and `chains` with whole-list steps (map, zip,
itertools.compress: the work per event in C), checks the merges as
History.build does (same HistoryError, same message, same event), and leaves
`index` and `seen` to History.build on first use (LazyHistory.__getattr__).
tests/storage/test_history_lazy.py compares it with History.build on random logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import attrgetter
from typing import Any

from workbench.storage.audit.history import MERGE_ACTION, History, HistoryError, merge_heads

_UUID = attrgetter("uuid")
_ORIGIN = attrgetter("origin")
_ACTION = attrgetter("action")
_LAZY = ("index", "seen")


class LazyHistory(History):
    """History with `index` and `seen` computed by History.build when first read."""

    def __getattr__(self, name: str) -> Any:  # called only for attributes not set yet
        if name not in _LAZY:
            raise AttributeError(name)
        full = History.build(self.events.values(), ordered=False)  # `events` is in local seq order
        self.index, self.seen = full.index, full.seen
        return getattr(self, name)


def build_lazily(events: Sequence[Any]) -> History:
    """History.build(events, ordered=False), `index` and `seen` left for first use.

    `events` in local seq order (a sequence: read more than once).  Raises
    HistoryError exactly as History.build does.
    """
    uuids = list(map(_UUID, events))
    by_uuid = dict(zip(uuids, events))
    if len(by_uuid) != len(uuids):  # a uuid twice (the schema forbids it): History.build's own answer
        return History.build(events, ordered=False)
    origins = list(map(_ORIGIN, events))
    chains = _chains(uuids, origins)
    counted: dict[str, tuple[int, int]] = {}  # origin -> (position counted up to, its events before it)
    for row in positions_of(list(map(_ACTION, events)), MERGE_ACTION):
        event = events[row]
        for origin, count in merge_heads(event).items():
            if origin == event.origin:
                continue
            upto, preceding = counted.get(origin, (0, 0))
            preceding += origins[upto:row].count(origin)  # (merges come in log order: each slice once)
            counted[origin] = (row, preceding)
            if preceding < count:
                raise HistoryError(
                    f"merge event {event.uuid} names {count} events of workspace {origin} "
                    f"but only {preceding} precede it",
                    event.uuid,
                )
    history = LazyHistory.__new__(LazyHistory)
    history.events, history.chains, history.order, history.position = by_uuid, chains, [], {}
    return history


def _chains(uuids: list[str], origins: list[str]) -> dict[str, list[str]]:
    """origin -> its events' uuids in log order, in order of first appearance (the work per event in C).

    A log is mostly one workspace's: the few events of the others are found
    with list.index and cut out of the whole list; else one pass per workspace.
    """
    distinct = list(dict.fromkeys(origins))
    if len(distinct) == 1:
        return {distinct[0]: uuids}
    counts = [origins.count(origin) for origin in distinct]
    main = distinct[counts.index(max(counts))]
    if (len(uuids) - max(counts)) * 64 > len(uuids):
        return {origin: list(compress(uuids, map(origin.__eq__, origins))) for origin in distinct}
    chains: dict[str, list[str]] = {}
    cut: list[int] = []
    for origin in distinct:
        if origin != main:
            rows = positions_of(origins, origin)
            chains[origin] = [uuids[row] for row in rows]
            cut += rows
        else:
            chains[origin] = []  # (filled below: the key keeps its place)
    start = 0
    for row in sorted(cut):
        chains[main] += uuids[start:row]
        start = row + 1
    chains[main] += uuids[start:]
    return chains


def positions_of(values: list[str], wanted: str) -> list[int]:
    """Where `wanted` is in `values` (list.index: the search runs in C)."""
    found: list[int] = []
    try:
        while True:
            found.append(values.index(wanted, found[-1] + 1 if found else 0))
    except ValueError:
        return found
