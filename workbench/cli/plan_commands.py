"""Commands on plans and the registry: import, tree, departments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli import EXIT_OK, Command, repository


def register(command: Command) -> None:
    p = command("import", "import a plan document (.txt in UTF-8/GB18030, or .docx)", cmd_import)
    p.add_argument("file", type=Path)
    command("tree", "print the outline of every plan with counts per level", cmd_tree)
    command("departments", "list the department registry of the workspace", cmd_departments)


# -- commands ----------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from workbench.core.importing import import_file

    plan = import_file(args.file)  # parse fully before the workspace is touched
    repo = repository(args)
    result = repo.import_plan(plan)
    if result.created:  # index the new plan now, so that no later start has to
        from workbench.storage.search import ensure_index

        ensure_index(repo.db)
    verb = "imported" if result.created else "already in the workspace, nothing changed:"
    print(f"{verb} {plan.title} ({args.file.name}): {plan.count('chapter')} chapters, "
          f"{plan.count('section')} sections, {plan.count('clause')} clauses, {plan.count('box')} boxes, "
          f"{len(plan.indicators)} indicators")
    for warning in plan.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_tree(args: argparse.Namespace) -> int:
    from workbench.core.tree_export import format_outline
    from workbench.storage.reading.outline import plan_outline

    repo = repository(args, create=False)
    plans = repo.plans()
    if not plans:
        print("the workspace holds no plan yet: run `workbench import FILE`")
    for record in plans:  # headings and counts by SQL: no plan tree is loaded
        o = plan_outline(repo.db, record.id)
        print("\n".join(format_outline(o.title, o.source_name, o.sha256, o.counts, o.indicators, o.headings,
                                       o.has_parts)))  # fmt: skip
    return EXIT_OK


def cmd_departments(args: argparse.Namespace) -> int:
    from workbench.core.departments import KIND_LABELS

    repo = repository(args)
    for dept in repo.departments(include_retired=True):
        flags = (" [已撤销]" if dept.retired else "") + (" [名称待核实]" if dept.unconfirmed else "")
        aliases = f"  (曾用名/别名: {'、'.join(dept.aliases)})" if dept.aliases else ""
        print(f"{dept.name}\t{dept.full_name}\t{KIND_LABELS.get(dept.kind, dept.kind)}{flags}{aliases}")
    return EXIT_OK
