"""Audit verify and merge on the seed plan: two reviewers, 2,000 events each.

Prints write rate, verify time (2,000 events, then 4,001 after the merge),
merge time and the time of a repeated merge that finds nothing new.

Run: python bench/bench_audit.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import paths  # noqa: E402
from workbench.core.importing import import_file  # noqa: E402
from workbench.storage.audit_verify import verify  # noqa: E402
from workbench.storage.database import open_workspace  # noqa: E402
from workbench.storage.errors import StoreError  # noqa: E402
from workbench.storage.merge import merge_workspace  # noqa: E402
from workbench.storage.repository import Repository, Reviewer  # noqa: E402

EVENTS = 2000


def desk(path: Path, plan, who: str, seed: int):
    db = open_workspace(path)
    repo = Repository(db, Reviewer(who, "处室"))
    repo.import_plan(plan)
    clauses = [row[0] for row in db.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq")]
    depts = [d.db_id for d in repo.departments()]
    rnd = random.Random(seed)
    started = time.perf_counter()
    while repo.event_count() < EVENTS:
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
    print(f"{who}: {EVENTS} events, {EVENTS / (time.perf_counter() - started):.0f} writes/s")
    return db


def timed(label: str, func):
    started = time.perf_counter()
    result = func()
    print(f"{label}: {time.perf_counter() - started:.3f} s  {getattr(result, 'summary', lambda: '')()}")
    return result


def main() -> None:
    plan = import_file(paths.SEED_PLAN)
    with tempfile.TemporaryDirectory() as tmp:
        a = desk(Path(tmp) / "a.sqlite", plan, "张三", 1)
        desk(Path(tmp) / "b.sqlite", plan, "李四", 2).close()
        for _ in range(3):
            timed(f"verify {EVENTS} events", lambda: verify(a))
        timed("merge", lambda: merge_workspace(a, Path(tmp) / "b.sqlite", reviewer=Reviewer("组长")))
        timed("verify after merge", lambda: verify(a))
        timed("merge again", lambda: merge_workspace(a, Path(tmp) / "b.sqlite", reviewer=Reviewer("组长")))
        a.close()


if __name__ == "__main__":
    main()
