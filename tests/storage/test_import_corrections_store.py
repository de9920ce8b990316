"""A plan's numbering scheme and the reviewer's import corrections are stored with it and recorded
in its import event; the same file and corrections give the same node ids in another workspace."""

from __future__ import annotations

import sqlite3

from workbench.core.importing import import_file
from workbench.core.importing.corrections import Correction
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository

DOC = "某区实施方案\n一、总体要求\n坚持规划引领。\n工作目标\n到2030年，完成改造。\n二、重点任务\n推进建设。\n"


def test_corrections_and_numbering_are_stored_and_audited(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(DOC, encoding="utf-8")
    fixes = (Correction("heading", 4, level=2),)
    keys = []
    for name in ("a.sqlite", "b.sqlite"):
        db = open_workspace(tmp_path / name, create=True)
        repo = Repository(db, Reviewer("张三"))
        plan = import_file(source, corrections=fixes)
        plan_id = repo.import_plan(plan).plan_id
        back = repo.load_plan(plan_id)
        assert back.corrections == fixes and back.numbering == "一、"
        assert back.root.find("ch01/s01").title == "工作目标"
        event = repo.events(limit=1)[0]
        assert event.after["corrections"] == [{"kind": "heading", "line": 4, "level": 2}]
        assert event.after["numbering"] == "一、"
        keys.append([(n.key, n.content_hash) for n in back.nodes()])
        db.close()
    assert keys[0] == keys[1]
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:
        assert conn.execute("select numbering, import_corrections from plans").fetchone() == (
            "一、", '[{"kind": "heading", "line": 4, "level": 2}]')
