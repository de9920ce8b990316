"""Merging a reviewer who still works on an old version into a workspace that has the new one.

The merge itself (storage/sync/merge.py) brings the reviewer's events in and
replays them onto the old version's nodes, which the repository keeps
read-only but replay must still reproduce.  Then every old node whose tags the
merge changed is carried on into the new version by the same matching that
carried the tags at import (the stored `revision_matches`), as
`revision_carry` events citing the old node, the match kind and the merge:

* a new node that still holds exactly what the carry gave it (nobody re-tagged
  it on the new version) receives the merged tags, flagged for review when the
  match kind needs review, as at import;
* a new node re-tagged on the new version meanwhile keeps its tags, and the
  merged tags become a pending review item beside it ("merge"), so neither
  reviewer's work is lost;
* an old node without a counterpart (deleted) gives an orphan.

Only one version ahead is carried: a chain of revisions (draft 1 -> 2 -> 3)
carries into draft 2, which is itself read-only; say so rather than guess.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.revision.carry import NodeTags, plan_carry
from workbench.core.revision.model import NodeMatch, Revision

from workbench.storage.sync.merge import MergeResult, merge_workspace
from workbench.storage.revision.store import CARRY_ACTION
from workbench.storage.revision.tags import plan_tags


@dataclass
class MergeCarry:
    carried: list[str] = field(default_factory=list)  # new node keys that received merged tags
    held: list[str] = field(default_factory=list)  # new node keys re-tagged meanwhile: review items instead
    orphans: list[str] = field(default_factory=list)  # old keys without a counterpart
    skipped: list[str] = field(default_factory=list)  # old keys whose new version is itself superseded
    adopted: list[int] = field(default_factory=list)  # revisions another workspace made, now linked here too

    def summary(self) -> str:
        if not (self.carried or self.held or self.orphans or self.skipped or self.adopted):
            return ""
        if self.adopted and not (self.carried or self.held or self.orphans or self.skipped):
            return f"plan(s) {', '.join(map(str, self.adopted))} recorded as new version(s), as the other workspace had them"
        text = (f"carried into the new version: {len(self.carried)} node(s); {len(self.held)} held for review "
                f"(re-tagged there meanwhile); {len(self.orphans)} orphan(s)")
        if self.skipped:
            text += f"; {len(self.skipped)} not carried (the new version has itself been revised)"
        return text


def merge_with_revisions(repo, other: Path, *, reason: str | None = None, **options) -> tuple[MergeResult, MergeCarry]:
    """merge_workspace, then carry what it changed on old versions into their new versions."""
    links = [(old, new) for new, old in repo.revisions()]
    before = {old: plan_tags(repo.db, old) for old, _ in links}
    result = merge_workspace(repo.db, other, reviewer=repo.reviewer, reason=reason, **options)
    report = MergeCarry()
    if result.new_events:
        for old, new in links:
            carry_changes(repo, old, new, before[old], report, f"merge of {Path(other).name}",
                          disputed=_new_conflict_keys(repo, old, result.new_conflicts))
        report.adopted = adopt_revision_links(repo)
    return result, report


def adopt_revision_links(repo) -> list[int]:
    """Record revisions another workspace made (its `plan_revision` events came with the merge) between
    plans this workspace holds but had not linked; their carried tags came as events already.
    Returns the new plan ids linked."""
    from workbench.core.revision import match_plans
    from workbench.core.revision.carry import plan_carry

    adopted: list[int] = []
    for event in repo.events(action="plan_revision"):
        after = event.after if isinstance(event.after, dict) else {}
        new = repo.plan_by_sha256(event.plan_sha256 or "")
        old = repo.plan_by_sha256(str(after.get("revision_of") or ""))
        if new is None or old is None or repo.revision_of(new.id) is not None:
            continue
        if repo.superseded_by(old.id) is not None:
            continue  # this workspace revised the old plan otherwise: keep its own link
        old_plan, new_plan = repo.load_plan(old.id), repo.load_plan(new.id)
        revision = match_plans(old_plan, new_plan)
        texts = {n.key: n.text or n.display for n in old_plan.nodes()}
        carry = plan_carry(revision, plan_tags(repo.db, old.id), texts)
        with repo.db.atomic():
            repo.db.execute(
                "INSERT INTO plan_revisions (new_plan_id, old_plan_id, event_uuid, created_at) VALUES (?, ?, ?, ?)",
                [new.id, old.id, event.uuid, event.time_utc],
            )
            repo._store_matches(new.id, revision)
            repo._store_items(new.id, carry.carries, carry.orphans)
        adopted.append(new.id)
    return adopted


def _new_conflict_keys(repo, old_id: int, conflict_ids) -> frozenset[str]:
    """Node keys of plan `old_id` that the merge's new conflicts are about."""
    if not conflict_ids:
        return frozenset()
    sha = repo.plan(old_id).sha256
    marks = ", ".join("?" for _ in conflict_ids)
    rows = repo.db.execute(f"SELECT node_key FROM conflicts WHERE plan_sha256 = ? AND id IN ({marks}) "
                           "AND node_key IS NOT NULL", [sha, *conflict_ids]).fetchall()
    return frozenset(r[0] for r in rows)


