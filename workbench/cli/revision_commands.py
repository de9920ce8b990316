"""`workbench revision ...`: the 对照表 of a revised plan and its review items (flags and orphans)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli import EXIT_OK, CliError, Command, read_repository, repository, select_plans


def register(command: Command) -> None:
    p = command("revision", "a revised plan: its 对照表 and the tags to review", lambda a: a.revision_func(a))
    sub = p.add_subparsers(dest="revision_command", metavar="ACTION", required=True)
    for name, help_text, func in (
        ("report", "write the 对照表 (原文 / 修改后 / 变化 / 责任单位) as an Excel workbook", cmd_report),
        ("items", "list carried tags flagged for review and orphaned tags", cmd_items),
        ("accept", "confirm a flagged carry (or that an orphan's tags are no longer needed)", cmd_accept),
        ("move", "give a flagged or orphaned item's tags to another node of the new version", cmd_move),
    ):
        s = sub.add_parser(name, help=help_text, description=help_text)
        s.set_defaults(revision_func=func)
        for option in ("--db", "--reviewer", "--unit"):  # also accepted after the action
            s.add_argument(option, default=argparse.SUPPRESS, type=Path if option == "--db" else str,
                           help=argparse.SUPPRESS)
        if name in ("report", "items"):
            s.add_argument("--plan", required=True, help="the new version (plan id or sha256 prefix)")
        if name == "report":
            s.add_argument("-o", "--output", type=Path, required=True)
        if name == "items":
            s.add_argument("--all", action="store_true", help="also the items already decided")
        if name in ("accept", "move"):
            s.add_argument("item", type=int, help="item number as `revision items` lists it")
            s.add_argument("--reason", default=None)
        if name == "move":
            s.add_argument("node", help="key of the node of the new version, e.g. ch05/s02/p03")


def _plan(repo, selector: str) -> int:
    plans = select_plans(repo, selector)
    if len(plans) != 1:
        raise CliError(f"{selector!r} names {len(plans)} plans; give the plan id")
    return plans[0].id


def cmd_report(args: argparse.Namespace) -> int:
    from workbench.core.revision.report_xlsx import write_report
    from workbench.storage.revision.report_data import report_parts, revision_data

    repo = read_repository(args)
    data = revision_data(repo, _plan(repo, args.plan))
    rows, indicators, pending, info = report_parts(repo, data, str(args.db or ""))
    write_report(args.output, rows, indicators, pending, info)
    summary = "，".join(f"{k} {v}" for k, v in info.counts.items())
    print(f"wrote {args.output}: {len(rows)} changes{f' ({summary})' if summary else ''}, "
          f"{len(indicators)} indicator changes, "
          f"{len(pending)} items to review")
    return EXIT_OK


def cmd_items(args: argparse.Namespace) -> int:
    from workbench.storage.revision.report_data import ITEM_LABELS, STATUS_LABELS, revision_data

    repo = read_repository(args)
    data = revision_data(repo, _plan(repo, args.plan))
    shown = [i for i in data.items if args.all or i.status == "pending"]
    if not shown:
        print("nothing to review: every carried tag was confirmed and no tag is orphaned")
    for item in shown:
        where = f"{'+'.join(item.old_keys)} -> {item.node_key}" if item.node_key else f"{item.old_keys[0]} (deleted)"
        status = STATUS_LABELS[item.status] + (f" {item.target_key}" if item.target_key else "")
        print(f"{item.id}\t{ITEM_LABELS[item.kind]}\t{item.match_kind}\t{where}\t{status}\t{data.tags_text(item.tags)}")
        if item.kind == "orphan":
            print(f"\t原文：{item.old_text[:80]}")
    return EXIT_OK


def cmd_accept(args: argparse.Namespace) -> int:
    repo = repository(args, create=False)
    repo.accept_revision_item(args.item, reason=args.reason)
    print(f"item {args.item} accepted")
    return EXIT_OK


def cmd_move(args: argparse.Namespace) -> int:
    repo = repository(args, create=False)
    item = repo.revision_item(args.item)
    node = repo.node_by_key(item.plan_id, args.node)
    if node is None:
        raise CliError(f"plan {item.plan_id} has no node {args.node!r}")
    repo.move_revision_item(args.item, target_node_id=node.id, reason=args.reason)
    print(f"item {args.item}: tags moved to {args.node}")
    return EXIT_OK
