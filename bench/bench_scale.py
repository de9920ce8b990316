"""Every action of issue 14 on a city's whole set of plans, beside its floor.

    python bench/bench_scale.py [--plans 100] [--rows keys,start,...] [--timeout 300]

Builds (once, cached: see scale_workspace.py) a workspace of `--plans` plans
with ~2,000 assignments and ~2,500 events per plan written through the
storage API, and a second reviewer's copy with ~1,000 events per plan; then
measures each row in a fresh process (so its peak memory is its own) and
prints it beside the floor measured in the same run:

    keys      one tag keypress (1, Shift+2, Ctrl+Z, R) through the real window,
              QTest key events offscreen: median and p90; floor: the store write alone
    nav       J (next clause): median and p90; floor: the key event on a bare widget
    start     process start -> main window shown, tree populated; floor: a bare QMainWindow
    search    storage.search.search, median and p95 over 20 queries; floor: FTS5 trigram
    merge     merge_workspace of the second reviewer (~100 events per plan); floor: inserting its events
    conflicts listing the open conflicts after that merge: their count and the first page (what the GUI
              shows; further pages as it scrolls), every one read in full, one `resolve` on a scratch copy;
              floor: the title lookup by (plan, key), of every one and of the page
    verify    audit verify; floor: reading the events and recomputing the hash chain
    tree      `workbench tree` (a process); floor: the headings and counts by SQL
    cli       a CLI command's fixed cost (`workbench assign` on a scratch copy); floor: the write in-process
    export    `workbench export all` of every plan; floor: openpyxl write-only of the same cells (and the
              same streamed as UTF-8, as the exporter streams its sheets)

A row that runs past --timeout seconds is stopped and shown as "> N s".
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import scale_workspace  # noqa: E402
from timing import installed_env  # noqa: E402
from bench_startup import APP, APP_WITHOUT_QUICK_CHECK, FLOOR, time_and_memory  # noqa: E402  (the start-up benchmark's "window ready" probes)

ROWS = ["keys", "nav", "start", "search", "merge", "conflicts", "verify", "tree", "cli", "export"]
BUDGETS = {
    "keys": "16 ms", "nav": "16 ms", "start": "2 s, 500 MB", "search": "20 ms", "conflicts": "1 s",
    "merge": "5 s, 500 MB", "verify": "2x floor", "tree": "2x floor", "cli": "0.2 s", "export": "2x floor",
}  # fmt: skip
QUERIES = [
    "港", "税", "财政", "港口", "海河", "教育", "AI", "京津冀", "碳达峰", "协同创新",
    "生物医药", "城市更新", "数字经济", "营商环境", "港口 航运", "滨海新区", "新质生产力",
    "人工智能+", "现代化大都市", "国际消费中心",
]  # fmt: skip


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def pct(times: list[float], q: int) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[q - 1] if len(times) > 1 else times[0]


def env() -> dict[str, str]:
    e = installed_env(dict(os.environ))
    e.setdefault("QT_QPA_PLATFORM", "offscreen")
    e["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), e.get("PYTHONPATH", "")) if p)
    return e


def scratch(source: Path, tmp: Path, name: str = "work.sqlite") -> Path:
    target = tmp / name
    shutil.copyfile(source, target)
    return target


def open_repo(path: Path, who: str = "张三"):
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository

    return Repository(open_workspace(path), Reviewer(who, "市发展改革委规划处"))


# -- rows (each runs in its own process: `--row NAME`) --------------------------------------------


def _window(tmp: Path, cache: Path):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from workbench.app import build_main_window

    app = QApplication.instance() or QApplication([sys.argv[0]])
    work = scratch(cache / "a.sqlite", tmp)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", "张三")
    repo = open_repo(work)
    window = build_main_window(repo, settings, path=work, start_workers=False)
    # As a reviewer has the window once it has started: the segmenter loaded (suggestions follow each clause).
    from workbench.core import segment
    from workbench.core.tagging import pinyin

    segment.initialise(departments=window.session.departments(include_retired=True), cache_dir=cache / "jieba")
    pinyin.initialise()
    window.status.show_segmenter(ready=True)
    window.annotation.refresh_suggestions()
    window.show()
    for _ in range(5):
        app.processEvents()
    window.tree.setFocus()
    window.activateWindow()
    return app, window, repo


def _press(app, widget, key, modifier=None) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    started = time.perf_counter()
    QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
    for _ in range(3):  # the deferred (0 ms timer) refreshes the key caused
        app.processEvents()
    return (time.perf_counter() - started) * 1000


def row_keys(cache: Path, tmp: Path, rounds: int = int(os.environ.get("BENCH_SCALE_ROUNDS", "8"))) -> dict:
    from PySide6.QtCore import Qt

    app, window, repo = _window(tmp, cache)
    for department in [d.db_id for d in repo.departments()][40:49]:  # the recent list keys 1-9 use
        if hasattr(window.annotator, "remember"):
            window.annotator.remember(department)
        else:  # the annotator before issue 13
            window.annotator.recent.append(department)
    k, mod = Qt.Key, Qt.KeyboardModifier
    times: list[float] = []
    writes: list[float] = []
    for _ in range(rounds):
        _press(app, window.tree, k.Key_J)
        node = window.current_node_id
        for key, modifier in ((k.Key_1, None), (k.Key_2, mod.ShiftModifier), (k.Key_Z, mod.ControlModifier),
                              (k.Key_R, None)):
            times.append(_press(app, window.tree, key, modifier))
        started = time.perf_counter()
        repo.set_review_status(node_id=node, status="question")
        writes.append((time.perf_counter() - started) * 1000)
    events = repo.event_count()
    window.close()
    return {"median_ms": statistics.median(times), "p90_ms": pct(times, 90), "floor_ms": statistics.median(writes),
            "presses": len(times), "events": events}


def row_nav(cache: Path, tmp: Path, presses: int = int(os.environ.get("BENCH_SCALE_PRESSES", "30"))) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    app, window, _repo = _window(tmp, cache)
    times = [_press(app, window.tree, Qt.Key.Key_J) for _ in range(presses)]
    bare = QWidget()
    bare.show()
    floor = [_press(app, bare, Qt.Key.Key_J) for _ in range(presses)]
    window.close()
    return {"median_ms": statistics.median(times), "p90_ms": pct(times, 90), "floor_ms": statistics.median(floor)}


def row_start(cache: Path, tmp: Path, runs: int = 2) -> dict:
    work = scratch(cache / "a.sqlite", tmp)
    config = tmp / "config" / "policy-review-workbench"
    config.mkdir(parents=True)
    (config / "workbench.conf").write_text("[reviewer]\nname=bench\nunit=bench\n", encoding="utf-8")
    environment = env()
    environment["XDG_CONFIG_HOME"] = str(tmp / "config")
    environment["WORKBENCH_DATA_DIR"] = str(tmp / "data")
    time_and_memory(APP, [str(work)], environment)  # first open: backups, index check, OS file cache
    apps = [time_and_memory(APP, [str(work)], environment) for _ in range(runs)]
    without = [time_and_memory(APP_WITHOUT_QUICK_CHECK, [str(work)], environment) for _ in range(runs)]
    floors = [time_and_memory(FLOOR, [], environment) for _ in range(runs)]
    import sqlite3

    conn = sqlite3.connect(f"file:{work}?mode=ro", uri=True)
    started = time.perf_counter()
    conn.execute("PRAGMA quick_check").fetchall()
    quick = time.perf_counter() - started
    conn.close()
    return {"quick_check_s": quick, "s": statistics.median(a[0] for a in apps), "mb": max(a[1] for a in apps),
            "without_quick_check_s": statistics.median(a[0] for a in without),
            "floor_s": statistics.median(f[0] for f in floors), "floor_mb": max(f[1] for f in floors)}  # fmt: skip


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


def _merged(cache: Path, tmp: Path) -> tuple[Path, float]:
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.sync.merge import merge_workspace

    work = scratch(cache / "a.sqlite", tmp)
    repo = open_repo(work)
    started = time.perf_counter()
    result = merge_workspace(repo.db, cache / "b.sqlite", reviewer=Reviewer("组长"), backup=False)
    seconds = time.perf_counter() - started
    repo.db.close()
    print(result.summary(), file=sys.stderr)
    return work, seconds


def row_merge(cache: Path, tmp: Path) -> dict:
    import sqlite3

    work, seconds = _merged(cache, tmp)
    peak = peak_mb()
    floor_file = scratch(cache / "a.sqlite", tmp, "floor.sqlite")
    conn = sqlite3.connect(floor_file)
    conn.execute("ATTACH ? AS b", [str(cache / "b.sqlite")])
    started = time.perf_counter()
    with conn:
        conn.execute("CREATE TABLE copied AS SELECT * FROM events WHERE 0")
        n = conn.execute("INSERT INTO copied SELECT * FROM b.events WHERE uuid NOT IN (SELECT uuid FROM main.events)").rowcount
    floor = time.perf_counter() - started
    conn.close()
    shutil.copyfile(work, cache / "merged.sqlite")
    return {"s": seconds, "mb": peak, "floor_s": floor, "events": n}


def row_conflicts(cache: Path, tmp: Path) -> dict:
    """The open conflicts as the GUI and `workbench conflicts` show them: the count and the first page
    (then each further page on demand); also every one read in full, and one `resolve` on a scratch copy."""
    from workbench.storage.disputes import conflicts as store
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_readonly

    merged = cache / "merged.sqlite"
    if not merged.exists():
        merged, _ = _merged(cache, tmp)
    os.environ["WORKBENCH_DATA_DIR"] = str(tmp / "profile")  # the resolver's own key: not a party
    work = scratch(merged, tmp, "disputes.sqlite")  # not onto the merge made just above
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


PAGE = 50  # the conflicts the GUI shows first (it fetches more as the list scrolls)


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


def _cli(args: list[str], timeout: float = 600) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "workbench", *args], check=True, env=env(), timeout=timeout,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    return time.perf_counter() - started


def row_tree(cache: Path, tmp: Path) -> dict:
    from workbench.storage.files.database import open_readonly

    work = scratch(cache / "a.sqlite", tmp)
    _cli(["tree", "--db", str(work)])  # first open of the copy: backups and checks happen once
    seconds = min(_cli(["tree", "--db", str(work)]) for _ in range(2))
    db = open_readonly(work)
    started = time.perf_counter()
    db.execute("SELECT plan_id, kind, count(*) FROM nodes GROUP BY plan_id, kind").fetchall()
    db.execute("SELECT plan_id, key, label, title, depth FROM nodes "
               "WHERE kind IN ('part', 'chapter', 'section', 'box') ORDER BY plan_id, seq").fetchall()  # fmt: skip
    floor = time.perf_counter() - started
    result = {"s": seconds, "floor_s": floor}
    try:  # the command's own work, without the process start and the open-time checks
        from workbench.storage.reading.outline import plan_outline

        started = time.perf_counter()
        for (plan_id,) in db.execute("SELECT id FROM plans ORDER BY id").fetchall():
            plan_outline(db, plan_id)
        result["in_process_s"] = time.perf_counter() - started
    except ImportError:
        pass
    return result


def row_cli(cache: Path, tmp: Path) -> dict:
    work = scratch(cache / "a.sqlite", tmp)
    repo = open_repo(work)
    clauses = [r[0] for r in repo.db.execute(
        "SELECT key FROM nodes WHERE kind = 'clause' AND plan_id = 1 ORDER BY seq LIMIT 6")]  # fmt: skip
    node = repo.db.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    department = [d for d in repo.departments()][45]
    plan_sha = repo.db.execute("SELECT sha256 FROM plans WHERE id = 1").fetchone()[0]
    started = time.perf_counter()
    repo.assign(node_id=node, department_id=department.db_id, role="support")
    floor = time.perf_counter() - started
    repo.db.close()
    _cli(["departments", "--db", str(work)])  # first open of the copy
    read = [_cli(["departments", "--db", str(work)]) for _ in range(2)]
    writes = []
    for key in clauses[:3]:
        node_ref = f"{key}"
        writes.append(_cli(["assign", node_ref, department.name, "--role", "support", "--plan", plan_sha, "--db", str(work),
                            "--reviewer", "bench"]))  # fmt: skip
    bare = min(_bare_python() for _ in range(2))
    return {"s": statistics.median(writes), "read_s": min(read), "floor_s": floor, "python_s": bare}


def _bare_python() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import workbench.cli"], check=True, env=env())
    return time.perf_counter() - started


def row_export(cache: Path, tmp: Path) -> dict:
    import openpyxl

    from workbench.storage.files.database import open_readonly

    work = scratch(cache / "a.sqlite", tmp)
    db = open_readonly(work)
    plan_ids = [r[0] for r in db.execute("SELECT sha256 FROM plans ORDER BY id")]
    db.close()
    out = tmp / "out"
    out.mkdir()
    _cli(["tree", "--db", str(work)])  # first open of the copy
    each_plan = _supports_each_plan()
    sample = plan_ids if each_plan else plan_ids[:3]
    started = time.perf_counter()
    if each_plan:
        _cli(["export", "all", "--each-plan", str(out), "--db", str(work)], timeout=1800)
    else:
        for plan_id in sample:
            _cli(["export", "all", "--plan", str(plan_id), "-o", str(out / f"plan-{plan_id[:12]}.xlsx"), "--db", str(work)])
    seconds = (time.perf_counter() - started) * len(plan_ids) / len(sample)
    written = sorted(out.glob("*.xlsx"))
    floors = [0.0, 0.0]  # openpyxl's own stream; the same as UTF-8, as the exporter streams (core/xlsx_stream.py)
    for path in written[: len(sample)]:
        wb = openpyxl.load_workbook(path, read_only=True)
        sheets = {ws.title: [tuple(c.value for c in r) for r in ws.iter_rows()] for ws in wb.worksheets}
        wb.close()
        for utf8 in (False, True):
            started = time.perf_counter()
            floor_wb = openpyxl.Workbook(write_only=True)
            for title, rows in sheets.items():
                ws = floor_wb.create_sheet(title)
                if utf8:
                    from workbench.core.xlsx_stream import stream_utf8

                    stream_utf8(ws)
                for r in rows:
                    ws.append(r)
            floor_wb.save(tmp / "floor.xlsx")
            floors[utf8] += time.perf_counter() - started
    scale = len(plan_ids) / max(len(written[: len(sample)]), 1)
    return {"s": seconds, "floor_s": floors[0] * scale, "floor_utf8_s": floors[1] * scale, "files": len(written),
            "extrapolated": not each_plan}


def _supports_each_plan() -> bool:
    from workbench.cli import build_parser

    return "--each-plan" in build_parser()._subparsers._group_actions[0].choices["export"].format_help()


# -- the table ---------------------------------------------------------------------------------------


def run_row(name: str, plans: int, timeout: float) -> dict | None:
    command = [sys.executable, __file__, "--row", name, "--plans", str(plans)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env())
    except subprocess.TimeoutExpired:
        return None
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    print(f"{name}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
    return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}


def describe(name: str, r: dict | None, timeout: float) -> tuple[str, str]:
    if r is None:
        return f"> {timeout:.0f} s (stopped)", ""
    if "error" in r:
        return "error: " + r["error"][:60], ""
    mb = f", {r['mb']:.0f} MB" if "mb" in r else ""
    if name in ("keys", "nav"):
        return f"{r['median_ms']:.1f} ms median, p90 {r['p90_ms']:.1f} ms", f"{r['floor_ms']:.2f} ms"
    if name == "start":
        quick = f"; one quick_check {r['quick_check_s']:.2f} s" if "quick_check_s" in r else ""
        without = f" ({r['without_quick_check_s']:.2f} s without it)" if "without_quick_check_s" in r else ""
        return (f"{r['s']:.2f} s, {r['mb']:.0f} MB{without}",
                f"bare window {r['floor_s']:.2f} s, {r['floor_mb']:.0f} MB{quick}")
    if name == "search":
        return f"{r['median_ms']:.1f} ms median, p95 {r['p95_ms']:.1f} ms", f"FTS5 trigram {r['floor_ms']:.2f} ms"
    if name == "cli":
        return (f"assign {r['s']:.2f} s, read-only {r['read_s']:.2f} s",
                f"write {r['floor_s'] * 1000:.1f} ms; python+import {r['python_s']:.2f} s")
    if name == "conflicts":
        return (f"count + first {r['page']}: {r['s']:.3f} s ({r['conflicts']} open); all {r['all']}: "
                f"{r['all_s']:.2f} s; resolve one: {r['resolve_s']:.3f} s; first sync {r['first_sync_s']:.1f} s",
                f"titles by (plan, key): all {r['floor_s']:.3f} s, page {r['page_floor_s'] * 1000:.1f} ms")
    if name == "tree" and "in_process_s" in r:
        return f"{r['s']:.2f} s (its SQL outline in-process: {r['in_process_s']:.2f} s)", f"{r['floor_s']:.2f} s"
    if name == "export" and "floor_utf8_s" in r:
        return f"{r['s']:.2f} s", f"{r['floor_s']:.2f} s (as UTF-8 XML: {r['floor_utf8_s']:.2f} s)"
    extra = " (extrapolated from 3 plans)" if r.get("extrapolated") else ""
    return f"{r['s']:.2f} s{mb}{extra}", f"{r['floor_s']:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--rows", default=",".join(ROWS))
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--row", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    cache = scale_workspace.build(args.plans)
    if args.row:
        with tempfile.TemporaryDirectory(dir=cache) as tmp:
            result = globals()[f"row_{args.row}"](cache, Path(tmp))
        print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    _upgrade(cache)
    info = _describe_workspace(cache)
    print(f"workspace: {info}")
    print(f"{'action':<11}| {'measured':<52}| {'floor (same run)':<40}| budget")
    for name in args.rows.split(","):
        result = run_row(name, args.plans, args.timeout)
        measured, floor = describe(name, result, args.timeout)
        print(f"{name:<11}| {measured:<52}| {floor:<40}| {BUDGETS[name]}", flush=True)
        if result and name == "search":
            print("           per query (hits, median ms): " + json.dumps(result["queries"], ensure_ascii=False))
    return 0


def _upgrade(cache: Path) -> None:
    """Open both workspaces once, so that schema upgrades of newer code (and of the search index) are not timed."""
    from workbench.core import segment

    segment.initialise(cache_dir=cache / "jieba")
    for name in ("a.sqlite", "b.sqlite"):
        if not (cache / name).exists():  # a private cache copy may hold only the files its rows need
            continue
        repo = open_repo(cache / name)
        if name == "a.sqlite":
            try:
                from workbench.storage.search import ensure_index

                ensure_index(repo.db)
            except ImportError:
                pass
        repo.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        repo.db.close()


def _describe_workspace(cache: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"file:{cache / 'a.sqlite'}?mode=ro", uri=True)
    CLAUSES = "SELECT count(*) FROM nodes WHERE kind IN ('clause', 'box_item')"  # noqa: N806
    q = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    size = (cache / "a.sqlite").stat().st_size / 1e6
    text = (f"{q('SELECT count(*) FROM plans')} plans, {q('SELECT count(*) FROM nodes')} nodes, "
            f"{q(CLAUSES)} clauses, "
            f"{q('SELECT count(*) FROM assignments')} assignments, {q('SELECT count(*) FROM events')} events, "
            f"{size:.0f} MB")  # fmt: skip
    conn.close()
    return text


if __name__ == "__main__":
    sys.exit(main())
