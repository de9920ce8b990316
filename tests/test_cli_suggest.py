"""`workbench suggest NODE_ID [--format json]` on a real workspace (issue 13)."""

from __future__ import annotations

import json

import pytest

from workbench.cli import main


@pytest.fixture()
def db(tmp_path, seed_path):
    path = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(path), "--reviewer", "张三"]) == 0
    return path


def test_suggest_json_ranks_lead_support_and_indicators(db, capsys):
    capsys.readouterr()
    before = db.read_bytes()
    assert main(["suggest", "ch15/s03/p02", "--db", str(db), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["node"] == "ch15/s03/p02" and data["kind"] == "clause"
    assert data["lead"][0]["department"] == "市生态环境局"
    assert data["lead"][0]["score"] >= data["lead"][-1]["score"]
    assert any(e["word"] == "碳" and e["where"] == "text" and e["count"] >= 10 for e in data["lead"][0]["evidence"])
    assert "碳×" in data["lead"][0]["reason"]
    assert data["lead"][0]["department"] not in [s["department"] for s in data["support"]]
    assert data["indicators"][0]["indicator"].startswith("单位地区生产总值二氧化碳排放")
    assert db.read_bytes() == before  # reading only


def test_suggest_table_for_a_section_and_the_airport(db, capsys):
    capsys.readouterr()
    assert main(["suggest", "box15/i01", "--db", str(db), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    lead_block = out.split("support (配合):")[0]
    support_block = out.split("support (配合):")[1].split("indicators")[0]
    assert "1. 市交通运输委" in lead_block
    assert "天津滨海国际机场" in support_block and "点名「天津滨海国际机场」" in support_block
    assert main(["suggest", "ch15/s01", "--db", str(db)]) == 0
    assert "1. 市生态环境局" in capsys.readouterr().out


def test_suggest_unknown_node_is_a_one_line_error(db, capsys):
    capsys.readouterr()
    assert main(["suggest", "ch99/p01", "--db", str(db)]) != 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "ch99/p01" in err
