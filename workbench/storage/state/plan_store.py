"""Plans in the workspace: importing a parsed plan, and reading it back as a tree.

Import is the one bulk write: a plan of a quarter of a million nodes must go in
within seconds, so node rows are built in one pass over the tree (ids assigned
in Python, parents before children) and written with executemany inside the
single import transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from workbench.core.plan import Indicator, Plan, PlanNode

from workbench.storage.errors import StoreError
from workbench.storage.state.records import Changes, ImportResult, IndicatorRecord, NodeRecord, PlanRecord
from workbench.storage.state.store_base import StoreBase

_NODE_COLUMNS = (
    "id",
    "plan_id",
    "parent_id",
    "key",
    "kind",
    "label",
    "title",
    "text",
    "number",
    "position",
    "seq",
    "depth",
    "content_hash",
    "lines",
)
_INDICATOR_FIELDS = (
    "key",
    "number",
    "category",
    "name",
    "unit",
    "base_year",
    "base_value",
    "target_year",
    "target_value",
    "attribute",
    "five_year_average",
    "five_year_cumulative",
    "base_estimated",
    "parent_key",
    "position",
)
_BOOL_FIELDS = ("five_year_average", "five_year_cumulative", "base_estimated")


def _preorder(root: PlanNode) -> Iterator[tuple[PlanNode, PlanNode | None, int, int]]:
    """(node, parent, depth, position among siblings) in document order, without recursion."""
    stack: list[tuple[PlanNode, PlanNode | None, int, int]] = [(root, None, 0, 0)]
    while stack:
        node, parent, depth, position = stack.pop()
        yield node, parent, depth, position
        children = node.children
        for index in range(len(children) - 1, -1, -1):
            stack.append((children[index], node, depth + 1, index))


def link_tree(plan_id: int, nodes: Iterable[tuple[int, int | None, PlanNode]]) -> PlanNode:
    """The root of a plan's nodes, given as (id, parent id, node) in document order: each node is added to
    its parent (read before it) in that order, which is the sibling order.  One root, or StoreError."""
    by_id: dict[int, PlanNode] = {}
    root: PlanNode | None = None
    for node_id, parent_id, node in nodes:
        by_id[node_id] = node
        if parent_id is None:
            if root is not None:
                raise StoreError(f"plan {plan_id} has more than one root node")
            root = node
        else:
            by_id[parent_id].add(node)  # add() caches the row
    if root is None:
        raise StoreError(f"plan {plan_id} has no nodes")
    return root


def _lines_json(lines: list[int]) -> str:
    """json.dumps(lines, separators=(",", ":")) for a list of ints, four times faster."""
    return "[" + ",".join(map(str, map(int, lines))) + "]"


def _parse_lines(text: str) -> list[int]:
    """json.loads for the stored line lists, without the decoder's per-call overhead."""
    inner = text.strip()[1:-1]
    if not inner.strip():
        return []
    try:
        return [int(part) for part in inner.split(",")]
    except ValueError:
        return [int(x) for x in json.loads(text)]


def _import_details(plan: Plan, node_count: int) -> dict[str, Any]:
    """The import event's `after`: what was imported, and how it was read when that is worth recording."""
    after: dict[str, Any] = {
        "title": plan.title,
        "source_name": plan.source_name,
        "node_count": node_count,
        "indicator_count": len(plan.indicators),
    }
    if plan.numbering:
        after["numbering"] = plan.numbering
    if plan.corrections:
        after["corrections"] = [c.as_dict() for c in plan.corrections]
    return after


def _plan_record(row: dict[str, Any]) -> PlanRecord:
    return PlanRecord(**row)


def _node_record(row: dict[str, Any]) -> NodeRecord:
    values = dict(row)
    values["lines"] = tuple(_parse_lines(values["lines"]))
    return NodeRecord(**values)


def _indicator(row: dict[str, Any]) -> Indicator:
    values = {name: row[name] for name in _INDICATOR_FIELDS}
    for name in _BOOL_FIELDS:
        values[name] = bool(values[name])
    return Indicator(**values)


