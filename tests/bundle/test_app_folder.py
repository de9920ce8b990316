"""The PyInstaller folder runs the workbench with no Python: GUI offscreen, then the CLI end to end."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import openpyxl
import pytest

from workbench import paths

from .conftest import plain_env

pytestmark = pytest.mark.slow


def run(app_dir: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(app_dir / "workbench"), *args], capture_output=True, text=True, timeout=300,
                          env=plain_env(tmp_path), cwd=tmp_path, stdin=subprocess.DEVNULL)


def test_folder_carries_what_the_app_reads(app_dir):
    data = app_dir / "_internal"
    for rel in ["resources/departments.json", "resources/i18n/workbench_en.qm", "resources/segment_words.txt",
                f"seeds/{paths.SEED_PLAN.name}", "jieba/dict.txt",
                "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                "PySide6/Qt/translations/qtbase_zh_CN.qm"]:
        assert (data / rel).is_file(), rel
    # Wayland: libqwayland.so from Qt 6.10, libqwayland-generic.so / -egl.so before
    assert list((data / "PySide6/Qt/plugins/platforms").glob("libqwayland*.so"))
    assert list((data / "resources" / "fonts").glob("*.tt[cf]")), "no CJK font bundled"
    assert not list(data.rglob("*.ts")) and not (data / "resources" / "i18n" / "update_translations.py").exists()
    assert not list(data.rglob("libQt6Quick*")), "Qt Quick came along (the virtual keyboard plugin?)"


def test_bundled_gui_starts_offscreen_and_imports_the_seed(app_dir, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # A reviewer already known in this data directory: the window imports the shipped plan at once.
    (data / "settings.ini").write_text("[reviewer]\nname=李四\nunit=市财政局\n", encoding="utf-8")
    process = subprocess.Popen([str(app_dir / "workbench")], env=plain_env(tmp_path), cwd=tmp_path,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    imported: list = []
    indexed = 0
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None and not (imported and indexed):
            time.sleep(0.5)
            if (data / "workspace.sqlite").exists():
                try:
                    with sqlite3.connect(f"file:{data / 'workspace.sqlite'}?mode=ro", uri=True) as conn:
                        imported = conn.execute(
                            "select reviewer, reviewer_unit from events where action = 'plan_import'").fetchall()
                        # the search index holds jieba's tokens: the bundled dictionary loaded
                        indexed = conn.execute("select count(*) from search_docs").fetchone()[0]
                except sqlite3.OperationalError:  # still being created
                    pass
        still_running = process.poll() is None
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert still_running, output
    assert imported == [("李四", "市财政局")], output
    assert indexed > 0, output


def test_bundled_cli_imports_the_seed_tags_and_exports_a_workbook(app_dir, tmp_path):
    db, book = tmp_path / "ws.sqlite", tmp_path / "out" / "all.xlsx"
    version = run(app_dir, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.startswith("workbench ")
    imported = run(app_dir, tmp_path, "--db", str(db), "--reviewer", "张三", "import", str(paths.SEED_PLAN))
    assert imported.returncode == 0, imported.stderr
    assert "17 chapters" in imported.stdout and "28 indicators" in imported.stdout
    assigned = run(app_dir, tmp_path, "--db", str(db), "assign", "ch04/s01/p01", "市科技局", "--reviewer", "张三")
    assert assigned.returncode == 0, assigned.stderr
    book.parent.mkdir()
    exported = run(app_dir, tmp_path, "export", "all", "-o", str(book), "--db", str(db))
    assert exported.returncode == 0, exported.stderr
    workbook = openpyxl.load_workbook(book)
    rows = [[str(c) for c in row if c is not None] for ws in workbook.worksheets for row in ws.iter_rows(values_only=True)]
    assert any("市科技局" in row and any(c.startswith("提升产业创新能力") for c in row) for row in rows)
    verified = run(app_dir, tmp_path, "--db", str(db), "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    wrong = run(app_dir, tmp_path, "--db", str(db), "improt", "x.txt")
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1
    assert not (tmp_path / "data" / "workspace.sqlite").exists()  # --db was honoured throughout
