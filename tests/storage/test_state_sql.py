"""verify's quick comparison in SQL (state_sql.py) and the speedups of history/replay it relies on.

The quick comparison may only ever say "equal" when the Python comparison
(state_tables.py) says so too; whenever the state was edited behind the app's
back it must say "may differ", and verify's report must be exactly the one the
Python comparison alone gives (same reason, same event, same target).
"""

from __future__ import annotations

import dataclasses
import heapq
import sqlite3
from collections import namedtuple
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.storage.audit import audit_verify
from workbench.storage.audit.audit_verify import check_log, verify
from workbench.storage.files.database import open_readonly
from workbench.storage.audit.history import MERGE_ACTION, History, merge_heads
from workbench.storage.audit.replay import replay, replay_without_node_values
from workbench.storage.state.state_sql import nodes_match

from .test_audit_tamper import _tamper, honest  # noqa: F401  (honest is a fixture)


def _quick(path: Path) -> bool:
    db = open_readonly(path)
    try:
        log = check_log(db)
        assert log.report.ok and log.history is not None
        return nodes_match(db, replay_without_node_values(log.history))
    finally:
        db.close()


def _reports(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, dict]:
    """verify's report as it is, and with the quick comparison switched off (seconds left out)."""
    db = open_readonly(path)
    try:
        as_is = dataclasses.asdict(verify(db))
        with monkeypatch.context() as patched:
            patched.setattr(audit_verify, "_nodes_equal", lambda *args: False)  # neither SQL comparison
            python_only = dataclasses.asdict(verify(db))
    finally:
        db.close()
    for report in (as_is, python_only):
        report.pop("seconds")
    return as_is, python_only


