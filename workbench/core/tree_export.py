"""Plan trees as plain data: the JSON export other tools read, and the outline summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from workbench.core import plan as P
from workbench.core.plan import Plan, PlanNode

OUTLINE_KINDS = (P.PART, P.CHAPTER, P.SECTION, P.CLAUSE, P.BOX, P.BOX_ITEM, P.SENTENCE)
KIND_NAMES_ZH = {
    P.PART: "篇", P.CHAPTER: "章", P.SECTION: "节", P.CLAUSE: "条", P.BOX: "专栏", P.BOX_ITEM: "专栏条目",
    P.SENTENCE: "句", P.INDICATOR_TABLE: "指标表",
}


def node_dict(node: PlanNode) -> dict[str, Any]:
    return {
        "id": node.key,
        "kind": node.kind,
        "label": node.label,
        "title": node.title,
        "text": node.text,
        "content_hash": node.content_hash,
        "children": [node_dict(child) for child in node.children],
    }


def plan_dict(plan: Plan) -> dict[str, Any]:
    return {
        "title": plan.title,
        "source_name": plan.source_name,
        "sha256": plan.sha256,
        "counts": dict(kind_counts(plan)),
        "tree": node_dict(plan.root),
        "indicators": [ind.as_dict() for ind in plan.indicators],
        "indicator_footnote": plan.indicator_footnote,
        "indicator_markers": {
            "*": "五年平均数 (five-year average)",
            "〔〕": "五年累计数 (five-year cumulative)",
            "base_estimated": "基期数值为预计数 (base-year value is an estimate)",
        },
    }


def kind_counts(plan: Plan) -> Counter[str]:
    return Counter(node.kind for node in plan.nodes() if node.kind != P.PLAN)


def outline_lines(plan: Plan) -> list[str]:
    """A readable outline: plan totals, then each part/chapter with what it holds."""
    headings = []
    for node in plan.root.walk():
        if node.kind in (P.PART, P.CHAPTER, P.SECTION):
            headings.append((node.kind, node.display, Counter(n.kind for n in node.walk() if n is not node)))
    return format_outline(plan.title, plan.source_name, plan.sha256, kind_counts(plan), len(plan.indicators),
                          headings, _has_parts(plan))  # fmt: skip


def format_outline(
    title: str, source_name: str, sha256: str, counts: Counter[str], indicators: int,
    headings: list[tuple[str, str, Mapping[str, int]]], has_parts: bool,
) -> list[str]:  # fmt: skip
    """The outline's lines from its parts: totals per kind, and (kind, display, kinds below) per heading."""
    total = "，".join(f"{KIND_NAMES_ZH[k]} {counts[k]}" for k in OUTLINE_KINDS if counts.get(k))
    lines = [f"{title}  ({source_name}, sha256 {sha256[:12]})", f"  共计：{total}，指标 {indicators}"]
    depth = {P.PART: 1, P.CHAPTER: 1 if not has_parts else 2, P.SECTION: 2 if not has_parts else 3}
    for kind, display, inner in headings:
        detail = "，".join(f"{KIND_NAMES_ZH[k]} {inner[k]}" for k in (P.SECTION, P.CLAUSE, P.BOX) if inner.get(k))
        lines.append(f"{'  ' * depth[kind]}{display}  [{detail}]")
    return lines


def _has_parts(plan: Plan) -> bool:
    return any(child.kind == P.PART for child in plan.root.children)