class PlanStore(StoreBase):
    # -- writes -----------------------------------------------------------

    def import_plan(self, plan: Plan) -> ImportResult:
        """Store a parsed plan with its nodes and indicators; a known sha256 changes nothing.

        Sets `db_id` on every PlanNode of `plan` (also when it was already stored).
        """
        if not plan.sha256:
            raise StoreError(f"plan {plan.title!r} has no sha256; the importer must set it")
        if not plan.title.strip():
            raise StoreError("a plan needs a title")
        with self.db.atomic():
            existing = self.plan_by_sha256(plan.sha256)
            if existing is not None:
                ids = dict(self.db.execute("SELECT key, id FROM nodes WHERE plan_id = ?", [existing.id]))
                for node in plan.nodes():
                    node.db_id = ids.get(node.key)
                return ImportResult(existing.id, False, Changes.none())
            plan_id, assigned = self._insert_plan(plan)
            uuid = self._event(
                action="plan_import",
                subject="plan",
                plan_sha256=plan.sha256,
                after=_import_details(plan, len(assigned)),
            )
        for node, node_id in assigned:  # only once the transaction has committed
            node.db_id = node_id
        return ImportResult(plan_id, True, Changes(plan_ids=frozenset({plan_id}), events=(uuid,)))

    def _insert_plan(self, plan: Plan) -> tuple[int, list[tuple[PlanNode, int]]]:
        keys: set[str] = set()
        first_id = int(self._scalar("SELECT coalesce(max(id), 0) FROM nodes")) + 1
        ids: dict[int, int] = {}  # id(PlanNode) -> row id
        assigned: list[tuple[PlanNode, int]] = []
        rows: list[tuple[Any, ...]] = []
        cursor = self.db.execute(
            "INSERT INTO plans (title, source_name, sha256, imported_at, indicator_footnote, "
            "node_count, body_start_line, numbering, import_corrections) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
            [
                plan.title,
                plan.source_name,
                plan.sha256,
                datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                plan.indicator_footnote,
                plan.body_start_line,
                plan.numbering,
                _corrections().to_json(plan.corrections),
            ],
        )
        plan_id = int(cursor.lastrowid or 0)
        for seq, (node, parent, depth, position) in enumerate(_preorder(plan.root)):
            if node.key in keys:
                raise StoreError(f"plan {plan.title!r}: duplicate node key {node.key!r}")
            keys.add(node.key)
            node_id = first_id + seq
            ids[id(node)] = node_id
            assigned.append((node, node_id))
            rows.append(
                (
                    node_id,
                    plan_id,
                    None if parent is None else ids[id(parent)],
                    node.key,
                    node.kind,
                    node.label,
                    node.title,
                    node.text,
                    node.number,
                    position,
                    seq,
                    depth,
                    node.content_hash,
                    _lines_json(node.lines),
                )
            )
        self.db.conn.executemany(
            "INSERT INTO nodes ({}) VALUES ({})".format(
                ", ".join(_NODE_COLUMNS), ", ".join("?" for _ in _NODE_COLUMNS)
            ),
            rows,
        )
        indicator_keys = [indicator.key for indicator in plan.indicators]
        if len(set(indicator_keys)) != len(indicator_keys):
            raise StoreError(f"plan {plan.title!r}: duplicate indicator keys")
        self.db["indicators"].insert_all(
            ({"plan_id": plan_id, **{name: getattr(ind, name) for name in _INDICATOR_FIELDS}} for ind in plan.indicators),
            batch_size=500,
        )
        self.db.execute("UPDATE plans SET node_count = ? WHERE id = ?", [len(rows), plan_id])
        return plan_id, assigned

    # -- reads ------------------------------------------------------------

    def plans(self) -> list[PlanRecord]:
        return [_plan_record(row) for row in self._rows("SELECT * FROM plans ORDER BY id")]

    def plan_roots(self) -> dict[int, int]:
        """Every plan's root node id, by plan id (one indexed query: the roots have no parent)."""
        return dict(self.db.execute("SELECT plan_id, id FROM nodes WHERE parent_id IS NULL"))

    def plan(self, plan_id: int) -> PlanRecord | None:
        row = self._row("SELECT * FROM plans WHERE id = ?", [plan_id])
        return _plan_record(row) if row else None

    def plan_by_sha256(self, sha256: str) -> PlanRecord | None:
        row = self._row("SELECT * FROM plans WHERE sha256 = ?", [sha256])
        return _plan_record(row) if row else None

    def load_plan(self, plan_id: int) -> Plan:
        """The stored plan as a PlanNode tree (db_id and row set) with its indicators.

        Two queries: nodes in document order, then indicators.  The table of
        contents and import warnings are not stored and come back empty.
        """
        record = self.plan(plan_id)
        if record is None:
            raise StoreError(f"no plan with id {plan_id!r}")
        cursor = self.db.execute(
            "SELECT id, parent_id, key, kind, label, title, text, number, lines "
            "FROM nodes WHERE plan_id = ? ORDER BY seq",
            [plan_id],
        )
        root = link_tree(plan_id, (
            (node_id, parent_id, PlanNode(kind=kind, key=key, label=label, title=title, text=text, number=number,
                                          lines=_parse_lines(lines), db_id=node_id))
            for node_id, parent_id, key, kind, label, title, text, number, lines in cursor
        ))  # fmt: skip
        return Plan(
            title=record.title,
            root=root,
            indicators=[r.indicator for r in self.indicators(plan_id)],
            indicator_footnote=record.indicator_footnote,
            source_name=record.source_name,
            sha256=record.sha256,
            body_start_line=record.body_start_line,
            numbering=record.numbering,
            corrections=_corrections().from_json(record.import_corrections),
        )

    def node(self, node_id: int) -> NodeRecord | None:
        row = self._row("SELECT * FROM nodes WHERE id = ?", [node_id])
        return _node_record(row) if row else None

    def node_by_key(self, plan_id: int, key: str) -> NodeRecord | None:
        row = self._row("SELECT * FROM nodes WHERE plan_id = ? AND key = ?", [plan_id, key])
        return _node_record(row) if row else None

    def indicators(self, plan_id: int) -> list[IndicatorRecord]:
        rows = self._rows("SELECT * FROM indicators WHERE plan_id = ? ORDER BY position, id", [plan_id])
        return [IndicatorRecord(row["id"], row["plan_id"], _indicator(row)) for row in rows]

    def indicator(self, indicator_id: int) -> IndicatorRecord | None:
        row = self._row("SELECT * FROM indicators WHERE id = ?", [indicator_id])
        return IndicatorRecord(row["id"], row["plan_id"], _indicator(row)) if row else None


def _corrections():
    """core.importing.corrections, imported when first needed: the importing package costs 10 ms of every command."""
    from workbench.core.importing import corrections

    return corrections
