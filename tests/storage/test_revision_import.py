"""Importing a revised draft as the new version of a fully tagged plan, on a real workspace file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.revision_drafts import ADDED_TEXTS, draft_revision, tag_fully
from workbench.core.importing import import_file, import_lines
from workbench.core.revision import AUTOMATIC_KINDS, REVIEW_KINDS
from workbench.storage.audit.audit_verify import verify
from workbench.storage.errors import StoreError
from workbench.storage.revision.store import CARRY_ACTION
from workbench.storage.revision.tags import plan_tags
from workbench.storage.revision.versions import ReadOnlyPlanError

PARAGRAPHS = ("clause", "box_item")


@pytest.fixture
def files(tmp_path: Path, seed_path: Path) -> tuple[Path, Path]:
    text = seed_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    revised, _ = draft_revision(lines, import_lines(lines, seed_path.name))
    draft = tmp_path / "征求意见稿.txt"
    draft.write_text(text, encoding="utf-8")
    approved = tmp_path / "批准稿.txt"
    approved.write_text("\n".join(revised), encoding="utf-8")
    return draft, approved


@pytest.fixture
def tagged(repo, files):
    draft, _ = files
    old_id = repo.import_plan(import_file(draft)).plan_id
    tag_fully(repo, old_id)
    return old_id


def _translate(tags, revision):
    """Old tags as the new version should hold them (indicator keys through the indicator matching)."""
    links = tuple(revision.indicator_for_old(k).new for k in tags.indicator_links)
    return tags.__class__(tags.assignments, links, tags.note, tags.review_status, tags.timing, tags.remark)


def test_revision_carries_every_tag_by_the_rules(repo, files, tagged):
    _, approved = files
    old_tags = plan_tags(repo.db, tagged)
    result = repo.import_revision(import_file(approved), revision_of=tagged)
    assert result.created and result.plan_id != tagged
    revision = result.revision
    new_tags = plan_tags(repo.db, result.plan_id)
    flags = {i.node_key: i for i in repo.revision_items(result.plan_id, kind="flag")}
    orphans = {i.old_keys[0]: i for i in repo.revision_items(result.plan_id, kind="orphan")}
    old = repo.load_plan(tagged)
    checked = {kind: 0 for kind in ("unchanged", "moved", "reworded", "split", "merged", "deleted")}
    for node in old.nodes():
        if node.kind not in PARAGRAPHS:
            continue
        assert node.key in old_tags, f"{node.key} should have been tagged"
        match = revision.for_old(node.key)
        checked[match.kind] += 1
        if match.kind in AUTOMATIC_KINDS:
            (new_key,) = match.new
            assert new_tags[new_key] == _translate(old_tags[node.key], revision), node.key
            assert new_key not in flags
        elif match.kind in REVIEW_KINDS:
            for new_key in match.new:
                assert flags[new_key].status == "pending" and flags[new_key].match_kind == match.kind
                assert node.key in flags[new_key].old_keys
                carried = new_tags[new_key]
                if match.kind == "merged":  # the union of the parts, one list
                    parts = [old_tags[k] for k in match.old]
                    assert {u for p in parts for u, _ in p.assignments} == {u for u, _ in carried.assignments}
                    assert set(carried.indicator_links) == {revision.indicator_for_old(k).new
                                                            for p in parts for k in p.indicator_links}
                else:  # reworded, and each piece of a split clause: the old tags exactly
                    assert carried == _translate(old_tags[node.key], revision), (node.key, new_key)
        else:
            orphan = orphans[node.key]
            assert orphan.tags == old_tags[node.key] and orphan.old_text == node.text
    assert checked["reworded"] == 12 and checked["split"] == 1 and checked["merged"] == 2
    assert checked["deleted"] == 3 and checked["moved"] == 8 and checked["unchanged"] > 250
    assert sum(1 for t in new_tags.values() if t.remark) > 40  # the public 备注 travelled too
    # Nothing is carried to a new clause.
    new_plan = repo.load_plan(result.plan_id)
    added = [n for n in new_plan.nodes() if n.text in ADDED_TEXTS]
    assert len(added) == 5
    for node in added:
        assert node.key not in new_tags
        assert all(s.key not in new_tags for s in node.children)


def test_carried_tags_are_audited_events_citing_the_old_node(repo, files, tagged):
    _, approved = files
    result = repo.import_revision(import_file(approved), revision_of=tagged)
    new_sha = repo.plan(result.plan_id).sha256
    events = repo.events(action=CARRY_ACTION)
    assert events and all(e.plan_sha256 == new_sha for e in events)
    for event in events:
        match = result.revision.for_new(event.node_key)
        assert "+".join(match.old) in event.reason and f"({match.kind}," in event.reason
    assert len(repo.events(action="plan_revision")) == 1
    report = verify(repo.db)
    assert report.ok, report.reason


def test_the_old_version_stays_read_only_with_its_tags_and_history(repo, files, tagged):
    _, approved = files
    before = plan_tags(repo.db, tagged)
    events_before = len(repo.events(plan_sha256=repo.plan(tagged).sha256))
    result = repo.import_revision(import_file(approved), revision_of=tagged)
    assert plan_tags(repo.db, tagged) == before
    assert len(repo.events(plan_sha256=repo.plan(tagged).sha256)) == events_before
    old_clause = repo.node_by_key(tagged, "ch03/s01/p02")
    department = repo.departments()[0].db_id
    for write in (
        lambda: repo.assign(node_id=old_clause.id, department_id=department, role="support"),
        lambda: repo.set_note(node_id=old_clause.id, text="改一下"),
        lambda: repo.set_timing(node_id=old_clause.id, timing="2028"),
    ):
        with pytest.raises(ReadOnlyPlanError, match=f"old version.*plan {result.plan_id}"):
            write()
    assert plan_tags(repo.db, tagged) == before
    assert repo.superseded_by(tagged) == result.plan_id and repo.revision_of(result.plan_id) == tagged


def test_indicator_links_follow_the_indicator_matching(repo, files, tagged):
    _, approved = files
    result = repo.import_revision(import_file(approved), revision_of=tagged)
    changed = [m for m in result.revision.indicators if m.kind == "changed"]
    assert {m.old for m in changed} == {"ind4", "ind7"}
    new_indicators = {r.key for r in repo.indicators(result.plan_id)}
    for tags in plan_tags(repo.db, result.plan_id).values():
        assert set(tags.indicator_links) <= new_indicators


def test_the_seed_against_itself_carries_every_tag_unchanged(repo, files, tagged, tmp_path):
    draft, _ = files
    root = repo.node_by_key(tagged, "plan")
    repo.set_note(node_id=root.id, text="全文由市发展改革委统稿")  # a note may sit on the plan itself
    same = tmp_path / "same-text-crlf.txt"  # the same text saved with Windows line ends: another file
    same.write_bytes(draft.read_bytes().replace(b"\n", b"\r\n"))
    old_tags = plan_tags(repo.db, tagged)
    result = repo.import_revision(import_file(same), revision_of=tagged)
    assert set(result.revision.counts()) == {"unchanged"}
    new_tags = plan_tags(repo.db, result.plan_id)
    assert new_tags == old_tags  # same keys, same tags: 100% carried as unchanged
    assert result.flagged == 0 and result.orphans == 0 and result.carried == len(old_tags)
    assert not repo.revision_items(result.plan_id)
    assert verify(repo.db).ok


def test_bad_revisions_are_refused_and_change_nothing(repo, files, tagged):
    draft, approved = files
    with pytest.raises(StoreError, match="same document"):
        repo.import_revision(import_file(draft), revision_of=tagged)
    with pytest.raises(StoreError, match="no plan"):
        repo.import_revision(import_file(approved), revision_of=999)
    count = repo.event_count()
    result = repo.import_revision(import_file(approved), revision_of=tagged)
    again = repo.import_revision(import_file(approved), revision_of=tagged)
    assert not again.created and again.plan_id == result.plan_id
    assert "nothing changed" in again.summary()
    with pytest.raises(StoreError, match="already has a newer version"):
        repo.import_revision(import_file(draft).__class__(**{**import_file(draft).__dict__, "sha256": "x" * 64}),
                             revision_of=tagged)
    assert repo.event_count() > count


def test_review_decisions_are_audited_and_close_items(repo, files, tagged):
    _, approved = files
    result = repo.import_revision(import_file(approved), revision_of=tagged)
    flag = repo.revision_items(result.plan_id, kind="flag")[0]
    changes = repo.accept_revision_item(flag.id)
    assert changes and repo.revision_item(flag.id).status == "accepted"
    with pytest.raises(StoreError, match="already decided"):
        repo.accept_revision_item(flag.id)
    orphan = repo.revision_items(result.plan_id, kind="orphan")[0]
    target = repo.node_by_key(result.plan_id, "ch17/s04/p01")
    repo.move_revision_item(orphan.id, target_node_id=target.id)
    moved = plan_tags(repo.db, result.plan_id)[target.key]
    assert {uid for uid, _ in orphan.tags.assignments} <= {uid for uid, _ in moved.assignments}
    assert repo.revision_item(orphan.id).status == "moved" and repo.revision_item(orphan.id).target_key == target.key
    second = repo.revision_items(result.plan_id, kind="flag", status="pending")[0]
    lead = repo.db.execute("SELECT uid FROM departments ORDER BY id DESC LIMIT 1").fetchone()[0]
    repo.retag_revision_item(second.id, tags=second.tags.__class__(assignments=((lead, "lead"),)))
    assert plan_tags(repo.db, result.plan_id)[second.node_key].assignments == ((lead, "lead"),)
    assert len(repo.events(action="revision_review")) == 3
    assert verify(repo.db).ok


def test_a_chain_of_drafts_carries_tags_to_the_latest(repo, files, tagged, tmp_path):
    _, approved = files
    second = repo.import_revision(import_file(approved), revision_of=tagged).plan_id
    text = approved.read_text(encoding="utf-8")
    final = tmp_path / "最终稿.txt"  # one more clause reworded between 送审稿 and 批准稿
    clause = repo.load_plan(second).root.find("ch10/s02/p01").text
    final.write_text(text.replace(clause, clause.replace("，", "，进一步", 1)), encoding="utf-8")
    with pytest.raises(StoreError, match="already has a newer version"):
        repo.import_revision(import_file(final), revision_of=tagged)
    third = repo.import_revision(import_file(final), revision_of=second)
    assert third.revision.for_old("ch10/s02/p01").kind == "reworded"
    assert third.revision.counts(frozenset({"clause"}))["reworded"] == 1
    tags_2, tags_3 = plan_tags(repo.db, second), plan_tags(repo.db, third.plan_id)
    assert tags_3["ch10/s02/p01"] == tags_2["ch10/s02/p01"]
    assert {k: v for k, v in tags_3.items() if not k.startswith("ch10/s02/p01")} == \
        {k: v for k, v in tags_2.items() if not k.startswith("ch10/s02/p01")}
    for old in (tagged, second):
        with pytest.raises(ReadOnlyPlanError, match=f"current version, plan {third.plan_id}"):
            repo.set_note(node_id=repo.node_by_key(old, "ch10/s02/p01").id, text="x")
    assert verify(repo.db).ok
