"""The state the events say the workspace should be in, and where reviewers disagree.

Replay walks the events in canonical order (history.py) and keeps, for every
target, the `after` of its last event:

* node targets (plan sha256 + node key) per subject: assignments (ordered
  (department uid, role) pairs), indicator_links (ordered indicator keys),
  note, review_status, timing;
* departments by uid: `registry_load` only supplies a department's first
  record (it copies registry entries not yet present, in every workspace
  independently), and department_* events replace the record;
* plans: the sha256 of every plan_import.

Conflicts: for each target, the *frontier* is the set of its events that no
other event on it happened after (one per origin at most).  Every two
frontier events whose values differ are a conflict (a third reviewer's edit
that saw neither side adds its own disagreements and closes none).  A
conflict disappears once an event that saw both sides exists, such as a
conflict_resolution.  While a target is disputed its state shows one frontier
event's value, chosen by the smallest event hash: arbitrary but never by
time, so a clock set a year ahead does not win, and the dispute is shown
as open everywhere (conflicts table, GUI, exports).  Everything here is a pure
function of the set of events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .audit import Event, canonical_json
from .audit_lean import read_afters
from .history import History

NODE_SUBJECTS = ("assignments", "indicator_links", "note", "review_status", "timing", "remark")
NODE_DEFAULTS: dict[str, Any] = {
    "assignments": (),
    "indicator_links": (),
    "note": "",
    "review_status": "unreviewed",
    "timing": "",
    "remark": "",  # the public 备注 (issue 12)
}

NodeTarget = tuple[str, str, str]  # (subject, plan sha256, node key)


@dataclass(frozen=True)
class DetectedConflict:
    subject: str
    plan_sha256: str | None
    node_key: str | None
    department_uid: str | None
    kind: str  # lead | tag | assignments | indicator_links | note | review_status | timing | department
    side_a: str  # event uuid (not shown while open)
    side_b: str  # event uuid (the value shown while open)


@dataclass
class Replayed:
    history: History
    nodes: dict[NodeTarget, Any] = field(default_factory=dict)  # value as `node_value` gives it
    node_last: dict[NodeTarget, str] = field(default_factory=dict)
    departments: dict[str, dict[str, Any]] = field(default_factory=dict)  # uid -> record
    department_last: dict[str, str] = field(default_factory=dict)
    plans: dict[str, str] = field(default_factory=dict)  # sha256 -> first plan_import uuid
    node_events: dict[NodeTarget, list[str]] = field(default_factory=dict)
    department_events: dict[str, list[str]] = field(default_factory=dict)  # department_* only
    _frontiers: dict[Any, list[str]] = field(default_factory=dict, repr=False)  # target -> frontier, once
    _values: dict[str, Any] = field(default_factory=dict, repr=False)  # disputed frontier event -> its value

    def conflicts(self) -> list[DetectedConflict]:
        """Every open disagreement, in canonical order of side B, then side A.

        Side B is the side the state shows when it is one of the pair, else the later one.
        """
        found: list[DetectedConflict] = []
        for target, uuids in self.node_events.items():
            subject, sha, key = target
            shown = self.node_last.get(target)
            value = lambda u, s=subject: self._value(s, u)  # noqa: E731
            for a, b in self._disagreements(self.frontier_of(target, uuids), value, shown):
                kind = _kind(subject, value(a), value(b))
                found.append(DetectedConflict(subject, sha, key, None, kind, a, b))
        for uid, uuids in self.department_events.items():
            shown = self.department_last.get(uid)
            value = lambda u: self._value("department", u)  # noqa: E731
            for a, b in self._disagreements(self.frontier_of(uid, uuids), value, shown):
                found.append(DetectedConflict("department", None, None, uid, "department", a, b))
        position = self.history.position
        return sorted(found, key=lambda c: (position[c.side_b], position[c.side_a]))

    def frontier_of(self, target: Any, uuids: Sequence[str]) -> list[str]:
        """The frontier of a target's events (History.frontier); [] when one workspace wrote them all.

        Computed once per target: replay and conflicts both ask.
        """
        found = self._frontiers.get(target)
        if found is None:
            events = self.history.events
            origin = events[uuids[0]].origin
            found = [] if all(events[u].origin == origin for u in uuids) else self.history.frontier(uuids)
            self._frontiers[target] = found
        return found

    def _value(self, subject: str, uuid: str) -> Any:
        """An event's value as conflicts compare it (read by replay for disputed targets)."""
        if uuid in self._values:
            return self._values[uuid]
        return compared_value(subject, self.history.events[uuid].after)

    @staticmethod
    def _disagreements(frontier: Sequence[str], value, shown: str | None) -> list[tuple[str, str]]:
        pairs = []
        for i, first in enumerate(frontier):
            for second in frontier[i + 1 :]:
                if value(first) != value(second):
                    pairs.append((second, first) if first == shown else (first, second))
        return pairs

    def shown_while_disputed(self, target: Any, uuids: Sequence[str]) -> str | None:
        """The frontier event whose value a disputed target shows (smallest hash), or None if undisputed."""
        frontier = self.frontier_of(target, uuids)
        if len(frontier) < 2:
            return None
        events = self.history.events
        return min(frontier, key=lambda u: events[u].hash)


def node_value(subject: str, after: Any) -> Any:
    """An event's `after` as state compares it (hashable)."""
    if subject == "assignments":
        return tuple((str(e["department"]), str(e["role"])) for e in (after or ()))
    if subject == "indicator_links":
        return tuple(str(k) for k in (after or ()))
    if subject == "review_status":
        return str(after) if after else "unreviewed"
    return "" if after is None else str(after)


