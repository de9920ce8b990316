"""Fixtures for storage tests: real workspaces built by the real migrations.

Plans are built by hand here (the importer is written elsewhere), small but
with every level a real plan has: plan > chapter > section > clause > sentence,
a box with items, and indicators with a sub-row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from workbench.core.plan import Indicator, Plan, PlanNode
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository

REGISTRY = [
    {"name": "市发展改革委", "full_name": "天津市发展和改革委员会", "kind": "government_department",
     "aliases": ["市发改委"], "keywords": ["规划"]},
    {"name": "市科技局", "full_name": "天津市科学技术局", "kind": "government_department", "aliases": ["市科委"]},
    {"name": "市财政局", "full_name": "天津市财政局", "kind": "government_department"},
    {"name": "市委宣传部", "full_name": "中共天津市委宣传部", "kind": "party_organ"},
    {"name": "天津海关", "full_name": "中华人民共和国天津海关", "kind": "central_unit"},
    {"name": "滨海新区人民政府", "full_name": "天津市滨海新区人民政府", "kind": "district_government"},
]  # fmt: skip


def make_plan(
    title: str = "天津市国民经济和社会发展第十五个五年规划纲要",
    *,
    chapters: int = 2,
    sections: int = 2,
    clauses: int = 3,
    sentences: int = 2,
    seed: str = "",
) -> Plan:
    """A hand-built plan; `seed` changes its text (and so its sha256)."""
    root = PlanNode(kind="plan", key="plan", title=title)
    line = 1
    root.add(PlanNode(kind="clause", key="preface", title="前言", text=f"前言正文{seed}", lines=[line]))
    for c in range(1, chapters + 1):
        line += 1
        chapter = root.add(
            PlanNode(kind="chapter", key=f"ch{c:02d}", label=f"第{c}章", title=f"第{c}章标题", number=c, lines=[line])
        )
        for s in range(1, sections + 1):
            line += 1
            section = chapter.add(
                PlanNode(kind="section", key=f"ch{c:02d}/s{s:02d}", label=f"第{s}节", title="节标题", number=s, lines=[line])
            )
            for p in range(1, clauses + 1):
                line += 1
                key = f"ch{c:02d}/s{s:02d}/p{p:02d}"
                text = "".join(f"第{p}段第{n}句{seed}。" for n in range(1, sentences + 1))
                clause = section.add(PlanNode(kind="clause", key=key, title=f"任务{c}.{s}.{p}", text=text, lines=[line]))
                for n in range(1, sentences + 1):
                    clause.add(PlanNode(kind="sentence", key=f"{key}/t{n:02d}", text=f"第{p}段第{n}句{seed}。"))
    box = root.children[1].add(PlanNode(kind="box", key="box01", label="专栏1", title="主要指标"))
    box.add(PlanNode(kind="box_item", key="box01/i01", label="（一）", text="重大项目", number=1))
    indicators = [
        Indicator(key="ind1", number="1", category="高质量发展", name="地区生产总值增长", unit="%",
                  base_year=2025, base_value="5", target_year=2030, target_value="5左右", attribute="预期性",
                  position=0),
        Indicator(key="ind2", number="2", category="创新驱动", name="研发经费投入增长", unit="%",
                  base_value="4.4*", five_year_average=True, base_estimated=True, attribute="预期性", position=1),
        Indicator(key="ind2.1", number="2.1", category="创新驱动", name="其中：基础研究", parent_key="ind2",
                  position=2, five_year_cumulative=True),
    ]  # fmt: skip
    body = json.dumps([title, [(n.key, n.text) for n in root.walk()]], ensure_ascii=False)
    return Plan(
        title=title,
        root=root,
        indicators=indicators,
        indicator_footnote="注：带*为五年年均增速。",
        source_name=f"plan{seed}.txt",
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        body_start_line=3,
    )


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "departments.json"
    path.write_text(json.dumps({"departments": REGISTRY}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def db(workspace_path: Path, registry_file: Path) -> Iterator[sqlite_utils.Database]:
    database = open_workspace(workspace_path, registry=registry_file)
    yield database
    database.close()


@pytest.fixture
def reviewer() -> Reviewer:
    return Reviewer(name="张三", unit="市发展改革委规划处")


@pytest.fixture
def repo(db: sqlite_utils.Database, reviewer: Reviewer) -> Repository:
    return Repository(db, reviewer)


@pytest.fixture
def plan() -> Plan:
    return make_plan()


@pytest.fixture
def plan_id(repo: Repository, plan: Plan) -> int:
    return repo.import_plan(plan).plan_id


@pytest.fixture
def clause_ids(repo: Repository, plan_id: int) -> list[int]:
    """Ids of the plan's clauses, in document order."""
    rows = repo.db.execute("SELECT id FROM nodes WHERE plan_id = ? AND kind = 'clause' ORDER BY seq", [plan_id])
    return [row[0] for row in rows]


@pytest.fixture
def dept(repo: Repository) -> dict[str, int]:
    """Registry department ids by name."""
    return {d.name: d.db_id for d in repo.departments(include_retired=True) if d.db_id is not None}
