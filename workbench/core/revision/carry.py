"""Which tags go where when a revised version replaces the old: a pure plan of the carry.

Given the matches (matching.py) and the old version's tags per node key, say
for every new node what it receives and on whose authority (the old keys and
the match kind), and list as orphans whatever has nowhere to go:

* unchanged and moved nodes receive their old tags unflagged;
* reworded nodes receive them flagged for review; each piece of a split node
  receives the whole node's tags, flagged; a merged node receives the union
  of its parts' tags (departments in order of first appearance, one lead
  first; indicator links united; notes joined; a status or completion time
  on which the parts disagree is left unset and said so), flagged;
* deleted nodes' tags are orphans, listed with their text, never dropped;
  so are links to indicators the new version no longer has;
* a new node receives nothing.

Tags here are departments, indicator links, the internal note, the public
remark (备注), the review status and the completion time (完成时限).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.core.revision.model import MERGED, Revision

UNREVIEWED = "unreviewed"


@dataclass(frozen=True)
class NodeTags:
    """Everything a reviewer put on one node, in portable form."""

    assignments: tuple[tuple[str, str], ...] = ()  # (department uid, role), lead first
    indicator_links: tuple[str, ...] = ()  # indicator keys
    note: str = ""
    review_status: str = UNREVIEWED
    timing: str = ""
    remark: str = ""  # the public 备注 printed in the 任务分工方案 (the note is internal)

    def __bool__(self) -> bool:
        return bool(self.assignments or self.indicator_links or self.note or self.timing or self.remark
                    or self.review_status != UNREVIEWED)

    def as_dict(self) -> dict[str, object]:
        return {
            "assignments": [list(a) for a in self.assignments],
            "indicator_links": list(self.indicator_links),
            "note": self.note,
            "review_status": self.review_status,
            "timing": self.timing,
            "remark": self.remark,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> NodeTags:
        return cls(
            tuple((str(a[0]), str(a[1])) for a in data.get("assignments") or ()),  # type: ignore[union-attr]
            tuple(str(k) for k in data.get("indicator_links") or ()),  # type: ignore[union-attr]
            str(data.get("note") or ""),
            str(data.get("review_status") or UNREVIEWED),
            str(data.get("timing") or ""),
            str(data.get("remark") or ""),
        )


@dataclass(frozen=True)
class Carry:
    """Tags one new node receives from the old version."""

    new_key: str
    old_keys: tuple[str, ...]
    kind: str  # the match kind
    confidence: float
    flagged: bool
    tags: NodeTags
    remarks: tuple[str, ...] = ()  # what the reviewer should know (disagreeing parts, dropped links)


@dataclass(frozen=True)
class Orphan:
    """Tags that have no node in the new version."""

    old_key: str
    reason: str  # "deleted": the node is gone; "indicator": the linked indicator is gone
    tags: NodeTags
    text: str  # the old node's text, so the reviewer knows what it was


@dataclass
class CarryPlan:
    carries: list[Carry] = field(default_factory=list)
    orphans: list[Orphan] = field(default_factory=list)


def plan_carry(revision: Revision, tags: Mapping[str, NodeTags], old_texts: Mapping[str, str]) -> CarryPlan:
    """What each new node receives; `tags` holds only the old nodes that have any."""
    result = CarryPlan()
    seen: set[int] = set()
    for old_key in sorted(tags, key=_document_order(revision)):
        match = revision.for_old(old_key)
        if match is None or id(match) in seen:
            continue
        seen.add(id(match))
        parts = [tags.get(k, NodeTags()) for k in match.old]
        if not any(parts):
            continue
        if not match.new:
            result.orphans.extend(
                Orphan(k, "deleted", t, old_texts.get(k, "")) for k, t in zip(match.old, parts) if t
            )
            continue
        combined, remarks = _union(parts, match.old) if match.kind == MERGED else (parts[0], [])
        links, lost = _map_links(combined.indicator_links, revision)
        if lost:
            kept = NodeTags(indicator_links=lost)
            result.orphans.append(Orphan(match.old[0], "indicator", kept, old_texts.get(match.old[0], "")))
            remarks.append("指标已删除: " + "、".join(lost))
        carried = NodeTags(combined.assignments, links, combined.note, combined.review_status, combined.timing,
                           combined.remark)
        for new_key in match.new:
            result.carries.append(Carry(new_key, match.old, match.kind, match.confidence, match.needs_review,
                                        carried, tuple(remarks)))
    return result


def _document_order(revision: Revision):
    order = {k: i for i, m in enumerate(revision.matches) for k in m.old}
    return lambda key: order.get(key, len(order))


def _map_links(keys: tuple[str, ...], revision: Revision) -> tuple[tuple[str, ...], tuple[str, ...]]:
    kept: list[str] = []
    lost: list[str] = []
    for key in keys:
        match = revision.indicator_for_old(key)
        if match is None or match.new is None:
            lost.append(key)
        elif match.new not in kept:
            kept.append(match.new)
    return tuple(kept), tuple(lost)


def _union(parts: list[NodeTags], keys: tuple[str, ...]) -> tuple[NodeTags, list[str]]:
    remarks: list[str] = []
    assignments: list[tuple[str, str]] = []
    for part in parts:
        for uid, role in part.assignments:
            if all(uid != a[0] for a in assignments):
                assignments.append((uid, role))
    first_leads = {next((uid for uid, role in p.assignments if role == "lead"), None) for p in parts if p.assignments}
    if len(first_leads) > 1:
        remarks.append("合并前各条的牵头单位不同，现均列为牵头单位")
    ordered = [a for a in assignments if a[1] == "lead"] + [a for a in assignments if a[1] != "lead"]
    links: list[str] = []
    for part in parts:
        links.extend(k for k in part.indicator_links if k not in links)
    note = _joined([(key, part.note) for key, part in zip(keys, parts) if part.note])
    remark = _joined([(key, part.remark) for key, part in zip(keys, parts) if part.remark], plain=True)
    statuses = {p.review_status for p in parts}
    status = statuses.pop() if len(statuses) == 1 else UNREVIEWED
    if len({p.review_status for p in parts}) > 1:
        remarks.append("合并前各条的审核状态不同，现为未审核")
    timings = sorted({p.timing for p in parts if p.timing})
    timing = timings[0] if len(timings) == 1 else ""
    if len(timings) > 1:
        remarks.append("合并前各条的完成时限不同（" + "、".join(timings) + "），现未设")
    return NodeTags(tuple(ordered), tuple(links), note, status, timing, remark), remarks


def _joined(texts: list[tuple[str, str]], *, plain: bool = False) -> str:
    """One text from the parts' texts; the internal note names each part, the public remark does not."""
    if len(texts) == 1:
        return texts[0][1]
    if plain:
        return "；".join(dict.fromkeys(text for _, text in texts))
    return "\n".join(f"【{key}】{text}" for key, text in texts)
