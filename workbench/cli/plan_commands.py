"""Commands on plans and the registry: import, tree, departments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli import EXIT_OK, Command, read_repository, repository, select_plans


def register(command: Command) -> None:
    p = command("import", "import a plan document (.txt in UTF-8/GB18030, .docx or .pdf)", cmd_import)
    p.add_argument("file", type=Path)
    p.add_argument("--corrections", type=Path, default=None, metavar="FILE.json",
                   help="apply a saved set of import corrections (headings, body text, splits, joins, ...)")
    p.add_argument("--revision-of", metavar="PLAN", default=None,
                   help="the document is a new version of this plan (id or sha256 prefix): it becomes the "
                        "current version, the old one stays read-only, and its tags are carried over")
    command("tree", "print the outline of every plan with counts per level", cmd_tree)
    command("departments", "list the department registry of the workspace", cmd_departments)


# -- commands ----------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from workbench.core.importing import import_file

    from workbench.core.importing import corrections as fixes

    chosen = fixes.load(args.corrections) if getattr(args, "corrections", None) else ()
    plan = import_file(args.file, corrections=chosen)  # parse fully before the workspace is touched
    repo = repository(args)
    old = _revised_plan(repo, args.revision_of) if getattr(args, "revision_of", None) is not None else None
    if repo.plans() and plan.sha256 not in {p.sha256 for p in repo.plans()}:
        from workbench.cli.workspace import backup_before

        backup_before(repo, args, reason="import", detail=args.file.name)
    if old is not None:
        return _import_revision(args, repo, plan, old)
    result = repo.import_plan(plan)
    if result.created:  # index the new plan now, so that no later start has to
        from workbench.storage.search import ensure_index

        ensure_index(repo.db)
    if not result.created:
        stored = repo.plan(result.plan_id)
        if stored is not None and stored.import_corrections != fixes.to_json(plan.corrections):
            print(f"note: this file was imported before with other corrections ({stored.import_corrections}); "
                  f"the stored plan is kept", file=sys.stderr)
    verb = "imported" if result.created else "already in the workspace, nothing changed:"
    print(f"{verb} {plan.title} ({args.file.name}): {plan.count('chapter')} chapters, "
          f"{plan.count('section')} sections, {plan.count('clause')} clauses, {plan.count('box')} boxes, "
          f"{len(plan.indicators)} indicators")
    from workbench.cli.import_report import print_import_report

    print_import_report(plan)
    return EXIT_OK


def _revised_plan(repo, selector: str):
    """The one plan --revision-of names, checked before anything (even the backup) is written:
    an empty or ambiguous selector is refused, never read as 'no revision' or 'the first match'."""
    from workbench.cli import CliError

    if not selector.strip():
        raise CliError("--revision-of needs the plan id (or sha256 prefix) of the old version: see `workbench tree`")
    chosen = select_plans(repo, selector.strip())
    if len(chosen) > 1:
        raise CliError(f"--revision-of {selector!r} matches plans {', '.join(str(p.id) for p in chosen)}: "
                       f"give the plan id")
    if (newer := repo.superseded_by(chosen[0].id)) is not None:
        raise CliError(f"plan {chosen[0].id} already has a newer version, plan {newer}: import the revision of "
                       f"the current version instead (see `workbench tree`)")
    return chosen[0]


def _import_revision(args: argparse.Namespace, repo, plan, old) -> int:
    result = repo.import_revision(plan, revision_of=old.id)
    print(result.summary())
    for warning in plan.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_tree(args: argparse.Namespace) -> int:
    from workbench.core.tree_export import format_outline
    from workbench.storage.reading.outline import plan_outline

    repo = read_repository(args)
    plans = repo.plans()
    if not plans:
        print("the workspace holds no plan yet: run `workbench import FILE`")
    for record in plans:  # headings and counts by SQL: no plan tree is loaded
        o = plan_outline(repo.db, record.id)
        lines = format_outline(o.title, o.source_name, o.sha256, o.counts, o.indicators, o.headings, o.has_parts)
        if (newer := repo.superseded_by(record.id)) is not None:
            lines.insert(1, f"  (plan {record.id}: old version, read-only; its revision is plan {newer})")
        elif (older := repo.revision_of(record.id)) is not None:
            lines.insert(1, f"  (plan {record.id}: current version, revising plan {older})")
        sys.stdout.write("\n".join(lines) + "\n")  # one write per plan, not one per line (37k at 100 plans)
    return EXIT_OK


def cmd_departments(args: argparse.Namespace) -> int:
    from workbench.core.departments import KIND_LABELS

    repo = read_repository(args, create=True)
    for dept in repo.departments(include_retired=True):
        flags = (" [已撤销]" if dept.retired else "") + (" [名称待核实]" if dept.unconfirmed else "")
        aliases = f"  (曾用名/别名: {'、'.join(dept.aliases)})" if dept.aliases else ""
        print(f"{dept.name}\t{dept.full_name}\t{KIND_LABELS.get(dept.kind, dept.kind)}{flags}{aliases}")
    return EXIT_OK
