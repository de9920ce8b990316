"""Import speed: the seed plan and a synthetic plan 50 times its size.

Each figure is printed beside its floor, the time to read and decode the same
file measured in the same run, and their ratio.  Run: python bench/bench_import.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_plan_text  # noqa: E402
from timing import best_of  # noqa: E402

from workbench import paths  # noqa: E402
from workbench.core.importing import import_file  # noqa: E402
from workbench.core.importing.source import decode, read_bytes  # noqa: E402



def store(path: Path, workdir: Path) -> float:
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository

    db_file = workdir / f"bench-{time.monotonic_ns()}.sqlite"
    repo = Repository(open_workspace(db_file), Reviewer("bench"))
    start = time.perf_counter()
    repo.import_plan(import_file(path))
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        big = workdir / "synthetic-50x.txt"
        big.write_text(synthetic_plan_text(paths.SEED_PLAN.read_text(encoding="utf-8"), 50), encoding="utf-8")
        print(f"{'file':<22}{'size MB':>9}{'nodes':>9}{'floor s':>10}{'parse s':>10}{'ratio':>8}"
              f"{'parse+store s':>15}{'ratio':>8}")
        for label, path, repeat in (("seed", paths.SEED_PLAN, 5), ("synthetic 50x", big, 2)):
            floor = best_of(lambda: decode(read_bytes(path), path), repeat)
            parse = best_of(lambda: import_file(path), repeat)
            nodes = sum(1 for _ in import_file(path).nodes())
            stored = statistics.median(store(path, workdir) for _ in range(repeat))
            print(f"{label:<22}{path.stat().st_size / 1e6:>9.2f}{nodes:>9}{floor:>10.4f}{parse:>10.3f}"
                  f"{parse / floor:>8.0f}{stored:>15.3f}{stored / floor:>8.0f}")


if __name__ == "__main__":
    main()
