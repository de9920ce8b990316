"""The command line: the same core and store the GUI uses, for scripts and servers.

Every command exits 0 on success and non-zero with a one-line reason on stderr
otherwise.  Writes are attributed to --reviewer (default: the OS user).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workbench import paths

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


def _default_reviewer() -> str:
    try:
        return os.environ.get("WORKBENCH_REVIEWER") or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench", description="Policy-review workbench: plan outline -> responsibility assignment.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('workbench').__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", type=Path, default=None, help="workspace file (default: the user's workspace)")
        p.add_argument("--reviewer", default=None, help="who is making the change (default: the OS user)")
        p.add_argument("--unit", default="", help="the reviewer's unit")
        p.set_defaults(func=func)
        return p

    p = command("import", "import a plan document (.txt in UTF-8/GB18030, or .docx)", cmd_import)
    p.add_argument("file", type=Path)
    command("tree", "print the outline of every plan with counts per level", cmd_tree)
    p = command("export", "export the plan tree as JSON", cmd_export)
    p.add_argument("what", choices=["tree"])
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--plan", default=None, help="plan id or sha256 prefix (default: every plan)")
    command("departments", "list the department registry of the workspace", cmd_departments)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except CliError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ValueError as exc:  # PlanImportError, WorkspaceError, StoreError, RegistryError
        print(f"workbench: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"workbench: {exc.filename or ''} {exc.strerror or exc}".strip(), file=sys.stderr)
        return EXIT_ERROR


# -- helpers ---------------------------------------------------------------
def _repository(args: argparse.Namespace, *, create: bool = True):
    from workbench.storage.audit import Reviewer
    from workbench.storage.database import open_workspace
    from workbench.storage.repository import Repository

    db_path = args.db or paths.default_workspace()
    if create:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    elif not db_path.exists():
        raise CliError(f"{db_path}: no such workspace (import a plan first)")
    db = open_workspace(db_path, create=create)
    return Repository(db, Reviewer(args.reviewer or _default_reviewer(), args.unit))


def _select_plans(repo, selector: str | None) -> list:
    plans = repo.plans()
    if selector is None:
        return plans
    chosen = [p for p in plans if str(p.id) == selector or p.sha256.startswith(selector.lower())]
    if not chosen:
        raise CliError(f"no plan matches {selector!r} (plans: {', '.join(str(p.id) for p in plans) or 'none'})")
    return chosen


# -- commands ----------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from workbench.core.importing import import_file

    plan = import_file(args.file)  # parse fully before the workspace is touched
    repo = _repository(args)
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

    repo = _repository(args, create=False)
    plans = repo.plans()
    if not plans:
        print("the workspace holds no plan yet: run `workbench import FILE`")
    for record in plans:
        for line in outline_lines(repo.load_plan(record.id)):
            print(line)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.core.tree_export import plan_dict

    repo = _repository(args, create=False)
    data = {"plans": [plan_dict(repo.load_plan(p.id)) for p in _select_plans(repo, args.plan)]}
    tmp = args.output.with_name(args.output.name + ".part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(args.output)
    print(f"wrote {args.output} ({len(data['plans'])} plan(s))")
    return EXIT_OK


def cmd_departments(args: argparse.Namespace) -> int:
    from workbench.core.departments import KIND_LABELS

    repo = _repository(args)
    for dept in repo.departments(include_retired=True):
        flags = (" [已撤销]" if dept.retired else "") + (" [名称待核实]" if dept.unconfirmed else "")
        aliases = f"  (曾用名/别名: {'、'.join(dept.aliases)})" if dept.aliases else ""
        print(f"{dept.name}\t{dept.full_name}\t{KIND_LABELS.get(dept.kind, dept.kind)}{flags}{aliases}")
    return EXIT_OK
