"""`workbench department add|rename|retire|restore`: keeping the registry current.

Renaming keeps the old name as an alias and retiring keeps every assignment,
so documents and audit entries that name a body the old way still resolve.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli import EXIT_OK, CliError, Command, repository
from workbench.core.departments import KIND_LABELS, KIND_ORDER


def register(command: Command) -> None:
    p = command("department", "add, rename, retire or restore a department of the workspace registry",
                cmd_department)
    sub = p.add_subparsers(dest="operation", metavar="OPERATION", required=True)
    add = sub.add_parser("add", help="add a department")
    add.add_argument("name", help="official short name, e.g. 市数据局")
    add.add_argument("--full-name", default="", help="e.g. 天津市数据局")
    add.add_argument("--kind", choices=KIND_ORDER, default="government_department",
                     help="; ".join(f"{k}={v}" for k, v in KIND_LABELS.items()))
    add.add_argument("--alias", action="append", default=[], help="a former or colloquial name (repeatable)")
    add.add_argument("--keyword", action="append", default=[], help="a word that suggests it (repeatable)")
    rename = sub.add_parser("rename", help="rename a department; the old name becomes an alias")
    rename.add_argument("name")
    rename.add_argument("new_name")
    for op in ("retire", "restore"):
        q = sub.add_parser(op, help=f"{op} a department (its assignments are kept)")
        q.add_argument("name")
    for q in (add, rename, *[sub.choices[o] for o in ("retire", "restore")]):
        q.add_argument("--reason", default=None)
        # the shared options may also follow the operation's own arguments
        q.add_argument("--db", type=Path, default=argparse.SUPPRESS)
        q.add_argument("--reviewer", default=argparse.SUPPRESS)
        q.add_argument("--unit", default=argparse.SUPPRESS)


def cmd_department(args: argparse.Namespace) -> int:
    repo = repository(args, create=False)
    if args.operation == "add":
        repo.add_department(name=args.name, full_name=args.full_name, kind=args.kind, aliases=tuple(args.alias),
                            keywords=tuple(args.keyword), reason=args.reason)
        print(f"added {args.name}")
        return EXIT_OK
    dept = repo.find_department(args.name)
    if dept is None:
        from workbench.core.division_import import suggestions

        hint = "、".join(suggestions(args.name, repo.departments(include_retired=True))) or "none"
        raise CliError(f"unknown department {args.name!r} (did you mean: {hint})")
    if args.operation == "rename":
        repo.rename_department(department_id=dept.db_id, new_name=args.new_name, reason=args.reason)
        print(f"renamed {dept.name} to {args.new_name} ({dept.name} is kept as an alias)")
    elif args.operation == "retire":
        repo.retire_department(department_id=dept.db_id, reason=args.reason)
        print(f"retired {dept.name}; its assignments are kept")
    else:
        repo.restore_department(department_id=dept.db_id, reason=args.reason)
        print(f"restored {dept.name}")
    return EXIT_OK
