"""Attacks on the audit trail, built as an attacker would build them, against signed events.

Three reviewers with keys of their own: 甲 and 乙 work on the plan, 组长 (the
lead) keeps the roster and merges their files.  Each attack edits a file with a
plain sqlite3 connection (dropping the append-only triggers, recomputing the
hash chain with the workbench's own hash function, patching merge heads,
copying events between files, signing with a key of the attacker's own).
Each must be caught by `verify`, naming the event, and refused by merge,
which names the same event and writes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from workbench.storage.audit import audit
from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files.database import open_workspace
from workbench.storage.sync.merge import MergeError, merge_workspace
from workbench.storage.files.readonly import open_source
from workbench.storage.repository import Repository
from workbench.storage.signing import Ed25519Signer, event_message
from workbench.storage.signing.roster import Member, Roster
from workbench.storage.signing.signers import encode

from .conftest import make_plan

JIA, YI, LEAD = Ed25519Signer.generate(), Ed25519Signer.generate(), Ed25519Signer.generate()
MALLORY = Ed25519Signer.generate()


def roster(*extra: Member) -> Roster:
    r = Roster(LEAD.fingerprint, {})
    r.add(Member(LEAD.fingerprint, "组长", resolve=True))
    r.add(Member(JIA.fingerprint, "甲"))
    r.add(Member(YI.fingerprint, "乙"))
    for member in extra:
        r.add(member)
    return r


def _desk(path: Path, registry: Path, signer, who: str, lead: str) -> None:
    db = open_workspace(path, registry=registry, signer=signer)
    repo = Repository(db, Reviewer(who, f"{who}的处室"))
    repo.import_plan(make_plan())
    clauses = [r[0] for r in db.execute("SELECT id FROM nodes WHERE kind = 'clause' AND key LIKE 'ch%' ORDER BY seq")]
    dept = {d.name: d.db_id for d in repo.departments()}
    repo.assign(node_id=clauses[0], department_id=dept[lead])
    repo.set_note(node_id=clauses[1], text=f"{who}的备注")
    db.close()


@pytest.fixture
def files(tmp_path: Path, registry_file: Path) -> dict[str, Path]:
    paths = {name: tmp_path / f"{name}.sqlite" for name in ("jia", "yi", "lead")}
    _desk(paths["jia"], registry_file, JIA, "甲", "市科技局")
    _desk(paths["yi"], registry_file, YI, "乙", "市财政局")
    db = open_workspace(paths["lead"], registry=registry_file, signer=LEAD)
    Repository(db, Reviewer("组长")).import_plan(make_plan())
    db.close()
    return paths


def _merge(target: Path, source: Path, signer=LEAD, who: str = "组长", **kw):
    db = open_workspace(target, signer=signer)
    try:
        return merge_workspace(db, source, reviewer=Reviewer(who), backup=False, **kw)
    finally:
        db.close()


def _rows(path: Path) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM events ORDER BY seq")]
    finally:
        conn.close()


def _fields(row: dict) -> dict:
    fields = {name: row[name] for name in audit.HASHED_FIELDS}
    for name in ("before", "after"):
        fields[name] = None if fields[name] is None else json.loads(fields[name])
    return fields


def _rewrite(path: Path, change, *, recompute: bool = True, resign=None) -> None:
    """Drop the triggers, change events with `change(row) -> row | None`, recompute the chain with
    audit.event_hash (and, with `resign`, sign again with that key), put the triggers back."""
    rows = _rows(path)
    conn = sqlite3.connect(path)
    triggers = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('events_no_update', 'events_no_delete')")]
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("DROP TRIGGER events_no_delete")
    heads: dict[str, str] = {}
    changed = False
    for row in rows:
        new = change(dict(row))
        changed = changed or new is not None
        row = new or row
        if recompute and changed:
            row["prev_hash"] = heads.get(row["origin"], audit.ZERO_HASH)
            row["hash"] = audit.event_hash(_fields(row))
            if resign is not None:
                row["signer"] = resign.fingerprint
                row["signature"] = encode(resign.sign(event_message(resign.fingerprint, row["hash"])))
        heads[row["origin"]] = row["hash"]
        names = [n for n in row if n != "seq"]
        conn.execute(f"UPDATE events SET {', '.join(f'{n} = ?' for n in names)} WHERE seq = ?",
                     [row[n] for n in names] + [row["seq"]])
    for sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()


def _assert_caught(path: Path, files: dict[str, Path], uuid: str, fragment: str, *, with_roster=None) -> None:
    db = open_source(path)
    try:
        report = verify(db, roster=with_roster)
    finally:
        db.close()
    assert not report.ok and report.first_bad_uuid == uuid and fragment in report.reason, report.reason
    lead_before = [r["uuid"] for r in _rows(files["lead"])]
    with pytest.raises(MergeError) as refused:
        _merge(files["lead"], path, roster=with_roster)
    assert uuid in str(refused.value) and fragment in str(refused.value)
    assert [r["uuid"] for r in _rows(files["lead"])] == lead_before  # nothing written


def _event(path: Path, action: str, who: str | None = None) -> dict:
    return next(r for r in _rows(path) if r["action"] == action and (who is None or r["reviewer"] == who))


def test_honest_files_verify_and_merge_with_the_roster(files) -> None:
    for name in ("jia", "yi"):
        result = _merge(files["lead"], files[name], roster=roster())
        assert result.new_events > 0
    db = open_source(files["lead"])
    try:
        report = verify(db, roster=roster())
    finally:
        db.close()
    assert report.ok and report.unsigned == 0 and len(report.keys) == 3
    assert all("on the roster as" in line for line in report.keys)


def test_backdated_event_with_recomputed_chain_is_caught(files) -> None:
    victim = _event(files["jia"], "assign")
    month_earlier = (datetime.fromisoformat(victim["time_utc"]) - timedelta(days=30)).isoformat()
    _rewrite(files["jia"], lambda r: {**r, "time_utc": month_earlier} if r["uuid"] == victim["uuid"] else None)
    _assert_caught(files["jia"], files, victim["uuid"], "altered after it was signed")


def test_rewritten_without_recomputing_is_caught(files) -> None:
    victim = _event(files["yi"], "note")
    _rewrite(files["yi"], lambda r: {**r, "reviewer": "甲"} if r["uuid"] == victim["uuid"] else None, recompute=False)
    _assert_caught(files["yi"], files, victim["uuid"], "altered")


def test_writing_in_another_reviewers_name_is_caught(files) -> None:
    """乙 rewrites his own event as 甲's and signs the whole chain again with his own key."""
    victim = _event(files["yi"], "assign")
    _rewrite(files["yi"], lambda r: {**r, "reviewer": "甲", "reviewer_unit": "甲的处室"}
             if r["uuid"] == victim["uuid"] else None, resign=YI)  # fmt: skip
    _assert_caught(files["yi"], files, victim["uuid"], "never published under that name")


