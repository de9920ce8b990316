"""Assignments -> the tables liaisons receive: the responsibility matrix, the
任务分工 list, the indicator owners and the per-department summary.

Pure functions over an `AssignmentSnapshot` (plain data read from the store in
one go), so that exports run in a worker thread without a database connection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.core import plan as P
from workbench.core.departments import Department, official_order
from workbench.core.plan import Indicator, Plan, PlanNode

LEAD, SUPPORT = "lead", "support"
ROLE_LABELS = {LEAD: "牵头", SUPPORT: "配合"}
TIMING_LABELS = {"": "", "within_year": "年内完成", "ongoing": "持续推进"}
STATUS_LABELS = {"unreviewed": "未审", "reviewed": "已审", "question": "有疑问"}
GROUP_KINDS = (P.PART, P.CHAPTER, P.SECTION)


@dataclass(frozen=True)
class Tag:
    department: str  # the department's current name
    role: str  # lead / support


@dataclass
class AssignmentSnapshot:
    """Everything an export needs about one plan, keyed by node key."""

    plan: Plan
    departments: list[Department]  # every department (retired too), any order
    tags: dict[str, list[Tag]] = field(default_factory=dict)  # ordered, the first unit leads
    indicator_links: dict[str, list[str]] = field(default_factory=dict)  # node key -> indicator keys
    notes: dict[str, str] = field(default_factory=dict)
    timing: dict[str, str] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    remarks: dict[str, str] = field(default_factory=dict)  # public 备注: the only remarks that leave the workspace
    disputed: frozenset[str] = frozenset()  # node keys with an open merge conflict


@dataclass(frozen=True)
class Filters:
    chapters: frozenset[str] | None = None  # chapter keys (ch04) to include; None = all
    departments: frozenset[str] | None = None  # department names; None = all

    def describe(self) -> str:
        parts = []
        if self.chapters:
            parts.append("章：" + "、".join(sorted(self.chapters)))
        if self.departments:
            parts.append("部门：" + "、".join(sorted(self.departments)))
        return "；".join(parts) or "全部"


def timing_label(value: str) -> str:
    """完成时限 as documents write it: a bare year is the end of that year; free text stays as written."""
    if value in TIMING_LABELS:
        return TIMING_LABELS[value]
    return f"{value}年底前" if value.isdigit() and len(value) == 4 else value


def chapter_of(node: PlanNode) -> PlanNode | None:
    """The chapter a node is in (or is), walking up from the node."""
    while node is not None:
        if node.kind == P.CHAPTER:
            return node
        node = node.parent
    return None


def section_path(node: PlanNode) -> str:
    """第四章第二节专栏7 style path of a node's enclosing headings and box."""
    return "".join(a.label for a in node.ancestors() if a.kind in GROUP_KINDS or a.kind == P.BOX)


def task_text(node: PlanNode) -> str:
    """The task as the division list shows it: lead phrase, then the text."""
    if node.kind in GROUP_KINDS or node.kind == P.BOX:
        return node.display
    if node.kind == P.SENTENCE:
        return node.text
    if node.title and not node.title.endswith("…") and node.text.startswith(node.title):
        return node.text
    return f"{node.label}{node.text}" if node.label else node.text


def tagged_nodes(snapshot: AssignmentSnapshot, filters: Filters = Filters()) -> list[PlanNode]:
    """Nodes with their own tags, in plan order, after the chapter/department filters."""
    result = []
    for node in snapshot.plan.nodes():
        tags = snapshot.tags.get(node.key)
        if not tags:
            continue
        if filters.chapters is not None:
            chapter = chapter_of(node)
            if chapter is None or chapter.key not in filters.chapters:
                continue
        if filters.departments is not None and not any(t.department in filters.departments for t in tags):
            continue
        result.append(node)
    return result


def matrix_departments(snapshot: AssignmentSnapshot, nodes: Iterable[PlanNode]) -> list[Department]:
    """Departments with any assignment among the nodes, in the registry's official order."""
    used = {t.department for n in nodes for t in snapshot.tags.get(n.key, [])}
    known = [d for d in official_order(snapshot.departments) if d.name in used]
    unknown = sorted(used - {d.name for d in known})
    return known + [Department(name, name, "other") for name in unknown]


@dataclass
class MatrixRow:
    node: PlanNode
    group: bool  # a chapter/section heading row (outline level) rather than a task
    level: int  # outline level for grouping: part/chapter 0, section 1, task 2
    cells: dict[str, str] = field(default_factory=dict)  # department name -> 牵头 / 配合


def matrix_rows(snapshot: AssignmentSnapshot, filters: Filters = Filters(), *,
                nodes: list[PlanNode] | None = None) -> tuple[list[Department], list[MatrixRow]]:
    """`nodes`: tagged_nodes(snapshot, filters) when the caller already has them."""
    nodes = tagged_nodes(snapshot, filters) if nodes is None else nodes
    columns = matrix_departments(snapshot, nodes)
    rows: list[MatrixRow] = []
    shown: set[str] = set()
    for node in nodes:
        for ancestor in node.ancestors():
            if ancestor.kind in GROUP_KINDS and ancestor.key not in shown:
                shown.add(ancestor.key)
                rows.append(MatrixRow(ancestor, True, 1 if ancestor.kind == P.SECTION else 0))
        if node.kind in GROUP_KINDS:
            shown.add(node.key)
        cells = {t.department: ROLE_LABELS[t.role] for t in snapshot.tags[node.key]}
        rows.append(MatrixRow(node, False, 2, cells))
    return columns, rows


