"""Everything the 对照表 and the change review need about one revision, read in one place."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from workbench.core.matrix import division_text
from workbench.core.plan import Plan
from workbench.core.revision.indicators import match_indicators
from workbench.core.revision.model import IndicatorMatch, NodeMatch
from workbench.core.revision.report import ReportRow, indicator_rows, report_rows
from workbench.core.revision.report_xlsx import PendingRow, ReportInfo

from workbench.storage.errors import StoreError

STATUS_LABELS = {"pending": "待审核", "accepted": "已确认", "retagged": "已重新标注", "moved": "已移至"}
ITEM_LABELS = {"flag": "待审核", "orphan": "孤立标签"}


@dataclass
class RevisionData:
    plan_id: int
    old_plan_id: int
    old: Plan
    new: Plan
    matches: list[NodeMatch]
    indicators: list[IndicatorMatch]
    rows: list[ReportRow]
    items: list = field(default_factory=list)  # RevisionItem
    department_names: dict[str, str] = field(default_factory=dict)  # uid -> name

    def tags_text(self, tags) -> str:
        leads = [self.department_names.get(u, u) for u, r in tags.assignments if r == "lead"]
        supports = [self.department_names.get(u, u) for u, r in tags.assignments if r != "lead"]
        parts = [division_text(leads, supports)] if tags.assignments else []
        if tags.indicator_links:
            parts.append("指标：" + "、".join(k.removeprefix("ind") for k in tags.indicator_links))
        if tags.timing:
            parts.append("完成时限：" + tags.timing)
        if tags.remark:
            parts.append("备注：" + tags.remark)
        if tags.note:
            parts.append("内部备注：" + tags.note)
        return "；".join(parts)


def revision_data(repo, plan_id: int) -> RevisionData:
    """The revision whose new version is plan `plan_id` (StoreError when it revises nothing)."""
    old_id = repo.revision_of(plan_id)
    if old_id is None:
        raise StoreError(f"plan {plan_id} is not a revision of another plan (import it with --revision-of)")
    old, new = repo.load_plan(old_id), repo.load_plan(plan_id)
    matches = [
        NodeMatch(r["kind"], r["node_kind"], r["old_keys"], r["new_keys"], r["confidence"], r["method"],
                  bool(r["moved"]), bool(r["renumbered"]))
        for r in repo.revision_matches(plan_id)
    ]
    names = dict(repo.db.execute("SELECT uid, name FROM departments").fetchall())
    units = {("new", k): v for k, v in _units(repo, plan_id).items()}
    units.update({("old", k): v for k, v in _units(repo, old_id).items()})
    items = repo.revision_items(plan_id)
    review = {}
    for item in items:
        label = STATUS_LABELS[item.status] + (f" {item.target_key}" if item.target_key else "")
        review[item.node_key or item.old_keys[0]] = label
    rows = report_rows(matches, old, new, units, review)
    indicators = match_indicators(old.indicators, new.indicators)
    return RevisionData(plan_id, old_id, old, new, matches, indicators, rows, items, names)


def report_parts(repo, data: RevisionData, workspace: str = ""):
    """(rows, indicator rows, pending rows, info) for core.revision.report_xlsx.write_report."""
    pending = [
        PendingRow(ITEM_LABELS[i.kind], "+".join(i.old_keys), i.node_key or "", i.old_text, data.tags_text(i.tags),
                   STATUS_LABELS[i.status] + (f" {i.target_key}" if i.target_key else ""), "；".join(i.remarks))
        for i in data.items
    ]
    counts: dict[str, int] = {}
    for row in data.rows:
        counts[row.change] = counts.get(row.change, 0) + 1
    old_record, new_record = repo.plan(data.old_plan_id), repo.plan(data.plan_id)
    info = ReportInfo(old_record.title, new_record.title, old_record.sha256, new_record.sha256,
                      datetime.now().astimezone().isoformat(timespec="seconds"), workspace, counts)
    return data.rows, indicator_rows(data.indicators), pending, info


def _units(repo, plan_id: int) -> dict[str, str]:
    result: dict[str, tuple[list[str], list[str]]] = {}
    for key, name, role in repo.db.execute(
        "SELECT n.key, d.name, a.role FROM assignments a JOIN nodes n ON n.id = a.node_id "
        "JOIN departments d ON d.id = a.department_id WHERE n.plan_id = ? ORDER BY a.node_id, a.position",
        [plan_id],
    ):
        leads, supports = result.setdefault(key, ([], []))
        (leads if role == "lead" else supports).append(name)
    return {key: division_text(leads, supports) for key, (leads, supports) in result.items()}


def items_json(items) -> str:
    return json.dumps([i.__dict__ for i in items], ensure_ascii=False, default=str)
