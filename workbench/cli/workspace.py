"""Opening the workspace for a command: for writing, or only for reading.

A command that only reads (tree, export, departments, audit, agreement) opens
the workspace with storage.database.open_reader: one check, no write lock,
nothing written, so it works on a read-only medium and while another program
holds the write lock.  A command that writes opens it with open_workspace
(one check; read-only files and held locks refused before anything is
written) after the backup policy of storage.backups has had its say.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench import paths

OPEN: list = []  # connections to close when the command ends (cli._run closes them)


def workspace_path(args: argparse.Namespace) -> Path:
    return Path(args.db or paths.default_workspace())


def _reviewer(args: argparse.Namespace):
    from workbench.cli import _default_reviewer
    from workbench.storage.audit.audit import Reviewer

    return Reviewer(args.reviewer or _default_reviewer(), args.unit)


def writer(args: argparse.Namespace, *, create: bool = True):
    """A Repository on the workspace opened for writing."""
    from workbench.cli import CliError
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository

    db_path = workspace_path(args)
    if create and not db_path.is_dir():
        db_path.parent.mkdir(parents=True, exist_ok=True)
    elif not db_path.exists():
        raise CliError(f"{db_path}: no such workspace (import a plan first)")
    existed = db_path.is_file() and db_path.stat().st_size > 0
    db = open_workspace(db_path, create=create)
    OPEN.append(db)
    if existed:  # once a day, before the day's first write (a new workspace has nothing to lose)
        from workbench.storage.backups import daily_backup

        daily_backup(db_path, source=db.conn)
    return Repository(db, _reviewer(args))


def backup_before(repo, args: argparse.Namespace, *, reason: str, detail: str):
    """A copy of the workspace before a large write (plan import, 任务分工 import); printed."""
    from workbench.storage.backups import take_backup

    copy = take_backup(repo.db.conn, workspace_path(args), reason=reason, detail=detail, reviewer=repo.reviewer.name)
    print(f"backup before the {'import' if reason == 'import' else '任务分工 import'}: {copy}")
    return copy


def reader(args: argparse.Namespace, *, create: bool = False):
    """A Repository on the workspace opened only for reading (created first when `create` and missing)."""
    from workbench.cli import CliError
    from workbench.storage.files.database import open_reader
    from workbench.storage.repository import Repository

    db_path = workspace_path(args)
    if not db_path.exists():
        if create:
            writer(args, create=True)
            OPEN.pop().close()
        else:
            raise CliError(f"{db_path}: no such workspace (import a plan first)")
    db = open_reader(db_path)
    OPEN.append(db)
    return Repository(db, _reviewer(args))