def carry_changes(repo, old_id: int, new_id: int, before: dict[str, NodeTags], report: MergeCarry,
                  why: str, disputed: frozenset[str] = frozenset()) -> None:
    """Carry the tags of old nodes that changed since `before` into plan `new_id` (see the module docstring).

    Old nodes newly `disputed` by the merge are flagged on the new version even when the side the old
    node shows did not change (a dispute shows one side, chosen without regard to time: replay.py).
    """
    now = plan_tags(repo.db, old_id)
    changed = {k for k in set(before) | set(now) if before.get(k, NodeTags()) != now.get(k, NodeTags())}
    changed |= disputed
    if not changed:
        return
    if repo.superseded_by(new_id) is not None:
        report.skipped.extend(sorted(changed))
        return
    revision = _stored_revision(repo, new_id)
    groups = {id(m): m for k in changed if (m := revision.for_old(k)) is not None}
    old_plan = repo.load_plan(old_id)
    texts = {n.key: n.text or n.display for n in old_plan.nodes()}
    current = plan_tags(repo.db, new_id)
    old_sha = repo.plan(old_id).sha256
    with repo.db.atomic():
        for match in groups.values():
            parts = set(match.old)
            was = plan_carry(revision, {k: v for k, v in before.items() if k in parts}, texts)
            will = plan_carry(revision, {k: v for k, v in now.items() if k in parts}, texts)
            expected = {c.new_key: c.tags for c in was.carries}
            for orphan in will.orphans:
                if orphan.reason == "deleted":
                    report.orphans.append(orphan.old_key)
                    _add_item(repo, new_id, "orphan", None, orphan.old_key, "deleted", orphan.tags, orphan.text,
                              ["合并进来的旧版本标注：原条目已删除"])
            incoming = {c.new_key: c for c in will.carries}
            for new_key in match.new:
                carry = incoming.get(new_key)
                tags = carry.tags if carry is not None else NodeTags()
                held = current.get(new_key, NodeTags())
                if held == tags:
                    if disputed & set(match.old):
                        _add_item(repo, new_id, "flag", new_key, "+".join(match.old), match.kind, tags, "",
                                  ["合并进来的旧版本标注",
                                   "旧版本上此条有未决的合并冲突：带入的是当前显示的一方，裁决后请在新版本上核对"])
                    continue
                node = repo.node_by_key(new_id, new_key)
                if held == expected.get(new_key, NodeTags()):
                    keys = "+".join(match.old)
                    repo.write_node_tags(node.id, tags, action=CARRY_ACTION, reason=(
                        f"carried from {keys} ({match.kind}, confidence {match.confidence:.2f}) after {why}"))
                    report.carried.append(new_key)
                    disputed = _open_conflict(repo, old_sha, match.old)
                    if match.needs_review or disputed:
                        remarks = ["合并进来的旧版本标注"]
                        if disputed:
                            remarks.append("旧版本上此条有未决的合并冲突：带入的是当前显示的一方，裁决后请在新版本上核对")
                        _add_item(repo, new_id, "flag", new_key, "+".join(match.old), match.kind, tags, "", remarks)
                else:
                    report.held.append(new_key)
                    _add_item(repo, new_id, "flag", new_key, "+".join(match.old), match.kind, tags, "",
                              ["合并进来的旧版本标注与新版本上已改的标注不同：请确认保留哪一方（重新标注可改用合并进来的标注）"])
        if report.held or report.orphans or report.carried:
            record = repo.plan(new_id)
            repo._event(action="revision_merge_carry", subject="plan_revision", plan_sha256=record.sha256,
                        after={"carried": report.carried, "held": report.held, "orphans": report.orphans},
                        reason=f"tags changed on the old version by a {why}")


def _open_conflict(repo, plan_sha256: str, keys) -> bool:
    marks = ", ".join("?" for _ in keys)
    row = repo.db.execute(
        f"SELECT 1 FROM conflicts WHERE status = 'open' AND plan_sha256 = ? AND node_key IN ({marks}) LIMIT 1",
        [plan_sha256, *keys],
    ).fetchone()
    return row is not None


def _add_item(repo, new_id: int, kind: str, node_key: str | None, old_keys: str, match_kind: str, tags: NodeTags,
              text: str, remarks: list[str]) -> None:
    repo.db.execute(
        "INSERT INTO revision_items (new_plan_id, kind, node_key, old_keys, match_kind, reason, confidence, tags, "
        "old_text, remarks) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
        [new_id, kind, node_key, json.dumps(old_keys.split("+")), match_kind, "merge",
         json.dumps(tags.as_dict(), ensure_ascii=False), text, json.dumps(remarks, ensure_ascii=False)],
    )


def _stored_revision(repo, new_id: int) -> Revision:
    from workbench.core.revision.indicators import match_indicators

    matches = [
        NodeMatch(r["kind"], r["node_kind"], r["old_keys"], r["new_keys"], r["confidence"], r["method"],
                  bool(r["moved"]), bool(r["renumbered"]))
        for r in repo.revision_matches(new_id)
    ]
    old_id = repo.revision_of(new_id)
    return Revision(matches, match_indicators(repo.load_plan(old_id).indicators, repo.load_plan(new_id).indicators))
