"""Audit trail figures: write rate, verify and merge at 1k, 10k and 100k events, signed and unsigned.

Two reviewers work on the seed plan with keys of their own; each workspace
holds N/2 events, so the merged workspace holds N.  Printed for each N, with
and without signatures (the same run, so the difference is the cost of
signing):

* write rate: events per second, one transaction per write as the app does
  (measured on the first 1,000 writes);
* verify: `audit verify` of the merged workspace (N events), in a fresh process;
* merge: the lead merges the other reviewer's workspace (N/2 new events, which
  merge first verifies completely) into the first, in a fresh process, with
  its peak memory (ru_maxrss); and a second merge of the same file, which
  finds nothing new.

The 100k run writes 100k events per mode (a few minutes).
Targets (issue 10): merge of 100k events under 5 s and 300 MB.

Run: python bench/bench_audit.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import paths  # noqa: E402
from workbench.core.importing import import_file  # noqa: E402
from workbench.storage.audit.audit import Reviewer  # noqa: E402
from workbench.storage.files.database import open_workspace  # noqa: E402
from workbench.storage.errors import StoreError  # noqa: E402
from workbench.storage.repository import Repository  # noqa: E402
from workbench.storage.signing.signers import Ed25519Signer, Unsigned  # noqa: E402

RATE_WRITES = 1000
BATCH = 500


def _signer(signed: bool):
    return Ed25519Signer.generate() if signed else Unsigned()


def _write(repo: Repository, rnd: random.Random, clauses: list[int], depts: list[int]) -> None:
    node, k = rnd.choice(clauses), rnd.random()
    try:
        if k < 0.5:
            repo.assign(node_id=node, department_id=rnd.choice(depts), role=rnd.choice(["lead", "support"]))
        elif k < 0.7:
            current = repo.assignments(node)
            if current:
                repo.unassign(node_id=node, department_id=current[-1].department_id)
        elif k < 0.85:
            repo.set_note(node_id=node, text=f"备注{rnd.random():.6f}")
        else:
            repo.set_review_status(node_id=node, status=rnd.choice(["reviewed", "question", "unreviewed"]))
    except StoreError:
        pass


def desk(path: Path, plan, who: str, seed: int, events: int, signed: bool) -> float:
    """Write a reviewer's workspace of `events` events; return the write rate (one transaction per write)."""
    db = open_workspace(path, signer=_signer(signed))
    repo = Repository(db, Reviewer(who, "处室"))
    repo.import_plan(plan)
    clauses = [row[0] for row in db.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq")]
    depts = [d.db_id for d in repo.departments()]
    rnd = random.Random(seed)
    start_count = repo.event_count()
    started = time.perf_counter()
    while repo.event_count() < min(events, start_count + RATE_WRITES):
        _write(repo, rnd, clauses, depts)
    rate = (repo.event_count() - start_count) / (time.perf_counter() - started)
    while repo.event_count() < events:  # the rest in batches: the rate is measured already
        with db.atomic():
            for _ in range(BATCH):
                _write(repo, rnd, clauses, depts)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return rate


def child(args: list[str]) -> dict:
    """Run one measurement in a fresh process (clean peak memory)."""
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _measure(kind: str, target: str, source: str | None) -> None:
    from workbench.storage.audit.audit_verify import verify
    from workbench.storage.sync.merge import merge_workspace
    from workbench.storage.files.readonly import open_source

    started = time.perf_counter()
    if kind == "verify":
        db = open_source(Path(target))
        report = verify(db, roster=None)
        db.close()
        ok, detail = report.ok, report.reason
    else:
        db = open_workspace(Path(target), signer=Ed25519Signer.generate())
        result = merge_workspace(db, Path(source), reviewer=Reviewer("组长"), backup=False, roster=None)
        seconds = time.perf_counter() - started
        again = time.perf_counter()
        repeat = merge_workspace(db, Path(source), reviewer=Reviewer("组长"), backup=False, roster=None)
        again = time.perf_counter() - again
        db.close()
        print(json.dumps({"seconds": seconds, "again": again, "new": result.new_events, "repeat_new": repeat.new_events,
                          "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        return
    print(json.dumps({"seconds": time.perf_counter() - started, "ok": ok, "detail": detail,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(args.measure[0], args.measure[1], args.measure[2] if len(args.measure) > 2 else None)
        return
    plan = import_file(paths.SEED_PLAN)
    print(f"{'events':>8} {'mode':>9} {'writes/s':>9} {'verify s':>9} {'merge s':>8} {'merge MB':>9} {'again s':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        for signed in (False, True):
            mode = "signed" if signed else "unsigned"
            with tempfile.TemporaryDirectory() as tmp:
                a, b = Path(tmp) / "a.sqlite", Path(tmp) / "b.sqlite"
                rate = desk(a, plan, "张三", 1, size // 2, signed)
                desk(b, plan, "李四", 2, size // 2, signed)
                merged = child(["--measure", "merge", str(a), str(b)])
                checked = child(["--measure", "verify", str(a)])
                assert checked["ok"], checked["detail"]
                assert merged["repeat_new"] == 0
                print(f"{size:>8} {mode:>9} {rate:>9.0f} {checked['seconds']:>9.2f} {merged['seconds']:>8.2f} "
                      f"{merged['rss_mb']:>9.0f} {merged['again']:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
