"""Who saw what: the causal order of a (possibly merged) event log, and the
canonical order replay uses.

Every workspace holds, for each origin it knows, a complete prefix of that
origin's hash chain, so an event's *chain index* (its position in its origin's
chain) is the same in every workspace.  Knowledge flows between origins only
through merges: a `merge` event records, for every origin in the workspace it
merged, how many of that origin's events came with it (`heads`).  That gives a
vector clock per event:

    seen(e)[origin(e)] = index(e) + 1
    seen(e)[P]         = the largest head count for P recorded by a merge
                         event at or before e in e's own chain (and,
                         transitively, what those head events had seen)

and f happened before e exactly when seen(e)[origin(f)] > index(f).  Two events
of different origins where neither happened before the other are *concurrent*:
their authors did not see each other's change.

The canonical order is the topological order of that causal graph (chain
links, and head event -> merge event) in which, among events whose causes are
all placed, the smallest (time_utc, uuid) goes first (Kahn's algorithm with a
heap).  It depends only on the *set* of events, not on the order in which they
arrived in this file, so every workspace holding the same events replays them
identically; and an event is always after everything its author had seen.
Pure Python, no SQL: callers hand in the events.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from workbench.storage.audit.audit import Event

MERGE_ACTION = "merge"
MERGE_SUBJECT = "merge"


class HistoryError(ValueError):
    """The events do not form a consistent history (missing or misplaced events)."""

    def __init__(self, message: str, uuid: str | None = None) -> None:
        super().__init__(message)
        self.uuid = uuid


def merge_heads(event: Event) -> dict[str, int]:
    """origin -> number of that origin's events a merge event brought in (or knew of)."""
    if event.action != MERGE_ACTION or not isinstance(event.after, Mapping):
        return {}
    heads = event.after.get("heads") or {}
    result: dict[str, int] = {}
    for origin, head in heads.items():
        count = head.get("count") if isinstance(head, Mapping) else None
        if isinstance(count, int) and count > 0:
            result[str(origin)] = count
    return result


