"""`workbench audit`, `merge`, `conflicts`, `resolve` and `agreement` end to end on real files."""

from __future__ import annotations

import gc
import json
import shutil
import sqlite3

import openpyxl
import pytest

from workbench.cli import main

NODE = "ch03/s01/p01"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def imported(tmp_path_factory, seed_path):
    path = tmp_path_factory.mktemp("seed") / "imported.sqlite"
    assert main(["import", str(seed_path), "--db", str(path), "--reviewer", "导入"]) == 0
    gc.collect()  # the command's connection
    with sqlite3.connect(path) as conn:  # everything into the main file before it is copied
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def pair(tmp_path, imported, seed_path):
    """Two reviewers' workspaces of the seed plan (each its own workspace)."""
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    shutil.copy(imported, a)
    assert main(["import", str(seed_path), "--db", str(b), "--reviewer", "导入"]) == 0
    return a, b


def test_verify_log_and_filters(capsys, pair, tmp_path):
    a, _ = pair
    assert run(capsys, "assign", NODE, "市科技局", "--db", a, "--reviewer", "张三", "--unit", "规划处")[0] == 0
    assert run(capsys, "assign", NODE, "市财政局", "--role", "support", "--db", a, "--reviewer", "李四")[0] == 0
    code, out, _ = run(capsys, "audit", "verify", "--db", a)
    assert code == 0 and out.startswith("OK")
    code, out, _ = run(capsys, "audit", "log", "--db", a, "--node", NODE)
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 3 and "张三 (规划处)  assign" in lines[0]
    assert "市科技局(牵头) → 市科技局(牵头)、市财政局(配合)" in lines[1] and lines[2] == "2 event(s)"
    code, out, _ = run(capsys, "audit", "log", "--db", a, "--reviewer", "李四", "--format", "json")
    published, entry = json.loads(out)  # 李四's first write publishes the key it is signed with
    assert published["action"] == "key_publish" and published["signer"] == entry["signer"] != ""
    assert entry["reviewer"] == "李四" and entry["node_key"] == NODE and entry["department_name"] == "市财政局"
    code, out, _ = run(capsys, "audit", "log", "--db", a, "--department", "市科委", "--format", "json")
    assert len(json.loads(out)) == 2  # by alias; the second event lists it before and after
    code, out, _ = run(capsys, "audit", "log", "--db", a, "--since", "2999-01-01")
    assert code == 0 and out.strip() == "no events"
    xlsx = tmp_path / "log.xlsx"
    assert run(capsys, "audit", "log", "--db", a, "--format", "xlsx", "-o", xlsx)[0] == 0
    rows = list(openpyxl.load_workbook(xlsx).active.values)
    # registry load, import, two assignments, each writer's key_publish before its first write
    # (the copy is opened by the same key, so it is not a new identity and records no copy)
    assert rows[0][0] == "序号" and len(rows) == 1 + 8 and rows[-1][2] == "李四"
    assert rows[0][-1] == "签名密钥" and all(len(r[-1]) == 64 for r in rows[1:])
    code, _, err = run(capsys, "audit", "log", "--db", a, "--department", "不存在的局")
    assert code == 1 and "unknown department" in err
    code, _, err = run(capsys, "audit", "log", "--db", a, "--format", "xlsx")
    assert code == 1 and "-o FILE.xlsx" in err


