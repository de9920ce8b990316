"""What an edited 任务分工 sheet would change in the workspace, row by row.

Every difference between the sheet and the workspace ends in exactly one
place: an applicable change (departments of a node, its 完成时限, its public
备注), or a report saying why it is not applied (a row added without a node
id, a row missing from the sheet, an edited 任务分工表述, an unreadable
本单位角色, a node listed twice).  Unknown department names and node ids block
the whole import: they are listed with their rows, and nothing is applied.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from workbench.core.departments import Department, resolve, suggest
from workbench.core.matrix import (
    LEAD, SUPPORT, AssignmentSnapshot, Filters, Tag, districts_last, division_text, tagged_nodes, timing_label,
)

SPLIT_RE = re.compile(r"[、，,；;\s/]+")
ROLE_WORDS = {"牵头": LEAD, "牵头单位": LEAD, "配合": SUPPORT, "配合单位": SUPPORT, "责任单位": SUPPORT}
TIMING_WORDS = {"年内完成": "within_year", "持续推进": "ongoing"}
TIMING_YEAR = re.compile(r"([0-9]{4})(?:年|年底前|年底)?")
TIMING_LIMIT = 60
FIELD_LABELS = {"timing": "完成时限", "remark": "备注"}


@dataclass
class NodeChange:
    node_key: str
    before: list[Tag]
    after: list[Tag]
    row: int = 0

    def describe(self) -> str:
        b = {t.department: t.role for t in self.before}
        a = {t.department: t.role for t in self.after}
        parts = []
        added = [n for n in a if n not in b]
        removed = [n for n in b if n not in a]
        if added:
            parts.append("新增 " + "、".join(f"{n}（{'牵头' if a[n] == LEAD else '配合'}）" for n in added))
        if removed:
            parts.append("删除 " + "、".join(removed))
        role_changes = [n for n in a if n in b and a[n] != b[n]]
        if role_changes:
            parts.append("角色调整 " + "、".join(f"{n}→{'牵头' if a[n] == LEAD else '配合'}" for n in role_changes))
        if not parts:
            parts.append("顺序调整 " + "、".join(t.department for t in self.after))
        where = f"第 {self.row} 行 " if self.row else ""
        return f"{where}{self.node_key}: " + "；".join(parts)


@dataclass
class FieldChange:
    row: int
    node_key: str
    subject: str  # timing | remark
    before: str  # stored values
    after: str

    def describe(self) -> str:
        shown = timing_label if self.subject == "timing" else str
        return (f"第 {self.row} 行 {self.node_key}: {FIELD_LABELS[self.subject]} "
                f"“{shown(self.before) or '（空）'}”→“{shown(self.after) or '（空）'}”")


@dataclass
class RowReport:
    row: int | None  # None: a row missing from the sheet
    node_key: str
    kind: str  # proposal | deleted | paste | role | timing | duplicate
    reason: str

    def describe(self) -> str:
        where = f"第 {self.row} 行" if self.row else "表中缺少的任务"
        key = f" {self.node_key}" if self.node_key else ""
        return f"{where}{key}：{self.reason}"


@dataclass
class DivisionDiff:
    changes: list[NodeChange] = field(default_factory=list)
    field_changes: list[FieldChange] = field(default_factory=list)
    reports: list[RowReport] = field(default_factory=list)  # differences not applied, with the reason
    unknown: dict[str, list[str]] = field(default_factory=dict)  # name -> suggestions
    unknown_rows: dict[str, list[int]] = field(default_factory=dict)  # name -> rows naming it
    unknown_nodes: list[tuple[int, str]] = field(default_factory=list)  # (row, key)
    rows_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.unknown and not self.unknown_nodes

    @property
    def applicable(self) -> int:
        return len(self.changes) + len(self.field_changes)

    def unknown_lines(self) -> list[str]:
        lines = []
        for name, hints in self.unknown.items():
            rows = "、".join(str(r) for r in self.unknown_rows.get(name, []))
            lines.append(f"第 {rows} 行：未知部门“{name}”，是否指：{'、'.join(hints) or '无相近名称'}")
        lines += [f"第 {row} 行：未知节点编号 {key}" for row, key in self.unknown_nodes]
        return lines

    def change_lines(self) -> list[str]:
        """Every applicable change, in sheet row order."""
        items = [(c.row, 0, c.describe()) for c in self.changes]
        items += [(f.row, 1, f.describe()) for f in self.field_changes]
        return [text for _, _, text in sorted(items)]

    def report_lines(self) -> list[str]:
        return [r.describe() for r in sorted(self.reports, key=lambda r: (r.row is None, r.row or 0, r.node_key))]


def timing_value(text: str) -> str:
    """What to store for a 完成时限 as written: the keywords and bare years as before, else the text."""
    text = text.strip()
    if text in TIMING_WORDS:
        return TIMING_WORDS[text]
    match = TIMING_YEAR.fullmatch(text)
    if match and 2000 <= int(match.group(1)) <= 2100:
        return match.group(1)
    return text


def split_names(text: str, departments: list[Department]) -> list[str]:
    """Split a 、-joined list of units, keeping whole a registered name or alias that contains a separator."""
    protected = sorted({s for d in departments for s in (d.name, d.full_name, *d.aliases) if s and SPLIT_RE.search(s)},
                       key=len, reverse=True)
    names: list[tuple[int, str]] = []
    rest = text
    for name in protected:
        while (at := rest.find(name)) >= 0:
            names.append((at, name))
            rest = rest[:at] + "\0" * len(name) + rest[at + len(name):]
    for match in re.finditer(r"[^\0]+", rest):
        for part in re.finditer(r"[^、，,；;\s/]+", match.group()):
            names.append((match.start() + part.start(), part.group()))
    return [name for _, name in sorted(names)]


def suggestions(name: str, departments: list[Department], limit: int = 3) -> list[str]:
    """Registry names close to an unknown one: by the registry's own matching, else by spelling."""
    found = [d.name for d in suggest(name, departments, limit=limit)]
    if found:
        return found
    spellings = {s: d.name for d in departments for s in (d.name, *d.aliases)}
    close = difflib.get_close_matches(name, list(spellings), n=limit * 2, cutoff=0.5)
    return list(dict.fromkeys(spellings[c] for c in close))[:limit]