def test_rewriting_a_merged_event_in_another_copy_is_caught_and_the_honest_copy_still_merges(files) -> None:
    _merge(files["yi"], files["jia"], signer=YI, who="乙")
    victim = _event(files["yi"], "assign", "甲")
    _rewrite(files["yi"], lambda r: {**r, "reason": "改"} if r["uuid"] == victim["uuid"] else None)
    _assert_caught(files["yi"], files, victim["uuid"], "altered after it was signed")
    assert _merge(files["lead"], files["jia"]).new_events > 0  # 甲's honest copy is not spoiled


def test_patched_merge_heads_are_caught(files) -> None:
    _merge(files["yi"], files["jia"], signer=YI, who="乙")
    merge = _event(files["yi"], "merge")

    def patch(row):
        if row["uuid"] != merge["uuid"]:
            return None
        after = json.loads(row["after"])
        for head in after["heads"].values():
            head["count"] -= 1  # pretend 乙 saw less of 甲's work
        return {**row, "after": audit.canonical_json(after)}

    _rewrite(files["yi"], patch)
    _assert_caught(files["yi"], files, merge["uuid"], "altered after it was signed")


def _insert(path: Path, rows: list[dict]) -> None:
    conn = sqlite3.connect(path)
    for row in rows:
        names = [n for n in row if n != "seq"]
        conn.execute(f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                     [row[n] for n in names])
    conn.commit()
    conn.close()


def test_event_copied_into_another_file_is_caught(files) -> None:
    stolen = _event(files["jia"], "assign")
    _insert(files["yi"], [stolen])
    _assert_caught(files["yi"], files, stolen["uuid"], "does not follow the previous event of its workspace")


def test_chain_prefix_copied_into_another_file_is_caught(files) -> None:
    """Genuine, correctly chained and signed events of 甲, copied in without a merge."""
    stolen = _rows(files["jia"])
    stolen = stolen[: next(i for i, r in enumerate(stolen) if r["action"] == "assign") + 1]
    _insert(files["yi"], stolen)
    _assert_caught(files["yi"], files, stolen[0]["uuid"], "without a merge that brought it")


