"""The cached city-scale workspace as the rows use it: scratch copies, opened repositories, the untimed upgrade.

The cache itself is built by scale_workspace.py (once; never rebuilt by a row).
"""

from __future__ import annotations

import shutil
from pathlib import Path


def scratch(source: Path, tmp: Path, name: str = "work.sqlite") -> Path:
    target = tmp / name
    shutil.copyfile(source, target)
    return target


def open_repo(path: Path, who: str = "张三"):
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository

    return Repository(open_workspace(path), Reviewer(who, "市发展改革委规划处"))


def upgrade(cache: Path) -> None:
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


def describe_workspace(cache: Path) -> str:
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