def diff_division(rows, snapshot: AssignmentSnapshot, past: Mapping[str, list[list[Tag]]] | None = None) -> DivisionDiff:
    """Compare the sheet (a DivisionSheet, or a plain list of SheetRow) with the workspace.

    `past` (node key -> the tag lists it held, from the audit trail) lets a 任务分工表述 left as exported
    from an earlier state pass as untouched; without it only the current state and the sheet's columns do.
    """
    departments = snapshot.departments
    kinds = {d.name: d.kind for d in departments}
    nodes = {n.key: n for n in snapshot.plan.nodes()}
    sheet_department = _own_department(rows, departments)
    diff = DivisionDiff(rows_read=len(rows))
    seen: dict[str, int] = {}
    for row in rows:
        if not row.node_key:
            diff.reports.append(RowReport(row.row, "", "proposal", _proposal(row)))
            continue
        if row.node_key not in nodes:
            diff.unknown_nodes.append((row.row, row.node_key))
            continue
        if row.node_key in seen:
            diff.reports.append(RowReport(row.row, row.node_key, "duplicate",
                                          f"该任务已在第 {seen[row.node_key]} 行出现，本行未导入"))
            continue
        seen[row.node_key] = row.row
        _assignments(row, snapshot, departments, kinds, sheet_department, diff, (past or {}).get(row.node_key, []))
        _fields(row, snapshot, diff)
    _deleted(rows, snapshot, seen, diff)
    return diff


def _own_department(rows, departments: list[Department]) -> str | None:
    name = getattr(rows, "department", None)
    if not name:
        return None
    dept = resolve(name, departments)
    return dept.name if dept else None


def _resolve_all(text: str, row: int, departments: list[Department], diff: DivisionDiff) -> list[str]:
    resolved = []
    for name in split_names(text, departments):
        dept = resolve(name, departments)
        if dept is None:
            diff.unknown.setdefault(name, suggestions(name, departments))
            diff.unknown_rows.setdefault(name, []).append(row)
        elif dept.name not in resolved:
            resolved.append(dept.name)
    return resolved


