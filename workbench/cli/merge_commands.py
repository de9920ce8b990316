"""Combining reviewers' workspaces: merge, conflicts, resolve, agreement."""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from workbench.cli import EXIT_OK, CliError, Command, repository

KIND_LABELS = {"lead": "牵头单位不同", "tag": "一方有、另一方无（增删不一致）", "assignments": "责任单位不同",
               "indicator_links": "关联指标不同", "note": "备注不同", "review_status": "审核状态不同",
               "timing": "完成时限不同", "department": "部门信息不同", "remark": "公开备注不同"}  # fmt: skip


MERGE_LISTED = 20  # new conflicts a merge prints; `workbench conflicts` lists every one


def register(command: Command) -> None:
    p = command("merge", "merge another reviewer's workspace of the same plan into this one", cmd_merge)
    p.add_argument("other", type=Path, help="the other reviewer's workspace file")
    p.add_argument("--reason", default=None)
    p = command("conflicts", "list disagreements found by merges", cmd_conflicts)
    p.add_argument("--all", action="store_true", help="also resolved and superseded ones, saying what became of them")
    p.add_argument("--limit", type=int, default=None, help="show at most N (oldest first; default: every one)")
    p.add_argument("--offset", type=int, default=0, help="skip the first N (with --limit: a page)")
    p = command("resolve", "resolve a conflict: take side a or b, or give the departments", cmd_resolve)
    p.add_argument("conflict_id", help="the conflict's reference as `workbench conflicts` lists it (e.g. c3f9a2b1)")
    p.add_argument("--take", required=True,
                   help="a, b, or departments in order, lead first, e.g. \"市科技局,市财政局\"")
    p.add_argument("--reason", default=None)
    p = command("agreement", "agreement between reviewers on each clause's lead department", cmd_agreement)
    p.add_argument("--plan", default=None, help="plan id or sha256 prefix")
    p.add_argument("-o", "--output", type=Path, default=None, help="also write the statistics to FILE.xlsx")


def cmd_merge(args: argparse.Namespace) -> int:
    from workbench.storage.revision.merged import merge_with_revisions

    if not args.other.exists():
        raise CliError(f"{args.other}: no such file")
    repo = repository(args, create=False)
    try:
        result, carried = merge_with_revisions(repo, args.other, reason=args.reason)
        print(result.summary())
        if carried.summary():  # tags merged onto an old version, carried on into its revision
            print(carried.summary())
        if result.backup:
            print(f"backup before the merge: {result.backup}")
        if result.new_conflicts:
            shown = _print_conflicts(repo.db, ids=set(result.new_conflicts), limit=MERGE_LISTED)
            if len(result.new_conflicts) > shown:  # (50,000 after two reviewers' whole city plans)
                print(f"... and {len(result.new_conflicts) - shown} more new conflict(s): `workbench conflicts` lists "
                      "them all (--limit N --offset M: a page)")
            print("resolve with: workbench resolve ID --take a|b|\"部门,部门\"")
    finally:
        repo.db.close()
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from workbench.storage.disputes.conflicts import count_conflicts, sync_conflicts

    if args.limit is not None and args.limit < 0 or args.offset < 0:
        raise CliError("--limit and --offset take a number of conflicts, 0 or more")
    repo = repository(args, create=False)
    try:
        sync_conflicts(repo.db)  # a replay only when another workspace's events arrived since the last one
        status = None if args.all else "open"
        total = count_conflicts(repo.db, status=status)
        if not total:
            print("no open conflicts" if not args.all else "no conflicts")
            return EXIT_OK
        shown = _print_conflicts(repo.db, status=status, limit=args.limit, offset=args.offset)
        if shown < total:
            print(f"showed {shown} of {total} conflict(s), from number {args.offset + 1} (see --limit, --offset)")
    finally:
        repo.db.close()
    return EXIT_OK


