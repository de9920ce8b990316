"""bench_scale's storage rows: search, merge, conflicts and verify through the storage API, in-process."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from scale.measure import pct, peak_mb
from scale.workspace import open_repo, scratch

QUERIES = [
    "港", "税", "财政", "港口", "海河", "教育", "AI", "京津冀", "碳达峰", "协同创新",
    "生物医药", "城市更新", "数字经济", "营商环境", "港口 航运", "滨海新区", "新质生产力",
    "人工智能+", "现代化大都市", "国际消费中心",
]  # fmt: skip
PAGE = 50  # the conflicts the GUI shows first (it fetches more as the list scrolls)


def row_search(cache: Path, tmp: Path, runs: int = 15) -> dict:
    import sqlite3

    from workbench.core import segment
    from workbench.storage.files.database import open_readonly
    from workbench.storage.search import search

    segment.initialise(cache_dir=cache / "jieba")
    db = open_readonly(cache / "a.sqlite")
    floor_db = sqlite3.connect(cache / "floor.sqlite")
    times, floors, per_query = [], [], {}
    for query in QUERIES:
        search(db, query, limit=50)  # warm
        these = []
        for _ in range(runs):
            started = time.perf_counter()
            hits = search(db, query, limit=50)
            these.append((time.perf_counter() - started) * 1000)
        times.extend(these)
        per_query[query] = (len(hits), round(statistics.median(these), 2))
        words = [w for w in query.split() if len(w) >= 3]
        if words and len(words) == len(query.split()):
            match = " AND ".join('"' + w + '"' for w in words)
            for _ in range(runs):
                started = time.perf_counter()
                floor_db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank LIMIT 50", [match]).fetchall()
                floors.append((time.perf_counter() - started) * 1000)
    return {"median_ms": statistics.median(times), "p95_ms": pct(times, 95), "floor_ms": statistics.median(floors),
            "queries": per_query}


def merged(cache: Path, tmp: Path) -> tuple[Path, float, float]:
    """A scratch copy of a.sqlite with b.sqlite merged into it, the merge's seconds, and those its checkpoint
    (on a thread once the merge has committed: files/checkpoint.py) took longer (closing waits for it)."""
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.sync.merge import merge_workspace

    work = scratch(cache / "a.sqlite", tmp)
    repo = open_repo(work)
    os.sync()  # the scratch copy's 1.2 GB written back first: the merge's fsyncs are not charged with it
    started = time.perf_counter()
    # With its copy before the merge (backups/), as the GUI and `workbench merge` take it.
    result = merge_workspace(repo.db, cache / "b.sqlite", reviewer=Reviewer("组长"))
    seconds = time.perf_counter() - started
    repo.db.close()
    print(result.summary(), file=sys.stderr)
    return work, seconds, time.perf_counter() - started - seconds


MERGE_RUNS = int(os.environ.get("BENCH_SCALE_MERGE_RUNS", "3"))  # each on a fresh copy; the median is shown


def row_merge(cache: Path, tmp: Path) -> dict:
    import sqlite3

    runs = []
    for _ in range(max(1, MERGE_RUNS)):
        shutil.rmtree(tmp / "backups", ignore_errors=True)  # (the previous run's 1.2 GB copy before its merge)
        work, seconds, after = merged(cache, tmp)
        runs.append((seconds, after))
    peak = peak_mb()
    seconds, after = sorted(runs)[len(runs) // 2]
    floor_file = scratch(cache / "a.sqlite", tmp, "floor.sqlite")
    conn = sqlite3.connect(floor_file)
    conn.execute("ATTACH ? AS b", [str(cache / "b.sqlite")])
    conn.execute("PRAGMA wal_autocheckpoint = 0")  # its checkpoint after the timing, as the merge's (on a thread)
    os.sync()  # (as before the merge)
    started = time.perf_counter()
    with conn:
        conn.execute("CREATE TABLE copied AS SELECT * FROM events WHERE 0")
        n = conn.execute("INSERT INTO copied SELECT * FROM b.events WHERE uuid NOT IN (SELECT uuid FROM main.events)").rowcount
    floor = time.perf_counter() - started
    conn.close()
    shutil.copyfile(work, cache / "merged.sqlite")
    return {"s": seconds, "mb": peak, "floor_s": floor, "events": n, "checkpoint_s": after, "runs": [s for s, _ in runs]}


def row_conflicts(cache: Path, tmp: Path) -> dict:
    """The open conflicts as the GUI and `workbench conflicts` show them: the count and the first page
    (then each further page on demand); also every one read in full, and one `resolve` on a scratch copy."""
    from workbench.storage.disputes import conflicts as store
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_readonly

    merged_file = cache / "merged.sqlite"
    if not merged_file.exists():
        merged_file = merged(cache, tmp)[0]
    os.environ["WORKBENCH_DATA_DIR"] = str(tmp / "profile")  # the resolver's own key: not a party
    work = scratch(merged_file, tmp, "disputes.sqlite")  # not onto the merge made just above
    repo = open_repo(work, "组长")  # schema upgrades of newer code, not timed
    started = time.perf_counter()
    store.sync_conflicts(repo.db)  # a replay once, when the file has events from elsewhere since its last sync
    first_sync = time.perf_counter() - started
    repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = open_readonly(work)
    listing = getattr(store, "count_conflicts", None)
    started = time.perf_counter()
    if listing:
        total = store.count_conflicts(db)
        page = store.list_conflicts(db, limit=PAGE)
    else:  # code from before paging
        page = store.list_conflicts(db)
        total = len(page)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    every = len(store.list_conflicts(db))
    all_s = time.perf_counter() - started
    started = time.perf_counter()
    keys = db.execute("SELECT DISTINCT plan_sha256, node_key FROM conflicts WHERE status = 'open' AND node_key IS NOT NULL").fetchall()
    for sha, key in keys:
        db.execute("SELECT n.title FROM plans p JOIN nodes n ON n.plan_id = p.id AND n.key = ? WHERE p.sha256 = ?",
                   [key, sha]).fetchone()  # fmt: skip
    floor = time.perf_counter() - started
    started = time.perf_counter()
    for c in page[:PAGE]:
        db.execute("SELECT n.title FROM plans p JOIN nodes n ON n.plan_id = p.id AND n.key = ? WHERE p.sha256 = ?",
                   [c.node_key, c.plan_sha256]).fetchone()  # fmt: skip
    page_floor = time.perf_counter() - started
    db.close()
    repo.reviewer = Reviewer("组长", "市发展改革委")
    started = time.perf_counter()
    store.resolve_conflict(repo, page[0].ref or page[0].id, take="a", reason="bench", roster=None)
    resolve = time.perf_counter() - started
    repo.db.close()
    return {"s": seconds, "floor_s": floor, "page_floor_s": page_floor, "conflicts": total, "all_s": all_s,
            "all": every, "resolve_s": resolve, "first_sync_s": first_sync, "page": min(PAGE, len(page))}


def row_verify(cache: Path, tmp: Path) -> dict:
    import hashlib

    from workbench.storage.audit.audit_verify import verify
    from workbench.storage.files.database import open_readonly

    db = open_readonly(cache / "a.sqlite")
    started = time.perf_counter()
    report = verify(db)
    seconds = time.perf_counter() - started
    peak = peak_mb()
    started = time.perf_counter()
    previous = ""
    for row in db.execute("SELECT * FROM events ORDER BY origin, seq"):
        previous = hashlib.sha256((previous + "\x1f".join(map(str, row))).encode("utf-8")).hexdigest()
    floor = time.perf_counter() - started
    return {"s": seconds, "mb": peak, "floor_s": floor, "ok": report.ok}
