"""The causal relation and canonical order of the whole log, read from SQLite's indexes.

history.History gives both, but holds every event as an object: hundreds of
megabytes and about a second for a city's 350,000 events.  A merge that
replays only the targets its incoming events touch (merge_replay.py) needs,
for the events on those targets only, what History would say about them:

* the chain index of an event (its position in its origin's chain): its
  place among that origin's seq numbers, read from the (origin, seq) index;
* what it had seen of other origins (history.py's vector clock): it changes
  only at merge events, so the clocks are kept per origin as breakpoints
  (chain index, clock), from the few merge events alone;
* its canonical position: Kahn's algorithm over chain links and merge edges,
  smallest (time_utc, uuid) first, exactly as History._canonical_order, but
  over integer ranks (the (time_utc) index gives the order of time_utc; equal
  times are ordered by uuid), and a run of one chain is taken with bisect
  rather than one event at a time.  Positions are kept as runs per chain.

`view()` gives a History over a handful of events with these answers, so
replay.py's and disputes/sync.py's code runs on it unchanged.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from itertools import compress
from operator import gt
from types import SimpleNamespace
from typing import Any

from workbench.storage.audit.history import MERGE_ACTION, History, HistoryError, merge_heads

_EMPTY: Mapping[str, int] = {}
CHAIN = "SELECT seq FROM events WHERE origin = ? ORDER BY seq"  # the (origin, seq) index alone
BY_TIME = "SELECT seq FROM events ORDER BY time_utc"  # the (time_utc) index alone


class Causal:
    """Chains, clocks and canonical positions of every event in `conn`'s log (read once, see module docstring)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        origins = [row[0] for row in conn.execute("SELECT DISTINCT origin FROM events")]  # the (origin, seq) index
        self.chains: dict[str, list[int]] = {
            origin: [row[0] for row in conn.execute(CHAIN, [origin])]
            for origin in origins
        }
        self._clock_at: dict[str, list[int]] = {}  # origin -> chain indexes of its merge events that grew its clock
        self._clocks: dict[str, list[Mapping[str, int]]] = {}  # origin -> the clock from that index on
        merges = self._read_clocks(conn)
        self._order(conn, merges)

    # -- chain index and clocks -------------------------------------------------------------------------

    def index(self, origin: str, seq: int) -> int:
        """The chain index of event `seq` of `origin` (its number of predecessors in that chain)."""
        return bisect_left(self.chains[origin], seq)

    def seen(self, origin: str, index: int) -> Mapping[str, int]:
        """What event `index` of `origin`'s chain had seen of other origins (History.seen)."""
        at = self._clock_at.get(origin)
        if not at:
            return _EMPTY
        k = bisect_right(at, index) - 1
        return self._clocks[origin][k] if k >= 0 else _EMPTY

    def happened_before(self, first: tuple[str, int], second: tuple[str, int]) -> bool:
        """History.happened_before for events given as (origin, chain index)."""
        if first[0] == second[0]:
            return first[1] < second[1]
        return self.seen(*second).get(first[0], 0) > first[1]

    def frontier(self, last: dict[str, int]) -> list[int]:
        """History.frontier of a target's events given as origin -> seq of the last one (unordered)."""
        if len(last) == 1:
            return list(last.values())
        if len(last) == 2:  # the usual case, spelled out
            (first, one), (second, two) = last.items()
            i, j = self.index(first, one), self.index(second, two)
            if self.seen(second, j).get(first, 0) > i:
                return [two]
            if self.seen(first, i).get(second, 0) > j:
                return [one]
            return [one, two]
        events = [((origin, self.index(origin, seq)), seq) for origin, seq in last.items()]
        before = self.happened_before
        return [seq for at, seq in events if not any(before(at, other) for other, _ in events if other != at)]

    def _read_clocks(self, conn: sqlite3.Connection) -> list[tuple[str, int, dict[str, int]]]:
        """History.build's clocks, from the merge events alone; returns (origin, chain index, heads) of each."""
        merges = []
        rows = conn.execute('SELECT seq, uuid, origin, "after" FROM events WHERE subject IN (SELECT DISTINCT subject '
                            "FROM events) AND action = ? ORDER BY seq", [MERGE_ACTION])  # fmt: skip
        for seq, uuid, origin, text in rows:
            try:
                after = json.loads(text) if isinstance(text, (str, bytes)) else None
            except ValueError:
                after = None
            heads = merge_heads(SimpleNamespace(action=MERGE_ACTION, after=after))  # type: ignore[arg-type]
            if not heads:
                continue
            index = self.index(origin, seq)
            grown = dict(self.seen(origin, index))
            for other, count in heads.items():
                if other == origin:
                    continue
                preceding = bisect_left(self.chains.get(other, []), seq)
                if preceding < count:
                    raise HistoryError(f"merge event {uuid} names {count} events of workspace {other} "
                                       f"but only {preceding} precede it", uuid)  # fmt: skip
                for source in (self.seen(other, count - 1), {other: count}):
                    for o, c in source.items():
                        if o != origin and c > grown.get(o, 0):
                            grown[o] = c
            self._clock_at.setdefault(origin, []).append(index)
            self._clocks.setdefault(origin, []).append(grown)
            merges.append((origin, index, heads))
        return merges

    # -- canonical order ---------------------------------------------------------------------------------

    def position(self, origin: str, index: int) -> int:
        """The canonical position (History.position) of event `index` of `origin`'s chain."""
        starts = self._run_start[origin]
        k = bisect_right(starts, index) - 1
        return self._run_position[origin][k] + index - starts[k]

    def _ranks(self, conn: sqlite3.Connection) -> list[int]:
        """seq -> rank of the event's (time_utc, uuid) among all events (streamed: no row list is held)."""
        (top,) = conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()
        rank = [0] * (int(top) + 1)
        for i, (seq,) in enumerate(conn.execute(BY_TIME)):
            rank[seq] = i
        # Equal times (rare): those events take their block of ranks in uuid order.
        for (time,) in conn.execute("SELECT time_utc FROM events GROUP BY time_utc HAVING count(*) > 1").fetchall():
            block = conn.execute("SELECT seq, uuid FROM events WHERE time_utc = ?", [time]).fetchall()
            start = min(rank[seq] for seq, _ in block)
            for offset, (seq, _) in enumerate(sorted(block, key=lambda row: row[1])):
                rank[seq] = start + offset
        return rank

    def _order(self, conn: sqlite3.Connection, merges: list[tuple[str, int, dict[str, int]]]) -> None:
        """History._canonical_order, as runs: per chain, the chain indexes where a run starts and its position."""
        rank = self._ranks(conn)
        keys = {origin: [rank[s] for s in chain] for origin, chain in self.chains.items()}
        del rank
        waiting: dict[tuple[str, int], int] = {}  # merge event -> causes not yet placed
        released_by: dict[tuple[str, int], list[tuple[str, int]]] = {}
        bounds: dict[str, set[int]] = {origin: set() for origin in keys}  # a run stops before these indexes
        for origin, index, heads in merges:
            named = [(o, c - 1) for o, c in heads.items() if o != origin]
            if not named:
                continue
            waiting[(origin, index)] = len(named) + (1 if index else 0)
            bounds[origin].add(index)
            for head in named:
                released_by.setdefault(head, []).append((origin, index))
                bounds[head[0]].add(head[1] + 1)
        stops = {origin: sorted(b) for origin, b in bounds.items()}
        descents = {origin: list(compress(range(1, len(k)), map(gt, k[:-1], k[1:]))) for origin, k in keys.items()}
        self._run_start = {origin: [] for origin in keys}
        self._run_position = {origin: [] for origin in keys}
        ready = [(k[0], origin, 0) for origin, k in keys.items() if k and (origin, 0) not in waiting]
        heapq.heapify(ready)
        placed = 0
        while ready:
            _, origin, start = heapq.heappop(ready)
            chain = keys[origin]
            stop = stops[origin]
            at = bisect_right(stop, start)
            limit = stop[at] if at < len(stop) else len(chain)
            end = limit if not ready else _run_end(chain, descents[origin], start + 1, limit, ready[0][0])
            self._run_start[origin].append(start)
            self._run_position[origin].append(placed)
            placed += end - start
            freed = [(origin, end)] if end < len(chain) else []
            freed += released_by.get((origin, end - 1), ())
            for event in freed:
                if event in waiting:
                    waiting[event] -= 1
                    if waiting[event]:
                        continue
                heapq.heappush(ready, (keys[event[0]][event[1]], *event))
        if placed != sum(len(k) for k in keys.values()):
            raise HistoryError("the merge events of this log wait for each other: no canonical order")

    # -- a History over a few events ---------------------------------------------------------------------

    def view(self, events: Iterable[Any]) -> History:
        """A History over `events` (anything with uuid, origin, seq ...) whose causal answers and positions
        are those of the whole log: happened_before, concurrent, frontier and position work on it."""
        by_uuid: dict[str, Any] = {}
        index: dict[str, int] = {}
        seen: dict[str, Mapping[str, int]] = {}
        position: dict[str, int] = {}
        for event in events:
            i = self.index(event.origin, event.seq)
            by_uuid[event.uuid] = event
            index[event.uuid] = i
            seen[event.uuid] = self.seen(event.origin, i)
            position[event.uuid] = self.position(event.origin, i)
        return History(by_uuid, {}, index, seen, [], position)


def _run_end(chain: list[int], descents: list[int], start: int, limit: int, threshold: int) -> int:
    """The first index in [start, limit) whose key exceeds `threshold` (else `limit`): where a run of one
    chain stops because another chain's ready event comes first.  Keys rise between descents: bisect there."""
    while start < limit:
        at = bisect_right(descents, start)
        segment = min(descents[at], limit) if at < len(descents) else limit
        found = bisect_left(chain, threshold, start, segment)
        if found < segment:
            return found
        start = segment
    return limit