def department_totals(columns: list[Department], rows: list[MatrixRow]) -> dict[str, tuple[int, int]]:
    totals = {d.name: [0, 0] for d in columns}
    for row in rows:
        for name, label in row.cells.items():
            totals[name][0 if label == ROLE_LABELS[LEAD] else 1] += 1
    return {name: (lead, support) for name, (lead, support) in totals.items()}


@dataclass
class DivisionRow:
    seq: int
    node: PlanNode
    task: str
    leads: list[str]
    supports: list[str]
    indicators: list[str]  # "10 全市技术合同成交额"
    timing: str
    note: str  # the reviewer's internal note: never printed unless asked
    remark: str = ""  # the public 备注
    chapter: PlanNode | None = None
    disputed: bool = False

    @property
    def section(self) -> str:
        """第四章第二节: the enclosing headings (worked out when asked: the printed form shows chapter rows)."""
        return section_path(self.node)

    @property
    def responsible(self) -> str:
        """The supporting units only, joined with 、 (the 责任单位 column of a 分工方案)."""
        return "、".join(self.supports)

    @property
    def paste_text(self) -> str:
        return division_text(self.leads, self.supports)


def division_text(leads: list[str], supports: list[str]) -> str:
    """「牵头单位：市发展改革委；责任单位：市科技局、市财政局」 as documents write it."""
    parts = []
    if leads:
        parts.append("牵头单位：" + "、".join(leads))
    if supports:
        parts.append("责任单位：" + "、".join(supports))
    return "；".join(parts)


def division_rows(snapshot: AssignmentSnapshot, filters: Filters = Filters(), *,
                  nodes: list[PlanNode] | None = None) -> list[DivisionRow]:
    indicators = {i.key: i for i in snapshot.plan.indicators}
    kinds = {d.name: d.kind for d in snapshot.departments}
    rows = []
    for seq, node in enumerate(tagged_nodes(snapshot, filters) if nodes is None else nodes, 1):
        tags = snapshot.tags[node.key]
        linked = [indicators[k] for k in snapshot.indicator_links.get(node.key, []) if k in indicators]
        rows.append(DivisionRow(
            seq=seq, node=node, task=task_text(node),
            leads=[t.department for t in tags if t.role == LEAD],
            supports=districts_last([t.department for t in tags if t.role == SUPPORT], kinds),
            indicators=[f"{i.number} {i.name}" for i in linked],
            timing=timing_label(snapshot.timing.get(node.key, "")),
            note=snapshot.notes.get(node.key, ""),
            remark=snapshot.remarks.get(node.key, ""),
            chapter=chapter_of(node),
            disputed=node.key in snapshot.disputed,
        ))
    return rows


def districts_last(names: list[str], kinds: dict[str, str]) -> list[str]:
    """Supporting units in the reviewer's order, except that 各区人民政府 (district governments) come last."""
    return sorted(names, key=lambda n: kinds.get(n) == "district_government")


@dataclass
class IndicatorRow:
    indicator: Indicator
    markers: str  # the footnote's markers explained for this row
    leads: list[str]
    supports: list[str]
    clauses: list[str]  # keys and titles of linked nodes


def indicator_markers(ind: Indicator) -> str:
    notes = []
    if ind.five_year_average:
        notes.append("*为五年平均数")
    if ind.five_year_cumulative:
        notes.append("〔〕为五年累计数")
    if ind.base_estimated:
        notes.append(f"{ind.base_year or ''}年数值为预计数")
    return "；".join(notes)


def indicator_rows(snapshot: AssignmentSnapshot) -> list[IndicatorRow]:
    """Every indicator with the departments of the clauses linked to it."""
    linked: dict[str, list[PlanNode]] = {}
    for node in snapshot.plan.nodes():
        for key in snapshot.indicator_links.get(node.key, []):
            linked.setdefault(key, []).append(node)
    rows = []
    for ind in snapshot.plan.indicators:
        leads: list[str] = []
        supports: list[str] = []
        for node in linked.get(ind.key, []):
            for tag in snapshot.tags.get(node.key, []):
                target = leads if tag.role == LEAD else supports
                if tag.department not in leads and tag.department not in target:
                    target.append(tag.department)
        supports = [s for s in supports if s not in leads]
        clauses = [f"{n.key} {n.title or n.text[:20]}" for n in linked.get(ind.key, [])]
        rows.append(IndicatorRow(ind, indicator_markers(ind), leads, supports, clauses))
    return rows



def department_indicators(snapshot: AssignmentSnapshot, department: str) -> list[IndicatorRow]:
    """The indicator rows a unit leads or supports (through the clauses linked to them)."""
    return [r for r in indicator_rows(snapshot) if department in r.leads + r.supports]

@dataclass
class DepartmentSummary:
    department: Department
    lead_tasks: int
    support_tasks: int
    indicators: int


def department_summary(snapshot: AssignmentSnapshot, filters: Filters = Filters(), *,
                       nodes: list[PlanNode] | None = None) -> list[DepartmentSummary]:
    nodes = tagged_nodes(snapshot, filters) if nodes is None else nodes
    columns = matrix_departments(snapshot, nodes)
    counts = {d.name: [0, 0, set()] for d in columns}
    for node in nodes:
        for tag in snapshot.tags[node.key]:
            entry = counts[tag.department]
            entry[0 if tag.role == LEAD else 1] += 1
            entry[2].update(snapshot.indicator_links.get(node.key, []))
    return [DepartmentSummary(d, counts[d.name][0], counts[d.name][1], len(counts[d.name][2])) for d in columns
            if filters.departments is None or d.name in filters.departments]
