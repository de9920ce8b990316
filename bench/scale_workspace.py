"""The city-scale workspace of bench_scale.py, built once into a cache folder.

A 发展改革委 holding its own outline, the districts' outlines and special
plans, drafts and approved versions: `--plans N` plans (100 by default), each
the real seed text (synthetic.py repeats and renumbers it to a plan's size)
with the city's name replaced by a district's and a per-plan set of real
wording variants (推进/推动, 加快/加速 ...), so that every plan is distinct and
searching finds realistic, uneven hit counts.  Everything goes through the
storage API (Repository.import_plan, assign, unassign, set_note,
set_review_status), one transaction per plan, so the events carry real hash
chains.

Files in the cache folder (WORKBENCH_BENCH_CACHE, default
/tmp/workbench-bench-cache), per plan count:

    pN/a.sqlite       reviewer 张三's workspace: the plans, ~2,000 assignments and ~2,500 events per plan
    pN/b.sqlite       a.sqlite handed out to 李四 after the imports, tagged by 李四 (~1,000 events per plan)
    pN/floor.sqlite   FTS5 trigram index over the same text: the search floor
    pN/READY          written last: the cache is complete
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_plan_text  # noqa: E402

from workbench import paths  # noqa: E402

CACHE = Path(os.environ.get("WORKBENCH_BENCH_CACHE", "/tmp/workbench-bench-cache"))
DISTRICTS = [
    "天津", "和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区", "西青区", "津南区",
    "北辰区", "武清区", "宝坻区", "宁河区", "静海区", "蓟州区", "滨海新区",
]  # fmt: skip
VERSIONS = ["征求意见稿", "送审稿", "正式稿"]
SPECIAL = ["", "科技创新专项规划", "生态环境保护专项规划", "综合交通专项规划", "教育现代化专项规划",
           "数字经济发展专项规划"]  # fmt: skip
VARIANTS = [
    ("推进", "推动"), ("加快", "加速"), ("建设", "打造"), ("提升", "提高"), ("完善", "健全"),
    ("深化", "深入推进"), ("强化", "加强"), ("促进", "带动"), ("构建", "建立"), ("支持", "扶持"),
]  # fmt: skip
EVENTS_A = 2500  # per plan: ~250k at 100 plans
EVENTS_B = 1000  # per plan: ~100k at 100 plans, for the merge


def folder(plans: int) -> Path:
    return CACHE / f"p{plans}"


def plan_text(seed: str, number: int) -> str:
    """Plan `number`: the seed's real text at 3-6 times its size, renamed and reworded."""
    rnd = random.Random(number)
    copies = 3 + number % 4
    text = synthetic_plan_text(seed, copies)
    district = DISTRICTS[number % len(DISTRICTS)]
    if district != "天津":
        text = text.replace("天津市", f"天津市{district}").replace("全市", "全区")
    for old, new in rnd.sample(VARIANTS, 4):
        text = text.replace(old, new)
    special = SPECIAL[number % len(SPECIAL)]
    version = VERSIONS[number % len(VERSIONS)]
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    lines[first] = f"{lines[first].strip()}{special}（{version}·{number:03d}）"
    return "\n".join(lines)


def _tag(repo, plan_id: int, events: int, rnd: random.Random, statuses: list[str]) -> None:
    """`events` audited writes on one plan's clauses, in one transaction."""
    from workbench.storage.errors import StoreError

    db = repo.db
    clauses = [r[0] for r in db.execute(
        "SELECT id FROM nodes WHERE plan_id = ? AND kind IN ('clause', 'box_item') ORDER BY seq", [plan_id])]  # fmt: skip
    departments = [d.db_id for d in repo.departments()][:40]
    tagged: dict[int, list[int]] = {}
    with db.atomic():
        written = 0
        while written < events:
            node, k = rnd.choice(clauses), rnd.random()
            current = tagged.setdefault(node, [])
            try:
                if k < 0.86 and len(current) < 6:
                    dept = rnd.choice([d for d in departments if d not in current])
                    repo.assign(node_id=node, department_id=dept, role="lead" if not current else "support")
                    current.append(dept)
                elif k < 0.9 and current:
                    repo.unassign(node_id=node, department_id=current.pop())
                elif k < 0.95:
                    repo.set_note(node_id=node, text=f"请核实{rnd.randrange(10**6)}")
                else:
                    repo.set_review_status(node_id=node, status=rnd.choice(statuses))
                written += 1
            except StoreError:
                pass


def build(plans: int, *, log=print) -> Path:
    """Build (or reuse) the cache for `plans` plans; returns its folder."""
    out = folder(plans)
    if (out / "READY").exists():
        return out
    from workbench.core import segment
    from workbench.core.importing import import_file
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository
    from workbench.storage.sync.fork import handout

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    started = time.perf_counter()
    seed = paths.SEED_PLAN.read_text(encoding="utf-8")
    a_path, b_path = out / "a.sqlite", out / "b.sqlite"
    db = open_workspace(a_path)
    repo = Repository(db, Reviewer("张三", "市发展改革委规划处"))
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(plans):
            source = Path(tmp) / f"plan-{number:03d}.txt"
            source.write_text(plan_text(seed, number), encoding="utf-8")
            repo.import_plan(import_file(source))
    plan_ids = [r[0] for r in db.execute("SELECT id FROM plans ORDER BY id")]
    nodes = db.execute("SELECT count(*) FROM nodes").fetchone()[0]
    log(f"imported {plans} plans, {nodes} nodes: {time.perf_counter() - started:.0f} s")
    # The second reviewer's copy, handed out as an office does (`workbench handout`): a copy under a new
    # identity.  A plain file copy opened with the same key would keep this workspace's identity, and
    # merge would rightly refuse it as the same workspace edited in two places.
    handout(db, b_path, to="李四", reviewer=repo.reviewer)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    db = open_workspace(a_path)
    repo = Repository(db, Reviewer("张三", "市发展改革委规划处"))
    rnd = random.Random(14)
    for plan_id in plan_ids:
        _tag(repo, plan_id, EVENTS_A, rnd, ["reviewed", "reviewed", "question", "unreviewed"])
    log(f"reviewer A: {repo.event_count()} events: {time.perf_counter() - started:.0f} s")
    segment.initialise(cache_dir=out / "jieba")
    from workbench.storage.search import ensure_index

    ensure_index(db)
    log(f"search index: {time.perf_counter() - started:.0f} s")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    db = open_workspace(b_path)
    repo = Repository(db, Reviewer("李四", "市发展改革委综合处"))
    rnd = random.Random(41)
    for plan_id in plan_ids:
        _tag(repo, plan_id, EVENTS_B, rnd, ["reviewed", "question"])
    log(f"reviewer B: {repo.event_count()} events: {time.perf_counter() - started:.0f} s")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    build_floor(a_path, out / "floor.sqlite")
    log(f"floor trigram index: {time.perf_counter() - started:.0f} s")
    (out / "READY").write_text(f"{plans}\n", encoding="utf-8")
    return out


def build_floor(workspace: Path, floor: Path) -> None:
    """The search floor: SQLite's own FTS5 trigram index over every searchable node's text."""
    conn = sqlite3.connect(floor)
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='trigram')")
    source = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True)
    rows = source.execute("SELECT id, label || ' ' || title, text FROM nodes WHERE kind != 'sentence'")
    with conn:
        conn.executemany("INSERT INTO t(rowid, title, text) VALUES (?, ?, ?)", rows)
    source.close()
    conn.close()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="build the bench_scale workspace cache")
    parser.add_argument("--plans", type=int, default=100)
    print(build(parser.parse_args().plans))