DEPARTMENT_FIELDS = ("uid", "name", "full_name", "kind", "aliases", "keywords", "position", "unconfirmed", "retired")


def department_value(record: Any) -> dict[str, Any]:
    record = record or {}
    value = {name: record.get(name) for name in DEPARTMENT_FIELDS}
    value["aliases"] = list(value["aliases"] or [])
    value["keywords"] = list(value["keywords"] or [])
    value["unconfirmed"] = bool(value["unconfirmed"])
    value["retired"] = bool(value["retired"])
    return value


def lead_of(entries: Any) -> str | None:
    for entry in entries or ():
        if entry.get("role") == "lead":
            return str(entry["department"])
    return None


def conflict_kind(subject: str, a: Event, b: Event) -> str:
    """lead: the leads differ; tag: one side has a department (indicator) the other lacks,
    i.e. one reviewer added or removed it and the other did not; otherwise the subject."""
    return _kind(subject, node_value(subject, a.after), node_value(subject, b.after))


def _kind(subject: str, a: Any, b: Any) -> str:
    """conflict_kind from the two sides' node values (node_value keeps the order and the roles)."""
    if subject == "assignments":
        if next((d for d, role in a if role == "lead"), None) != next((d for d, role in b if role == "lead"), None):
            return "lead"
        return "tag" if {d for d, _ in a} != {d for d, _ in b} else subject
    if subject == "indicator_links" and set(a) != set(b):
        return "tag"
    return subject


def compared_value(subject: str, after: Any) -> Any:
    """What conflicts compare: node_value for node subjects, the canonical record for a department."""
    if subject == "department":
        return canonical_json(department_value(after))
    return node_value(subject, after)


def replay(events: Iterable[Event] | History) -> Replayed:
    """Replay events given in local seq order (or an already built History)."""
    history = events if isinstance(events, History) else History.build(events)
    state, base, base_event = _walk(history)
    _read_values(state, base, base_event, nodes=True)
    return state


def replay_without_node_values(history: History) -> Replayed:
    """replay(), except that node targets get their last event (`node_last`) but no value (`nodes` stays empty).

    For verify, which compares the node values with the tables in SQL (state_sql.py): reading and
    decoding the last `after` of every node target is most of replay's time.
    """
    state, base, base_event = _walk(history)
    _read_values(state, base, base_event, nodes=False)
    return state


def _walk(history: History) -> tuple[Replayed, dict[str, dict[str, Any]], dict[str, str]]:
    """Every target's last event in canonical order (a disputed target's shown one), and the plans."""
    state = Replayed(history)
    base: dict[str, dict[str, Any]] = {}
    base_event: dict[str, str] = {}
    writers: set[str] = set()  # the origins of node and department events
    events, node_subjects = history.events, frozenset(NODE_SUBJECTS)
    node_last, node_events = state.node_last, state.node_events
    for uuid in history.order:
        event = events[uuid]
        subject = event.subject
        if subject in node_subjects:
            sha, key = event.plan_sha256, event.node_key
            if sha is None or key is None:
                continue
            target = (subject, sha, key)
            node_last[target] = uuid  # its value is read once, below: only the last one counts
            on_target = node_events.get(target)
            if on_target is None:
                node_events[target] = [uuid]
            else:
                on_target.append(uuid)
            writers.add(event.origin)
        elif subject == "department" and event.department_uid:
            writers.add(event.origin)
            state.department_last[event.department_uid] = uuid
            state.department_events.setdefault(event.department_uid, []).append(uuid)
        elif subject == "departments":
            for record in event.after or ():
                uid = str(record.get("uid"))
                if uid not in base:
                    base[uid] = department_value(record)
                    base_event[uid] = uuid
        elif subject == "plan" and event.plan_sha256:
            state.plans.setdefault(event.plan_sha256, uuid)
    if len(writers) < 2:
        # One workspace wrote every target's events: no target is disputed (frontier_of gives [] for each).
        state._frontiers.update({target: [] for target in state.node_events})
        state._frontiers.update({uid: [] for uid in state.department_events})
        return state, base, base_event
    for target, uuids in state.node_events.items():
        shown = state.shown_while_disputed(target, uuids)
        if shown is not None:
            state.node_last[target] = shown
    for uid, uuids in state.department_events.items():
        shown = state.shown_while_disputed(uid, uuids)
        if shown is not None:
            state.department_last[uid] = shown
    return state, base, base_event


def _read_values(state: Replayed, base: dict[str, dict[str, Any]], base_event: dict[str, str], *, nodes: bool) -> None:
    """Fill the values of the targets `_walk` found (node targets only when `nodes`)."""
    history = state.history
    # Each target's value is the `after` of its last event, and a disputed target's frontier events are
    # compared by theirs: read for all of them at once.
    disputed = [(target, u) for target, frontier in state._frontiers.items() if len(frontier) > 1 for u in frontier]
    if not nodes:
        disputed = [(target, u) for target, u in disputed if not isinstance(target, tuple)]
    node_last = state.node_last if nodes else {}
    wanted = {*node_last.values(), *state.department_last.values(), *(u for _, u in disputed)}
    afters = read_afters([history.events[u] for u in wanted])
    for target, uuid in node_last.items():
        state.nodes[target] = node_value(target[0], afters[uuid])
    for uid, uuid in state.department_last.items():
        state.departments[uid] = department_value(afters[uuid])
    for target, uuid in disputed:
        state._values[uuid] = compared_value(target[0] if isinstance(target, tuple) else "department", afters[uuid])
    del afters
    for uid, record in base.items():
        if uid not in state.departments:
            state.departments[uid] = record
            state.department_last[uid] = base_event[uid]