@dataclass
class History:
    """The events of a workspace with their causal relation and canonical order."""

    events: dict[str, Event]  # uuid -> event
    chains: dict[str, list[str]]  # origin -> uuids in chain order
    index: dict[str, int]  # uuid -> position in its origin's chain
    seen: dict[str, Mapping[str, int]]  # uuid -> what it had seen of *other* origins (shared dicts)
    order: list[str]  # canonical order (uuids)
    position: dict[str, int]  # uuid -> index in `order`

    @classmethod
    def build(cls, events: Iterable[Event], *, ordered: bool = True) -> History:
        """`events` in an order where each origin's chain is in chain order and
        every merge event comes after the events it names (local seq order is).

        Raises HistoryError when a merge event names events that are not there.
        With ordered=False the canonical order is not computed (`order` and
        `position` stay empty): enough to check a log that is not replayed.
        """
        by_uuid: dict[str, Event] = {}
        chains: dict[str, list[str]] = {}
        index: dict[str, int] = {}
        seen: dict[str, Mapping[str, int]] = {}
        knowledge: dict[str, Mapping[str, int]] = {}  # origin -> current seen dict of its chain
        for event in events:
            uuid, origin = event.uuid, event.origin
            chain = chains.get(origin)
            if chain is None:
                chain = chains[origin] = []
                knowledge[origin] = {}  # one empty dict per origin, not one per event (they are never changed)
            by_uuid[uuid] = event
            index[uuid] = len(chain)
            chain.append(uuid)
            known = knowledge[origin]
            heads = merge_heads(event) if event.action == MERGE_ACTION else None  # (no call per other event)
            if heads:
                grown = dict(known)
                for origin, count in heads.items():
                    if origin == event.origin:
                        continue
                    other = chains.get(origin, [])
                    if len(other) < count:
                        raise HistoryError(
                            f"merge event {event.uuid} names {count} events of workspace {origin} "
                            f"but only {len(other)} precede it",
                            event.uuid,
                        )
                    head = other[count - 1]
                    for source in (seen[head], {origin: count}):
                        for o, c in source.items():
                            if o != event.origin and c > grown.get(o, 0):
                                grown[o] = c
                known = grown
                knowledge[event.origin] = known
            seen[uuid] = known
        history = cls(by_uuid, chains, index, seen, [], {})
        if ordered:
            history.ensure_order()
        return history

    def ensure_order(self) -> None:
        """Compute the canonical order (`order`, `position`) if it was left out (build(ordered=False))."""
        if len(self.order) != len(self.events):
            self.order = self._canonical_order()
            self.position = {uuid: i for i, uuid in enumerate(self.order)}

    def happened_before(self, first: str, second: str) -> bool:
        """True when the author of `second` had seen `first` (first != second)."""
        a, b = self.events[first], self.events[second]
        if a.origin == b.origin:
            return self.index[first] < self.index[second]
        return self.seen[second].get(a.origin, 0) > self.index[first]

    def concurrent(self, first: str, second: str) -> bool:
        return not self.happened_before(first, second) and not self.happened_before(second, first)

    def _canonical_order(self) -> list[str]:
        """Kahn's algorithm over chain links and merge edges (head event -> merge event), smallest
        (time_utc, uuid) first among the events whose causes are all placed.

        Chain links stay implicit (an event's successor is the next one of its chain), so only merge
        events carry a count of causes still to place: work per event is one heap push and pop.
        """
        events, chains, index = self.events, self.chains, self.index
        waiting: dict[str, int] = {}  # merge event -> causes not yet placed (its chain predecessor counts one)
        released_by: dict[str, list[str]] = {}  # head event -> merge events waiting for it
        for uuid, event in events.items():
            if event.action != MERGE_ACTION:
                continue
            heads = [self.chains[o][c - 1] for o, c in merge_heads(event).items() if o != event.origin]
            if heads:
                waiting[uuid] = len(heads) + (1 if index[uuid] else 0)
                for head in heads:
                    released_by.setdefault(head, []).append(uuid)
        ready = [(events[chain[0]].time_utc, chain[0]) for chain in chains.values() if chain[0] not in waiting]
        heapq.heapify(ready)
        push, pop = heapq.heappush, heapq.heappop
        order: list[str] = []
        while ready:
            _, uuid = pop(ready)
            order.append(uuid)
            chain = chains[events[uuid].origin]
            position = index[uuid] + 1
            # A run of one chain: while the next event is placed next anyway (it waits for nothing, this
            # event frees nothing else, and it comes before every ready event), take it without the heap.
            while position < len(chain) and uuid not in released_by:
                following = chain[position]
                if following in waiting or (ready and (events[following].time_utc, following) > ready[0]):
                    break
                uuid = following
                order.append(uuid)
                position += 1
            freed = [chain[position]] if position < len(chain) else []
            freed += released_by.get(uuid, ())
            for after in freed:
                if after in waiting:
                    waiting[after] -= 1
                    if waiting[after]:
                        continue
                push(ready, (events[after].time_utc, after))
        return order  # the graph is acyclic: edges only point to later-inserted events

    def _key(self, uuid: str) -> tuple[str, str]:
        return (self.events[uuid].time_utc, uuid)

    def frontier(self, uuids: Sequence[str]) -> list[str]:
        """Of these events, those no other one of them happened after; in canonical order.

        Callers pass the events on one target; the result has at most one event
        per origin (events of one origin are ordered).
        """
        last_per_origin: dict[str, str] = {}
        for uuid in uuids:
            origin = self.events[uuid].origin
            current = last_per_origin.get(origin)
            if current is None or self.index[uuid] > self.index[current]:
                last_per_origin[origin] = uuid
        candidates = list(last_per_origin.values())
        result = [u for u in candidates if not any(self.happened_before(u, v) for v in candidates if v != u)]
        return sorted(result, key=self.position.__getitem__)
