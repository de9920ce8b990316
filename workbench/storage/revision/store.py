"""Importing a revised draft as the new version of a plan, and reviewing what its tags did.

`import_revision` is one transaction: the new plan is stored, a `plan_revision`
event records which plan it revises and what changed, every match is kept in
`revision_matches`, and the old version's tags are carried to the matched new
nodes as ordinary audited writes (action `revision_carry`, one event per node
and subject, the reason citing the old node, the match kind and confidence),
so replay and `audit verify` see them like any other tag.  Flagged nodes and
orphans become `revision_items` for the reviewer; each decision on one is a
`revision_review` event.  The old plan becomes read-only (versions.py).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from workbench.storage.errors import RevisionRefused, StoreError
from workbench.storage.lazy_names import lazy_names
from workbench.storage.state.records import Changes
from workbench.storage.state.store_base import StoreBase
from workbench.storage.revision import versions

if TYPE_CHECKING:
    from workbench.core.plan import Plan
    from workbench.core.revision.carry import Carry, NodeTags, Orphan
    from workbench.core.revision.model import Revision
    from workbench.storage.revision.results import RevisionItem, RevisionResult

# core.revision (the carry and match values, seven dataclasses), storage.revision.tags and the two result
# values (results.py) are imported by the methods that use them: every Repository has these methods, and
# a command that never touches a revision (assign, departments, ...) would otherwise pay for building
# those classes at each start.

CARRY_ACTION = "revision_carry"
MOVE_ACTION = "revision_move"
REVIEW_ACTION = "revision_review"
ITEM_STATUSES = ("pending", "accepted", "retagged", "moved")


# RevisionResult and RevisionItem (results.py) on first use, for callers that import them from here.
__getattr__ = lazy_names(__name__, dict.fromkeys(("RevisionItem", "RevisionResult"),
                                                "workbench.storage.revision.results"))  # fmt: skip


class RevisionStore(StoreBase):
    # -- reads ---------------------------------------------------------------

    def revision_of(self, plan_id: int) -> int | None:
        """The plan this one revises (None for a first version)."""
        return versions.predecessor(self.db, plan_id)

    def superseded_by(self, plan_id: int) -> int | None:
        return versions.successor(self.db, plan_id)

    def revision_items(self, plan_id: int, *, kind: str | None = None, status: str | None = None) -> list[RevisionItem]:
        sql = "SELECT * FROM revision_items WHERE new_plan_id = ?"
        params: list[Any] = [plan_id]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        if status is not None:
            sql += " AND status = ?"
            params.append(status)
        return [_item(row) for row in self._rows(sql + " ORDER BY id", params)]

    def revision_item(self, item_id: int) -> RevisionItem:
        row = self._row("SELECT * FROM revision_items WHERE id = ?", [item_id])
        if row is None:
            raise StoreError(f"no revision item {item_id!r}")
        return _item(row)

    def plan_tags(self, plan_id: int) -> dict[str, NodeTags]:
        """Node key -> tags, for every node of the plan that has any."""
        from workbench.storage.revision.tags import plan_tags

        return plan_tags(self.db, plan_id)

    def revisions(self) -> list[tuple[int, int]]:
        """(new plan id, old plan id) of every revision in the workspace, newest first."""
        if not self.db["plan_revisions"].exists():  # a workspace opened read-only before the migration
            return []
        return [(int(a), int(b)) for a, b in self.db.execute(
            "SELECT new_plan_id, old_plan_id FROM plan_revisions ORDER BY new_plan_id DESC")]

    def revision_matches(self, plan_id: int) -> list[dict[str, Any]]:
        """The stored matches of a revision, in the order matching gave them."""
        rows = self._rows("SELECT * FROM revision_matches WHERE new_plan_id = ? ORDER BY position", [plan_id])
        for row in rows:
            row["old_keys"] = tuple(json.loads(row["old_keys"]))
            row["new_keys"] = tuple(json.loads(row["new_keys"]))
        return rows

    # -- import ----------------------------------------------------------------

    def import_revision(self, plan: Plan, *, revision_of: int, reason: str | None = None) -> RevisionResult:
        """Store `plan` as the new version of plan `revision_of` and carry its tags (one transaction)."""
        from workbench.storage.revision.results import RevisionResult

        old_record = self.plan(revision_of)
        if old_record is None:
            raise StoreError(f"no plan with id {revision_of!r} to revise")
        if not plan.sha256:
            raise StoreError(f"plan {plan.title!r} has no sha256; the importer must set it")
        if plan.sha256 == old_record.sha256:
            raise RevisionRefused(f"{plan.source_name or plan.title} is the same document as plan {revision_of}; "
                                  "a revision must differ from the version it revises", "same", revision_of)
        existing = self.plan_by_sha256(plan.sha256)
        if existing is not None:
            if versions.predecessor(self.db, existing.id) == revision_of:
                return RevisionResult(existing.id, revision_of, False, None)
            raise RevisionRefused(f"{plan.source_name or plan.title} is already in the workspace as plan "
                                  f"{existing.id}, not as a revision of plan {revision_of}", "elsewhere", existing.id)
        newer = versions.successor(self.db, revision_of)
        if newer is not None:
            raise StoreError(f"plan {revision_of} already has a newer version, plan {newer}: import the revision "
                             f"of plan {versions.current_version(self.db, revision_of)} instead")
        from workbench.core.revision import match_plans  # rapidfuzz: imported by the commands that match
        from workbench.core.revision.carry import plan_carry
        from workbench.storage.revision.tags import plan_tags

        old = self.load_plan(revision_of)
        revision = match_plans(old, plan)  # the slow part, outside the write lock
        counts = revision.counts(frozenset({"clause", "box_item"}))
        if counts["deleted"] and not any(counts[k] for k in ("unchanged", "moved", "reworded", "split", "merged")):
            raise RevisionRefused(f"{plan.source_name or plan.title} shares no clause with plan {revision_of} "
                                  f"({old.title}): it is not a version of it (wrong plan?); nothing imported",
                                  "unrelated", revision_of)
        texts = {n.key: n.text or n.display for n in old.nodes()}
        with self.db.atomic():
            if versions.successor(self.db, revision_of) is not None:  # revised meanwhile by another connection
                raise StoreError(f"plan {revision_of} was revised meanwhile; nothing imported")
            carry = plan_carry(revision, plan_tags(self.db, revision_of), texts)  # the tags as they are now
            before = self.event_count_now()
            new_id = self.import_plan(plan).plan_id
            event = self._event(
                action="plan_revision", subject="plan_revision", plan_sha256=plan.sha256,
                after=_revision_summary(old_record.sha256, old.title, plan, revision, carry), reason=reason,
            )  # fmt: skip
            self.db.execute(
                "INSERT INTO plan_revisions (new_plan_id, old_plan_id, event_uuid, created_at) VALUES (?, ?, ?, ?)",
                [new_id, revision_of, event, datetime.now(timezone.utc).isoformat(timespec="microseconds")],
            )
            self._store_matches(new_id, revision)
            for item in carry.carries:
                self._carry(new_id, item, old_record.sha256)
            self._store_items(new_id, carry.carries, carry.orphans)
            open_flags, open_orphans = self._carry_open_items(revision_of, new_id, carry.carries)
            events = self.event_count_now() - before
        return RevisionResult(new_id, revision_of, True, revision, len(carry.carries),
                              sum(1 for c in carry.carries if c.flagged) + open_flags,
                              len(carry.orphans) + open_orphans, events)

    def event_count_now(self) -> int:
        return int(self._scalar("SELECT count(*) FROM events"))

    def _store_matches(self, new_id: int, revision: Revision) -> None:
        self.db.conn.executemany(
            "INSERT INTO revision_matches (new_plan_id, position, kind, node_kind, old_keys, new_keys, confidence, "
            "method, moved, renumbered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (new_id, i, m.kind, m.node_kind, json.dumps(m.old), json.dumps(m.new), m.confidence, m.method,
                 int(m.moved), int(m.renumbered))
                for i, m in enumerate(revision.matches)
            ],
        )

    def _carry(self, new_id: int, item: Carry, old_sha: str) -> None:
        node = self.node_by_key(new_id, item.new_key)
        if node is None:
            raise StoreError(f"revision: node {item.new_key!r} is not in the new plan")
        keys = "+".join(item.old_keys)
        reason = f"carried from {keys} of plan {old_sha[:12]} ({item.kind}, confidence {item.confidence:.2f})"
        self.write_node_tags(node.id, item.tags, action=CARRY_ACTION, reason=reason)

    def _carry_open_items(self, old_id: int, new_id: int, carries: list[Carry]) -> tuple[int, int]:
        """Items still pending on the version being revised stay open on the new one: an orphan as it was
        (the old version is read-only, so it could no longer be moved there), a flag on the node(s) its
        node's tags went to unless the new matching flagged them already.  Returns (flags, orphans) added."""
        flagged = {c.new_key for c in carries if c.flagged}
        flags = orphans = 0
        for item in self.revision_items(old_id, status="pending"):
            if item.kind == "orphan":
                self.db.execute(
                    "INSERT INTO revision_items (new_plan_id, kind, node_key, old_keys, match_kind, reason, confidence, "
                    "tags, old_text, remarks) SELECT ?, kind, node_key, old_keys, match_kind, reason, confidence, tags, "
                    "old_text, remarks FROM revision_items WHERE id = ?", [new_id, item.id])
                orphans += 1
                continue
            for c in carries:
                if item.node_key in c.old_keys and c.new_key not in flagged:
                    flagged.add(c.new_key)
                    remarks = (*c.remarks, f"上一版本（方案 {old_id}）中尚未审核")
                    self._store_items(new_id, [replace(c, kind=item.match_kind, flagged=True,
                                                       confidence=min(c.confidence, item.confidence),
                                                       remarks=remarks)], [])
                    flags += 1
        return flags, orphans

    def _store_items(self, new_id: int, carries: list[Carry], orphans: list[Orphan]) -> None:
        rows = [
            (new_id, "flag", c.new_key, json.dumps(c.old_keys), c.kind, "", c.confidence,
             json.dumps(c.tags.as_dict(), ensure_ascii=False), "", json.dumps(c.remarks, ensure_ascii=False))
            for c in carries if c.flagged
        ]
        rows += [
            (new_id, "orphan", None, json.dumps([o.old_key]), "deleted" if o.reason == "deleted" else "indicator",
             o.reason, 1.0, json.dumps(o.tags.as_dict(), ensure_ascii=False), o.text, "[]")
            for o in orphans
        ]
        self.db.conn.executemany(
            "INSERT INTO revision_items (new_plan_id, kind, node_key, old_keys, match_kind, reason, confidence, tags, "
            "old_text, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    # -- writing tags ----------------------------------------------------------

    def write_node_tags(self, node_id: int, tags: NodeTags, *, action: str, reason: str | None) -> Changes:
        """Make the node's tags equal `tags`, one audited event per subject that changes."""
        node = self._node_ref(node_id)  # a note may sit on any node; departments only on taggable ones
        departments = dict(self.db.execute("SELECT uid, id FROM departments").fetchall())
        indicators = dict(self.db.execute("SELECT key, id FROM indicators WHERE plan_id = ?", [node.plan_id]).fetchall())
        missing = [uid for uid, _ in tags.assignments if uid not in departments]
        if missing:
            raise StoreError(f"department {missing[0]} is not in this workspace")
        events: list[str] = []
        writes = []
        if tags.assignments or self._entries(node_id):  # type: ignore[attr-defined]
            writes.append(self.set_assignments(  # type: ignore[attr-defined]
                node_id=node_id, entries=[(departments[u], r) for u, r in tags.assignments], action=action,
                reason=reason))
        if tags.indicator_links or self._link_ids(node_id):  # type: ignore[attr-defined]
            writes.append(self.set_indicator_links(  # type: ignore[attr-defined]
                node_id=node_id, indicator_ids=[indicators[k] for k in tags.indicator_links if k in indicators],
                action=action, reason=reason))
        for changes in (
            *writes,
            self.set_note(node_id=node_id, text=tags.note, action=action, reason=reason),  # type: ignore[attr-defined]
            self.set_review_status(node_id=node_id, status=tags.review_status, action=action, reason=reason),  # type: ignore[attr-defined]
            self.set_timing(node_id=node_id, timing=tags.timing, action=action, reason=reason),  # type: ignore[attr-defined]
            self.set_remark(node_id=node_id, text=tags.remark, action=action, reason=reason),  # type: ignore[attr-defined]
        ):
            events.extend(changes.events)
        return Changes(node_ids=frozenset({node_id}), events=tuple(events)) if events else Changes.none()

    # -- review decisions -----------------------------------------------------------

    def accept_revision_item(self, item_id: int, *, reason: str | None = None) -> Changes:
        """The reviewer confirms a flagged carry (or that an orphan's tags are no longer needed)."""
        with self.db.atomic():
            item = self._pending(item_id)
            return self._decide(item, "accepted", None, reason)

    def retag_revision_item(self, item_id: int, *, tags: NodeTags, reason: str | None = None) -> Changes:
        """Replace the flagged node's carried tags with `tags` and close the item."""
        with self.db.atomic():
            item = self._pending(item_id)
            if item.node_key is None:
                raise StoreError("an orphan has no node to re-tag: move it to a node instead")
            node = self._new_node(item, item.node_key)
            changes = self.write_node_tags(node, tags, action=MOVE_ACTION, reason=reason or "re-tagged after revision")
            decided = self._decide(item, "retagged", None, reason)
            return Changes(node_ids=frozenset({node}), events=changes.events + decided.events)

    def move_revision_item(self, item_id: int, *, target_node_id: int, reason: str | None = None) -> Changes:
        """Give the item's tags to another node of the new version (united with what it has) and close it.

        A flagged node's carried tags leave it; an orphan's tags find a home."""
        from workbench.core.revision.carry import NodeTags
        from workbench.storage.revision.tags import node_tags

        with self.db.atomic():
            item = self._pending(item_id)
            target = self.node(target_node_id)
            if target is None or target.plan_id != item.plan_id:
                raise StoreError("move the tags to a node of the new version")
            if item.node_key == target.key:
                raise StoreError("the tags are already on that node")
            events: list[str] = []
            why = reason or f"moved from {item.node_key or '+'.join(item.old_keys)} after revision"
            current = node_tags(self.db, item.plan_id, target.key)
            events += self.write_node_tags(target.id, _united(current, item.tags), action=MOVE_ACTION,
                                           reason=why).events
            touched = {target.id}
            if item.node_key is not None:
                source = self._new_node(item, item.node_key)
                events += self.write_node_tags(source, NodeTags(), action=MOVE_ACTION, reason=why).events
                touched.add(source)
            decided = self._decide(item, "moved", target.key, reason)
            return Changes(node_ids=frozenset(touched), events=tuple(events) + decided.events)

    def _pending(self, item_id: int) -> RevisionItem:
        item = self.revision_item(item_id)
        if item.status != "pending":
            raise StoreError(f"revision item {item_id} was already decided ({item.status})")
        versions.check_current_version(self.db, item.plan_id)
        return item

    def _new_node(self, item: RevisionItem, key: str) -> int:
        node = self.node_by_key(item.plan_id, key)
        if node is None:
            raise StoreError(f"node {key!r} is not in plan {item.plan_id}")
        return node.id

    def _decide(self, item: RevisionItem, status: str, target: str | None, reason: str | None) -> Changes:
        record = self.plan(item.plan_id)
        assert record is not None
        event = self._event(
            action=REVIEW_ACTION, subject="revision_review", plan_sha256=record.sha256,
            node_key=item.node_key or item.old_keys[0],
            before={"status": item.status},
            after={"item": item.kind, "status": status, "old_keys": list(item.old_keys), "match_kind": item.match_kind,
                   "target": target},
            reason=reason,
        )  # fmt: skip
        self.db.execute(
            "UPDATE revision_items SET status = ?, target_key = ?, decided_event = ? WHERE id = ?",
            [status, target, event, item.id],
        )
        return Changes(events=(event,))


def _item(row: dict[str, Any]) -> RevisionItem:
    from workbench.core.revision.carry import NodeTags
    from workbench.storage.revision.results import RevisionItem

    return RevisionItem(
        row["id"], row["new_plan_id"], row["kind"], row["node_key"], tuple(json.loads(row["old_keys"])),
        row["match_kind"], row["reason"], float(row["confidence"]), NodeTags.from_dict(json.loads(row["tags"])),
        row["old_text"], tuple(json.loads(row["remarks"])), row["status"], row["target_key"],
    )  # fmt: skip


def _united(current: NodeTags, extra: NodeTags) -> NodeTags:
    from workbench.core.revision.carry import NodeTags

    assignments = list(current.assignments)
    assignments += [a for a in extra.assignments if all(a[0] != b[0] for b in assignments)]
    links = list(current.indicator_links) + [k for k in extra.indicator_links if k not in current.indicator_links]
    note = "\n".join(n for n in (current.note, extra.note) if n)
    status = current.review_status if current.review_status != "unreviewed" else extra.review_status
    remark = "；".join(dict.fromkeys(r for r in (current.remark, extra.remark) if r))
    return NodeTags(tuple(assignments), tuple(links), note, status, current.timing or extra.timing, remark)


def _revision_summary(old_sha: str, old_title: str, plan: Plan, revision: Revision, carry) -> dict[str, Any]:
    return {
        "revision_of": old_sha,
        "old_title": old_title,
        "title": plan.title,
        "matches": dict(revision.counts()),
        "clauses": dict(revision.counts(frozenset({"clause", "box_item"}))),
        "indicators": [
            {"old": m.old, "new": m.new, "kind": m.kind, "changes": [list(c) for c in m.changes]}
            for m in revision.indicators if m.kind != "unchanged"
        ],
        "carried": len(carry.carries),
        "flagged": sum(1 for c in carry.carries if c.flagged),
        "orphans": [{"old": o.old_key, "reason": o.reason} for o in carry.orphans],
    }
