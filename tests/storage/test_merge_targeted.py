"""A merge replays only the targets that can have changed (sync/merge_replay.py, causal.py, merge_state.py,
merge_conflicts.py); what it leaves in the state tables and the conflicts table must be exactly what the
full replay (replay.py) leaves: the same rows, conflict ids, sides, kinds, statuses and how each ended.

Generated histories as in test_merge_properties, with more steps: conflict resolutions (by the desk that is
no party), registry loads of the same department with different records at two desks (the first load in
canonical order gives its record), renames.  Every merge is done twice, on two copies of the same file:
once as merge does it and once with the full replay (merge.FULL_REPLAY); then everything is merged in
every order, again both ways.  The targeted path must actually be taken, and the fallbacks where meant.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.departments import Department
from workbench.storage.audit import audit
from workbench.storage.audit.audit import Reviewer
from workbench.storage.disputes.conflicts import list_conflicts, may_resolve, resolve_conflict
from workbench.storage.errors import StoreError
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository
from workbench.storage.state.state_tables import read_state
from workbench.storage.sync import merge as merge_module
from workbench.storage.sync.merge import merge_workspace

from .conftest import REGISTRY, make_plan
from .test_merge_properties import DESKS, LEAD, NODES, SIGNERS, _apply, department, desk

TAKEN = {"targeted": 0, "full": 0}
EXTRA = ["市审计局", "市统计局"]  # departments a desk may load from its own registry
merge = st.tuples(st.just("merge"), desk, desk)
two = st.integers(0, 1)  # two nodes: desks editing in the same round mostly meet on one


def _edit(kind: str, node: int, d: int):
    """One desk's edit of the round's kind (on the round's node), with arguments of its own."""
    return {
        "assign": st.tuples(st.just(kind), st.just(d), st.just(node), department, st.sampled_from(["lead", "support"])),
        "unassign": st.tuples(st.just(kind), st.just(d), st.just(node), department),
        "note": st.tuples(st.just(kind), st.just(d), st.just(node), st.sampled_from(["", "需核实", "已确认"])),
        "status": st.tuples(st.just(kind), st.just(d), st.just(node), st.sampled_from(["reviewed", "question"])),
        "timing": st.tuples(st.just(kind), st.just(d), st.just(node), st.sampled_from(["", "2027", "ongoing"])),
        "link": st.tuples(st.just(kind), st.just(d), st.just(node), st.integers(0, 2)),
        "retire": st.tuples(st.just(kind), st.just(d), department),
        "registry": st.tuples(st.just(kind), st.just(d), st.integers(0, len(EXTRA) - 1)),
        "rename": st.tuples(st.just(kind), st.just(d), department, st.integers(0, 2)),
    }[kind]


# Rounds: the desks edit the same thing at once (each as it sees fit, so disputes open), then some merges,
# then perhaps a resolution (desk 2 is often no party): disputes turn round, get resolved or superseded.
edits = st.tuples(st.sampled_from(["assign", "note", "status", "link", "unassign", "timing", "retire", "registry",
                                   "rename"]), two, st.sets(desk, min_size=2)).flatmap(
    lambda kind: st.tuples(*(_edit(kind[0], kind[1], d) for d in sorted(kind[2]))))  # fmt: skip
round_ = st.tuples(edits, st.lists(merge, min_size=1, max_size=3),
                   st.lists(st.tuples(st.just("resolve"), desk, st.sampled_from(["a", "b"])), max_size=1))
more = st.lists(round_, min_size=1, max_size=5).map(lambda rounds: [s for r in rounds for part in r for s in part])


def _more(repos: list[Repository], paths: list[Path], s: tuple) -> None:
    kind, d, *args = s
    repo = repos[d]
    if kind == "resolve":  # the first dispute this desk is no party to
        mine = [c for c in list_conflicts(repo.db) if may_resolve(repo.db, c, repo.reviewer.name, roster=None) is None]
        if mine:
            resolve_conflict(repo, mine[0].id, take=args[0], roster=None)
    elif kind == "registry":
        name = EXTRA[args[0]]
        repo.load_registry([Department(name=name, full_name=f"{name}（{d}号名录）", kind="government_department",
                                       position=90 + d)])  # fmt: skip
    elif kind == "rename":
        depts = [r[0] for r in repo.db.execute("SELECT id FROM departments WHERE uid LIKE 'reg-%' ORDER BY uid")]
        # A name of this desk's own: two desks giving two departments one name is refused (tested elsewhere).
        repo.rename_department(department_id=depts[args[0]], new_name=f"更名单位{d}-{args[0]}-{args[1]}")
    else:
        _apply(repos, paths, s)


def _rows(db) -> tuple:
    tables = read_state(db)
    raw = {table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
           for table in ("notes", "remarks", "node_status", "indicator_links", "departments")}  # fmt: skip
    raw["assignments"] = db.execute("SELECT node_id, department_id, role, position FROM assignments "
                                    "ORDER BY node_id, position").fetchall()  # fmt: skip
    conflicts = db.execute(
        "SELECT id, subject, plan_sha256, node_key, department_uid, kind, side_a_uuid, side_b_uuid, status, "
        "resolution_uuid, continued_by, ref FROM conflicts ORDER BY id").fetchall()  # fmt: skip
    stamp = db.execute("SELECT value FROM meta WHERE key = 'conflicts_synced_seq'").fetchone()
    return (sorted(tables.nodes.items()), sorted((u, json.dumps(r, sort_keys=True)) for u, r in
            tables.departments.items()), raw, conflicts, stamp)  # fmt: skip


def _copy(db, target: Path) -> None:
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()


def _merge_both(db, source: Path, reviewer: Reviewer, signer, scratch: Path) -> None:
    """Merge `source` into `db` as merge does it, and into a copy of `db` with the full replay; compare."""
    _copy(db, scratch)
    full = open_workspace(scratch, signer=signer)
    try:
        merge_module.FULL_REPLAY = True
        try:
            full_error = None
            full_result = merge_workspace(full, source, reviewer=reviewer, backup=False)
        except StoreError as exc:
            full_error = str(exc)
        finally:
            merge_module.FULL_REPLAY = False
        try:
            result = merge_workspace(db, source, reviewer=reviewer, backup=False)
            error = None
        except StoreError as exc:
            error = str(exc)
        assert error == full_error
        assert _rows(db) == _rows(full)
        if error is None:
            assert (result.changed_targets, result.new_conflicts, result.open_conflicts) == \
                (full_result.changed_targets, full_result.new_conflicts, full_result.open_conflicts)  # fmt: skip
    finally:
        full.close()
        scratch.unlink()
        for suffix in ("-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _count(monkeypatch):
    real = merge_module._targeted

    def counting(*args, **kwargs):
        done = real(*args, **kwargs)
        TAKEN["targeted" if done is not None else "full"] += 1
        return done

    monkeypatch.setattr(merge_module, "_targeted", counting)
    TAKEN.update(targeted=0, full=0)
    yield


def _desks(root: Path, count: int = DESKS) -> list[Repository]:
    registry = root / "departments.json"
    registry.write_text(json.dumps({"departments": REGISTRY}, ensure_ascii=False), encoding="utf-8")
    repos = []
    for i in range(count):
        repo = Repository(open_workspace(root / f"desk{i}.sqlite", registry=registry, signer=SIGNERS[i]),
                          Reviewer(f"审核人{i}", f"处室{i}"))  # fmt: skip
        repo.import_plan(make_plan(chapters=1, sections=1, clauses=NODES))
        repos.append(repo)
    return repos


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])  # fmt: skip
@given(more)
def test_targeted_merge_leaves_what_the_full_replay_leaves(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        repos = _desks(root)
        paths = [root / f"desk{i}.sqlite" for i in range(DESKS)]
        try:
            for s in steps:
                if s[0] == "merge" and s[1] != s[2]:  # a desk merging another: both ways, compared
                    repo = repos[s[1]]
                    _merge_both(repo.db, paths[s[2]], repo.reviewer, SIGNERS[s[1]], root / "scratch.sqlite")
                    continue
                try:
                    _more(repos, paths, s)
                except StoreError:
                    pass  # a refused step writes nothing (tested elsewhere)
        finally:
            for repo in repos:
                repo.db.close()
        for order in permutations(range(DESKS)):
            target = root / ("merged-" + "".join(map(str, order)) + ".sqlite")
            first = open_workspace(paths[order[0]], signer=SIGNERS[order[0]])
            _copy(first, target)
            first.close()
            db = open_workspace(target, signer=LEAD)
            try:
                for source in order[1:]:
                    _merge_both(db, paths[source], Reviewer("组长"), LEAD, root / "scratch.sqlite")
            finally:
                db.close()


def test_the_targeted_path_is_taken_on_a_fixed_history() -> None:
    """The comparison above means something only if merges take the targeted path."""
    test_targeted_merge_leaves_what_the_full_replay_leaves.hypothesis.inner_test(  # type: ignore[attr-defined]
        [("assign", 0, 0, 0, "lead"), ("assign", 1, 0, 1, "lead"), ("note", 2, 1, "需核实"), ("merge", 0, 1),
         ("registry", 0, 0), ("registry", 1, 0), ("assign", 2, 0, 2, "lead"), ("status", 1, 2, "reviewed"),
         ("merge", 2, 0), ("merge", 2, 1), ("resolve", 2, "a"), ("merge", 1, 2), ("merge", 0, 2),
         ("retire", 1, 1), ("link", 0, 1, 1), ("merge", 0, 1)])  # fmt: skip
    assert TAKEN["targeted"] >= 10


def _clause(repo: Repository, offset: int = 0) -> int:
    return repo.db.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq LIMIT 1 OFFSET ?",
                           [offset]).fetchone()[0]  # fmt: skip


