"""`workbench suggest NODE_ID`: ranked, explained lead, support and indicator suggestions.

For scripts and for measuring suggestion quality: the same suggester the
annotation pane shows (core.tagging.suggestions), on the workspace's own
department registry.  Reads only; writes nothing.
"""

from __future__ import annotations

import argparse
import json

from workbench.cli import EXIT_OK, CliError, Command, repository, select_plans


def register(command: Command) -> None:
    p = command("suggest", "suggest lead and support departments and indicators for a node, with reasons", cmd_suggest)
    p.add_argument("node_id", help="node id as exported, e.g. ch15/s03/p02 (sections and chapters too: ch15/s01)")
    p.add_argument("--plan", default=None, help="plan id or sha256 prefix (needed with several plans)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--limit", type=int, default=5, help="suggestions per list (default 5)")


def cmd_suggest(args: argparse.Namespace) -> int:
    from workbench.core import segment
    from workbench.core.tagging.suggestions import as_dict, explain, suggest_for_node

    if args.limit <= 0:
        raise CliError("--limit must be at least 1")
    repo = repository(args, create=False)
    plans = select_plans(repo, args.plan)
    found = [(p, repo.load_plan(p.id)) for p in plans if repo.node_by_key(p.id, args.node_id) is not None]
    if not found:
        raise CliError(f"no node {args.node_id!r} in {'the chosen plan' if args.plan else 'any plan'}")
    if len(found) > 1:
        raise CliError(f"node {args.node_id!r} exists in several plans: choose one with --plan")
    plan = found[0][1]
    node = plan.root.find(args.node_id)
    if node is None:
        raise CliError(f"no node {args.node_id!r} in the plan")
    departments = repo.departments()
    segment.initialise(departments=repo.departments(include_retired=True))
    result = suggest_for_node(node, departments, plan.indicators, limit=args.limit)
    if args.format == "json":
        print(json.dumps({"node": args.node_id, "kind": node.kind, "title": node.title, **as_dict(result)}, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"{args.node_id}  {node.title}")
    for heading, items in (("lead (牵头)", result.lead), ("support (配合)", result.support)):
        print(f"{heading}:")
        for rank, s in enumerate(items, start=1):
            print(f"  {rank}. {s.department.name}\t{s.score:.2f}\t{explain(s.evidence)}")
        if not items:
            print("  (none)")
    print("indicators (指标):")
    for rank, s in enumerate(result.indicators, start=1):
        print(f"  {rank}. {s.indicator.number} {s.indicator.name}\t{s.score:.2f}\t{explain(s.evidence)}")
    if not result.indicators:
        print("  (none)")
    return EXIT_OK
