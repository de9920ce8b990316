"""The audit log a page at a time: the same entries as log_entries, filtered and ordered by SQLite."""

from __future__ import annotations

import random

from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_log import log_entries
from workbench.storage.paging.event_pages import LogQuery, count_entries, page_entries, reviewers
from workbench.storage.repository import Repository


def _history(repo: Repository, clause_ids: list[int], dept: dict[str, int]) -> None:
    rnd = random.Random(3)
    other = Repository(repo.db, Reviewer("李四", "科技处"))
    names = list(dept)
    for step in range(120):
        who = repo if step % 3 else other
        node = rnd.choice(clause_ids)
        current = {a.department_id for a in who.assignments(node)}
        free = [dept[n] for n in names if dept[n] not in current]
        if current and rnd.random() < 0.3:
            who.unassign(node_id=node, department_id=next(iter(current)))
        elif free:
            who.assign(node_id=node, department_id=rnd.choice(free), role="support" if current else "lead")


def _all_pages(db, query: LogQuery, size: int = 7) -> list:
    out, offset = [], 0
    while page := page_entries(db, query, offset, size):
        out.extend(page)
        offset += size
    return out


def test_pages_give_the_same_entries_as_the_full_log(repo, clause_ids, dept):
    _history(repo, clause_ids, dept)
    db = repo.db
    everything = log_entries(db)
    assert count_entries(db, LogQuery()) == len(everything) > 100
    assert _all_pages(db, LogQuery(descending=False)) == sorted(everything, key=lambda e: (e.time_utc, e.seq))
    newest = _all_pages(db, LogQuery())
    assert newest == sorted(everything, key=lambda e: (e.time_utc, e.seq), reverse=True)
    assert set(reviewers(db)) == {e.reviewer for e in everything}

    some = everything[40]
    uid = next(e for e in everything if e.departments).departments[0]
    key = next(e for e in everything if e.node_key).node_key
    section = key.rsplit("/", 1)[0]
    cases = [
        (LogQuery(reviewer="李四"), lambda e: e.reviewer == "李四"),
        (LogQuery(since_utc=some.time_utc), lambda e: e.time_utc >= some.time_utc),
        (LogQuery(until_utc=some.time_utc), lambda e: e.time_utc <= some.time_utc),
        (LogQuery(department_uid=uid), lambda e: uid in e.departments),
        (LogQuery(node_key=section),
         lambda e: e.node_key is not None and (e.node_key == section or e.node_key.startswith(section + "/"))),
    ]
    for query, keep in cases:
        expected = [e for e in everything if keep(e)]
        assert expected, query
        assert sorted(_all_pages(db, query), key=lambda e: e.seq) == sorted(expected, key=lambda e: e.seq), query
        assert count_entries(db, query) == len(expected)


def test_sorting_by_a_column_happens_in_sql(repo, clause_ids, dept):
    _history(repo, clause_ids, dept)
    rows = _all_pages(repo.db, LogQuery(order="reviewer", descending=False))
    assert [e.reviewer for e in rows] == sorted(e.reviewer for e in rows)
    rows = _all_pages(repo.db, LogQuery(order="target", descending=True))
    keys = [e.node_key or "" for e in rows]
    assert keys == sorted(keys, reverse=True)
