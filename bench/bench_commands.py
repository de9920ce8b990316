"""The cost of one small command (`workbench assign`) on a workspace with 100,000 events.

A reviewer's scripts run many small commands; each must cost about what its
write costs, not a copy of the whole workspace.  Prints, for a workspace of
the seed plan carrying EVENTS events:

- floor: one INSERT committed on the same file by a bare sqlite3 connection
  (synchronous=FULL, WAL), the least a durable write can cost;
- `assign` run in-process through the command line's main() (open, checks,
  write, close), best of REPEAT;
- `tree` (a read-only command) the same way;
- the number and total size of backup files the runs left behind.

The workspace is built once and cached in $WORKBENCH_BENCH_CACHE (default
/tmp/workbench-bench) so that runs on two commits compare the same file.

Run: python3 bench/bench_commands.py [EVENTS]
"""

from __future__ import annotations

import contextlib
import io
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best_of  # noqa: E402
from workbench import paths  # noqa: E402

EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
REPEAT = 5
BATCH = 2000


def build(path: Path, events: int) -> None:
    """The seed plan and `events` random assign/unassign/note events, written in batches."""
    from workbench.core.importing import import_file
    from workbench.storage.files.database import open_workspace
    from workbench.storage.errors import StoreError
    from workbench.storage.repository import Repository, Reviewer

    db = open_workspace(path)
    repo = Repository(db, Reviewer("张三", "处室"))
    repo.import_plan(import_file(paths.SEED_PLAN))
    clauses = [row[0] for row in db.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq")]
    depts = [d.db_id for d in repo.departments()]
    rnd = random.Random(7)
    count = repo.event_count()
    started = time.perf_counter()
    while count < events:
        with db.atomic():  # one commit per batch: the repository writes nest as savepoints
            for _ in range(min(BATCH, events - count)):
                node, k = rnd.choice(clauses), rnd.random()
                try:
                    if k < 0.55:
                        repo.assign(node_id=node, department_id=rnd.choice(depts), role="support")
                    elif k < 0.85:
                        current = repo.assignments(node)
                        if current:
                            repo.unassign(node_id=node, department_id=current[-1].department_id)
                    else:
                        repo.set_note(node_id=node, text=f"备注{rnd.random():.6f}")
                except StoreError:
                    pass
        count = repo.event_count()
        print(f"  built {count} events ({time.perf_counter() - started:.0f} s)", end="\r", flush=True)
    print()
    db.close()


def cached_workspace(events: int) -> Path:
    import os

    cache = Path(os.environ.get("WORKBENCH_BENCH_CACHE", "/tmp/workbench-bench"))
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"ws-{events}.sqlite"
    if not path.exists():
        print(f"building a workspace with {events} events in {path} (once)")
        partial = path.with_name(path.name + ".building")
        for stale in cache.glob(partial.name + "*"):
            stale.unlink()
        build(partial, events)
        partial.rename(path)
    return path


def main() -> None:
    from workbench.cli import main as cli

    source = cached_workspace(EVENTS)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws.sqlite"
        shutil.copyfile(source, ws)
        size = ws.stat().st_size
        conn = sqlite3.connect(ws)
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        node = conn.execute("SELECT key FROM nodes WHERE kind = 'clause' ORDER BY seq LIMIT 1 OFFSET 40").fetchone()[0]
        conn.close()
        print(f"workspace: {events} events, {size / 1e6:.1f} MB")
        with contextlib.redirect_stdout(io.StringIO()):
            cli(["tree", "--db", str(ws)])  # first open (records the path) outside the timing

        def floor() -> None:
            c = sqlite3.connect(ws)
            c.execute("PRAGMA synchronous = FULL")
            c.execute("CREATE TABLE IF NOT EXISTS bench_floor (x)")
            with c:
                c.execute("INSERT INTO bench_floor VALUES (1)")
            c.close()

        roles = iter(["support", "lead"] * (REPEAT * 2))

        def assign() -> None:
            code = cli(["assign", node, "市科技局", "--role", next(roles), "--db", str(ws), "--reviewer", "bench"])
            assert code == 0

        def tree() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                assert cli(["tree", "--db", str(ws)]) == 0

        def quick_check() -> None:
            c = sqlite3.connect(f"{ws.resolve().as_uri()}?mode=ro", uri=True)
            assert c.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            c.close()

        t_check = best_of(quick_check, 3)
        t_floor = best_of(floor, REPEAT)
        with contextlib.redirect_stdout(io.StringIO()):
            t_assign = best_of(assign, REPEAT)
        t_tree = best_of(tree, REPEAT)
        backups = list((Path(tmp) / "backups").glob("*.sqlite")) if (Path(tmp) / "backups").is_dir() else []
        print(f"floor (one committed INSERT, bare sqlite3): {t_floor * 1000:8.1f} ms")
        print(f"workbench assign (small write command):     {t_assign * 1000:8.1f} ms  "
              f"({t_assign / t_floor:.0f}x floor)")
        print(f"workbench tree (read-only command):         {t_tree * 1000:8.1f} ms")
        print(f"  of which one PRAGMA quick_check at open:  {t_check * 1000:8.1f} ms")
        print(f"backups left by {REPEAT + 1 + REPEAT} commands: {len(backups)} file(s), "
              f"{sum(p.stat().st_size for p in backups) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
