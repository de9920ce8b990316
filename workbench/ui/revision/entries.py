"""The rows of the change review: the 对照表's rows, one per new node, each with its review item.

A split clause gives one row per piece (each piece is reviewed on its own);
flagged sentences and orphaned sentence tags, which the 对照表 folds into
their paragraph, get rows of their own here because each has a decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.revision.carry import NodeTags
from workbench.core.revision.report import KIND_LABELS, ReportRow, indicator_rows, node_text, place
from workbench.storage.revision.report_data import RevisionData
from workbench.storage.revision.store import RevisionItem


INDICATOR_GONE = "关联指标已删除"
INDICATOR_CHANGED = "指标修改"


@dataclass(frozen=True)
class Entry:
    row: ReportRow
    new_key: str | None
    new_node_id: int | None
    item: RevisionItem | None
    tags: NodeTags  # the new node's current tags (the orphan's tags for a deleted node)

    @property
    def pending(self) -> bool:
        return self.item is not None and self.item.status == "pending"

    @property
    def untagged_new(self) -> bool:
        return self.row.kind == "new" and not self.tags


def build_entries(data: RevisionData, new_tags: dict[str, NodeTags]) -> list[Entry]:
    new_nodes = {n.key: n for n in data.new.nodes()}
    old_nodes = {n.key: n for n in data.old.nodes()}
    flags = {i.node_key: i for i in data.items if i.kind == "flag"}
    orphans = {i.old_keys[0]: i for i in data.items if i.kind == "orphan" and i.reason == "deleted"}
    used: set[int] = set()
    entries: list[Entry] = []
    for row in data.rows:
        if row.new_keys:
            for key in row.new_keys:
                item = flags.get(key)
                if item is not None:
                    used.add(item.id)
                node = new_nodes[key]
                text = node_text(node) if len(row.new_keys) > 1 else row.new_text
                piece = ReportRow(row.old_keys, (key,), row.node_kind, row.kind, row.change, row.old_place,
                                  row.new_place, row.old_text, text, row.confidence, row.units, row.review)
                entries.append(Entry(piece, key, node.db_id, item, new_tags.get(key, NodeTags())))
        else:
            item = orphans.get(row.old_keys[0])
            if item is not None:
                used.add(item.id)
            entries.append(Entry(row, None, None, item, item.tags if item else NodeTags()))
    for item in data.items:  # sentences and indicator orphans
        if item.id in used:
            continue
        old = old_nodes.get(item.old_keys[0])
        new = new_nodes.get(item.node_key) if item.node_key else None
        kind = item.match_kind if item.match_kind in KIND_LABELS else "deleted"
        label = INDICATOR_GONE if item.reason == "indicator" else KIND_LABELS[kind]
        row = ReportRow(item.old_keys, (item.node_key,) if item.node_key else (), old.kind if old else "",
                        kind, label, place(old), place(new), item.old_text or (old.text if old else ""),
                        new.text if new else "", item.confidence, "", "")
        tags = new_tags.get(item.node_key, NodeTags()) if item.node_key else item.tags
        entries.append(Entry(row, item.node_key, new.db_id if new else None, item, tags))
    for number, name, field, before, after in indicator_rows(data.indicators):
        change = INDICATOR_CHANGED if field not in (KIND_LABELS["deleted"], KIND_LABELS["new"]) else f"指标{field}"
        row = ReportRow((), (), "indicator", "indicator", change, f"主要指标 {number}", "",
                        f"{name}\n{field}：{before}" if before else "", f"{name}\n{field}：{after}" if after else "",
                        1.0, "", "")
        entries.append(Entry(row, None, None, None, NodeTags()))
    return entries
