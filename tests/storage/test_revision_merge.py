"""A reviewer still on the old version merged into a workspace that has the new one: their tags are
carried by the same matching, re-tagged new nodes are not overwritten, deleted ones give orphans."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.revision_drafts import draft_revision
from workbench.core.importing import import_file, import_lines
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files.database import open_workspace
from workbench.storage.signing import Ed25519Signer
from workbench.storage.signing.profile import default_signer
from workbench.storage.signing.roster import Member, Roster
from workbench.storage.errors import StoreError
from workbench.storage.repository import Repository
from workbench.storage.revision.merged import merge_with_revisions
from workbench.storage.revision.tags import plan_tags

UNCHANGED = "ch03/s01/p02"
REWORDED = "ch03/s01/p01"
DELETED = "ch08/s02/p02"
BOTH = "ch05/s01/p01"  # changed by the other reviewer on the old version and by us on the new one


@pytest.fixture
def desks(tmp_path: Path, seed_path: Path, registry_file: Path):
    text = seed_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    revised, _ = draft_revision(lines, import_lines(lines, seed_path.name))
    draft, approved = tmp_path / "draft.txt", tmp_path / "approved.txt"
    draft.write_text(text, encoding="utf-8")
    approved.write_text("\n".join(revised), encoding="utf-8")
    ours_path, theirs_path = tmp_path / "ours.sqlite", tmp_path / "theirs.sqlite"
    db = open_workspace(ours_path, registry=registry_file)
    repo = Repository(db, Reviewer("张三"))
    old_id = repo.import_plan(import_file(draft)).plan_id
    dept = {d.name: d.db_id for d in repo.departments()}
    for key in (UNCHANGED, REWORDED, DELETED, BOTH):
        repo.assign(node_id=repo.node_by_key(old_id, key).id, department_id=dept["市发展改革委"])
    db.close()
    shutil.copyfile(ours_path, theirs_path)  # the other reviewer takes a copy of the draft's workspace
    ours = Repository(open_workspace(ours_path), Reviewer("张三"))
    theirs = Repository(open_workspace(theirs_path, signer=Ed25519Signer.generate()), Reviewer("李四"))  # 李四's key
    new_id = ours.import_revision(import_file(approved), revision_of=old_id).plan_id
    yield ours, theirs, theirs_path, old_id, new_id, dept
    ours.db.close()
    theirs.db.close()


def test_the_old_versions_tags_are_carried_into_the_new_version(desks):
    ours, theirs, theirs_path, old_id, new_id, dept = desks
    for key in (UNCHANGED, REWORDED, DELETED, BOTH):  # the other reviewer adds a support, still on the draft
        theirs.assign(node_id=theirs.node_by_key(old_id, key).id, department_id=dept["市科技局"], role="support")
    ours.assign(node_id=ours.node_by_key(new_id, BOTH).id, department_id=dept["市财政局"], role="support")
    ours_before = plan_tags(ours.db, new_id)[BOTH]
    theirs.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    result, carry = merge_with_revisions(ours, theirs_path, backup=False)
    assert result.new_events >= 4
    uids = {name: ours.department_uid(i) for name, i in dept.items()}
    expected = ((uids["市发展改革委"], "lead"), (uids["市科技局"], "support"))
    new_tags = plan_tags(ours.db, new_id)
    assert plan_tags(ours.db, old_id)[UNCHANGED].assignments == expected  # replay onto the old version
    assert new_tags[UNCHANGED].assignments == expected  # carried: unchanged clause, same key here
    assert new_tags[REWORDED].assignments == expected  # carried, and flagged again
    flags = [i for i in ours.revision_items(new_id, kind="flag", status="pending") if i.node_key == REWORDED]
    assert any(i.tags.assignments == expected for i in flags)
    assert new_tags[BOTH] == ours_before  # re-tagged on the new version: not overwritten ...
    held = [i for i in ours.revision_items(new_id, kind="flag") if i.node_key == BOTH]
    assert held and held[-1].tags.assignments == expected and held[-1].status == "pending"  # ... held for review
    orphans = [i for i in ours.revision_items(new_id, kind="orphan") if i.old_keys == (DELETED,)]
    assert orphans[-1].tags.assignments == expected and orphans[-1].old_text
    assert sorted(carry.carried) == sorted([UNCHANGED, REWORDED]) and carry.held == [BOTH]
    carried_events = [e for e in ours.events(action="revision_carry") if "after merge of" in (e.reason or "")]
    assert {e.node_key for e in carried_events} == {UNCHANGED, REWORDED}
    assert all(f"{e.node_key} (" in e.reason for e in carried_events)  # cites the old node and the kind
    report = verify(ours.db)
    assert report.ok, report.reason
    again, carry_again = merge_with_revisions(ours, theirs_path, backup=False)
    assert again.new_events == 0 and not carry_again.summary()


def test_a_revision_made_in_another_workspace_is_linked_here_by_the_merge(tmp_path, seed_path, registry_file):
    text = seed_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    revised, _ = draft_revision(lines, import_lines(lines, seed_path.name))
    draft, approved = tmp_path / "draft.txt", tmp_path / "approved.txt"
    draft.write_text(text, encoding="utf-8")
    approved.write_text("\n".join(revised), encoding="utf-8")
    a_path, b_path = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    a = Repository(open_workspace(a_path, registry=registry_file), Reviewer("张三"))
    old_id = a.import_plan(import_file(draft)).plan_id
    department = a.departments()[0].db_id
    a.assign(node_id=a.node_by_key(old_id, UNCHANGED).id, department_id=department)
    a.db.close()
    shutil.copyfile(a_path, b_path)
    a = Repository(open_workspace(a_path), Reviewer("张三"))
    b = Repository(open_workspace(b_path, signer=Ed25519Signer.generate()), Reviewer("李四"))  # 李四's key
    new_a = a.import_revision(import_file(approved), revision_of=old_id).plan_id
    a.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    new_b = b.import_plan(import_file(approved)).plan_id  # B imported the approved text as a plain plan
    assert b.revision_of(new_b) is None
    result, carry = merge_with_revisions(b, a_path, backup=False)
    assert result.new_events and carry.adopted == [new_b]
    assert b.revision_of(new_b) == old_id and b.superseded_by(old_id) == new_b
    assert plan_tags(b.db, new_b)[UNCHANGED] == plan_tags(a.db, new_a)[UNCHANGED]  # A's carry came as events
    with pytest.raises(StoreError, match="old version"):
        b.assign(node_id=b.node_by_key(old_id, REWORDED).id, department_id=department)
    assert len(b.revision_matches(new_b)) == len(a.revision_matches(new_a))
    assert verify(b.db).ok
    a.db.close()
    b.db.close()


def test_a_merge_conflict_on_the_old_version_can_still_be_resolved(tmp_path, seed_path, registry_file):
    from workbench.storage.disputes.conflicts import list_conflicts, resolve_conflict

    text = seed_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    revised, _ = draft_revision(lines, import_lines(lines, seed_path.name))
    draft, approved = tmp_path / "draft.txt", tmp_path / "approved.txt"
    draft.write_text(text, encoding="utf-8")
    approved.write_text("\n".join(revised), encoding="utf-8")
    ours_path, theirs_path = tmp_path / "ours.sqlite", tmp_path / "theirs.sqlite"
    ours = Repository(open_workspace(ours_path, registry=registry_file), Reviewer("张三"))
    old_id = ours.import_plan(import_file(draft)).plan_id
    ours.db.close()
    shutil.copyfile(ours_path, theirs_path)
    ours = Repository(open_workspace(ours_path), Reviewer("张三"))
    theirs = Repository(open_workspace(theirs_path, signer=Ed25519Signer.generate()), Reviewer("李四"))  # 李四's key
    dept = {d.name: d.db_id for d in ours.departments()}
    ours.assign(node_id=ours.node_by_key(old_id, UNCHANGED).id, department_id=dept["市财政局"])  # both tag the
    theirs.assign(node_id=theirs.node_by_key(old_id, UNCHANGED).id, department_id=dept["市科技局"])  # draft
    new_id = ours.import_revision(import_file(approved), revision_of=old_id).plan_id
    theirs.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    merge_with_revisions(ours, theirs_path, backup=False)
    conflicts = [c for c in list_conflicts(ours.db) if c.node_key == UNCHANGED and c.plan_sha256 == ours.plan(old_id).sha256]
    assert len(conflicts) == 1
    flags = [i for i in ours.revision_items(new_id, kind="flag") if i.node_key == UNCHANGED]
    assert flags and any("合并冲突" in r for r in flags[-1].remarks)  # the new version is told
    lead = Roster(default_signer().fingerprint, {})  # 张三 is a party: the roster lets him resolve
    lead.add(Member(default_signer().fingerprint, "张三", resolve=True))
    resolve_conflict(ours, conflicts[0].id, take="a", reason="settled on the approved text", roster=lead)
    assert not [c for c in list_conflicts(ours.db) if c.node_key == UNCHANGED and c.plan_sha256 == ours.plan(old_id).sha256]
    with pytest.raises(StoreError, match="old version"):  # otherwise the old version stays read-only
        ours.set_note(node_id=ours.node_by_key(old_id, UNCHANGED).id, text="x")
    assert plan_tags(ours.db, new_id)[UNCHANGED].assignments  # the new version has a lead
    assert verify(ours.db).ok
    ours.db.close()
    theirs.db.close()