def _department(repo: Repository, i: int) -> int:
    return repo.db.execute("SELECT id FROM departments WHERE uid LIKE 'reg-%' ORDER BY position, uid "
                           "LIMIT 1 OFFSET ?", [i]).fetchone()[0]  # fmt: skip


def test_a_file_without_stamp_holding_concurrent_edits_takes_the_full_replay(tmp_path: Path) -> None:
    """No stamp and an empty conflicts table prove nothing when two workspaces wrote targets (a file whose
    table was never synced): merge replays everything and finds the dispute again."""
    repos = _desks(tmp_path, 2)
    try:
        for i, repo in enumerate(repos):
            repo.assign(node_id=_clause(repo), department_id=_department(repo, i), role="lead")
        db = repos[0].db
        merge_workspace(db, tmp_path / "desk1.sqlite", reviewer=repos[0].reviewer, backup=False)
        assert TAKEN == {"targeted": 1, "full": 0}
        assert db.execute("SELECT count(*) FROM conflicts WHERE status = 'open'").fetchone()[0] == 1
        with db.atomic():  # a file from before the stamp, its table never synced
            db.execute("DELETE FROM meta WHERE key = 'conflicts_synced_seq'")
            db.execute("DELETE FROM conflicts")
        repos[1].set_note(node_id=_clause(repos[1]), text="需核实")
        merge_workspace(db, tmp_path / "desk1.sqlite", reviewer=repos[0].reviewer, backup=False)
        assert TAKEN == {"targeted": 1, "full": 0}  # not even tried: the full replay
        assert db.execute("SELECT count(*) FROM conflicts WHERE status = 'open'").fetchone()[0] == 1
    finally:
        for repo in repos:
            repo.db.close()


