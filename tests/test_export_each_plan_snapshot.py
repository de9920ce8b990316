"""`export --each-plan` exports one state: what was verified, even while another program writes meanwhile."""

from __future__ import annotations

import openpyxl

from workbench.cli import main
from workbench.core import export_xlsx
from workbench.storage.audit.audit import Reviewer
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository


def _cited_events(book) -> tuple:
    """The 说明 sheet's event count and chain head."""
    from workbench.core.export.about_sheet import LABEL_EVENTS, LABEL_HEAD

    rows = {row[0]: row[1:] for row in openpyxl.load_workbook(book)["说明"].iter_rows(values_only=True) if row}
    return rows[LABEL_EVENTS], rows[LABEL_HEAD]


def test_a_write_during_the_export_is_in_no_workbook(tmp_path, seed_path, monkeypatch, capsys):
    db = tmp_path / "ws.sqlite"
    district = tmp_path / "district.txt"
    district.write_text(seed_path.read_text(encoding="utf-8").replace("天津市", "天津市河西区"), encoding="utf-8")
    assert main(["import", str(seed_path), "--db", str(db)]) == 0
    assert main(["import", str(district), "--db", str(db)]) == 0
    holder = Repository(open_workspace(db), Reviewer("李四"))  # the window, open while the export runs
    plan_two = holder.plans()[1]
    node = holder.db.execute("SELECT id FROM nodes WHERE plan_id = ? AND key = 'ch03/s01/p01'",
                             [plan_two.id]).fetchone()[0]  # fmt: skip
    department = next(d for d in holder.departments() if d.name == "市科技局")
    real = export_xlsx.export_workbook
    written = []

    def export_then_write(*args, **kwargs):
        yield from real(*args, **kwargs)
        written.append(args[1])
        if len(written) == 1:  # between the first workbook and the second
            holder.assign(node_id=node, department_id=department.db_id, role="lead")

    monkeypatch.setattr(export_xlsx, "export_workbook", export_then_write)
    try:
        assert main(["export", "all", "--each-plan", str(tmp_path / "out"), "--db", str(db)]) == 0, \
            capsys.readouterr().err
    finally:
        holder.db.close()
    assert len(written) == 2
    first, second = (_cited_events(book) for book in written)
    assert first == second  # the same event count and chain head: the state before the write
    ws = openpyxl.load_workbook(written[1])["任务分工"]
    assert not [r for r in ws.iter_rows(min_row=2, values_only=True) if r[-1] == "ch03/s01/p01" and r[8]]


def test_an_unchanged_workspace_is_verified_once_for_many_exports(tmp_path, seed_path, monkeypatch, capsys):
    import sqlite3
    import time

    from workbench.storage.audit import audit_verify
    from workbench.storage.checks import stamp

    db = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(db)]) == 0
    assert main(["assign", "ch03/s01/p01", "市科技局", "--db", str(db)]) == 0
    time.sleep(2 * stamp.TICK_NS / 1e9)  # a file changed within the last clock tick is not noted as verified
    calls = []
    real = audit_verify.verify
    monkeypatch.setattr(audit_verify, "verify", lambda *a, **k: calls.append(1) or real(*a, **k))
    for n in range(3):
        assert main(["export", "all", "-o", str(tmp_path / f"all{n}.xlsx"), "--db", str(db)]) == 0
    assert len(calls) == 1
    conn = sqlite3.connect(db)  # behind the app's back: the state no longer matches the events
    conn.execute("UPDATE assignments SET role = 'support'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["export", "all", "-o", str(tmp_path / "tampered.xlsx"), "--db", str(db)]) == 1
    assert "export refused" in capsys.readouterr().err and len(calls) == 2
    assert not (tmp_path / "tampered.xlsx").exists()


def test_a_change_just_before_the_export_opens_the_file_is_verified(tmp_path, seed_path, monkeypatch, capsys):
    """The verified stamp is compared with the file as the export reads it, not as it was a moment before."""
    import sqlite3
    import time

    from workbench.storage.files import readonly
    from workbench.storage.checks import stamp

    db = tmp_path / "ws.sqlite"
    assert main(["import", str(seed_path), "--db", str(db)]) == 0
    assert main(["assign", "ch03/s01/p01", "市科技局", "--db", str(db)]) == 0
    time.sleep(2 * stamp.TICK_NS / 1e9)
    assert main(["export", "all", "-o", str(tmp_path / "all.xlsx"), "--db", str(db)]) == 0  # verified, noted
    real = readonly.check_workspace

    def checked_then_tampered(path, **kwargs):  # another program writes between the checks and the open
        real(path, **kwargs)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE assignments SET role = 'support'")
        conn.commit()
        conn.close()

    monkeypatch.setattr(readonly, "check_workspace", checked_then_tampered)
    capsys.readouterr()
    assert main(["export", "all", "-o", str(tmp_path / "tampered.xlsx"), "--db", str(db)]) == 1
    assert "export refused" in capsys.readouterr().err
