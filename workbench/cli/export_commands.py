"""`workbench export`: the plan tree as JSON, and the Excel workbooks liaisons receive."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workbench.cli import EXIT_OK, CliError, Command, select_plans

# Every workbook carries its 说明 sheet: what it is for the liaison, provenance (event count, chain head)
# for the auditor.
XLSX_TARGETS = {
    "matrix": ("matrix", "about"),
    "division": ("division", "about"),
    "indicators": ("indicators", "about"),
    "all": ("matrix", "division", "indicators", "summary", "about"),
}


def register(command: Command) -> None:
    p = command("export", "export the plan tree (JSON) or the assignment workbooks (Excel)", cmd_export)
    p.add_argument("what", choices=["tree", "matrix", "division", "indicators", "department", "all"])
    p.add_argument("name", nargs="?", default=None, help="the department, for `export department NAME`")
    p.add_argument("--format", choices=["json", "xlsx", "docx"], default=None)
    p.add_argument("-o", "--output", type=Path, default=None)
    p.add_argument("--each-into", type=Path, default=None, metavar="DIR",
                   help="with `department`: one workbook per department with assignments")
    p.add_argument("--each-plan", type=Path, default=None, metavar="DIR",
                   help="one workbook per plan into DIR, every plan (or those --plan lists) in one process")
    p.add_argument("--plan", default=None, help="plan id or sha256 prefix (with --each-plan: a comma-separated list)")
    p.add_argument("--chapters", default=None, help="comma-separated chapter keys to include, e.g. ch03,ch04")
    p.add_argument("--paper", choices=["A4", "A3"], default="A4", help="paper of the printed 分工方案 (landscape)")
    p.add_argument("--numbering", choices=["continuous", "chapter"], default="continuous",
                   help="序号 runs on through the plan, or restarts in each chapter")
    p.add_argument("--task-text", choices=["full", "lead"], default="full",
                   help="重点任务 column: the clause's full text, or its lead phrase")
    p.add_argument("--attachment", default="", metavar="TEXT",
                   help="a 附件 line above the title, e.g. 附件 or 附件2")
    p.add_argument("--internal-notes", action="store_true",
                   help="also print reviewers' internal notes in 备注 (they never leave the workspace otherwise)")


def cmd_export(args: argparse.Namespace) -> int:
    if args.what == "tree":
        return _export_tree(args)
    if args.format == "json":
        raise CliError(f"export {args.what} writes Excel (.xlsx); JSON is for `export tree`")
    from workbench.cli.audit_commands import checked_readonly_repository

    repo = checked_readonly_repository(args)
    if args.each_plan is not None:
        return _export_each_plan(args, repo)
    plans = select_plans(repo, args.plan)
    if len(plans) != 1:
        raise CliError(f"the workspace holds {len(plans)} plans: choose one with --plan "
                       f"({', '.join(f'{p.id}={p.title}' for p in plans)})")
    from workbench.core.matrix import Filters
    from workbench.storage.state.export_snapshot import read_export_snapshot
    from workbench.storage.state.snapshot import provenance

    chapters = frozenset(c.strip() for c in args.chapters.split(",")) if args.chapters else None
    filters = Filters(chapters=chapters)
    snapshot = read_export_snapshot(repo, plans[0].id)
    plan = snapshot.plan
    prov = provenance(repo.db, plan, workspace=_db_path(args), reviewer=repo.reviewer.name, filters=filters,
                      unit=repo.reviewer.unit)
    if args.what == "department":
        return _export_departments(args, snapshot, prov)
    if args.output is None:
        raise CliError("-o FILE.xlsx is required")
    from workbench.core.export_xlsx import export_workbook

    options = print_options(args)
    if args.format == "docx":
        return _export_docx(args, snapshot, prov, filters, options)
    for _ in export_workbook(snapshot, _xlsx(args.output), prov, sheets=XLSX_TARGETS[args.what], filters=filters,
                             options=options):
        pass
    print(f"wrote {args.output}")
    return EXIT_OK


def _export_each_plan(args: argparse.Namespace, repo) -> int:
    """Every chosen plan's workbook into one folder, one plan at a time (memory stays one plan's)."""
    from workbench.core.export_xlsx import export_workbook
    from workbench.core.matrix import Filters
    from workbench.storage.disputes.conflicts import open_conflict_targets
    from workbench.storage.state.export_snapshot import read_export_snapshot
    from workbench.storage.state.snapshot import log_position, provenance, read_departments

    if args.what == "department":
        raise CliError("--each-plan exports the plan workbooks (matrix, division, indicators, all)")
    if args.output is not None:
        raise CliError("--each-plan names the files itself: give a folder, not -o")
    if args.format == "docx":
        raise CliError("--each-plan writes Excel workbooks; export a plan's 任务分工方案 as .docx one at a time")
    chosen = []
    for selector in (args.plan.split(",") if args.plan else [None]):
        chosen.extend(p for p in select_plans(repo, selector.strip() if selector else None) if p not in chosen)
    folder = args.each_plan
    folder.mkdir(parents=True, exist_ok=True)
    chapters = frozenset(c.strip() for c in args.chapters.split(",")) if args.chapters else None
    filters = Filters(chapters=chapters)
    # what every plan's workbook shares, read once (the connection reads one unchanging file: verified above)
    departments, disputed, position = read_departments(repo.db), open_conflict_targets(repo.db), log_position(repo.db)
    for record in chosen:
        snapshot = read_export_snapshot(repo, record.id, departments=departments, disputed_targets=disputed)
        plan = snapshot.plan
        prov = provenance(repo.db, plan, workspace=_db_path(args), reviewer=repo.reviewer.name, filters=filters,
                          unit=repo.reviewer.unit, position=position)
        target = folder / plan_file_name(record.title, record.sha256)
        for _ in export_workbook(snapshot, target, prov, sheets=XLSX_TARGETS[args.what], filters=filters,
                                 options=print_options(args)):
            pass
        print(f"wrote {target}")
    print(f"wrote {len(chosen)} workbook(s) into {folder}")
    return EXIT_OK


def plan_file_name(title: str, sha256: str) -> str:
    """A file name for a plan's workbook: its title made safe for any file system, and its sha256 prefix."""
    safe = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in title).strip(" .")[:60]
    return f"{safe or 'plan'}-{sha256[:8]}.xlsx"