def test_our_edits_since_the_last_sync_are_replayed_too(tmp_path: Path) -> None:
    """Our edit of a disputed target after the last sync closes the dispute; a later merge whose events touch
    another node must close it as the full replay does (our events after the stamp join the touched ones)."""
    repos = _desks(tmp_path, 2)
    db, path1 = repos[0].db, tmp_path / "desk1.sqlite"
    try:
        for i, repo in enumerate(repos):
            repo.assign(node_id=_clause(repo), department_id=_department(repo, i), role="lead")
        _merge_both(db, path1, repos[0].reviewer, SIGNERS[0], tmp_path / "scratch.sqlite")
        assert db.execute("SELECT count(*) FROM conflicts WHERE status = 'open'").fetchone()[0] == 1
        with db.atomic():  # the stamp held back, as a sync that has not run yet leaves it
            db.execute("UPDATE meta SET value = value - 1 WHERE key = 'conflicts_synced_seq'")
        repos[0].assign(node_id=_clause(repos[0]), department_id=_department(repos[0], 2), role="lead")
        repos[1].set_note(node_id=_clause(repos[1], 1), text="需核实")
        _merge_both(db, path1, repos[0].reviewer, SIGNERS[0], tmp_path / "scratch.sqlite")
        assert TAKEN["targeted"] == 2
        assert db.execute("SELECT status FROM conflicts").fetchall() == [("superseded",)]
    finally:
        for repo in repos:
            repo.db.close()


