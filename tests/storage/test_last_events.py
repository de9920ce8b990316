"""last_events (verify's quick path, no canonical order) finds what replay_without_node_values finds.

On random logs of up to three workspaces with merges: targets written by one
workspace and by several, disputes (concurrent edits) and their resolutions
(an edit that saw both sides), departments supplied by registry loads of
several workspaces (the one case that needs the order) and department edits.
"""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.storage.audit.audit_verify import check_log
from workbench.storage.audit.history import MERGE_ACTION, History
from workbench.storage.audit.history_lazy import build_lazily
from workbench.storage.audit.last_events import last_events
from workbench.storage.audit.replay import replay_without_node_values
from workbench.storage.files.database import open_readonly

from .test_audit_tamper import honest  # noqa: F401  (a fixture)

Ev = namedtuple("Ev", "seq uuid origin time_utc action subject plan_sha256 node_key department_uid after hash")
_NODE_TARGETS = [("note", "p1", "k1"), ("note", "p1", "k2"), ("assignments", "p1", "k1"), ("timing", "p2", "k1")]


@st.composite
def _logs(draw) -> list[Ev]:
    origins = ["a", "b", "c"][: draw(st.integers(1, 3))]
    events: list[Ev] = []
    counts = dict.fromkeys(origins, 0)
    for step in range(draw(st.integers(1, 45))):
        origin = draw(st.sampled_from(origins))
        time_utc = f"2026-01-{draw(st.integers(1, 9)):02d}"  # clocks may go back and repeat
        kind = draw(st.sampled_from(["merge", "node", "node", "node", "department", "registry", "plan"]))
        fields = {"subject": kind, "plan_sha256": None, "node_key": None, "department_uid": None, "after": None}
        others = {o: c for o, c in counts.items() if o != origin and c}
        action = kind
        if kind == "merge" and others:
            action = MERGE_ACTION
            heads = {o: {"count": draw(st.integers(1, c))} for o, c in others.items() if draw(st.booleans())}
            fields.update(subject="merge", after={"heads": heads})
        elif kind == "department":
            fields.update(department_uid=draw(st.sampled_from(["d1", "d2"])), after={"uid": "x", "name": f"名{step}"})
        elif kind == "registry":
            uids = draw(st.lists(st.sampled_from(["d1", "d2", "d3"]), min_size=1, max_size=3, unique=True))
            fields.update(subject="departments", after=[{"uid": u, "name": f"{u}@{step}"} for u in uids])
        elif kind == "plan":
            fields.update(plan_sha256=draw(st.sampled_from(["p1", "p2"])))
        else:
            subject, sha, key = draw(st.sampled_from(_NODE_TARGETS))
            fields.update(subject=subject, plan_sha256=sha, node_key=key, after=f"值{step}")
        digest = f"{draw(st.integers(0, 99)):02d}{step:02d}"  # a dispute shows the smallest hash
        events.append(Ev(step + 1, f"u{step:02d}", origin, time_utc, action, hash=digest, **fields))
        counts[origin] += 1
    return events


def _same(events) -> None:
    full = replay_without_node_values(History.build(events))
    quick = last_events(build_lazily(events), events)
    assert quick.node_last == full.node_last
    assert quick.department_last == full.department_last and quick.departments == full.departments
    assert set(quick.plans) == set(full.plans)


@settings(max_examples=300, deadline=None)
@given(_logs())
def test_last_events_is_the_replays_choice(events: list[Ev]) -> None:
    _same(events)


def test_a_dispute_and_its_resolution() -> None:
    def ev(seq, origin, after, heads=None, digest="50"):
        if heads:
            return Ev(seq, f"u{seq}", origin, "t", MERGE_ACTION, "merge", None, None, None, {"heads": heads}, digest)
        return Ev(seq, f"u{seq}", origin, "t", "note", "note", "p", "k", None, after, digest)

    disputed = [ev(1, "a", "甲", digest="90"), ev(2, "b", "乙", digest="10"), ev(3, "a", None, {"b": {"count": 1}})]
    quick = last_events(build_lazily(disputed), disputed)
    assert quick.node_last[("note", "p", "k")] == "u2"  # concurrent: the smaller hash shows, not the later event
    resolved = [*disputed, ev(4, "a", "甲乙")]  # a's edit after merging b saw both sides
    assert last_events(build_lazily(resolved), resolved).node_last[("note", "p", "k")] == "u4"
    _same(disputed)
    _same(resolved)


def test_a_merged_workspace(honest: Path) -> None:  # noqa: F811
    db = open_readonly(honest)
    try:
        log = check_log(db, ordered=False)
        quick = last_events(log.history, log.events)
        full = replay_without_node_values(check_log(db).history)
    finally:
        db.close()
    assert len({e.origin for e in log.events}) > 1 and any(len(f) > 1 for f in full._frontiers.values())
    assert quick.node_last == full.node_last and quick.departments == full.departments
    assert quick.department_last == full.department_last and set(quick.plans) == set(full.plans)


def test_the_targets_the_scan_notes_are_the_computed_ones(honest: Path) -> None:  # noqa: F811
    db = open_readonly(honest)
    try:
        log = check_log(db, ordered=False, targets=True)
        computed = last_events(log.history, log.events)
        assert log.targets is not None and log.targets.complete and len(log.targets.writers) == 2
        noted = last_events(log.history, log.events, log.targets)
    finally:
        db.close()
    assert noted.node_last == computed.node_last and noted.departments == computed.departments
    assert noted.department_last == computed.department_last and noted.plans == computed.plans
