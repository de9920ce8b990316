"""The 对照表 of a revision: one row per change, in the form offices use
(原文 / 修改后 / 变化 / 责任单位), built from plain data the store reads.

Rows cover every changed paragraph (clause, box item, the indicator table)
and every changed or renumbered container (part, chapter, section, 专栏), in
the new version's document order, deleted ones where they used to be.
Unchanged paragraphs and sentences are not listed: a sentence's change shows
in its paragraph's row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workbench.core import plan as P
from workbench.core.plan import Plan, PlanNode
from workbench.core.revision.model import (
    DELETED, MERGED, MOVED, NEW, REWORDED, SPLIT, UNCHANGED, NodeMatch,
)

KIND_LABELS = {
    UNCHANGED: "未变", MOVED: "移动", REWORDED: "文字修改", SPLIT: "拆分", MERGED: "合并", DELETED: "删除", NEW: "新增",
}  # fmt: skip
RENUMBERED_LABEL = "重新编号"
LISTED_KINDS = frozenset({P.CLAUSE, P.BOX_ITEM, P.INDICATOR_TABLE, P.PART, P.CHAPTER, P.SECTION, P.BOX})
INDICATOR_FIELDS = {
    "number": "序号", "name": "指标", "category": "类别", "unit": "单位", "base_year": "基期年份",
    "base_value": "基期值", "target_year": "目标年份", "target_value": "目标值", "attribute": "属性",
    "five_year_average": "五年年均", "five_year_cumulative": "五年累计",
}  # fmt: skip


@dataclass(frozen=True)
class ReportRow:
    old_keys: tuple[str, ...]
    new_keys: tuple[str, ...]
    node_kind: str
    kind: str  # match kind
    change: str  # 变化, as offices write it
    old_place: str  # 第四章第三节
    new_place: str
    old_text: str
    new_text: str
    confidence: float
    units: str  # 牵头单位：…；责任单位：… (the new node's, or the old one's when deleted)
    review: str = ""  # 待审核 / 已确认 / 已重新标注 / 已移至 … ('' when nothing to review)

    @property
    def place(self) -> str:
        if self.old_place and self.new_place and self.old_place != self.new_place:
            return f"{self.old_place} → {self.new_place}"
        return self.new_place or self.old_place


def place(node: PlanNode | None) -> str:
    """Where a node sits, as a reader cites it: 第四章第三节专栏9."""
    if node is None:
        return ""
    chain = [*node.ancestors(), node]
    return "".join(n.label for n in chain if n.kind in (P.PART, P.CHAPTER, P.SECTION, P.BOX) and n.label)


def node_text(node: PlanNode) -> str:
    if node.kind in (P.CLAUSE, P.BOX_ITEM):
        return (node.label + node.text) if node.kind == P.BOX_ITEM else node.text
    return node.display if node.kind != P.INDICATOR_TABLE else f"{node.title}{node.text}"


def report_rows(
    matches: Sequence[NodeMatch],
    old: Plan,
    new: Plan,
    units: Mapping[tuple[str, str], str],
    review: Mapping[str, str] | None = None,
) -> list[ReportRow]:
    """`units[("new"|"old", key)]` is a node's 责任单位 text; `review[key]` its review state, by new key
    (old key for deleted nodes)."""
    review = review or {}
    old_nodes = {n.key: n for n in old.nodes()}
    new_nodes = {n.key: n for n in new.nodes()}
    new_order = {n.key: i for i, n in enumerate(new.nodes())}
    by_old = {k: m for m in matches for k in m.old}
    anchor: dict[str, float] = {}  # old key -> where it is (or would be) in the new order
    last = -1.0
    for node in old.nodes():
        match = by_old.get(node.key)
        if match is not None and match.new:
            last = float(new_order[match.new[0]])
        else:
            last += 0.001  # a deleted node stays where it used to be
        anchor[node.key] = last
    rows: list[tuple[float, ReportRow]] = []
    for match in matches:
        if match.node_kind not in LISTED_KINDS or (match.kind == UNCHANGED and not match.renumbered):
            continue
        olds = [old_nodes[k] for k in match.old]
        news = [new_nodes[k] for k in match.new]
        change = KIND_LABELS[match.kind]
        if match.renumbered and match.kind in (UNCHANGED, MOVED):
            change = RENUMBERED_LABEL if match.kind == UNCHANGED else f"{change}、{RENUMBERED_LABEL}"
        if match.kind == REWORDED and match.moved:
            change += "、移动"
        if news:
            position = float(new_order[news[0].key])
            side, key = "new", news[0].key
        else:
            position = anchor[olds[0].key]
            side, key = "old", olds[0].key
        rows.append((position, ReportRow(
            match.old, match.new, match.node_kind, match.kind, change,
            place(olds[0]) if olds else "", place(news[0]) if news else "",
            "\n".join(node_text(n) for n in olds), "\n".join(node_text(n) for n in news),
            match.confidence, units.get((side, key), ""), review.get(key, ""),
        )))  # fmt: skip
    rows.sort(key=lambda item: item[0])
    return [row for _, row in rows]


def indicator_rows(indicator_matches) -> list[tuple[str, str, str, str, str]]:
    """(序号, 指标, 项目, 原文, 修改后) for every indicator that changed, was deleted or is new."""
    result = []
    for m in indicator_matches:
        if m.kind == "unchanged":
            continue
        number = (m.new or m.old or "").removeprefix("ind")
        if m.kind in (DELETED, NEW):
            result.append((number, m.name, KIND_LABELS[m.kind], "" if m.kind == NEW else m.name,
                           "" if m.kind == DELETED else m.name))
            continue
        for field, before, after in m.changes:
            result.append((number, m.name, INDICATOR_FIELDS.get(field, field), _value(before), _value(after)))
    return result


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return "" if value is None else str(value)
