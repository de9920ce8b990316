"""Export speed: a full export of the seed plan, fully tagged, against the floor
of openpyxl's write-only mode writing the same cell values (no styles) in the
same run.  Issue 5 promises a ratio of at most 1.5.

Run: python bench/bench_export.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl  # noqa: E402

from workbench import paths  # noqa: E402
from workbench.core.departments import load_registry  # noqa: E402
from workbench.core.export_xlsx import Provenance, export_workbook  # noqa: E402
from workbench.core.importing import import_file  # noqa: E402
from workbench.core.matrix import AssignmentSnapshot, Tag  # noqa: E402


def fully_tagged_snapshot() -> AssignmentSnapshot:
    plan = import_file(paths.SEED_PLAN)
    departments = load_registry(paths.DEPARTMENTS_FILE)
    rnd = random.Random(2026)
    pool = [d for d in departments if d.kind in ("government_department", "directly_affiliated")]
    tags, links, timing = {}, {}, {}
    indicator_keys = [i.key for i in plan.indicators]
    for node in plan.nodes():
        if node.kind in ("clause", "box_item", "box", "indicator_table"):
            chosen = rnd.sample(pool, rnd.randint(1, 4))
            tags[node.key] = [Tag(chosen[0].name, "lead")] + [Tag(d.name, "support") for d in chosen[1:]]
            if rnd.random() < 0.2:
                links[node.key] = rnd.sample(indicator_keys, 2)
            timing[node.key] = rnd.choice(["within_year", "ongoing", "2027", ""])
    return AssignmentSnapshot(plan, departments, tags, links, {}, timing)


ROUNDS = 9


def timed(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def floor_write(sheets: dict[str, list[tuple]], path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)



def main() -> None:
    snapshot = fully_tagged_snapshot()
    prov = Provenance(snapshot.plan.title, snapshot.plan.sha256, "bench.sqlite", "2026-01-01T00:00:00+08:00",
                      "bench", 0, "0" * 64)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "full.xlsx"

        def ours():
            for _ in export_workbook(snapshot, out, prov):
                pass

        ours()
        wb = openpyxl.load_workbook(out)
        sheets = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
        cells = sum(1 for rows in sheets.values() for r in rows for v in r if v is not None)
        # Interleaved, so that both see the same load on a shared machine; the fastest run of each counts,
        # in wall-clock time and in this process's CPU time (which other processes' load disturbs less).
        floor, full, floor_cpu, full_cpu = (float("inf"),) * 4
        for _ in range(ROUNDS):
            wall, cpu = timed(lambda: floor_write(sheets, Path(tmp) / "floor.xlsx"))
            floor, floor_cpu = min(floor, wall), min(floor_cpu, cpu)
            wall, cpu = timed(ours)
            full, full_cpu = min(full, wall), min(full_cpu, cpu)
    print(f"tagged nodes: {len(snapshot.tags)}  cells written: {cells}")
    print(f"{'openpyxl write-only floor':<32}{floor:>9.3f} s")
    print(f"{'full export (6 sheets, styled)':<32}{full:>9.3f} s")
    print(f"{'ratio':<32}{full / floor:>9.2f}  (promise: <= 1.5)")
    print(f"{'ratio of CPU time':<32}{full_cpu / floor_cpu:>9.2f}  ({full_cpu:.3f} s / {floor_cpu:.3f} s)")


if __name__ == "__main__":
    main()
