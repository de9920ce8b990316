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
other event on it happened after (one per origin at most).  The target's state
is the frontier event last in canonical order (side B); every other frontier
event whose value differs is a conflict with it (side A).  A conflict
disappears once an event that saw both sides exists, such as a
conflict_resolution.  Everything here is a pure function of the set of events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .audit import Event, canonical_json
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

    def conflicts(self) -> list[DetectedConflict]:
        """Every open disagreement, in canonical order of side B, then side A."""
        found: list[DetectedConflict] = []
        events = self.history.events
        for (subject, sha, key), uuids in self.node_events.items():
            for a, b in self._disagreements(uuids, lambda u, s=subject: node_value(s, events[u].after)):
                kind = conflict_kind(subject, events[a], events[b])
                found.append(DetectedConflict(subject, sha, key, None, kind, a, b))
        for uid, uuids in self.department_events.items():
            for a, b in self._disagreements(uuids, lambda u: canonical_json(department_value(events[u].after))):
                found.append(DetectedConflict("department", None, None, uid, "department", a, b))
        position = self.history.position
        return sorted(found, key=lambda c: (position[c.side_b], position[c.side_a]))

    def _disagreements(self, uuids: Sequence[str], value) -> list[tuple[str, str]]:
        events = self.history.events
        if len({events[u].origin for u in uuids}) < 2:
            return []
        frontier = self.history.frontier(uuids)
        last = frontier[-1]
        return [(other, last) for other in frontier[:-1] if value(other) != value(last)]


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


def _keys(subject: str, values: Any) -> set[str]:
    if subject == "assignments":
        return {str(e["department"]) for e in values or ()}
    return {str(k) for k in values or ()}


def conflict_kind(subject: str, a: Event, b: Event) -> str:
    """lead: the leads differ; tag: one side has a department (indicator) the other lacks,
    i.e. one reviewer added or removed it and the other did not; otherwise the subject."""
    if subject == "assignments" and lead_of(a.after) != lead_of(b.after):
        return "lead"
    if subject in ("assignments", "indicator_links") and _keys(subject, a.after) != _keys(subject, b.after):
        return "tag"
    return subject


def replay(events: Iterable[Event] | History) -> Replayed:
    """Replay events given in local seq order (or an already built History)."""
    history = events if isinstance(events, History) else History.build(events)
    state = Replayed(history)
    base: dict[str, dict[str, Any]] = {}
    base_event: dict[str, str] = {}
    for uuid in history.order:
        event = history.events[uuid]
        subject = event.subject
        if subject in NODE_SUBJECTS:
            if event.plan_sha256 is None or event.node_key is None:
                continue
            target = (subject, event.plan_sha256, event.node_key)
            state.nodes[target] = node_value(subject, event.after)
            state.node_last[target] = uuid
            state.node_events.setdefault(target, []).append(uuid)
        elif subject == "department" and event.department_uid:
            state.departments[event.department_uid] = department_value(event.after)
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
    for uid, record in base.items():
        if uid not in state.departments:
            state.departments[uid] = record
            state.department_last[uid] = base_event[uid]
    return state