def _print_conflicts(db, *, status: str | None = None, ids: set[int] | None = None, limit: int | None = None,
                     offset: int = 0) -> int:
    """Print conflicts a page at a time (the first lines appear at once, whatever the count)."""
    from workbench.storage.audit.audit_log import local_time
    from workbench.storage.disputes.conflicts import describe_value, indicator_names, iter_conflicts

    names = dict(db.execute("SELECT uid, name FROM departments").fetchall())
    if ids is None:
        chosen = iter_conflicts(db, status=status, offset=offset, limit=limit)
    else:
        chosen = (c for c in iter_conflicts(db, status=None, after=min(ids) - 1 if ids else 0) if c.id in ids)
        chosen = itertools.islice(chosen, limit)
    shown = 0
    for c in chosen:
        shown += 1
        state = "" if c.status == "open" else f" [{c.fate}]"
        print(f"#{c.ref}{state} {c.target}: {KIND_LABELS.get(c.kind, c.kind)}")
        shown_names = {**names, **indicator_names(db, c.plan_sha256)} if c.subject == "indicator_links" else names
        for label, side in (("a", c.a), ("b", c.b)):
            shows = "  ← shown now" if label == "b" and c.status == "open" else ""
            when = local_time(side.event.time_utc, side.event.tz_offset)
            print(f"   {label}: {describe_value(c.subject, side.value, shown_names)}  — {side.author}, {when}{shows}")
    return shown


def cmd_resolve(args: argparse.Namespace) -> int:
    from workbench.storage.disputes.conflicts import resolve_conflict

    take = args.take.strip()
    repo = repository(args, create=False)
    try:
        if take.lower() in ("a", "b"):
            uuid = resolve_conflict(repo, args.conflict_id, take=take.lower(), reason=args.reason)
        else:
            names = [n.strip() for n in take.replace("，", ",").replace("、", ",").split(",") if n.strip()]
            if not names:
                raise CliError("--take needs a, b or department names")
            entries = [(name, "lead" if i == 0 else "support") for i, name in enumerate(names)]
            uuid = resolve_conflict(repo, args.conflict_id, entries=entries, reason=args.reason)
        print(f"resolved conflict #{args.conflict_id.lstrip('#')} as {repo.reviewer.name} (event {uuid})")
    finally:
        repo.db.close()
    return EXIT_OK


def cmd_agreement(args: argparse.Namespace) -> int:
    from workbench.cli import select_plans
    from workbench.cli.audit_commands import readonly_db
    from workbench.core.agreement import agreement
    from workbench.storage.reading.agreement_data import lead_ratings, official_department_names
    from workbench.storage.repository import Repository, Reviewer

    db = readonly_db(args)
    try:
        plans = select_plans(Repository(db, Reviewer("reader")), args.plan) if args.plan else []
        ratings = lead_ratings(db, plan_sha256=plans[0].sha256 if plans else None)
        order = official_department_names(db)
    finally:
        db.close()
    report = agreement(ratings, department_order=order)
    if len(report.reviewers) < 2:
        print(f"agreement needs two reviewers with assignments; found {len(report.reviewers)}")
        return EXIT_OK
    for line in report_lines(report):
        print(line)
    if args.output:
        from workbench.core.agreement_xlsx import write_agreement

        if args.output.suffix.lower() != ".xlsx":
            raise CliError(f"{args.output}: the output must be an .xlsx file")
        write_agreement(args.output, report)
        print(f"wrote {args.output}")
    return EXIT_OK


def _fmt(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value * 100:.1f}%" if percent else f"{value:.3f}"


def report_lines(report) -> list[str]:
    o = report.overall
    lines = [f"reviewers: {', '.join(report.reviewers)}",
             f"clauses rated by all: {o.items}",
             f"overall: agreement {_fmt(o.percent, True)}, Cohen's kappa {_fmt(o.cohen)}, Fleiss' kappa {_fmt(o.fleiss)}"]
    if len(report.pairs) > 1:
        for p in report.pairs:
            lines.append(f"  {p.first} / {p.second}: {p.items} clauses, {_fmt(p.percent, True)}, kappa {_fmt(p.cohen)}")
    lines.append("per department (lead is D / is not D):")
    for d in report.departments:
        lines.append(f"  {d.label}: named {d.positives}x, agreement {_fmt(d.percent, True)}, "
                     f"Cohen {_fmt(d.cohen)}, Fleiss {_fmt(d.fleiss)}")
    return lines
