"""The command line never surprises a script: options anywhere, errors in one line, the GUI only when asked."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

import workbench.__main__ as entry


@pytest.fixture
def no_gui(monkeypatch):
    """Record GUI starts instead of opening a window."""
    calls: list[list[str]] = []
    monkeypatch.setattr("workbench.app.run_gui", lambda argv: calls.append(list(argv)) or 0)
    return calls


def last_event(path) -> tuple[str, str, str]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select reviewer, reviewer_unit, action from events order by seq desc limit 1").fetchone()


def spawn(*args: str, tmp_path) -> subprocess.CompletedProcess[str]:
    """The real `python -m workbench`, no stdin, its own data directory; a window would hang it (timeout)."""
    env = {**os.environ, "WORKBENCH_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=env, timeout=120)


def test_global_options_before_the_command_import_and_attribute(tmp_path, seed_path, no_gui):
    db = tmp_path / "ws.sqlite"
    assert entry.main(["--db", str(db), "--reviewer", "张三", "--unit", "市发展改革委", "import", str(seed_path)]) == 0
    assert last_event(db) == ("张三", "市发展改革委", "plan_import")
    # and mixed: one before, one after
    assert entry.main(["--db", str(db), "assign", "ch04/s01/p01", "市科技局", "--reviewer", "李四"]) == 0
    assert last_event(db)[:2] == ("李四", "")
    assert no_gui == []


def test_nested_command_takes_global_options_before_it(tmp_path, seed_path, no_gui):
    db = tmp_path / "ws.sqlite"
    assert entry.main(["import", str(seed_path), "--db", str(db)]) == 0
    assert entry.main(["--db", str(db), "--reviewer", "王五", "department", "add", "市低空经济局"]) == 0
    assert last_event(db)[0] == "王五"
    assert no_gui == []


def test_options_before_the_command_in_a_real_process(tmp_path, seed_path):
    db = tmp_path / "ws.sqlite"
    result = spawn("--db", str(db), "import", str(seed_path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert db.exists() and not (tmp_path / "data" / "workspace.sqlite").exists()
    result = spawn("--db", str(db), "tree", tmp_path=tmp_path)
    assert result.returncode == 0 and "天津" in result.stdout


@pytest.mark.parametrize("argv", [
    ["bogus"],
    ["--db", "X.sqlite", "bogus"],
    ["--bogus"],
    ["tree", "stray"],
    ["gui", "stray"],
    ["--db"],
    ["import"],
    ["--db", "X.sqlite", "import", "a.txt", "b.txt"],
])  # fmt: skip
def test_usage_errors_are_one_line_exit_2_and_never_the_gui(argv, tmp_path, capsys, no_gui, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert entry.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("workbench") and err.count("\n") == 1, err
    assert no_gui == [] and list(tmp_path.iterdir()) == []


def test_unknown_command_in_a_real_process(tmp_path):
    result = spawn("--db", str(tmp_path / "ws.sqlite"), "improt", "plan.txt", tmp_path=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "improt" in result.stderr
    assert not (tmp_path / "ws.sqlite").exists() and not (tmp_path / "data").exists()


def test_reviewer_for_the_window_is_refused(no_gui, capsys):
    assert entry.main(["--reviewer", "张三"]) == 2
    assert entry.main(["gui", "--unit", "市商务局"]) == 2
    assert no_gui == [] and capsys.readouterr().err.count("\n") == 2


def test_gui_only_with_no_command_or_gui(no_gui, capsys):
    assert entry.main([]) == 0
    assert entry.main(["--db", "w.sqlite"]) == 0
    assert entry.main(["gui"]) == 0
    assert entry.main(["--db", "x.sqlite", "gui"]) == 0
    assert entry.main(["gui", "--db", "y.sqlite"]) == 0
    assert no_gui == [[], ["--db", "w.sqlite"], [], ["--db", "x.sqlite"], ["--db", "y.sqlite"]]
    assert entry.main(["--version"]) == 0 and "0." in capsys.readouterr().out
    assert len(no_gui) == 5


def test_a_plan_id_is_not_mistaken_for_a_sha256_prefix():
    """`--plan 3` once named two plans (plan 3 and a plan whose sha256 begins with 3) and was refused."""
    from types import SimpleNamespace

    from workbench.cli import CliError, select_plans

    plans = [SimpleNamespace(id=1, sha256="3a" + "0" * 62), SimpleNamespace(id=3, sha256="ff" + "0" * 62)]
    repo = SimpleNamespace(plans=lambda: plans, superseded_by=lambda plan_id: None)
    assert [p.id for p in select_plans(repo, "3")] == [3]
    assert [p.id for p in select_plans(repo, "3a")] == [1]
    with pytest.raises(CliError):
        select_plans(repo, "")  # an empty selector names no plan, not every plan
