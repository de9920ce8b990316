"""bench_scale's CLI rows: `workbench tree`, a command's fixed cost, and exporting every plan, as processes."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from scale.measure import bare_python, cli
from scale.workspace import open_repo, scratch


def row_tree(cache: Path, tmp: Path) -> dict:
    from workbench.storage.files.database import open_readonly

    work = scratch(cache / "a.sqlite", tmp)
    cli(["tree", "--db", str(work)])  # first open of the copy: backups and checks happen once
    seconds = min(cli(["tree", "--db", str(work)]) for _ in range(2))
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
    cli(["departments", "--db", str(work)])  # first open of the copy
    read = [cli(["departments", "--db", str(work)]) for _ in range(2)]
    def assign(key: str) -> float:
        return cli(["assign", key, department.name, "--role", "support", "--plan", plan_sha, "--db", str(work),
                    "--reviewer", "bench"])  # fmt: skip

    # The day's first write takes the daily copy of the workspace (the backup policy: once a day, not per
    # command); it is shown apart, and its pages are flushed before the fixed cost is timed.
    first = assign(clauses[0])
    os.sync()
    writes = [assign(key) for key in clauses[1:4]]
    bare = min(bare_python() for _ in range(2))
    return {"s": statistics.median(writes), "read_s": min(read), "floor_s": floor, "python_s": bare,
            "first_write_s": first}


def row_export(cache: Path, tmp: Path) -> dict:
    import openpyxl

    from workbench.storage.files.database import open_readonly

    work = scratch(cache / "a.sqlite", tmp)
    db = open_readonly(work)
    plan_ids = [r[0] for r in db.execute("SELECT sha256 FROM plans ORDER BY id")]
    db.close()
    out = tmp / "out"
    out.mkdir()
    cli(["tree", "--db", str(work)])  # first open of the copy
    each_plan = _supports_each_plan()
    sample = plan_ids if each_plan else plan_ids[:3]
    started = time.perf_counter()
    if each_plan:
        cli(["export", "all", "--each-plan", str(out), "--db", str(work)], timeout=1800)
    else:
        for plan_id in sample:
            cli(["export", "all", "--plan", str(plan_id), "-o", str(out / f"plan-{plan_id[:12]}.xlsx"), "--db", str(work)])
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