def test_merge_conflict_resolve_agreement(capsys, pair, tmp_path, monkeypatch):
    a, b = pair

    def as_reviewer(name: str) -> None:  # each on a computer (a profile, a key) of his own
        monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / f"profile-{name}"))

    as_reviewer("张三")
    run(capsys, "assign", NODE, "市科技局", "--db", a, "--reviewer", "张三")
    run(capsys, "assign", "ch03/s01/p02", "市科技局", "--db", a, "--reviewer", "张三")
    as_reviewer("李四")
    run(capsys, "assign", NODE, "市财政局", "--db", b, "--reviewer", "李四")
    run(capsys, "assign", "ch03/s01/p02", "市科技局", "--db", b, "--reviewer", "李四")
    as_reviewer("组长")  # the lead opens 张三's file: it becomes the lead's workspace of its own
    code, out, _ = run(capsys, "merge", b, "--db", a, "--reviewer", "组长")
    ref = next(w for w in out.split() if w.startswith("#c"))[1:]
    assert code == 0 and "1 new conflict" in out and len(ref) == 8 and "张三" in out and "李四" in out
    assert "backup before the merge" in out and list((tmp_path / "backups").glob("a.sqlite.*.merge.sqlite"))
    code, out, _ = run(capsys, "merge", b, "--db", a, "--reviewer", "组长")
    assert code == 0 and "nothing new" in out
    code, out, _ = run(capsys, "conflicts", "--db", a)
    assert code == 0 and out.count("#") == 1 and "牵头单位不同" in out and "shown now" in out
    code, out, _ = run(capsys, "agreement", "--db", a, "-o", tmp_path / "agree.xlsx")
    assert code == 0 and "clauses rated by all: 2" in out and "agreement 50.0%" in out
    assert openpyxl.load_workbook(tmp_path / "agree.xlsx")["一致性"].cell(row=2, column=2).value == 2
    code, _, err = run(capsys, "resolve", ref, "--take", "不存在的局", "--db", a, "--reviewer", "组长")
    assert code == 1 and "unknown department" in err
    as_reviewer("张三")  # a party may not decide his own case
    code, _, err = run(capsys, "resolve", ref, "--take", "a", "--db", a, "--reviewer", "组长")
    assert code == 1 and "party to this dispute" in err
    as_reviewer("组长")
    code, out, _ = run(capsys, "resolve", ref, "--take", "市财政局,市科技局", "--reason", "会商", "--db", a,
                       "--reviewer", "组长")  # fmt: skip
    assert code == 0 and f"resolved conflict #{ref}" in out
    code, out, _ = run(capsys, "conflicts", "--db", a)
    assert out.strip() == "no open conflicts"
    code, out, _ = run(capsys, "audit", "log", "--db", a, "--node", NODE)
    assert "conflict_resolution" in out and "会商" in out and "市财政局(牵头)、市科技局(配合)" in out
    assert run(capsys, "audit", "verify", "--db", a)[0] == 0
    # The other reviewer takes the lead reviewer's work back: the decision comes along, no conflict.
    as_reviewer("李四")
    code, out, _ = run(capsys, "merge", a, "--db", b, "--reviewer", "李四")
    assert code == 0 and "0 new conflict" in out and "0 open" in out
    code, out, _ = run(capsys, "audit", "log", "--db", b, "--node", NODE)
    assert "市财政局(牵头)、市科技局(配合)  〔会商〕  [key " in out.strip().splitlines()[-2]


def test_a_merge_lists_its_first_new_conflicts_and_says_how_many_more(capsys, pair, tmp_path, monkeypatch):
    """Two reviewers' whole plans can disagree 50,000 times: merge prints the first MERGE_LISTED, then a count."""
    from workbench.cli import merge_commands

    a, b = pair
    nodes = [NODE, "ch03/s01/p02", "ch05/s01/p01"]
    for path, name, department in ((a, "张三", "市科技局"), (b, "李四", "市财政局")):
        monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / f"profile-{name}"))
        for node in nodes:
            run(capsys, "assign", node, department, "--db", path, "--reviewer", name)
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "profile-组长"))
    monkeypatch.setattr(merge_commands, "MERGE_LISTED", 2)
    code, out, _ = run(capsys, "merge", b, "--db", a, "--reviewer", "组长")
    assert code == 0 and "3 new conflict(s)" in out
    assert out.count("#c") == 2 and "... and 1 more new conflict(s)" in out and "resolve with" in out
    code, out, _ = run(capsys, "conflicts", "--db", a)
    assert code == 0 and out.count("#c") == 3


def test_merge_refusals(capsys, pair, tmp_path, seed_path):
    a, _ = pair
    other = tmp_path / "other.txt"
    other.write_text(seed_path.read_text(encoding="utf-8").replace("天津", "北京", 1), encoding="utf-8")
    c = tmp_path / "c.sqlite"
    assert main(["import", str(other), "--db", str(c), "--reviewer", "王五"]) == 0
    code, _, err = run(capsys, "merge", c, "--db", a)
    assert code == 1 and "different plan" in err
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\0" * 4096)
    code, _, err = run(capsys, "merge", junk, "--db", a)
    assert code == 1 and "not a workbench workspace" in err
    with sqlite3.connect(a) as conn:
        merges = "SELECT count(*) FROM events WHERE action = 'merge' AND json_extract(after, '$.copy') IS NULL"
        assert conn.execute(merges).fetchone()[0] == 0
    code, _, err = run(capsys, "merge", tmp_path / "missing.sqlite", "--db", a)
    assert code == 1 and "no such file" in err
