"""Tagging by script: assign, unassign, and reading back an edited 任务分工 sheet.

The same repository writes and audit events as the GUI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli import EXIT_OK, CliError, Command, repository, select_plans

EXIT_NOT_APPLIED = 3


def register(command: Command) -> None:
    for name, func, text in (("assign", cmd_assign, "assign a department to a node (lead or support)"),
                             ("unassign", cmd_unassign, "remove a department from a node")):
        p = command(name, text, func)
        p.add_argument("node_id", help="node id as exported, e.g. ch03/s01/p01")
        p.add_argument("department", help="department name or alias, e.g. 市科技局")
        if name == "assign":
            p.add_argument("--role", choices=["lead", "support"], default="lead")
        p.add_argument("--plan", default=None, help="plan id or sha256 prefix (needed with several plans)")
        p.add_argument("--reason", default=None)
    p = command("import-division", "apply an edited 任务分工 sheet (shows the differences first)", cmd_import_division)
    p.add_argument("file", type=Path)
    p.add_argument("--plan", default=None)
    p.add_argument("--yes", action="store_true", help="apply without asking")


def _target(repo, args) -> tuple[object, object]:
    plans = select_plans(repo, args.plan)
    matches = [(p, node) for p in plans if (node := repo.node_by_key(p.id, args.node_id)) is not None]
    if not matches:
        raise CliError(f"no node {args.node_id!r} in {'the chosen plan' if args.plan else 'any plan'}")
    if len(matches) > 1:
        raise CliError(f"node {args.node_id!r} exists in several plans: choose one with --plan")
    plan, node = matches[0]
    dept = repo.find_department(args.department)
    if dept is None:
        from workbench.core.division_import import suggestions

        hint = "、".join(suggestions(args.department, repo.departments(include_retired=True))) or "none"
        raise CliError(f"unknown department {args.department!r} (did you mean: {hint})")
    return node, dept


def cmd_assign(args: argparse.Namespace) -> int:
    repo = repository(args, create=False)
    node, dept = _target(repo, args)
    changes = repo.assign(node_id=node.id, department_id=dept.db_id, role=args.role, reason=args.reason)
    state = "、".join(f"{a.name}({'牵头' if a.role == 'lead' else '配合'})" for a in repo.assignments(node.id))
    print(("assigned" if changes.events else "unchanged") + f" {args.node_id}: {state}")
    return EXIT_OK


def cmd_unassign(args: argparse.Namespace) -> int:
    repo = repository(args, create=False)
    node, dept = _target(repo, args)
    if not any(a.department_id == dept.db_id for a in repo.assignments(node.id)):
        raise CliError(f"{dept.name} is not assigned to {args.node_id}")
    repo.unassign(node_id=node.id, department_id=dept.db_id, reason=args.reason)
    print(f"unassigned {dept.name} from {args.node_id}")
    return EXIT_OK


def cmd_import_division(args: argparse.Namespace) -> int:
    if not args.reviewer:
        raise CliError("import-division needs --reviewer NAME: the changes are attributed to that reviewer")
    from workbench.core.division_import import diff_division, read_division_sheet
    from workbench.storage.liaison.past_assignments import past_assignments
    from workbench.storage.state.snapshot import read_snapshot

    rows = read_division_sheet(args.file)
    repo = repository(args, create=False)
    plans = select_plans(repo, args.plan)
    if len(plans) != 1:
        raise CliError("the workspace holds several plans: choose one with --plan")
    plan = repo.load_plan(plans[0].id)
    diff = diff_division(rows, read_snapshot(repo.db, plan), past_assignments(repo.db, plan.sha256))
    print(f"{args.file.name}: {diff.rows_read} rows read, {diff.applicable} change(s) to apply "
          f"({len(diff.changes)} node(s) change departments), {len(diff.reports)} not applicable")
    for line in diff.change_lines():
        print("  " + line)
    if diff.reports:
        print("not applicable (listed, never applied):")
        for line in diff.report_lines():
            print("  " + line)
    if not diff.ok:
        for line in diff.unknown_lines():
            print("  " + line)
        raise CliError(f"nothing applied: {diff.unknown_lines()[0]} (fix the sheet; departments are never created "
                       "by an import)")
    if not diff.applicable:
        print("nothing to apply")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            print("not applied: run again with --yes to apply these changes", file=sys.stderr)
            return EXIT_NOT_APPLIED
        if input("apply these changes? [y/N] ").strip().lower() not in ("y", "yes"):
            print("not applied")
            return EXIT_NOT_APPLIED
    from workbench.cli.workspace import backup_before
    from workbench.storage.state.division import apply_division

    backup_before(repo, args, reason="division", detail=args.file.name)
    results = apply_division(repo, plan, diff, reviewer=repo.reviewer, reason=f"import-division {args.file.name}")
    applied = sum(1 for changes in results if changes.events)
    if applied:
        print(f"applied {applied} change(s) as {repo.reviewer.name}")
    else:
        print("nothing changed: the workspace already holds what the sheet says")
    return EXIT_OK
