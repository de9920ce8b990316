"""EXPLAIN QUERY PLAN pins: conflict titles and pages go through the (plan, key), status and ref indexes."""

from __future__ import annotations

import json

from workbench.storage.disputes.conflicts import NODE_TITLES_SQL, _node_titles


def _plan(db, sql: str, args) -> list[str]:
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, args)]


def test_conflict_titles_are_looked_up_by_plan_and_key(repo, plan_id):
    sha, = repo.db.execute("SELECT sha256 FROM plans WHERE id = ?", [plan_id]).fetchone()
    keys = [r[0] for r in repo.db.execute("SELECT key FROM nodes WHERE plan_id = ? AND kind = 'clause' LIMIT 3", [plan_id])]
    steps = _plan(repo.db, NODE_TITLES_SQL, [json.dumps([[sha, k] for k in keys])])
    assert any("SEARCH n USING INDEX" in s and "(plan_id=? AND key=?)" in s for s in steps), steps
    assert any("SEARCH p USING" in s and "sha256=?" in s for s in steps), steps
    assert not any(s.startswith("SCAN n") or s.startswith("SCAN p") for s in steps), steps
    titles = _node_titles(repo.db, {(sha, k) for k in keys} | {(sha, "no/such/key")})
    assert set(titles) == {(sha, k) for k in keys}
    for (_, key), title in titles.items():
        stored = repo.db.execute("SELECT coalesce(nullif(title, ''), substr(text, 1, 30)) FROM nodes "
                                 "WHERE plan_id = ? AND key = ?", [plan_id, key]).fetchone()[0]
        assert title == stored


def test_a_page_of_conflicts_is_one_indexed_query(repo, plan_id):
    """The conflicts list reads a page through the status index in id order (no sort of all rows),
    each row's title by (plan, key), and a reference through its index."""
    from workbench.storage.disputes.listing import PAGE_SQL, page_query

    for status, where in (("open", "USING INDEX conflicts_status (status=? AND rowid>?)"),
                          (None, "USING INTEGER PRIMARY KEY (rowid>?)")):  # fmt: skip
        steps = _plan(repo.db, *page_query(status, 50, 0, 100))
        assert any(s.startswith("SEARCH c " + where) for s in steps), steps
        assert any(s.startswith("SEARCH n USING INDEX") and "(plan_id=? AND key=?)" in s for s in steps), steps
        assert any(s.startswith("SEARCH p USING") and "(sha256=?)" in s for s in steps), steps
        assert not any(s.startswith("SCAN") or "TEMP B-TREE" in s for s in steps), steps
    steps = _plan(repo.db, PAGE_SQL + " WHERE c.ref = ? ORDER BY c.id LIMIT 1", ["c0000000"])
    assert any(s.startswith("SEARCH c USING INDEX conflicts_ref (ref=?)") for s in steps), steps


def test_an_edit_closes_its_disputes_through_the_target_indexes(repo):
    """Closing the disputes on an edited target reads that target's rows, not every open dispute."""
    from workbench.storage.disputes.sync import CLOSE_DEPARTMENT_SQL, CLOSE_NODE_SQL

    steps = _plan(repo.db, CLOSE_NODE_SQL, ["superseded", "u", "sha", "key", "assignments"])
    assert steps == ["SEARCH conflicts USING INDEX conflicts_node (plan_sha256=? AND node_key=?)"], steps
    steps = _plan(repo.db, CLOSE_DEPARTMENT_SQL, ["superseded", "u", "reg-1"])
    assert steps == ["SEARCH conflicts USING INDEX conflicts_department (department_uid=?)"], steps
