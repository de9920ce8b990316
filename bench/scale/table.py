"""bench_scale's table: each row run in a fresh process (its peak memory its own), then printed beside its floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scale.measure import env

SCRIPT = Path(__file__).resolve().parent.parent / "bench_scale.py"  # the entry point; `--row NAME` runs one row
ROWS = ["keys", "nav", "start", "search", "merge", "conflicts", "verify", "tree", "cli", "export"]
BUDGETS = {
    "keys": "16 ms", "nav": "16 ms", "start": "2 s, 500 MB", "search": "20 ms", "conflicts": "1 s",
    "merge": "5 s, 500 MB", "verify": "2x floor", "tree": "2x floor", "cli": "0.2 s", "export": "2x floor",
}  # fmt: skip


def run_row(name: str, plans: int, timeout: float) -> dict | None:
    command = [sys.executable, str(SCRIPT), "--row", name, "--plans", str(plans)]
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
        worst = f", worst {r['max_ms']:.1f} ms" if "max_ms" in r else ""
        paused = (f"; after a {r['pause_ms']} ms pause each: {r['paused_median_ms']:.1f} ms median, p90 "
                  f"{r['paused_p90_ms']:.1f} ms, worst {r['paused_max_ms']:.1f} ms" if "paused_median_ms" in r else "")
        if r.get("crossing_ms"):
            paused += " (into a new chapter: " + ", ".join(f"{t:.1f}" for t in r["crossing_ms"]) + " ms)"
        return f"{r['median_ms']:.1f} ms median, p90 {r['p90_ms']:.1f} ms{worst}{paused}", f"{r['floor_ms']:.2f} ms"
    if name == "start":
        quick = f"; one quick_check {r['quick_check_s']:.2f} s" if "quick_check_s" in r else ""
        without = f" ({r['without_quick_check_s']:.2f} s without it)" if "without_quick_check_s" in r else ""
        return (f"{r['s']:.2f} s, {r['mb']:.0f} MB{without}",
                f"bare window {r['floor_s']:.2f} s, {r['floor_mb']:.0f} MB{quick}")
    if name == "search":
        return f"{r['median_ms']:.1f} ms median, p95 {r['p95_ms']:.1f} ms", f"FTS5 trigram {r['floor_ms']:.2f} ms"
    if name == "cli":
        first = f" (the day's first, with its daily copy: {r['first_write_s']:.2f} s)" if "first_write_s" in r else ""
        return (f"assign {r['s']:.2f} s, read-only {r['read_s']:.2f} s{first}",
                f"write {r['floor_s'] * 1000:.1f} ms; python+import {r['python_s']:.2f} s")
    if name == "conflicts":
        return (f"count + first {r['page']}: {r['s']:.3f} s ({r['conflicts']} open); all {r['all']}: "
                f"{r['all_s']:.2f} s; resolve one: {r['resolve_s']:.3f} s; first sync {r['first_sync_s']:.1f} s",
                f"titles by (plan, key): all {r['floor_s']:.3f} s, page {r['page_floor_s'] * 1000:.1f} ms")
    if name == "merge" and "checkpoint_s" in r:
        runs = r.get("runs", [r["s"]])
        each = f" median of {len(runs)}: " + ", ".join(f"{s:.2f}" for s in runs) if len(runs) > 1 else ""
        return (f"{r['s']:.2f} s{each}, {r['mb']:.0f} MB (then its checkpoint on a thread, and close: "
                f"{r['checkpoint_s']:.2f} s)", f"{r['floor_s']:.2f} s")
    if name == "tree" and "in_process_s" in r:
        return f"{r['s']:.2f} s (its SQL outline in-process: {r['in_process_s']:.2f} s)", f"{r['floor_s']:.2f} s"
    if name == "export" and "floor_utf8_s" in r:
        return f"{r['s']:.2f} s", f"{r['floor_s']:.2f} s (as UTF-8 XML: {r['floor_utf8_s']:.2f} s)"
    extra = " (extrapolated from 3 plans)" if r.get("extrapolated") else ""
    return f"{r['s']:.2f} s{mb}{extra}", f"{r['floor_s']:.2f} s"


def print_table(rows: list[str], plans: int, timeout: float) -> None:
    """Runs each of `rows` (a fresh process each) and prints its line as it finishes."""
    print(f"{'action':<11}| {'measured':<52}| {'floor (same run)':<40}| budget")
    for name in rows:
        result = run_row(name, plans, timeout)
        measured, floor = describe(name, result, timeout)
        print(f"{name:<11}| {measured:<52}| {floor:<40}| {BUDGETS[name]}", flush=True)
        if result and name == "search":
            print("           per query (hits, median ms): " + json.dumps(result["queries"], ensure_ascii=False))