def print_options(args):
    from workbench.core.export.print_layout import PrintOptions

    return PrintOptions(paper=args.paper, numbering=args.numbering, task_text=args.task_text,
                        attachment=args.attachment.strip(), internal_notes=args.internal_notes)


def _export_docx(args, snapshot, prov, filters, options) -> int:
    if args.what != "division":
        raise CliError("--format docx writes the 任务分工方案 only: use `export division --format docx`")
    if args.output.suffix.lower() != ".docx":
        raise CliError(f"{args.output}: the output must be a .docx file")
    if args.output.parent and not args.output.parent.exists():
        raise CliError(f"{args.output.parent}: no such folder")
    from workbench.core.export.division_docx import write_division_docx

    write_division_docx(snapshot, args.output, prov, filters=filters, options=options)
    print(f"wrote {args.output}")
    return EXIT_OK


def _write_department(args, snapshot, prov, name: str, path: Path) -> None:
    """One department's workbook, or with --format docx its 方案 as Word."""
    from workbench.core.export_xlsx import export_department

    if args.format == "docx":
        from workbench.core.export.division_docx import write_division_docx
        from workbench.core.matrix import Filters

        filters = Filters(chapters=prov.filters.chapters, departments=frozenset({name}))
        write_division_docx(snapshot, path.with_suffix(".docx"), prov, filters=filters, options=print_options(args),
                            department=name)
        return
    for _ in export_department(snapshot, name, path, prov, options=print_options(args)):
        pass


def _export_departments(args, snapshot, prov) -> int:
    from workbench.core.departments import resolve
    from workbench.core.export_xlsx import department_file_name, departments_with_tasks

    if args.each_into is not None and args.name:
        raise CliError(f"--each-into writes every department's workbook; for {args.name} alone use -o FILE "
                       "(nothing was written)")
    if args.each_into is not None:
        used = departments_with_tasks(snapshot, prov.filters.chapters)  # none gets a table of bare headers
        if not used:
            where = f" in chapters {args.chapters}" if args.chapters else ""
            raise CliError(f"no department has a task{where}: there is no workbook to write (nothing was written)")
        created = not args.each_into.exists()
        args.each_into.mkdir(parents=True, exist_ok=True)
        for done, name in enumerate(used):
            try:
                _write_department(args, snapshot, prov, name, args.each_into / department_file_name(name))
            except (OSError, ValueError) as exc:  # name the department the export stopped at (issue 11)
                from workbench.cli.errors import describe

                if created and not any(args.each_into.iterdir()):
                    args.each_into.rmdir()  # nothing written: leave nothing behind, not even the folder
                raise CliError(f"stopped at department {name!r} ({done} of {len(used)} files written): "
                               f"{describe(exc, args)}") from exc
        print(f"wrote {len(used)} {'Word files' if args.format == 'docx' else 'workbooks'} into {args.each_into}")
        return EXIT_OK
    if not args.name:
        raise CliError("export department needs a department NAME (or --each-into DIR)")
    dept = resolve(args.name, snapshot.departments)
    if dept is None:
        from workbench.core.division_import import suggestions

        hint = "、".join(suggestions(args.name, snapshot.departments)) or "none"
        raise CliError(f"unknown department {args.name!r} (did you mean: {hint})")
    if dept.name not in departments_with_tasks(snapshot, prov.filters.chapters):
        where = f" in chapters {args.chapters}" if args.chapters else ""
        raise CliError(f"{dept.name} has no task{where}: its workbook would be an empty table (nothing was written)")
    if args.format == "docx":
        output = args.output or Path(department_file_name(dept.name)).with_suffix(".docx")
        if output.suffix.lower() != ".docx":
            raise CliError(f"{output}: the output must be a .docx file")
    else:
        output = _xlsx(args.output or Path(department_file_name(dept.name)))
    _write_department(args, snapshot, prov, dept.name, output)
    print(f"wrote {output}")
    return EXIT_OK


def _export_tree(args: argparse.Namespace) -> int:
    from workbench.core.tree_export import plan_dict

    if args.format == "xlsx":
        raise CliError("export tree writes JSON")
    if args.output is None:
        raise CliError("-o FILE is required")
    from workbench.cli.audit_commands import checked_readonly_repository

    repo = checked_readonly_repository(args)
    data = {"plans": [plan_dict(repo.load_plan(p.id)) for p in select_plans(repo, args.plan)]}
    tmp = args.output.with_name(args.output.name + ".part")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(args.output)
    finally:
        tmp.unlink(missing_ok=True)
    print(f"wrote {args.output} ({len(data['plans'])} plan(s))")
    return EXIT_OK


def _xlsx(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise CliError(f"{path}: the output must be an .xlsx file")
    if path.parent and not path.parent.exists():
        raise CliError(f"{path.parent}: no such folder")
    return path


def _db_path(args) -> Path:
    from workbench import paths

    return (args.db or paths.default_workspace()).resolve()
