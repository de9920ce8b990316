"""`workbench backup list|restore`: the copies kept beside a workspace, and putting one back."""

from __future__ import annotations

import argparse
import sys

from workbench.cli import EXIT_OK, CliError, Command

EXIT_NOT_APPLIED = 3


def register(command: Command) -> None:
    p = command("backup", "list the workspace's backups, or restore one (the current file is backed up first)",
                cmd_backup)
    p.add_argument("what", choices=["list", "restore"])
    p.add_argument("which", nargs="?", default=None, help="restore: the number `backup list` shows, or the file name")
    p.add_argument("--yes", action="store_true", help="restore without asking")


def cmd_backup(args: argparse.Namespace) -> int:
    from workbench.cli.workspace import workspace_path
    from workbench.storage.backups import list_backups

    workspace = workspace_path(args)
    if args.what == "list":
        backups = list_backups(workspace)
        if not backups:
            print(f"no backups of {workspace} (they are kept in {workspace.parent / 'backups'})")
        for b in backups:
            events = f"{b.events} events" if b.events is not None else "? events"
            print(f"{b.number:>3}  {b.local_time}  {b.reason_text:<40}  {events:>14}  {b.size / 1e6:8.1f} MB  {b.path.name}")
        return EXIT_OK
    return _restore(args, workspace)


def _restore(args: argparse.Namespace, workspace) -> int:
    from workbench.cli.workspace import _reviewer
    from workbench.storage.backups import restore_backup
    from workbench.storage.backups.catalog import find_backup

    if not args.which:
        raise CliError("backup restore needs the number `workbench backup list` shows (or the file name)")
    backup = find_backup(workspace, args.which)
    if backup is None:
        raise CliError(f"no backup {args.which!r} of {workspace}: see `workbench backup list`")
    print(f"restore {backup.path.name} ({backup.describe()}) into {workspace}")
    if not args.yes:
        if not sys.stdin.isatty():
            print("not restored: run again with --yes to restore", file=sys.stderr)
            return EXIT_NOT_APPLIED
        if input("the current content is kept as a backup first; restore? [y/N] ").strip().lower() not in ("y", "yes"):
            print("not restored")
            return EXIT_NOT_APPLIED
    result = restore_backup(workspace, backup, reviewer=_reviewer(args))
    if result.set_aside is not None:
        print(f"the workspace as it was is kept as {result.set_aside}")
    print(f"restored {backup.path.name}: the workspace now holds {result.events} events")
    return EXIT_OK
