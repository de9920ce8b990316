"""Keys, roster, handout, anchored verification and read-only commands, end to end on real files.

Each reviewer has a profile of his own (WORKBENCH_DATA_DIR), so each signs
with his own key, as on separate computers.
"""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

import pytest

from workbench.cli import main

NODE = "ch03/s01/p01"


def run(capsys, *args):
    code = main([str(a) for a in args])
    gc.collect()
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def as_reviewer(monkeypatch, tmp_path: Path):
    def switch(name: str) -> None:
        monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path / f"profile-{name}"))

    return switch


@pytest.fixture
def lead_ws(capsys, tmp_path: Path, seed_path: Path, as_reviewer) -> Path:
    as_reviewer("lead")
    path = tmp_path / "lead.sqlite"
    assert run(capsys, "import", seed_path, "--db", path, "--reviewer", "组长")[0] == 0
    assert run(capsys, "assign", NODE, "市科技局", "--db", path, "--reviewer", "组长")[0] == 0
    return path


def test_handout_roster_and_verify_against_an_export(capsys, tmp_path, lead_ws, as_reviewer) -> None:
    book = tmp_path / "before.xlsx"
    assert run(capsys, "export", "all", "-o", book, "--db", lead_ws)[0] == 0
    copy = tmp_path / "for-yi.sqlite"
    code, out, _ = run(capsys, "handout", "--to", "乙", "-o", copy, "--db", lead_ws, "--reviewer", "组长")
    assert code == 0 and "for 乙" in out and not Path(f"{copy}-wal").exists()

    as_reviewer("yi")
    code, out, _ = run(capsys, "key", "show")
    yi_fingerprint = out.split("full fingerprint: ")[1].strip()
    assert run(capsys, "assign", "ch03/s01/p02", "市财政局", "--db", copy, "--reviewer", "乙")[0] == 0

    as_reviewer("lead")
    code, _, err = run(capsys, "roster", "trust", "乙", "--db", lead_ws)
    assert code == 1 and "merge that reviewer's workspace first" in err
    assert run(capsys, "merge", copy, "--db", lead_ws, "--reviewer", "组长")[0] == 0
    code, out, _ = run(capsys, "roster", "trust", "乙", "--fingerprint", yi_fingerprint[:12], "--db", lead_ws)
    assert code == 0 and "trusted 乙" in out
    code, out, _ = run(capsys, "audit", "verify", "--db", lead_ws)
    assert code == 0 and out.startswith("OK") and "on the roster as 乙" in out and "on the roster as 组长" in out, out
    code, out, _ = run(capsys, "audit", "verify", "--db", lead_ws, "--against", book)
    assert code == 0 and out.startswith("OK: against before.xlsx (说明)") and "grew from the export" in out
    code, out, _ = run(capsys, "audit", "verify", "--db", lead_ws, "--against", "ab" * 32)
    assert code == 1 and "is not in this log" in out

    # Mallory writes in 乙's copy with a key of his own: the lead's merge refuses it, naming the event.
    as_reviewer("mallory")
    code, _, err = run(capsys, "assign", "ch03/s01/p02", "天津海关", "--db", copy, "--reviewer", "乙")
    assert code == 0, err
    as_reviewer("lead")
    before = sqlite3.connect(lead_ws).execute("SELECT count(*) FROM events").fetchone()[0]
    code, _, err = run(capsys, "merge", copy, "--db", lead_ws, "--reviewer", "组长")
    assert code == 1 and "not on your roster" in err and "[event " in err
    assert sqlite3.connect(lead_ws).execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_verify_against_an_export_catches_a_rewritten_history(capsys, tmp_path, lead_ws) -> None:
    book = tmp_path / "book.xlsx"
    assert run(capsys, "export", "all", "-o", book, "--db", lead_ws)[0] == 0
    conn = sqlite3.connect(lead_ws)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("DROP TRIGGER events_no_update")
    conn.execute("UPDATE events SET hash = ? WHERE seq = (SELECT max(seq) FROM events)", ["cd" * 32])
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "audit", "verify", "--db", lead_ws, "--against", book)
    assert code == 1 and out.startswith("FAILED") and "does not verify" in out


def test_export_of_a_state_the_events_do_not_bear_out_is_refused(capsys, tmp_path, lead_ws) -> None:
    conn = sqlite3.connect(lead_ws)
    conn.execute("UPDATE assignments SET department_id = (SELECT id FROM departments WHERE name = '市财政局')")
    conn.commit()
    conn.close()
    book = tmp_path / "book.xlsx"
    code, _, err = run(capsys, "export", "division", "-o", book, "--db", lead_ws)
    assert code == 1 and "export refused" in err and NODE in err and not book.exists()


def test_read_only_commands_leave_nothing_beside_the_file(capsys, tmp_path, lead_ws) -> None:
    conn = sqlite3.connect(lead_ws)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    folder = tmp_path / "evidence"
    folder.mkdir()
    source = folder / "ws.sqlite"
    source.write_bytes(lead_ws.read_bytes())
    data = source.read_bytes()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for args in (("audit", "verify"), ("audit", "log"), ("agreement",),
                 ("export", "all", "-o", out_dir / "all.xlsx"), ("export", "tree", "-o", out_dir / "tree.json")):
        assert run(capsys, *args, "--db", source)[0] == 0, args
        assert sorted(p.name for p in folder.iterdir()) == ["ws.sqlite"], args
    assert source.read_bytes() == data


def test_a_key_protected_by_a_passphrase(capsys, tmp_path, as_reviewer, monkeypatch, seed_path) -> None:
    as_reviewer("careful")
    path = tmp_path / "ws.sqlite"
    assert run(capsys, "import", seed_path, "--db", path, "--reviewer", "张三")[0] == 0
    code, before, _ = run(capsys, "key", "show")
    monkeypatch.setenv("WORKBENCH_KEY_PASSPHRASE_NEW", "正确的口令")
    assert run(capsys, "key", "protect")[0] == 0
    monkeypatch.delenv("WORKBENCH_KEY_PASSPHRASE_NEW")
    pem = (tmp_path / "profile-careful" / "keys" / "reviewer-ed25519.pem").read_bytes()
    assert b"ENCRYPTED" in pem
    code, _, err = run(capsys, "assign", NODE, "市科技局", "--db", path, "--reviewer", "张三")
    assert code == 1 and "protected by a passphrase" in err
    monkeypatch.setenv("WORKBENCH_KEY_PASSPHRASE", "错误的口令")
    code, _, err = run(capsys, "assign", NODE, "市科技局", "--db", path, "--reviewer", "张三")
    assert code == 1 and "wrong passphrase" in err
    monkeypatch.setenv("WORKBENCH_KEY_PASSPHRASE", "正确的口令")
    assert run(capsys, "assign", NODE, "市科技局", "--db", path, "--reviewer", "张三")[0] == 0
    assert run(capsys, "key", "show")[1] == before  # the same key, now protected
    assert run(capsys, "audit", "verify", "--db", path)[0] == 0
