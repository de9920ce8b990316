"""The event log for people: filtered, with names, local times and before -> after in words.

Shared by `workbench audit log`, its Excel export and the GUI's audit view and
history tab, so they all say the same thing.  Read-only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlite_utils

from workbench.storage.audit import audit
from workbench.storage.audit.audit import Event

ROLE_LABELS = {"lead": "牵头", "support": "配合"}
STATUS_LABELS = {"unreviewed": "未审核", "reviewed": "已审核", "question": "存疑"}
TIMING_LABELS = {"": "（未定）", "within_year": "年内完成", "ongoing": "持续推进"}


@dataclass(frozen=True)
class LogEntry:
    seq: int
    uuid: str
    time_utc: str
    local_time: str  # the reviewer's own clock: "2026-11-24 21:12:58 +08:00"
    reviewer: str
    reviewer_unit: str
    action: str
    subject: str
    plan_sha256: str | None
    node_key: str | None
    node_title: str
    department_uid: str | None
    department_name: str
    before: str
    after: str
    reason: str
    origin: str
    departments: tuple[str, ...]  # uids the event touches (its column and its before/after lists)
    signer: str = ""  # fingerprint of the key that signed the event ("" before signing began)

    @property
    def author(self) -> str:
        return f"{self.reviewer} ({self.reviewer_unit})" if self.reviewer_unit else self.reviewer

    @property
    def target(self) -> str:
        if self.node_key:
            return f"{self.node_key} {self.node_title}".strip()
        if self.department_uid:
            return self.department_name or self.department_uid
        return ""

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "departments": list(self.departments)}


def local_time(time_utc: str, tz_offset: str) -> str:
    moment = datetime.fromisoformat(time_utc)
    try:
        sign = -1 if tz_offset.startswith("-") else 1
        hours, minutes = tz_offset[1:].split(":")
        zone = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    except (ValueError, IndexError):
        zone = timezone.utc
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S ") + (tz_offset or "+00:00")


def parse_since(text: str) -> datetime:
    """An ISO date or date-time; without an offset it is this computer's local time."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"--since {text!r} is not an ISO date or time (e.g. 2026-11-01 or 2026-11-01T09:30)") from exc
    return moment if moment.tzinfo else moment.astimezone()


def log_entries(
    db: sqlite_utils.Database,
    *,
    reviewer: str | None = None,
    since: datetime | str | None = None,
    until: datetime | str | None = None,
    node_key: str | None = None,
    plan_sha256: str | None = None,
    department_uid: str | None = None,
) -> list[LogEntry]:
    """Matching events, oldest first.  `reviewer` matches the name or "name (unit)";
    `department_uid` matches events naming it or listing it before or after."""
    events = audit.events(db, since=since, node_key=node_key, plan_sha256=plan_sha256)
    names = dict(db.execute("SELECT uid, name FROM departments").fetchall())
    titles = node_titles(db, {(e.plan_sha256, e.node_key) for e in events if e.plan_sha256 and e.node_key})
    until_text = _utc(until) if until is not None else None
    entries = []
    for event in events:
        if reviewer and reviewer not in (event.reviewer, f"{event.reviewer} ({event.reviewer_unit})"):
            continue
        if until_text is not None and event.time_utc > until_text:
            continue
        touched = _departments(event)
        if department_uid and department_uid not in touched:
            continue
        entries.append(_entry(event, names, titles, touched))
    return entries


def node_titles(db: sqlite_utils.Database, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Titles of just these (plan sha256, node key) pairs, each found through the (plan, key) index."""
    if not keys:
        return {}
    rows = db.execute(
        "SELECT p.sha256, n.key, coalesce(nullif(n.title, ''), substr(n.text, 1, 24)) FROM json_each(?) k "
        "JOIN plans p ON p.sha256 = json_extract(k.value, '$[0]') "
        "JOIN nodes n ON n.plan_id = p.id AND n.key = json_extract(k.value, '$[1]') WHERE n.kind != 'sentence'",
        [json.dumps(sorted(keys), ensure_ascii=False)],
    )
    return {(sha, key): title for sha, key, title in rows}


def _utc(moment: datetime | str) -> str:
    if isinstance(moment, str):
        return moment
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _departments(event: Event) -> tuple[str, ...]:
    uids: list[str] = [event.department_uid] if event.department_uid else []
    if event.subject == "assignments":
        for value in (event.before, event.after):
            uids.extend(str(e["department"]) for e in value or [] if isinstance(e, dict))
    return tuple(dict.fromkeys(uids))


def _entry(event: Event, names: dict[str, str], titles: dict, touched: tuple[str, ...]) -> LogEntry:
    title = titles.get((event.plan_sha256, event.node_key), "") if event.node_key else ""
    if event.subject == "plan" and isinstance(event.after, dict):
        title = str(event.after.get("title", ""))
    return LogEntry(
        event.seq, event.uuid, event.time_utc, local_time(event.time_utc, event.tz_offset), event.reviewer,
        event.reviewer_unit, event.action, event.subject, event.plan_sha256, event.node_key, title,
        event.department_uid, names.get(event.department_uid or "", ""),
        summarise(event.subject, event.before, names), summarise(event.subject, event.after, names),
        event.reason or "", event.origin, touched, event.signer or "",
    )  # fmt: skip


def summarise(subject: str, value: Any, names: dict[str, str] | None = None) -> str:
    """A before or after value in a few words."""
    names = names or {}
    if value is None:
        return ""
    if subject == "assignments":
        return "、".join(
            f"{names.get(e['department'], e.get('name', e['department']))}({ROLE_LABELS.get(e['role'], e['role'])})"
            for e in value
        ) or "（无）"
    if subject == "indicator_links":
        return "、".join(map(str, value)) or "（无）"
    if subject == "review_status":
        return STATUS_LABELS.get(str(value), str(value))
    if subject == "timing":
        return TIMING_LABELS.get(str(value), str(value))
    if subject == "note":
        text = str(value)
        return (text[:40] + "…" if len(text) > 40 else text) or "（空）"
    if subject == "department" and isinstance(value, dict):
        return str(value.get("name", "")) + (" [已撤销]" if value.get("retired") else "")
    if subject == "departments" and isinstance(value, list):
        return f"{len(value)} 个部门"
    if subject == "plan" and isinstance(value, dict):
        return f"{value.get('title', '')}（{value.get('node_count', 0)} 个节点）"
    if subject == "key" and isinstance(value, dict):
        return f"公布签名密钥（{value.get('name', '')}，{value.get('algorithm', '')}）"
    if subject == "merge" and isinstance(value, dict):
        return f"{value.get('events', 0)} 条事件，来自 {value.get('file', '')}（{str(value.get('workspace', ''))[:8]}）"
    return json.dumps(value, ensure_ascii=False)[:80]
