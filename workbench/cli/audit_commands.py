"""`workbench audit verify` and `workbench audit log`: can the log be trusted, and what does it say."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from workbench.cli import EXIT_ERROR, EXIT_OK, CliError, Command

LOG_HEADERS = ["序号", "时间（审核人当地）", "审核人", "单位", "操作", "对象", "标题", "部门", "修改前", "修改后", "理由",
               "事件ID"]  # fmt: skip


def register(command: Command) -> None:
    p = command("audit", "check the audit trail (verify) or list it (log)", cmd_audit)
    p.add_argument("what", choices=["verify", "log"])
    p.add_argument("--since", default=None, help="log: events at or after this ISO date/time (local time)")
    p.add_argument("--node", default=None, help="log: only this node key, e.g. ch03/s01/p02")
    p.add_argument("--department", default=None, help="log: only events touching this department (name or alias)")
    p.add_argument("--by", dest="by", default=None, help="log: only this reviewer (same as --reviewer)")
    p.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    p.add_argument("-o", "--output", type=Path, default=None, help="log: write to this file (required for xlsx)")


def readonly_db(args: argparse.Namespace):
    """The workspace opened read-only, after the same checks open_workspace makes."""
    from workbench import paths
    from workbench.storage.database import open_reader

    path = args.db or paths.default_workspace()
    if not path.exists():
        raise CliError(f"{path}: no such workspace")
    return open_reader(path)  # one check, no write lock, creates nothing


def cmd_audit(args: argparse.Namespace) -> int:
    db = readonly_db(args)
    try:
        return _verify(db) if args.what == "verify" else _log(db, args)
    finally:
        db.close()


def _verify(db) -> int:
    from workbench.storage.audit_verify import verify

    report = verify(db)
    print(report.summary())
    if not report.ok and report.target:
        print(f"  at {report.target}")
    return EXIT_OK if report.ok else EXIT_ERROR


def _log(db, args: argparse.Namespace) -> int:
    from workbench.storage.audit_log import log_entries, parse_since
    from workbench.storage.repository import Repository, Reviewer

    department_uid = None
    if args.department:
        dept = Repository(db, Reviewer("reader")).find_department(args.department)
        if dept is None:
            raise CliError(f"unknown department {args.department!r}")
        department_uid = Repository(db, Reviewer("reader")).department_uid(dept.db_id)
    since = parse_since(args.since) if args.since else None
    entries = log_entries(db, reviewer=args.by or args.reviewer, since=since, node_key=args.node,
                          department_uid=department_uid)  # fmt: skip
    if args.format == "xlsx":
        return _write_xlsx(entries, args.output)
    if args.format == "json":
        text = json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=1)
    else:
        text = "\n".join(_table_line(e) for e in entries) + (f"\n{len(entries)} event(s)" if entries else "no events")
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.output} ({len(entries)} events)")
    else:
        print(text)
    return EXIT_OK


def _table_line(e) -> str:
    target = e.target or "-"
    change = f"{e.before} → {e.after}" if e.before else e.after
    reason = f"  〔{e.reason}〕" if e.reason else ""
    return f"{e.local_time}  {e.author}  {e.action}  {target}  {change}{reason}"


def _write_xlsx(entries, output: Path | None) -> int:
    from workbench.core.table_xlsx import Sheet, write_tables

    if output is None or output.suffix.lower() != ".xlsx":
        raise CliError("--format xlsx needs -o FILE.xlsx")
    rows = (
        [e.seq, e.local_time, e.reviewer, e.reviewer_unit, e.action, e.node_key or "", e.node_title,
         e.department_name, e.before, e.after, e.reason, e.uuid]
        for e in entries
    )  # fmt: skip
    widths = [7, 24, 10, 16, 16, 16, 24, 14, 36, 36, 20, 38]
    write_tables(output, [Sheet("审计日志", LOG_HEADERS, rows, widths)])
    print(f"wrote {output} ({len(entries)} events)")
    return EXIT_OK