def test_a_value_of_an_odd_shape_takes_the_full_replay(tmp_path: Path) -> None:
    """A note whose `after` is a number (no repository write makes one; a file could hold it) is turned into
    text by replay's str(); the SQL texts do not mirror that, so merge replays everything for it."""
    repos = _desks(tmp_path, 2)
    try:
        other = repos[1]
        sha, key = other.db.execute("SELECT p.sha256, n.key FROM nodes n JOIN plans p ON p.id = n.plan_id "
                                    "WHERE n.id = ?", [_clause(other)]).fetchone()  # fmt: skip
        with other.db.atomic():
            audit.append_event(other.db, reviewer=other.reviewer, action="note", subject="note", plan_sha256=sha,
                               node_key=key, before="", after=5)  # fmt: skip
            other.db.execute("INSERT INTO notes (node_id, text, updated_at) VALUES (?, '5', '2026')", [_clause(other)])
        _merge_both(repos[0].db, tmp_path / "desk1.sqlite", repos[0].reviewer, SIGNERS[0], tmp_path / "s.sqlite")
        assert TAKEN == {"targeted": 0, "full": 1}
        assert repos[0].db.execute("SELECT text FROM notes").fetchall() == [("5",)]
    finally:
        for repo in repos:
            repo.db.close()


def test_resolutions_supersessions_and_three_way_disputes_match_the_full_replay(tmp_path: Path) -> None:
    """The rarer endings, each merge compared with the full replay: a dispute resolved elsewhere by a desk
    that is no party, one superseded by a third desk's edit that saw one side (continued by the new pair),
    and a three-way dispute (its pair without the shown side is ordered by canonical position)."""
    repos = _desks(tmp_path, 3)
    paths = [tmp_path / f"desk{i}.sqlite" for i in range(3)]
    scratch = tmp_path / "scratch.sqlite"

    def both(into: int, source: int) -> None:
        _merge_both(repos[into].db, paths[source], repos[into].reviewer, SIGNERS[into], scratch)

    try:
        for i, repo in enumerate(repos[:2]):  # node 0: desks 0 and 1 disagree
            repo.assign(node_id=_clause(repo), department_id=_department(repo, i), role="lead")
        both(0, 1)
        both(2, 0)
        resolve_conflict(repos[2], list_conflicts(repos[2].db)[0].id, take="b", roster=None)
        both(0, 2)
        assert repos[0].db.execute("SELECT status FROM conflicts").fetchall() == [("resolved",)]
        for i, repo in enumerate(repos[:2]):  # node 1: again, and desk 2 replaces desk 1's side only
            repo.assign(node_id=_clause(repo, 1), department_id=_department(repo, i + 1), role="lead")
        both(0, 1)
        both(2, 1)
        repos[2].assign(node_id=_clause(repos[2], 1), department_id=_department(repos[2], 3), role="lead")
        both(0, 2)
        superseded = repos[0].db.execute("SELECT continued_by FROM conflicts WHERE status = 'superseded'")
        assert [row[0] is not None for row in superseded] == [True]
        for i, repo in enumerate(repos):  # node 2: three desks, three different leads, none saw another
            repo.assign(node_id=_clause(repo, 2), department_id=_department(repo, i), role="lead")
        both(1, 2)
        both(1, 0)
        node = repos[1].db.execute("SELECT key FROM nodes WHERE id = ?", [_clause(repos[1], 2)]).fetchone()[0]
        assert repos[1].db.execute("SELECT count(*) FROM conflicts WHERE node_key = ? AND status = 'open'",
                                   [node]).fetchone()[0] == 3  # fmt: skip
        assert TAKEN["full"] == 0 and TAKEN["targeted"] >= 7
    finally:
        for repo in repos:
            repo.db.close()


def test_the_targeted_replay_reads_through_indexes(db) -> None:
    """Pinned: our events on the touched nodes, every chain, the time order and the conflict rows are each
    found through an index (a scan of the log or of the conflicts would cost seconds at 100 plans)."""
    from workbench.storage.sync.causal import BY_TIME, CHAIN
    from workbench.storage.sync.merge_ahead import CONFLICT_ROWS, NODES_TABLE, OUR_EVENTS

    db.execute(NODES_TABLE)

    def plan(sql: str, *params) -> str:
        return " / ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())

    assert "SEARCH e USING INDEX events_node (plan_sha256=? AND node_key=? AND rowid<?)" in plan(OUR_EVENTS, 1)
    assert plan(CHAIN, "o") == "SEARCH events USING COVERING INDEX events_origin_seq (origin=?)"
    assert plan(BY_TIME) == "SCAN events USING COVERING INDEX events_time"
    rows = plan(CONFLICT_ROWS)
    assert "SEARCH c USING INDEX conflicts_node (plan_sha256=? AND node_key=?)" in rows
    assert "SEARCH c USING INDEX conflicts_department (department_uid>?)" in rows, rows
    db.execute("DROP TABLE temp.merge_nodes")


