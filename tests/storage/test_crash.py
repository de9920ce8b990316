"""A writer killed with SIGKILL mid-stream loses nothing it reported as committed.

A child process makes 1,000 writes through the Repository and prints each
write's event uuid once the write has returned (committed).  The parent kills
it partway, then opens the file: every reported event is there, the file is
intact and the audit trail verifies.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbench.storage.audit.audit import Reviewer
from workbench.storage.audit.audit_verify import verify
from workbench.storage.files.database import open_workspace
from workbench.storage.repository import Repository

from .conftest import make_plan

WRITES = 1000
KILL_AFTER = 150

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository

    db = open_workspace(Path(sys.argv[1]))
    repo = Repository(db, Reviewer("写入进程", "测试"))
    clauses = [r[0] for r in db.execute("SELECT id FROM nodes WHERE kind = 'clause' ORDER BY seq")]
    depts = [r[0] for r in db.execute("SELECT id FROM departments ORDER BY position")]
    for i in range(int(sys.argv[2])):
        node = clauses[i % len(clauses)]
        if i % 3 == 0:
            changes = repo.set_note(node_id=node, text=f"第{i}次备注")
        elif i % 3 == 1:
            changes = repo.assign(node_id=node, department_id=depts[i % len(depts)], role="support")
        else:
            current = repo.assignments(node)
            changes = (repo.unassign(node_id=node, department_id=current[-1].department_id)
                       if current else repo.set_timing(node_id=node, timing=str(2026 + i % 5)))
        for uuid in changes.events:
            print(uuid, flush=True)
    print("done", flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_writes_keeps_every_committed_event(workspace_path: Path, registry_file: Path) -> None:
    db = open_workspace(workspace_path, registry=registry_file)
    Repository(db, Reviewer("准备")).import_plan(make_plan())
    db.close()

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(workspace_path), str(WRITES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    reported: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            reported.append(line.strip())
            if len(reported) >= KILL_AFTER:
                child.send_signal(signal.SIGKILL)
                break
        reported.extend(line.strip() for line in child.stdout)  # what it printed before dying
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    assert "done" not in reported, "the child finished before it was killed: raise WRITES"
    assert len(reported) >= KILL_AFTER

    conn = sqlite3.connect(workspace_path)  # recovers the -wal as any opener would
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        present = {row[0] for row in conn.execute("SELECT uuid FROM events")}
    finally:
        conn.close()
    missing = [uuid for uuid in reported if uuid not in present]
    assert missing == []

    db = open_workspace(workspace_path)
    try:
        report = verify(db)
        assert report.ok, report.reason
        assert report.events >= len(reported) + 2
    finally:
        db.close()
