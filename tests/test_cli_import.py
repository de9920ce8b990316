"""`workbench import` reports what it read: counts per level, numbering, skipped lines, warnings."""

from __future__ import annotations

import sqlite3

from workbench.cli import main


def test_seed_import_prints_levels_fidelity_and_the_skipped_contents(tmp_path, seed_path, capsys):
    code = main(["import", str(seed_path), "--db", str(tmp_path / "ws.sqlite")])
    out = capsys.readouterr()
    assert code == 0
    assert "0 parts, 17 chapters, 66 sections, 222 clauses, 23 boxes, 73 box items, 25 indicators + 3 sub-rows" in out.out
    assert "numbering: 第X章 > 第X节" in out.out
    assert "fidelity: 65410 of 65410 body characters in the tree" in out.out and "0 lost" in out.out
    assert "skipped: line 13 to line 349 (173 lines) (contents): 目录" in out.err


def test_district_plan_prints_its_scheme_and_warnings(tmp_path, capsys):
    plan = tmp_path / "district.txt"
    plan.write_text("某区实施方案\n一、总体要求\n（一）指导思想\n坚持稳中求进。\n（二）基本原则\n坚持系统观念。\n"
                    "二、重点任务\n（一）产业升级主要做法是加快智能化改造，推动数字化转型。\n", encoding="utf-8")
    code = main(["import", str(plan), "--db", str(tmp_path / "ws.sqlite")])
    out = capsys.readouterr()
    assert code == 0
    assert "0 parts, 2 chapters, 3 sections" in out.out and "numbering: 一、 > （一）" in out.out
    assert out.err == ""


def test_lost_text_refuses_and_leaves_the_workspace_untouched(tmp_path, capsys, monkeypatch):
    from workbench.core.importing import outline

    real = outline.OutlineBuilder._paragraph_text
    monkeypatch.setattr(outline.OutlineBuilder, "_paragraph_text",
                        lambda self, text, lines: None if "系统观念" in text else real(self, text, lines))
    plan = tmp_path / "district.txt"
    plan.write_text("某区实施方案\n一、总体要求\n坚持稳中求进。\n二、重点任务\n坚持系统观念。\n", encoding="utf-8")
    db = tmp_path / "ws.sqlite"
    code = main(["import", str(plan), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1 and "line 5" in err and "text would be lost" in err
    assert not db.exists() or sqlite3.connect(db).execute("select count(*) from plans").fetchone()[0] == 0


def test_corrections_file_is_applied_stored_and_gives_the_same_ids(tmp_path, capsys):
    import json

    plan = tmp_path / "district.txt"
    plan.write_text("某区实施方案\n一、总体要求\n坚持规划引领。\n工作目标\n到2030年，完成改造。\n二、重点任务\n推进建设。\n",
                    encoding="utf-8")
    fixes = tmp_path / "fixes.json"
    fixes.write_text(json.dumps({"corrections": [{"kind": "heading", "line": 4, "level": 2}]}), encoding="utf-8")
    rows = []
    for name in ("a.sqlite", "b.sqlite"):
        db = tmp_path / name
        assert main(["import", str(plan), "--corrections", str(fixes), "--db", str(db)]) == 0
        assert "2 chapters, 1 sections" in capsys.readouterr().out
        with sqlite3.connect(db) as conn:
            rows.append(conn.execute("select key, content_hash from nodes order by seq").fetchall())
            after = json.loads(conn.execute("select after from events where action = 'plan_import'").fetchone()[0])
        assert after["corrections"] == [{"kind": "heading", "line": 4, "level": 2}]
    assert rows[0] == rows[1] and ("ch01/s01",) in [(k,) for k, _ in rows[0]]
    assert main(["import", str(plan), "--db", str(tmp_path / "a.sqlite")]) == 0
    assert "imported before with other corrections" in capsys.readouterr().err


def test_a_bad_corrections_file_is_refused(tmp_path, capsys):
    plan = tmp_path / "district.txt"
    plan.write_text("某区实施方案\n一、总体要求\n坚持规划引领。\n二、重点任务\n推进建设。\n", encoding="utf-8")
    fixes = tmp_path / "fixes.json"
    fixes.write_text('[{"kind": "heading", "line": 99, "level": 1}]', encoding="utf-8")
    db = tmp_path / "ws.sqlite"
    assert main(["import", str(plan), "--corrections", str(fixes), "--db", str(db)]) == 1
    assert "the document has 6 lines" in capsys.readouterr().err
    assert not db.exists()


def test_word_import_names_paragraphs(tmp_path, seed_plan, capsys):
    from tests.seed_documents import seed_docx

    path = seed_docx(seed_plan, tmp_path / "seed.docx", contents=True, numbering="auto")
    assert main(["import", str(path), "--db", str(tmp_path / "ws.sqlite")]) == 0
    out = capsys.readouterr()
    assert "17 chapters, 66 sections" in out.out and "73 box items, 25 indicators + 3 sub-rows" in out.out
    (contents,) = [line for line in out.err.splitlines() if "(contents)" in line]
    assert contents.startswith("skipped: paragraph ") and "(84 lines)" in contents