def test_a_value_naming_an_unknown_department_is_refused_as_the_full_replay_refuses_it(tmp_path: Path) -> None:
    """The targeted write finds a department no row defines (its insert comes up short), undoes its own
    writes (a savepoint) and lets the full replay refuse the merge with write_state's message."""
    repos = _desks(tmp_path, 2)
    try:
        other = repos[1]
        sha, key = other.db.execute("SELECT p.sha256, n.key FROM nodes n JOIN plans p ON p.id = n.plan_id "
                                    "WHERE n.id = ?", [_clause(other)]).fetchone()  # fmt: skip
        with other.db.atomic():
            audit.append_event(other.db, reviewer=other.reviewer, action="assign", subject="assignments",
                               plan_sha256=sha, node_key=key, before=[],
                               after=[{"department": "reg-nowhere", "name": "无此单位", "role": "lead"}])
        repos[0].set_note(node_id=_clause(repos[0], 1), text="先写一条")
        with pytest.raises(StoreError, match="reg-nowhere"):
            merge_workspace(repos[0].db, tmp_path / "desk1.sqlite", reviewer=repos[0].reviewer, backup=False)
        assert TAKEN == {"targeted": 0, "full": 1}
        _merge_both(repos[0].db, tmp_path / "desk1.sqlite", repos[0].reviewer, SIGNERS[0], tmp_path / "s.sqlite")
        assert repos[0].db.execute("SELECT count(*) FROM assignments").fetchone()[0] == 0
    finally:
        for repo in repos:
            repo.db.close()


def test_a_text_with_a_nul_character_takes_the_full_replay(tmp_path: Path) -> None:
    """SQLite's json_extract ends a decoded string at a NUL character ("甲\\u0000乙" gives 甲): a note or
    remark holding one (the repository writes it as given) is not mirrored by the SQL text, so merge
    replays everything for it instead of writing the cut text."""
    repos = _desks(tmp_path, 2)
    try:
        other = repos[1]
        other.set_note(node_id=_clause(other), text="甲\x00乙")
        other.set_remark(node_id=_clause(other), text="丙\x00丁")
        _merge_both(repos[0].db, tmp_path / "desk1.sqlite", repos[0].reviewer, SIGNERS[0], tmp_path / "s.sqlite")
        assert TAKEN == {"targeted": 0, "full": 1}
        assert repos[0].db.execute("SELECT text FROM notes").fetchall() == [("甲\x00乙",)]
        assert repos[0].db.execute("SELECT text FROM remarks").fetchall() == [("丙\x00丁",)]
    finally:
        for repo in repos:
            repo.db.close()


def test_the_read_ahead_closes_its_connections_when_one_cannot_open(tmp_path: Path, monkeypatch) -> None:
    """The read-ahead thread opens our file read-only, then theirs; when theirs cannot be opened (their file
    gone, the merge falls back to the full replay) our connection must not stay open past it."""
    from workbench.storage.sync import merge_ahead

    repos = _desks(tmp_path, 1)
    repos[0].db.close()
    opened: list[sqlite3.Connection] = []
    real = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real(*args, **kwargs)
        opened.append(conn)
        return conn

    monkeypatch.setattr(merge_ahead.sqlite3, "connect", connect)
    plan = merge_ahead.Plan([], set(), {}, {}, 0, 0, {})
    ours = (tmp_path / "desk0.sqlite").resolve().as_uri() + "?mode=ro"
    with pytest.raises(sqlite3.OperationalError):
        merge_ahead.read_ahead(plan, ours, (tmp_path / "gone.sqlite").resolve().as_uri() + "?mode=ro")
    assert len(opened) == 1
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        opened[0].execute("SELECT 1")


def _their_digests(monkeypatch) -> list[int]:
    """Counts the read-ahead's own reads of their values (merge_ahead._digest without `sides`)."""
    from workbench.storage.sync import merge_ahead

    calls: list[int] = []
    real = merge_ahead._digest

    def digest(conn, subjects, sides=None):
        if sides is None:
            calls.append(len(subjects))
        return real(conn, subjects, sides)

    monkeypatch.setattr(merge_ahead, "_digest", digest)
    return calls


