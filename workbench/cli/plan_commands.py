"""Commands on plans and the registry: import, tree, export tree, departments."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.cli import EXIT_OK, Command, repository, select_plans


def register(command: Command) -> None:
    p = command("import", "import a plan document (.txt in UTF-8/GB18030, or .docx)", cmd_import)
    p.add_argument("file", type=Path)
    command("tree", "print the outline of every plan with counts per level", cmd_tree)
    p = command("export", "export the plan tree as JSON", cmd_export)
    p.add_argument("what", choices=["tree"])
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--plan", default=None, help="plan id or sha256 prefix (default: every plan)")
    command("departments", "list the department registry of the workspace", cmd_departments)


# -- commands ----------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from workbench.core.importing import import_file

    plan = import_file(args.file)  # parse fully before the workspace is touched
    repo = repository(args)
    result = repo.import_plan(plan)
    verb = "imported" if result.created else "already in the workspace, nothing changed:"
    print(f"{verb} {plan.title} ({args.file.name}): {plan.count('chapter')} chapters, "
          f"{plan.count('section')} sections, {plan.count('clause')} clauses, {plan.count('box')} boxes, "
          f"{len(plan.indicators)} indicators")
    for warning in plan.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_tree(args: argparse.Namespace) -> int:
    from workbench.core.tree_export import outline_lines

    repo = repository(args, create=False)
    plans = repo.plans()
    if not plans:
        print("the workspace holds no plan yet: run `workbench import FILE`")
    for record in plans:
        for line in outline_lines(repo.load_plan(record.id)):
            print(line)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.core.tree_export import plan_dict

    repo = repository(args, create=False)
    data = {"plans": [plan_dict(repo.load_plan(p.id)) for p in select_plans(repo, args.plan)]}
    tmp = args.output.with_name(args.output.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(args.output)
    print(f"wrote {args.output} ({len(data['plans'])} plan(s))")
    return EXIT_OK


def cmd_departments(args: argparse.Namespace) -> int:
    from workbench.core.departments import KIND_LABELS

    repo = repository(args)
    for dept in repo.departments(include_retired=True):
        flags = (" [已撤销]" if dept.retired else "") + (" [名称待核实]" if dept.unconfirmed else "")
        aliases = f"  (曾用名/别名: {'、'.join(dept.aliases)})" if dept.aliases else ""
        print(f"{dept.name}\t{dept.full_name}\t{KIND_LABELS.get(dept.kind, dept.kind)}{flags}{aliases}")
    return EXIT_OK