def _assignments(row, snapshot, departments, kinds, own: str | None, diff: DivisionDiff,
                 past: list[list[Tag]] = ()) -> None:
    leads = _resolve_all(row.lead_text, row.row, departments, diff)
    supports = [d for d in _resolve_all(row.responsible_text, row.row, departments, diff) if d not in leads]
    role = (row.role or "").strip() if getattr(row, "role", None) is not None else ""
    if own and role:
        wanted = ROLE_WORDS.get(role)
        if wanted == LEAD and own not in leads:
            leads.append(own)
            supports = [d for d in supports if d != own]
        elif wanted == SUPPORT and own not in supports:
            leads = [d for d in leads if d != own]
            supports.append(own)
        elif wanted is None:
            diff.reports.append(RowReport(row.row, row.node_key, "role",
                                          f"本单位角色“{role}”无法识别（应为“牵头”或“配合”），该栏未导入"))
    before = snapshot.tags.get(row.node_key, [])
    shown_before = ([t for t in before if t.role == LEAD]
                    + [Tag(n, SUPPORT) for n in districts_last([t.department for t in before if t.role == SUPPORT],
                                                               kinds)])
    after = [Tag(d, LEAD) for d in leads] + [Tag(d, SUPPORT) for d in supports]
    if after != shown_before and after != list(before):  # printed order (districts last) or the stored order
        diff.changes.append(NodeChange(row.node_key, list(before), after, row.row))
    paste = (getattr(row, "paste", None) or "").strip()
    if paste:
        expected = {_squash(division_text([t.department for t in tags if t.role == LEAD],
                                          [t.department for t in tags if t.role == SUPPORT]))
                    for tags in (shown_before, after, *past, *(_printed(t, kinds) for t in past))}
        if _squash(paste) not in expected:
            diff.reports.append(RowReport(row.row, row.node_key, "paste",
                                          "“任务分工表述”一栏被修改；该栏由牵头单位、责任单位两栏生成，请在这两栏中修改，"
                                          "本栏未导入"))


def _printed(tags: list[Tag], kinds) -> list[Tag]:
    """Tags in the order the sheet prints them (districts last)."""
    return [t for t in tags if t.role == LEAD] + [
        Tag(n, SUPPORT) for n in districts_last([t.department for t in tags if t.role == SUPPORT], kinds)]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(";", "；").replace(":", "：")


def _fields(row, snapshot: AssignmentSnapshot, diff: DivisionDiff) -> None:
    key = row.node_key
    timing = getattr(row, "timing", None)
    if timing is not None:
        stored = snapshot.timing.get(key, "")
        if timing.strip() != timing_label(stored):
            value = timing_value(timing)
            if "\n" in value or len(value) > TIMING_LIMIT or (value and not re.search(r"[\u4e00-\u9fff]", value)
                                                             and not value.isdigit()):
                diff.reports.append(RowReport(row.row, key, "timing",
                                              f"完成时限“{timing}”不是文件中的写法（如“2026年底前”“长期坚持”），未导入"))
            elif value != stored:
                diff.field_changes.append(FieldChange(row.row, key, "timing", stored, value))
    remark = getattr(row, "remark", None)
    if remark is not None and remark.strip() != snapshot.remarks.get(key, ""):
        diff.field_changes.append(FieldChange(row.row, key, "remark", snapshot.remarks.get(key, ""), remark.strip()))


def _deleted(rows, snapshot: AssignmentSnapshot, seen: dict[str, int], diff: DivisionDiff) -> None:
    """Tasks the export covered that the sheet no longer lists: reported, never unassigned."""
    scope = getattr(rows, "scope", None)
    if not scope:
        return  # an older sheet that does not say what it covered
    chapters = frozenset(scope["chapters"]) if "chapters" in scope else None
    wanted = scope.get("department") or scope.get("departments")
    filters = Filters(chapters=chapters, departments=frozenset(wanted) if wanted else None)
    for node in tagged_nodes(snapshot, filters):
        if node.key not in seen:
            diff.reports.append(RowReport(None, node.key, "deleted",
                                          "表中没有这一任务（行被删除，或导出后才分工）；删除行不会取消分工，"
                                          "如确需取消，请清空该行的牵头单位和责任单位后再导入"))


def _proposal(row) -> str:
    parts = [f"任务：{row.task[:40]}{'…' if len(row.task) > 40 else ''}"] if row.task else []
    if row.lead_text:
        parts.append(f"牵头单位：{row.lead_text}")
    if row.responsible_text:
        parts.append(f"责任单位：{row.responsible_text}")
    return "新增的行（没有节点编号），作为建议列出，未导入，请审核人在工作台中处理。" + "；".join(parts)
