"""`workbench conflicts` a page at a time, and what became of closed disputes in plain Chinese."""

from __future__ import annotations

from .test_cli_audit import imported, pair, run  # noqa: F401  (fixtures)


def test_conflicts_page_and_all(capsys, pair, tmp_path, monkeypatch):  # noqa: F811
    a, b = pair
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "profile-张三"))
    for key in ("ch03/s01/p01", "ch03/s01/p02", "ch04/s01/p01"):
        run(capsys, "assign", key, "市科技局", "--db", a, "--reviewer", "张三")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "profile-李四"))
    for key in ("ch03/s01/p01", "ch03/s01/p02", "ch04/s01/p01"):
        run(capsys, "assign", key, "市财政局", "--db", b, "--reviewer", "李四")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / "profile-组长"))
    assert run(capsys, "merge", b, "--db", a, "--reviewer", "组长")[0] == 0
    code, out, _ = run(capsys, "conflicts", "--db", a)
    refs = [w[1:] for w in out.split() if w.startswith("#c")]
    assert code == 0 and len(refs) == 3
    settled = next(line.split()[0][1:] for line in out.splitlines() if "ch03/s01/p01" in line)
    code, out, _ = run(capsys, "conflicts", "--db", a, "--limit", "1", "--offset", "1")
    assert [w[1:] for w in out.split() if w.startswith("#c")] == refs[1:2]
    assert "showed 1 of 3 conflict(s), from number 2" in out
    code, _, err = run(capsys, "conflicts", "--db", a, "--limit", "-1")
    assert code != 0 and "--limit" in err
    # 组长 (who saw both sides) sets the first clause himself: the dispute there is over, and --all says how.
    assert run(capsys, "assign", "ch03/s01/p01", "天津海关", "--db", a, "--reviewer", "组长")[0] == 0
    code, out, _ = run(capsys, "conflicts", "--db", a)
    assert [w[1:] for w in out.split() if w.startswith("#c")] == [r for r in refs if r != settled]
    code, out, _ = run(capsys, "conflicts", "--db", a, "--all")
    first = next(line for line in out.splitlines() if line.startswith(f"#{settled}"))
    assert "已被组长" in first and "取代" in first