def test_quick_comparison_accepts_an_honest_workspace(honest: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    assert _quick(honest)
    as_is, python_only = _reports(honest, monkeypatch)
    assert as_is["ok"] and as_is == python_only


def test_replay_without_node_values_finds_the_same_targets(honest: Path) -> None:  # noqa: F811
    db = open_readonly(honest)
    try:
        history = check_log(db).history
        full, quick = replay(history), replay_without_node_values(history)
    finally:
        db.close()
    assert quick.nodes == {} and full.nodes
    assert quick.node_last == full.node_last and quick.departments == full.departments
    assert quick.plans == full.plans and quick.department_last == full.department_last
    # the honest workspace has a disputed note: the quick replay shows the same side of it
    assert any(len(f) > 1 for f in full._frontiers.values())


_PAIR = "(SELECT node_id FROM assignments GROUP BY node_id HAVING count(*) = 2 LIMIT 1)"
_SWAP = (f"UPDATE assignments SET position = 9 WHERE position = 0 AND node_id = {_PAIR}",
         f"UPDATE assignments SET position = 0 WHERE position = 1 AND node_id = {_PAIR}",
         f"UPDATE assignments SET position = 1 WHERE position = 9 AND node_id = {_PAIR}")  # fmt: skip


@pytest.mark.parametrize(
    "statement, still_ok",
    [
        # the two assignments of a clause swapped: same departments, other order
        (_SWAP, False),
        ("UPDATE assignments SET role = 'support' WHERE position = 0", False),
        ("UPDATE assignments SET department_id = (SELECT id FROM departments WHERE name = '天津海关') "
         "WHERE id = (SELECT min(id) FROM assignments)", False),
        ("DELETE FROM assignments WHERE id = (SELECT max(id) FROM assignments)", False),
        # positions 0, 1 stored as 0, 7: the same order, so the same list for replay (Python decides: equal)
        ("UPDATE assignments SET position = 7 WHERE position = 1", True),
        ("INSERT INTO assignments (node_id, department_id, role, position) SELECT n.id, "
         "(SELECT id FROM departments WHERE name = '天津海关'), 'lead', 0 FROM nodes n WHERE n.key = 'ch02/s02/p03'",
         False),
        ("UPDATE indicator_links SET position = 3", True),
        ("DELETE FROM indicator_links", False),
        ("UPDATE notes SET text = '改过的备注' WHERE node_id = (SELECT min(node_id) FROM notes)", False),
        ("DELETE FROM notes", False),
        ("INSERT INTO remarks (node_id, text, updated_at) SELECT id, '无事件的备注', '2026' FROM nodes "
         "WHERE key = 'ch02/s02/p03'", False),
        ("UPDATE node_status SET timing = 'ongoing'", False),
        ("UPDATE node_status SET review_status = 'question'", False),
        ("UPDATE node_status SET review_status = 'unreviewed'", False),
        ("DELETE FROM node_status", False),
    ],
)  # fmt: skip
def test_state_edited_behind_the_apps_back(honest: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
                                           statement: str, still_ok: bool) -> None:  # fmt: skip
    _tamper(honest, *([statement] if isinstance(statement, str) else statement))
    # A real difference is never "equal"; positions renumbered in the same order may be (Python agrees).
    assert still_ok or not _quick(honest)
    as_is, python_only = _reports(honest, monkeypatch)
    assert as_is == python_only
    assert as_is["ok"] is still_ok, as_is["reason"]
    if not still_ok:
        assert as_is["target"] and as_is["reason"]


def test_a_table_value_of_another_type_is_not_equal(honest: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    conn = sqlite3.connect(honest)
    text = conn.execute("SELECT text FROM notes LIMIT 1").fetchone()[0]
    conn.close()
    _tamper(honest, "UPDATE notes SET text = CAST(? AS BLOB) WHERE text = ?", params=[text, text])
    assert not _quick(honest)
    as_is, python_only = _reports(honest, monkeypatch)
    assert as_is == python_only and not as_is["ok"]


# --- the canonical order: the heap-free runs give Kahn's order exactly ---------------------------------------

Ev = namedtuple("Ev", "uuid origin time_utc action after")


def _reference_order(events: list[Ev]) -> list[str]:
    """Kahn's algorithm over explicit edges (chain predecessor, merge head), smallest (time_utc, uuid) first."""
    by_uuid = {e.uuid: e for e in events}
    chains: dict[str, list[str]] = {}
    causes: dict[str, set[str]] = {}
    for event in events:
        chain = chains.setdefault(event.origin, [])
        causes[event.uuid] = {chain[-1]} if chain else set()
        for origin, count in merge_heads(event).items():
            if origin != event.origin:
                causes[event.uuid].add(chains[origin][count - 1])
        chain.append(event.uuid)
    ready = [(by_uuid[u].time_utc, u) for u, c in causes.items() if not c]
    heapq.heapify(ready)
    order: list[str] = []
    placed: set[str] = set()
    while ready:
        _, uuid = heapq.heappop(ready)
        order.append(uuid)
        placed.add(uuid)
        for other, c in causes.items():
            if uuid in c and other not in placed and c <= placed and all(o != other for _, o in ready):
                heapq.heappush(ready, (by_uuid[other].time_utc, other))
    return order


@st.composite
def _histories(draw) -> list[Ev]:
    origins = ["a", "b", "c"][: draw(st.integers(1, 3))]
    events: list[Ev] = []
    counts = dict.fromkeys(origins, 0)
    for step in range(draw(st.integers(1, 40))):
        origin = draw(st.sampled_from(origins))
        time_utc = f"2026-01-{draw(st.integers(1, 9)):02d}"  # clocks may go back and repeat
        others = {o: c for o, c in counts.items() if o != origin and c}
        if others and draw(st.booleans()):
            heads = {o: {"count": draw(st.integers(1, c))} for o, c in others.items()}
            events.append(Ev(f"u{step:02d}", origin, time_utc, MERGE_ACTION, {"heads": heads}))
        else:
            events.append(Ev(f"u{step:02d}", origin, time_utc, "assign", None))
        counts[origin] += 1
    return events


@settings(max_examples=200, deadline=None)
@given(_histories())
def test_canonical_order_is_kahns_order(events: list[Ev]) -> None:
    assert History.build(events).order == _reference_order(events)
