"""`workbench audit verify` and `workbench audit log`: can the log be trusted, and what does it say."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from workbench.cli import EXIT_ERROR, EXIT_OK, CliError, Command

LOG_HEADERS = ["序号", "时间（审核人当地）", "审核人", "单位", "操作", "对象", "标题", "部门", "修改前", "修改后", "理由",
               "事件ID", "签名密钥"]  # fmt: skip


def register(command: Command) -> None:
    p = command("audit", "check the audit trail (verify) or list it (log)", cmd_audit)
    p.add_argument("what", choices=["verify", "log"])
    p.add_argument("--since", default=None, help="log: events at or after this ISO date/time (local time)")
    p.add_argument("--node", default=None, help="log: only this node key, e.g. ch03/s01/p02")
    p.add_argument("--department", default=None, help="log: only events touching this department (name or alias)")
    p.add_argument("--by", dest="by", default=None, help="log: only this reviewer (same as --reviewer)")
    p.add_argument("--format", choices=["table", "json", "xlsx"], default="table")
    p.add_argument("-o", "--output", type=Path, default=None, help="log: write to this file (required for xlsx)")
    p.add_argument("--against", default=None, metavar="EXPORT.xlsx|HASH",
                   help="verify: prove the workspace grew from this export (or head hash) without rewriting it")


def readonly_db(args: argparse.Namespace):
    """The workspace opened read-only, after the same checks open_workspace makes.

    Works from write-protected media and creates nothing beside the file (storage/files/readonly.py).
    """
    from workbench import paths
    from workbench.storage.files.readonly import open_source

    path = args.db or paths.default_workspace()
    if not path.exists():
        raise CliError(f"{path}: no such workspace")
    return open_source(path)


def checked_readonly_repository(args: argparse.Namespace):
    """A read-only Repository for exports, refused when the state does not match the events.

    An export hands the state to others as settled; one that the audit trail
    does not bear out must not leave the office.  The message names the first
    mismatch (the same check `audit verify` makes, without a roster).
    """
    from workbench.cli import _OPEN, _default_reviewer
    from workbench.storage.audit.audit_verify import verify
    from workbench.storage.repository import Repository, Reviewer

    from workbench import paths
    from workbench.storage.checks import stamp

    path = args.db or paths.default_workspace()
    db = readonly_db(args)
    _OPEN.append(db)
    # One read transaction from the check to the last workbook: what is exported is exactly what was
    # verified, even while another program writes (each workbook cites the same event count and head).
    db.execute("BEGIN")
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read transaction starts here
    # The file's identity once it is being read: a write made before the open shows in it (not stale).
    looked = time.time_ns()
    before = stamp.identity(path)
    code = _verify_code()
    if db.scratch is None and stamp.verified(before, code):
        return Repository(db, Reviewer(args.reviewer or _default_reviewer(), args.unit))  # unchanged since it passed
    report = verify(db, roster=None)
    if report.ok and db.scratch is None:
        stamp.record_verified(before, path, code, looked)
    if not report.ok:
        where = f" at {report.target}" if report.target else ""
        event = f" [event {report.first_bad_uuid}]" if report.first_bad_uuid else ""
        raise CliError(f"export refused: the workspace does not match its audit trail: {report.reason}{where}{event} "
                       "(see `workbench audit verify`)")
    return Repository(db, Reviewer(args.reviewer or _default_reviewer(), args.unit))


def _verify_code() -> str:
    """Which check a stored verdict came from: this version and the modules that decide it (size, time)."""
    import workbench
    from workbench.storage.audit import audit, audit_chain, audit_verify, history, history_lazy, last_events, replay
    from workbench.storage.state import state_ahead, state_sql, state_tables
    from workbench.storage.signing import check

    parts = [workbench.__version__]
    modules = (audit, audit_chain, audit_verify, history, history_lazy, last_events, replay, state_tables, state_sql,
               state_ahead, check)
    for module in modules:
        try:
            info = Path(module.__file__).stat()
            parts.append(f"{info.st_size}:{info.st_mtime_ns}")
        except (OSError, TypeError):  # a bundle without source files: the version alone
            parts.append("-")
    return "/".join(parts)


def cmd_audit(args: argparse.Namespace) -> int:
    db = readonly_db(args)
    try:
        if args.against and args.what != "verify":
            raise CliError("--against goes with `audit verify`")
        return _verify(db, args) if args.what == "verify" else _log(db, args)
    finally:
        db.close()


def _verify(db, args: argparse.Namespace) -> int:
    from workbench.storage.audit.audit_verify import verify
    from workbench.storage.signing.roster import load_roster

    roster = load_roster()
    if args.against:
        return _verify_against(db, args.against, roster)
    report = verify(db, roster=roster)
    print(report.summary())
    if not report.ok and report.target:
        print(f"  at {report.target}")
    _print_keys(report)
    return EXIT_OK if report.ok else EXIT_ERROR


def _print_keys(report) -> None:
    if report.keys:
        print("signed by:")
        for line in report.keys:
            print(f"  {line}")


def _verify_against(db, against: str, roster) -> int:
    import re

    from workbench.core.export_anchor import AnchorNotFound, read_anchor
    from workbench.storage.audit.anchor import check_anchor

    if re.fullmatch(r"[0-9a-fA-F]{64}", against.strip()):
        head, count, source = against.strip(), None, "the given hash"
    else:
        path = Path(against)
        if not path.is_file():
            raise CliError(f"{against}: neither an export workbook nor a 64-digit head hash")
        try:
            anchor = read_anchor(path)
        except AnchorNotFound as exc:
            raise CliError(str(exc)) from exc
        head, count, source = anchor.head_hash, anchor.event_count, f"{path.name} ({anchor.sheet})"
    result = check_anchor(db, head, count, roster=roster)
    cited = f"{count} events, " if count is not None else ""
    print(f"{'OK' if result.ok else 'FAILED'}: against {source}: {cited}head {head[:16]}: {result.reason}")
    if result.verify is not None:
        _print_keys(result.verify)
    return EXIT_OK if result.ok else EXIT_ERROR


def _log(db, args: argparse.Namespace) -> int:
    from workbench.storage.audit.audit_log import log_entries, parse_since
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
    from workbench.storage.signing import short_fingerprint

    target = e.target or "-"
    change = f"{e.before} → {e.after}" if e.before else e.after
    reason = f"  〔{e.reason}〕" if e.reason else ""
    return f"{e.local_time}  {e.author}  {e.action}  {target}  {change}{reason}  [key {short_fingerprint(e.signer)}]"


def _write_xlsx(entries, output: Path | None) -> int:
    from workbench.core.table_xlsx import Sheet, write_tables

    if output is None or output.suffix.lower() != ".xlsx":
        raise CliError("--format xlsx needs -o FILE.xlsx")
    rows = (
        [e.seq, e.local_time, e.reviewer, e.reviewer_unit, e.action, e.node_key or "", e.node_title,
         e.department_name, e.before, e.after, e.reason, e.uuid, e.signer or ""]
        for e in entries
    )  # fmt: skip
    widths = [7, 24, 10, 16, 16, 16, 24, 14, 36, 36, 20, 38, 66]
    write_tables(output, [Sheet("审计日志", LOG_HEADERS, rows, widths)])
    print(f"wrote {output} ({len(entries)} events)")
    return EXIT_OK