def test_event_moved_into_another_chain_is_caught(files) -> None:
    """甲's signed event re-chained as the latest event of 乙's workspace (hash recomputed)."""
    stolen = _event(files["jia"], "assign")
    rows = _rows(files["yi"])
    moved = {**stolen, "origin": rows[-1]["origin"], "prev_hash": rows[-1]["hash"]}
    moved["hash"] = audit.event_hash(_fields(moved))
    conn = sqlite3.connect(files["yi"])
    names = [n for n in moved if n != "seq"]
    conn.execute(f"INSERT INTO events ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                 [moved[n] for n in names])
    conn.commit()
    conn.close()
    _assert_caught(files["yi"], files, stolen["uuid"], "signed by a key never published in this workspace")


def test_key_not_on_the_roster_is_caught(files, registry_file) -> None:
    """Mallory opens 乙's file with a key of his own and writes as 乙."""
    db = open_workspace(files["yi"], signer=MALLORY)
    repo = Repository(db, Reviewer("乙", "乙的处室"))
    node = db.execute("SELECT id FROM nodes WHERE key = 'ch01/s01/p02'").fetchone()[0]
    repo.set_note(node_id=node, text="改了")
    db.close()
    first = next(r for r in _rows(files["yi"]) if r["signer"] == MALLORY.fingerprint)
    _assert_caught(files["yi"], files, first["uuid"], "not on your roster", with_roster=roster())
    # Without a roster nobody vouches for keys: the events are reported, not refused.
    db = open_source(files["yi"])
    try:
        report = verify(db)
    finally:
        db.close()
    assert report.ok and any("no roster kept here" in line for line in report.keys)


def test_a_trusted_key_writing_under_another_name_is_caught(files) -> None:
    db = open_workspace(files["yi"], signer=YI)
    repo = Repository(db, Reviewer("甲", "甲的处室"))  # 乙's key, 甲's name
    node = db.execute("SELECT id FROM nodes WHERE key = 'ch01/s01/p03'").fetchone()[0]
    repo.set_note(node_id=node, text="冒名")
    db.close()
    forged = next(r for r in _rows(files["yi"]) if r["reviewer"] == "甲" and r["action"] == "key_publish")
    _assert_caught(files["yi"], files, forged["uuid"], "the roster gives to 乙", with_roster=roster())


def test_unsigned_event_after_signed_ones_is_caught(files) -> None:
    victim = _rows(files["jia"])[-1]
    _rewrite(files["jia"], lambda r: {**r, "reason": "改", "signer": None, "signature": None}
             if r["uuid"] == victim["uuid"] else None)  # fmt: skip
    _assert_caught(files["jia"], files, victim["uuid"], "is not signed")


def test_a_number_where_the_log_keeps_text_is_caught(files) -> None:
    """乙 makes the reason column untyped and stores a number there, hashed and signed as a number.

    Its chain holds, read as stored; but copied into a workspace (TEXT columns) the number becomes text
    and the merged log no longer verifies (nor would a REAL, which SQLite's text rounds, e.g. 0.3 for
    0.30000000000000004): the file must be refused, not merged into damage.
    """
    victim = _event(files["yi"], "note")
    conn = sqlite3.connect(files["yi"])
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'events'",
                 [sql.replace("reason TEXT", "reason")])
    conn.commit()
    conn.close()
    _rewrite(files["yi"], lambda r: {**r, "reason": 7} if r["uuid"] == victim["uuid"] else None,
             resign=YI)
    check = sqlite3.connect(files["yi"])
    assert check.execute("SELECT typeof(reason) FROM events WHERE uuid = ?", [victim["uuid"]]).fetchone()[0] == "integer"
    check.close()
    _assert_caught(files["yi"], files, victim["uuid"], "not text", with_roster=roster())


def test_text_that_is_not_utf8_is_caught(files) -> None:
    """乙 stores bytes that are not UTF-8 as an event's reason, hashed and signed as stored.

    SQLite hashes such text as it is; Python cannot read it back, so merged in it would break every
    later reading of our log (audit log, history): the file must be refused.
    """
    from workbench.storage.audit.audit_chain import _TEXT_SQL
    import hashlib

    victim = _rows(files["yi"])[-1]
    conn = sqlite3.connect(files["yi"])
    triggers = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('events_no_update', 'events_no_delete')")]
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET reason = CAST(X'e694b9ff' AS TEXT) WHERE seq = ?", [victim["seq"]])
    (text,) = conn.execute(f"SELECT {_TEXT_SQL} FROM events WHERE seq = ?", [victim["seq"]]).fetchone()
    digest = hashlib.sha256(text).hexdigest()
    conn.execute("UPDATE events SET hash = ?, signature = ? WHERE seq = ?",
                 [digest, encode(YI.sign(event_message(YI.fingerprint, digest))), victim["seq"]])
    conn.execute("DROP TRIGGER events_no_delete")
    for sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()
    _assert_caught(files["yi"], files, victim["uuid"], "not valid UTF-8", with_roster=roster())
