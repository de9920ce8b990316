"""history_lazy.build_lazily gives History.build(ordered=False)'s history, and its error, on any log."""

from __future__ import annotations

from collections import namedtuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.storage.audit.history import MERGE_ACTION, History, HistoryError
from workbench.storage.audit.history_lazy import LazyHistory, build_lazily

Ev = namedtuple("Ev", "uuid origin time_utc action after")


@st.composite
def _logs(draw) -> list[Ev]:
    """Logs of up to three workspaces; now and then a merge names more events than precede it."""
    origins = ["a", "b", "c"][: draw(st.integers(1, 3))]
    events: list[Ev] = []
    counts = dict.fromkeys(origins, 0)
    for step in range(draw(st.integers(1, 40))):
        origin = draw(st.sampled_from(origins))
        if draw(st.booleans()):
            heads = {}
            for other in draw(st.lists(st.sampled_from(origins), max_size=3, unique=True)):
                known = counts[other] if other != origin else counts[origin] + 1
                count = draw(st.integers(0, known + (1 if draw(st.integers(0, 9)) == 0 else 0)))
                heads[other] = {"count": count}
            events.append(Ev(f"u{step:02d}", origin, "2026-01-01", MERGE_ACTION, {"heads": heads}))
        else:
            events.append(Ev(f"u{step:02d}", origin, "2026-01-01", "assign", None))
        counts[origin] += 1
    return events


def _fields(history: History) -> tuple:
    return history.events, history.chains, history.index, history.seen, history.order, history.position


@settings(max_examples=400, deadline=None)
@given(_logs())
def test_build_lazily_is_history_build(events: list[Ev]) -> None:
    try:
        expected = _fields(History.build(events, ordered=False))
    except HistoryError as exc:
        with pytest.raises(HistoryError) as raised:
            build_lazily(events)
        assert (str(raised.value), raised.value.uuid) == (str(exc), exc.uuid)
        return
    lazy = build_lazily(events)
    assert "index" not in vars(lazy) and "seen" not in vars(lazy)  # not built until read
    assert _fields(lazy) == expected


def test_causal_questions_read_the_maps_when_asked() -> None:
    events = [Ev("a1", "a", "t", "assign", None), Ev("a2", "a", "t", "assign", None),
              Ev("b1", "b", "t", "assign", None), Ev("b2", "b", "t", MERGE_ACTION, {"heads": {"a": {"count": 1}}}),
              Ev("b3", "b", "t", "assign", None)]  # fmt: skip
    history = build_lazily(events)
    assert isinstance(history, LazyHistory) and history.chains == {"a": ["a1", "a2"], "b": ["b1", "b2", "b3"]}
    assert history.happened_before("a1", "b3") and history.concurrent("a2", "b3")
    assert dict(history.seen["b3"]) == {"a": 1} and history.index["b3"] == 2
    history.ensure_order()
    assert history.order == History.build(events).order


def test_a_merge_naming_missing_events_is_refused_alike() -> None:
    events = [Ev("a1", "a", "t", "assign", None), Ev("b1", "b", "t", MERGE_ACTION, {"heads": {"a": {"count": 2}}})]
    with pytest.raises(HistoryError, match="names 2 events of workspace a but only 1 precede it"):
        build_lazily(events)
    with pytest.raises(AttributeError):
        build_lazily(events[:1]).no_such_field


@settings(max_examples=150, deadline=None)
@given(_logs(), st.lists(st.integers(0, 40), min_size=1, max_size=4))
def test_a_log_mostly_of_one_workspace_is_cut_alike(events: list[Ev], places: list[int]) -> None:
    """Hundreds of one workspace's events around a few of others: the chains are cut out, not filtered."""
    log = list(events)
    for n, place in enumerate(sorted(places, reverse=True)):
        log[place:place] = [Ev(f"x{n}-{i:03d}", "a", "2026-01-01", "assign", None) for i in range(200)]
    log = [e._replace(uuid=f"{i:04d}{e.uuid}") for i, e in enumerate(log)]  # (every uuid once)
    try:
        expected = _fields(History.build(log, ordered=False))
    except HistoryError as exc:
        with pytest.raises(HistoryError) as raised:
            build_lazily(log)
        assert (str(raised.value), raised.value.uuid) == (str(exc), exc.uuid)
        return
    built = build_lazily(log)
    assert _fields(built) == expected and list(built.chains) == list(expected[1])
