"""History's canonical order against the plain statement of it: Kahn's algorithm over explicit edges.

history.History._canonical_order keeps chain links implicit for speed; this
checks it gives exactly the order of the textbook algorithm on random
histories of several origins that merge each other, with clocks that disagree
with causality.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass
from typing import Any

import pytest

from workbench.storage.audit.history import MERGE_ACTION, History, merge_heads


@dataclass(frozen=True)
class FakeEvent:
    uuid: str
    origin: str
    time_utc: str
    action: str = "note"
    after: Any = None


def _reference(history: History) -> list[str]:
    successors: dict[str, list[str]] = {}
    waiting: dict[str, int] = {}
    for chain in history.chains.values():
        for earlier, later in zip(chain, chain[1:]):
            successors.setdefault(earlier, []).append(later)
            waiting[later] = waiting.get(later, 0) + 1
    for uuid, event in history.events.items():
        for origin, count in merge_heads(event).items():
            if origin != event.origin:
                successors.setdefault(history.chains[origin][count - 1], []).append(uuid)
                waiting[uuid] = waiting.get(uuid, 0) + 1
    ready = [(history.events[u].time_utc, u) for u in history.events if not waiting.get(u)]
    heapq.heapify(ready)
    order = []
    while ready:
        _, uuid = heapq.heappop(ready)
        order.append(uuid)
        for after in successors.get(uuid, ()):
            waiting[after] -= 1
            if not waiting[after]:
                heapq.heappush(ready, (history.events[after].time_utc, after))
    return order


def _random_log(seed: int) -> list[FakeEvent]:
    rnd = random.Random(seed)
    origins = [f"o{i}" for i in range(rnd.randint(2, 4))]
    chains: dict[str, list[FakeEvent]] = {o: [] for o in origins}
    log: list[FakeEvent] = []
    for n in range(rnd.randint(5, 80)):
        origin = rnd.choice(origins)
        time = f"2026-01-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:00:00"  # clocks disagree freely
        if rnd.random() < 0.25:
            heads = {o: {"count": rnd.randint(1, len(c)), "hash": "h"} for o, c in chains.items() if c and o != origin}
            if heads and rnd.random() < 0.3:
                heads[origin] = {"count": len(chains[origin]) or 1, "hash": "h"}  # its own origin: no edge
            event = FakeEvent(f"e{n:03d}", origin, time, MERGE_ACTION, {"heads": heads})
        else:
            event = FakeEvent(f"e{n:03d}", origin, time)
        chains[origin].append(event)
        log.append(event)
    return log


@pytest.mark.parametrize("seed", range(60))
def test_canonical_order_is_kahns_algorithm(seed: int) -> None:
    history = History.build(_random_log(seed))
    assert history.order == _reference(history)
    assert sorted(history.order) == sorted(history.events)
    assert history.position == {u: i for i, u in enumerate(history.order)}
    unordered = History.build(_random_log(seed), ordered=False)
    assert unordered.order == [] and unordered.chains == history.chains and unordered.seen == history.seen
