"""Merge is idempotent and order-independent, over generated histories.

Three reviewers work on copies of the same small plan: random assign /
unassign / move / note / status / timing / indicator-link / retire steps,
interleaved with merges between them (so that some edits saw others and some
are concurrent).  Then their workspaces are merged in different orders into
different targets, and merged again, and we compare what must not differ: the
state tables, the replayed state, the open conflicts (by their two events),
and the set of events apart from each target's own records.  Every reviewer
signs with a key of his own, and the targets are opened by the lead's key, so
each target first becomes a workspace of its own (fork.py).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from itertools import permutations
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.storage.audit import audit
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import verify
from workbench.storage.disputes.conflicts import list_conflicts
from workbench.storage.files.database import open_workspace
from workbench.storage.errors import StoreError
from workbench.storage.sync.merge import merge_workspace
from workbench.storage.audit.replay import replay
from workbench.storage.repository import Repository
from workbench.storage.signing import Ed25519Signer
from workbench.storage.state.state_tables import node_differences, read_state

from .conftest import REGISTRY, make_plan

DESKS = 3
SIGNERS = [Ed25519Signer.generate() for _ in range(DESKS)]
LEAD = Ed25519Signer.generate()
NODES = 3
node = st.integers(0, NODES - 1)
department = st.integers(0, 3)
desk = st.integers(0, DESKS - 1)
step = st.one_of(
    st.tuples(st.just("assign"), desk, node, department, st.sampled_from(["lead", "support"])),
    st.tuples(st.just("unassign"), desk, node, department),
    st.tuples(st.just("move"), desk, node, department, st.integers(0, 3)),
    st.tuples(st.just("note"), desk, node, st.sampled_from(["", "需核实", "已确认"])),
    st.tuples(st.just("status"), desk, node, st.sampled_from(["unreviewed", "reviewed", "question"])),
    st.tuples(st.just("timing"), desk, node, st.sampled_from(["", "2027", "ongoing"])),
    st.tuples(st.just("link"), desk, node, st.integers(0, 2)),
    st.tuples(st.just("retire"), desk, department),
    st.tuples(st.just("merge"), desk, desk),
)


def _apply(repos: list[Repository], paths: list[Path], step: tuple) -> None:
    kind, d, *args = step
    repo = repos[d]
    nodes = [r[0] for r in repo.db.execute("SELECT id FROM nodes WHERE kind = 'clause' AND key LIKE 'ch%' ORDER BY seq")]
    depts = [r[0] for r in repo.db.execute("SELECT id FROM departments WHERE uid LIKE 'reg-%' ORDER BY position, uid")]
    indicators = [r[0] for r in repo.db.execute("SELECT id FROM indicators ORDER BY position")]
    if kind == "assign":
        repo.assign(node_id=nodes[args[0]], department_id=depts[args[1]], role=args[2])
    elif kind == "unassign":
        repo.unassign(node_id=nodes[args[0]], department_id=depts[args[1]])
    elif kind == "move":
        repo.move_assignment(node_id=nodes[args[0]], department_id=depts[args[1]], new_position=args[2])
    elif kind == "note":
        repo.set_note(node_id=nodes[args[0]], text=args[1])
    elif kind == "status":
        repo.set_review_status(node_id=nodes[args[0]], status=args[1])
    elif kind == "timing":
        repo.set_timing(node_id=nodes[args[0]], timing=args[1])
    elif kind == "link":
        linked = {link.indicator_id for link in repo.indicator_links(nodes[args[0]])}
        if indicators[args[1]] in linked:
            repo.unlink_indicator(node_id=nodes[args[0]], indicator_id=indicators[args[1]])
        else:
            repo.link_indicator(node_id=nodes[args[0]], indicator_id=indicators[args[1]])
    elif kind == "retire":
        record = repo.department(depts[args[0]])
        if record.retired:
            repo.restore_department(department_id=depts[args[0]])
        else:
            repo.retire_department(department_id=depts[args[0]])
    elif kind == "merge" and args[0] != d:
        merge_workspace(repo.db, paths[args[0]], reviewer=repo.reviewer, backup=False)


def _fingerprint(path: Path) -> tuple:
    db = open_workspace(path, signer=LEAD)
    try:
        events = audit.events(db)
        report = verify(db)
        assert report.ok, report.reason
        state = replay(events)
        tables = read_state(db)
        conflicts = sorted((c.kind, c.subject, c.node_key, c.department_uid, c.a.event.uuid, c.b.event.uuid)
                           for c in list_conflicts(db))  # fmt: skip
        # Everything except the target's own records (the lead's fork, merges and key, in this target only).
        shared_events = sorted(e.uuid for e in events if e.signer != LEAD.fingerprint)
        assert {e.signer for e in events} == {LEAD.fingerprint, *(s.fingerprint for s in SIGNERS)}
        return (
            sorted(tables.nodes.items()),
            sorted((u, json.dumps(r, sort_keys=True)) for u, r in tables.departments.items()),
            not node_differences(state, tables),
            conflicts,
            shared_events,
        )
    finally:
        db.close()


def _merge_all(target: Path, sources: list[Path]) -> None:
    db = open_workspace(target, signer=LEAD)
    try:
        for source in sources:
            merge_workspace(db, source, reviewer=Reviewer("组长"), backup=False)
    finally:
        db.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=25))
def test_merge_is_idempotent_and_order_independent(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        registry = root / "departments.json"
        registry.write_text(json.dumps({"departments": REGISTRY}, ensure_ascii=False), encoding="utf-8")
        paths = [root / f"desk{i}.sqlite" for i in range(DESKS)]
        repos = []
        for i, path in enumerate(paths):
            repo = Repository(open_workspace(path, registry=registry, signer=SIGNERS[i]),
                              Reviewer(f"审核人{i}", f"处室{i}"))
            repo.import_plan(make_plan(chapters=1, sections=1, clauses=NODES))
            repos.append(repo)
        try:
            for s in steps:
                try:
                    _apply(repos, paths, s)
                except StoreError:
                    pass  # a refused step writes nothing (tested elsewhere)
        finally:
            for repo in repos:
                repo.db.close()

        results = []
        for order in permutations(range(DESKS)):
            target = root / ("merged-" + "".join(map(str, order)) + ".sqlite")
            shutil.copy(paths[order[0]], target)
            _merge_all(target, [paths[i] for i in order[1:]])
            results.append((target, _fingerprint(target)))
        first_target, first = results[0]
        for target, fingerprint in results[1:]:
            assert fingerprint == first, f"{target.name} differs from {first_target.name}"
        assert first[2]  # tables equal the replay

        count = _event_count(first_target)
        _merge_all(first_target, paths[1:])  # every other source again: nothing new
        assert _fingerprint(first_target) == first and _event_count(first_target) == count


def _event_count(path: Path) -> int:
    db = open_workspace(path, signer=LEAD)
    try:
        return audit.event_count(db)
    finally:
        db.close()
