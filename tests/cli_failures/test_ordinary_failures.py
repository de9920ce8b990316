"""Every ordinary failure of the command line: one line, exit 1, nothing written, nothing left behind."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from workbench.cli import main

from .conftest import digest, events, listing, run_cli


def one_line(stderr: str) -> str:
    assert stderr.count("\n") == 1 and stderr.startswith("workbench: "), stderr
    assert "Traceback" not in stderr
    return stderr


def test_folder_given_as_workspace(ws, capsys):
    before = listing(ws.parent)
    code = main(["assign", "ch03/s01/p02", "市科技局", "--db", str(ws.parent)])
    err = one_line(capsys.readouterr().err)
    assert code == 1 and "is a folder, not a workspace file" in err
    assert main(["tree", "--db", str(ws.parent)]) == 1
    assert "is a folder" in one_line(capsys.readouterr().err)
    assert listing(ws.parent) == before


def test_missing_table_is_refused_before_anything_is_written(ws, capsys):
    conn = sqlite3.connect(ws)
    conn.execute("DROP TABLE notes")
    conn.commit()
    conn.close()
    before, files = digest(ws), listing(ws.parent)
    code = main(["assign", "ch03/s01/p02", "市科技局", "--db", str(ws)])
    err = one_line(capsys.readouterr().err)
    assert code == 1 and "is damaged" in err and "'notes' is missing" in err
    assert digest(ws) == before and listing(ws.parent) == files
    assert main(["tree", "--db", str(ws)]) == 1  # reading commands make the same check
    assert "'notes' is missing" in one_line(capsys.readouterr().err)


def test_damaged_workspace_gets_one_line(ws, capsys):
    data = bytearray(ws.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 7):  # scribble over interior pages
        data[offset + 100 : offset + 400] = b"\xa5" * 300
    ws.write_bytes(bytes(data))
    before, files = digest(ws), listing(ws.parent)
    code = main(["assign", "ch03/s01/p02", "市科技局", "--db", str(ws)])
    err = one_line(capsys.readouterr().err)
    assert code == 1 and "is damaged" in err
    assert digest(ws) == before and listing(ws.parent) == files


def test_soft_line_break_in_a_department_name_is_refused_naming_it(ws, capsys):
    count = events(ws)
    code = main(["department", "add", "市数据\x0b局", "--db", str(ws)])
    err = one_line(capsys.readouterr().err)
    assert code == 1 and "U+000B" in err and "soft line break" in err
    code = main(["department", "rename", "市科技局", "市科学\x0b技术局", "--db", str(ws)])
    assert code == 1 and "U+000B" in one_line(capsys.readouterr().err)
    assert events(ws) == count


def test_bad_bytes_in_a_plan_name_file_line_and_column(tmp_path, seed_path, capsys):
    lines = seed_path.read_text(encoding="utf-8").encode("gbk", errors="replace").split(b"\n")
    lines[40] = lines[40][:6] + b"\x80\xff" + lines[40][6:]  # after three Chinese characters
    bad = tmp_path / "plan-gbk.txt"
    bad.write_bytes(b"\n".join(lines))
    target = tmp_path / "ws.sqlite"
    code = main(["import", str(bad), "--db", str(target)])
    err = one_line(capsys.readouterr().err)
    assert code == 1 and str(bad) in err and "line 41, column 4" in err and "GB18030" in err
    assert not target.exists()


def test_lock_held_by_another_process(ws, capsys, monkeypatch):
    from workbench.storage.files import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 400)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(ws)!r}, isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE')\nprint('holding', flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        count = events(ws)
        code = main(["assign", "ch03/s01/p02", "市科技局", "--db", str(ws)])
        err = one_line(capsys.readouterr().err)
        assert code == 1 and f"is locked by process {holder.pid}" in err and "python" in err
        assert events(ws) == count
        # commands that only read neither wait for nor take the write lock
        assert main(["tree", "--db", str(ws)]) == 0
        out = ws.parent / "book.xlsx"
        assert main(["export", "all", "-o", str(out), "--db", str(ws)]) == 0 and out.exists()
        assert main(["audit", "verify", "--db", str(ws)]) == 0
    finally:
        holder.kill()
        holder.wait()


def test_read_only_medium(ws, mounts, tmp_path, seed_workspace):
    medium = mounts.tmpfs("64m")
    if medium is None:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    shutil.copyfile(ws, medium / "ws.sqlite")
    shutil.copyfile(seed_workspace, medium / "colleague.sqlite")
    assert mounts.remount_read_only(medium)
    target = medium / "ws.sqlite"
    before, files = digest(target), listing(medium)
    result = run_cli("assign", "ch03/s01/p02", "市科技局", "--db", target)
    assert result.returncode == 1 and "read-only medium" in one_line(result.stderr)
    result = run_cli("tree", "--db", target)  # reading works, and creates nothing
    assert result.returncode == 0 and "第三章" in result.stdout
    out = tmp_path / "from-ro.xlsx"
    assert run_cli("export", "division", "-o", out, "--db", target).returncode == 0 and out.exists()
    # a colleague's workspace brought on a read-only stick merges in
    result = run_cli("merge", medium / "colleague.sqlite", "--db", ws)
    assert result.returncode == 0, result.stderr
    assert digest(target) == before and listing(medium) == files


def test_full_disk_write_command(ws, mounts, tmp_path):
    medium = mounts.tmpfs("64m")
    count = events(ws)
    if medium is not None:
        target = medium / "ws.sqlite"
        shutil.copyfile(ws, target)
        filler = medium / "filler"
        subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=1M", "count=80"], capture_output=True)
        files = listing(medium)
        result = run_cli("assign", "ch03/s01/p02", "市科技局", "--db", target)
        folder = medium
    else:  # no mount: a file-size limit makes every growing write fail the same way
        target, folder, files = ws, ws.parent, listing(ws.parent)
        result = run_cli("assign", "ch03/s01/p02", "市科技局", "--db", target, fsize=4096)
    err = one_line(result.stderr)
    assert result.returncode == 1 and "full" in err and "nothing was written" in err
    assert events(target) == count and listing(folder) == files
    if medium is not None:  # reading still works on the full disk, and an export to another drive too
        result = run_cli("tree", "--db", target)
        assert result.returncode == 0 and "第三章" in result.stdout, result.stderr
        book = tmp_path / "elsewhere.xlsx"
        assert run_cli("export", "division", "-o", book, "--db", target).returncode == 0 and book.exists()
        assert listing(folder) == files


def test_full_disk_export_leaves_no_part_and_no_temp_files(ws, mounts, tmp_path):
    medium = mounts.tmpfs("1m")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {"TMPDIR": str(scratch)}
    if medium is not None:
        filler = medium / "filler"
        subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=1k", "count=1016"], capture_output=True)
        out = medium / "all.xlsx"
        result = run_cli("export", "all", "-o", out, "--db", ws, env=env)
    else:  # a file-size limit; the WAL index is kept open here so that only the workbook must grow
        out = tmp_path / "out" / "all.xlsx"
        out.parent.mkdir()
        keep = sqlite3.connect(ws)
        keep.execute("SELECT count(*) FROM events").fetchone()
        result = run_cli("export", "all", "-o", out, "--db", ws, env=env, fsize=8192)
        keep.close()
    err = one_line(result.stderr)
    assert result.returncode == 1 and "full" in err
    assert not out.exists() and listing(out.parent) in ([], ["filler"])  # no workbook, no .part
    assert listing(scratch) == []  # no openpyxl temp files, no scratch folder


def test_scratch_folders_of_dead_processes_are_swept(tmp_path):
    from workbench.core.scratch import PREFIX, sweep

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{PREFIX}{dead.pid}-abc"
    stale.mkdir()
    (stale / "openpyxl.xyz.xml").write_bytes(b"x" * 1000)
    alive = tmp_path / f"{PREFIX}{__import__('os').getpid()}-def"
    alive.mkdir()
    assert sweep(tmp_path) == 1
    assert not stale.exists() and alive.exists()


def test_import_division_says_when_nothing_changed(ws, tmp_path, capsys):
    import openpyxl

    book = tmp_path / "division.xlsx"
    assert main(["export", "division", "-o", str(book), "--db", str(ws)]) == 0
    wb = openpyxl.load_workbook(book)
    sheet = wb["任务分工"]
    header = [c.value for c in sheet[2]]
    task_row = next(r[0].row for r in sheet.iter_rows(min_row=3) if r[-1].value == "ch03/s01/p01")
    sheet.cell(row=task_row, column=header.index("责任单位") + 1).value = "市科技局、市教委"
    wb.save(book)
    assert main(["import-division", str(book), "--db", str(ws), "--reviewer", "王五", "--yes"]) == 0
    capsys.readouterr()
    count = events(ws)
    assert main(["import-division", str(book), "--db", str(ws), "--reviewer", "王五", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "applied 1 change" not in out and events(ws) == count


def test_full_disk_each_into_leaves_no_empty_folder(ws, mounts):
    """QA: `export department --each-into DIR` on a full disk said "nothing was written" but left DIR behind."""
    assert main(["assign", "ch03/s01/p02", "市科技局", "--db", str(ws)]) == 0
    medium = mounts.tmpfs("1m")
    if medium is None:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    subprocess.run(["dd", "if=/dev/zero", f"of={medium / 'filler'}", "bs=1k", "count=1016"], capture_output=True)
    result = run_cli("export", "department", "--each-into", medium / "各部门", "--db", ws)
    assert result.returncode == 1 and "full" in result.stderr
    assert listing(medium) == ["filler"]


def test_a_department_name_with_each_into_is_refused_not_ignored(ws, tmp_path, capsys):
    """QA: `export department 市科技局 --each-into DIR` ignored the name and wrote every department."""
    assert main(["assign", "ch03/s01/p02", "市科技局", "--db", str(ws)]) == 0
    assert main(["assign", "ch03/s01/p01", "市财政局", "--db", str(ws)]) == 0
    capsys.readouterr()
    out = tmp_path / "部门"
    assert main(["export", "department", "市科技局", "--each-into", str(out), "--db", str(ws)]) == 1
    assert "-o FILE" in capsys.readouterr().err and not out.exists()
