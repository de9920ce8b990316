"""Every action of issue 14 on a city's whole set of plans, beside its floor.

    python bench/bench_scale.py [--plans 100] [--rows keys,start,...] [--timeout 300]

Builds (once, cached: see scale_workspace.py) a workspace of `--plans` plans
with ~2,000 assignments and ~2,500 events per plan written through the
storage API, and a second reviewer's copy with ~1,000 events per plan; then
measures each row in a fresh process (so its peak memory is its own) and
prints it beside the floor measured in the same run:

    keys      one tag keypress (1, Shift+2, Ctrl+Z, R) through the real window,
              QTest key events offscreen: median and p90; floor: the store write alone
    nav       J (next clause): median, p90 and worst, back to back (a held key) and after a reading pause
              each (BENCH_SCALE_NAV_PAUSE_MS, 200: the window idles as in the app); floor: the key event on a
              bare widget
    start     process start -> main window shown, tree populated; floor: a bare QMainWindow
    search    storage.search.search, median and p95 over 20 queries; floor: FTS5 trigram
    merge     merge_workspace of the second reviewer (~100 events per plan), with the copy of the workspace
              it takes before merging, as the GUI and the command line run it; the median of
              BENCH_SCALE_MERGE_RUNS (3) runs, each on a fresh copy, all shown; floor: inserting its events
    conflicts listing the open conflicts after that merge: their count and the first page (what the GUI
              shows; further pages as it scrolls), every one read in full, one `resolve` on a scratch copy;
              floor: the title lookup by (plan, key), of every one and of the page
    verify    audit verify; floor: reading the events and recomputing the hash chain
    tree      `workbench tree` (a process); floor: the headings and counts by SQL
    cli       a CLI command's fixed cost (`workbench assign` on a scratch copy); floor: the write in-process
    export    `workbench export all` of every plan; floor: openpyxl write-only of the same cells (and the
              same streamed as UTF-8, as the exporter streams its sheets)

A row that runs past --timeout seconds is stopped and shown as "> N s".

The rows live in bench/scale/ (one module per kind: GUI, storage, CLI; the table; the workspace copies).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import scale_workspace  # noqa: E402
from scale.cli_rows import row_cli, row_export, row_tree  # noqa: E402
from scale.gui_rows import open_window as _window, press as _press, row_keys, row_nav, row_start  # noqa: E402, F401
from scale.measure import env, peak_mb  # noqa: E402, F401  (scripts beside the bench import these from here)
from scale.storage_rows import row_conflicts, row_merge, row_search, row_verify  # noqa: E402
from scale.table import ROWS, print_table  # noqa: E402
from scale.workspace import describe_workspace, open_repo, scratch, upgrade as _upgrade  # noqa: E402, F401

ROW_RUNNERS = {
    "keys": row_keys, "nav": row_nav, "start": row_start, "search": row_search, "merge": row_merge,
    "conflicts": row_conflicts, "verify": row_verify, "tree": row_tree, "cli": row_cli, "export": row_export,
}  # fmt: skip


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
            result = ROW_RUNNERS[args.row](cache, Path(tmp))
        print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    _upgrade(cache)
    info = describe_workspace(cache)
    print(f"workspace: {info}")
    print_table(args.rows.split(","), args.plans, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