def _disputing_desks(tmp_path: Path) -> list[Repository]:
    repos = _desks(tmp_path, 2)
    for i, repo in enumerate(repos):
        repo.assign(node_id=_clause(repo), department_id=_department(repo, i), role="lead")
    repos[1].set_note(node_id=_clause(repos[1], 1), text="需核实")
    repos[1].set_note(node_id=_clause(repos[1], 1), text="已确认")
    return repos


def test_their_values_read_while_their_log_is_checked_are_taken(tmp_path: Path, monkeypatch) -> None:
    """merge_ahead.Early reads the values of their new events beside the check of their log; the read-ahead
    takes them (no second read of their file) and the result is the full replay's."""
    calls = _their_digests(monkeypatch)
    repos = _disputing_desks(tmp_path)
    try:
        _merge_both(repos[0].db, tmp_path / "desk1.sqlite", repos[0].reviewer, SIGNERS[0], tmp_path / "s.sqlite")
        assert TAKEN["targeted"] == 1 and calls == []
        assert repos[0].db.execute("SELECT text FROM notes").fetchall() == [("已确认",)]
        assert repos[0].db.execute("SELECT count(*) FROM conflicts WHERE status = 'open'").fetchone()[0] == 1
    finally:
        for repo in repos:
            repo.db.close()


@pytest.mark.parametrize("spoil", ["hash", "missing"])
def test_an_early_value_that_does_not_match_the_checked_log_is_read_again(tmp_path: Path, monkeypatch,
                                                                          spoil: str) -> None:  # fmt: skip
    """A value read early whose event has another hash than the checked log's (their file changed between the
    two reads), or is missing (their index did not list it), is not taken: their values are read again."""
    from workbench.storage.sync import merge_ahead

    calls = _their_digests(monkeypatch)
    real = merge_ahead.Early.values

    def spoiled(self):
        read = real(self)
        last = max(read)
        if spoil == "hash":
            read[last] = (read[last][0], "0" * 64, read[last][2])
        else:
            del read[last]
        return read

    monkeypatch.setattr(merge_ahead.Early, "values", spoiled)
    repos = _disputing_desks(tmp_path)
    try:
        _merge_both(repos[0].db, tmp_path / "desk1.sqlite", repos[0].reviewer, SIGNERS[0], tmp_path / "s.sqlite")
        assert TAKEN["targeted"] == 1 and calls == [2]  # (the assignment and the last note)
        assert repos[0].db.execute("SELECT text FROM notes").fetchall() == [("已确认",)]
    finally:
        for repo in repos:
            repo.db.close()


def test_a_refused_merge_stops_the_early_read(tmp_path: Path, monkeypatch) -> None:
    """Their log does not verify: the merge is refused, and the early read of their values is stopped and its
    connection closed (nothing left reading their file)."""
    from workbench.storage.sync import merge_ahead
    from workbench.storage.sync.merge import MergeError

    made: list[merge_ahead.Early] = []
    real_init = merge_ahead.Early.__init__

    def init(self, *args):
        real_init(self, *args)
        made.append(self)

    monkeypatch.setattr(merge_ahead.Early, "__init__", init)
    repos = _disputing_desks(tmp_path)
    try:
        other = repos[1].db
        other.execute("DROP TRIGGER events_no_update")
        other.execute("UPDATE events SET reviewer = '王五' WHERE seq = (SELECT max(seq) FROM events)")
        with pytest.raises(MergeError, match="does not verify"):
            merge_workspace(repos[0].db, tmp_path / "desk1.sqlite", reviewer=repos[0].reviewer, backup=False)
        assert len(made) == 1 and made[0]._conn is None and made[0]._cancelled
    finally:
        for repo in repos:
            repo.db.close()


def test_an_early_read_cancelled_before_it_runs_reads_nothing(tmp_path: Path) -> None:
    """Early.cancel before its thread got to run (a refusal right away): no statement over their events runs."""
    from workbench.storage.sync import merge_ahead

    repos = _disputing_desks(tmp_path)
    try:
        early = merge_ahead.Early((tmp_path / "desk1.sqlite").resolve().as_uri() + "?mode=ro", {})
        early.cancel()
        early.run()
        tables = {name for (name,) in early._conn.execute("SELECT name FROM temp.sqlite_master")}
        assert "merge_early" not in tables
        early.close()
    finally:
        for repo in repos:
            repo.db.close()
