"""Each target's last event, found without the canonical order: verify's quick path.

replay.py walks every event in canonical order (history.py) and keeps, for
each target, its last event there, or, while the target is disputed, the
frontier event with the smallest hash.  Which event that is does not depend
on the rest of the order:

* a target written by one workspace only: its events are in that
  workspace's chain order, which is local seq order, so its last event is the
  one read last (the canonical order keeps each chain's order);
* a target written by several: the frontier (its events no other of them
  happened after, History.happened_before).  One frontier event happened
  after all the others, so the canonical order places it last; two or more
  are a dispute, shown by the smallest hash, as replay does.

So `last_events` reads the events once in seq order and needs the order only
for a department first supplied by registry loads of more than one
workspace (which of them came first is the order's to say).  It gives the
same `node_last`, `department_last`, `departments` and set of `plans` as
replay_without_node_values (tests/storage/test_last_events.py compares them
on histories with disputes and resolutions); `plans` names each plan's first
import in seq order, which only verify's failure path (a full replay) would
read.  A failing verify then replays in canonical order as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any

from workbench.storage.audit.audit_lean import read_afters
from workbench.storage.audit.history import History
from workbench.storage.audit.replay import NODE_SUBJECTS, Replayed, department_value

Target = Any  # (subject, plan sha256, node key) or a department uid


@dataclass
class ReadTargets:
    """Each node target's last event read in seq order, and the workspaces that wrote node targets.

    audit_chain.scan_log fills it while it reads the log (no pass of its own);
    `complete` once every row was read.
    """

    subjects: frozenset[str] = frozenset(NODE_SUBJECTS)
    last: dict[tuple[str, str, str], str] = field(default_factory=dict)  # target -> uuid
    writers: set[str] = field(default_factory=set)
    other_subjects: frozenset[str] = frozenset(("department", "departments", "plan"))
    others: list[Any] = field(default_factory=list)  # the events of other_subjects, in seq order
    complete: bool = False
    # After last_events: how many node targets show another event than the one read last (the target's
    # highest seq): disputed targets, or one workspace's event after another's it had not seen.
    replaced: int = 0


def last_events(history: History, events: Sequence[Any], read: ReadTargets | None = None) -> Replayed:
    """replay_without_node_values(history) from `events` in local seq order (the history's events).

    `history` may lack its canonical order (History.build(ordered=False)); it
    is computed only when registry loads of several workspaces supply a department.
    Whole-list steps (map, zip, dict) keep the per-event work in C; with `read`
    (complete: filled by scan_log from these events), its node targets are
    taken (its `last` becomes the result's node_last) and `read.replaced` says
    how many of them show another event than the one read last.
    """
    node_subjects = frozenset(NODE_SUBJECTS)
    state = Replayed(history)
    if read is not None and read.complete:
        state.node_last, writers, others = read.last, set(read.writers), read.others
    else:
        keys = list(map(_TARGET_FIELDS, events))  # (subject, sha, key) of every event
        last = dict(zip(keys, events))  # the last event read per (subject, sha, key)
        for target, event in last.items():
            if target[0] in node_subjects and target[1] is not None and target[2] is not None:
                state.node_last[target] = event.uuid
        subjects = list(map(_FIRST, keys))
        # (a superset of replay's writers: an event without its target counts here; only speed depends on it)
        writers = {origin for subject, origin in set(zip(subjects, map(_ORIGIN, events))) if subject in node_subjects}
        others = [e for e, subject in zip(events, subjects) if subject in _OTHER_SUBJECTS]
    node_last = state.node_last
    shown: dict[Target, Any] = {}  # department uid -> its last event read
    registry: list[Any] = []
    for event in others:
        subject = event.subject
        if subject == "department":
            if event.department_uid:
                shown[event.department_uid] = event
                writers.add(event.origin)
        elif subject == "departments":
            registry.append(event)
        elif event.plan_sha256:
            state.plans.setdefault(event.plan_sha256, event.uuid)
    state.department_last.update({uid: event.uuid for uid, event in shown.items()})
    if len(writers) > 1:  # targets written by several workspaces show their frontier's event
        on_target: dict[Target, list[str]] = {}
        for (subject, sha, key), event in zip(map(_TARGET_FIELDS, events), events):
            if subject in node_subjects and sha is not None and key is not None:
                on_target.setdefault((subject, sha, key), []).append(event.uuid)
            elif subject == "department" and event.department_uid:
                on_target.setdefault(event.department_uid, []).append(event.uuid)
        replaced = 0
        for target, uuids in on_target.items():
            events_of = history.events
            if any(events_of[u].origin != events_of[uuids[0]].origin for u in uuids):
                shown = shown_event(history, uuids)
                if isinstance(target, tuple):
                    replaced += shown != node_last.get(target)
                    node_last[target] = shown
                else:
                    state.department_last[target] = shown
        if read is not None:
            read.replaced = replaced
    afters = read_afters([history.events[u] for u in state.department_last.values()])
    state.departments = {uid: department_value(afters[uuid]) for uid, uuid in state.department_last.items()}
    if len({event.origin for event in registry}) > 1:
        history.ensure_order()
        registry.sort(key=lambda event: history.position[event.uuid])
    for event in registry:
        for record in event.after or ():
            uid = str(record.get("uid"))
            if uid not in state.departments:
                state.departments[uid] = department_value(record)
                state.department_last[uid] = event.uuid
    return state


_TARGET_FIELDS = attrgetter("subject", "plan_sha256", "node_key")
_ORIGIN = attrgetter("origin")
_FIRST = itemgetter(0)
_OTHER_SUBJECTS = ReadTargets.other_subjects


def shown_event(history: History, uuids: Sequence[str]) -> str:
    """The event replay shows for a target with these events (seq order, several workspaces).

    The one frontier event when one happened after all the others, else the
    disputed frontier's smallest hash (Replayed.shown_while_disputed).
    """
    events, index = history.events, history.index
    last_per_origin: dict[str, str] = {}
    for uuid in uuids:
        origin = events[uuid].origin
        current = last_per_origin.get(origin)
        if current is None or index[uuid] > index[current]:
            last_per_origin[origin] = uuid
    candidates = list(last_per_origin.values())
    frontier = [u for u in candidates if not any(history.happened_before(u, v) for v in candidates if v != u)]
    if len(frontier) == 1:
        return frontier[0]
    return min(frontier, key=lambda u: events[u].hash)
