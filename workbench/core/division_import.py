"""Reading back a 任务分工 sheet a liaison edited, and what it would change.

Rows are matched to nodes by the exported node-id column; the 牵头单位 and
责任单位 columns give the new ordered list (leads first).  Department names are
resolved by name or alias; unknown names are reported with suggestions and
never created.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.departments import Department, resolve, suggest
from workbench.core.matrix import LEAD, SUPPORT, AssignmentSnapshot, Tag

ID_HEADERS = ("节点编号（勿改）", "节点编号", "编号", "node_id")
LEAD_HEADER = "牵头单位"
RESPONSIBLE_HEADERS = ("责任单位", "配合单位")
SPLIT_RE = re.compile(r"[、，,；;\s/]+")


class DivisionSheetError(ValueError):
    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


@dataclass
class SheetRow:
    row: int  # 1-based row in the sheet
    node_key: str
    leads: list[str]
    responsible: list[str]


@dataclass
class NodeChange:
    node_key: str
    before: list[Tag]
    after: list[Tag]

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
        return f"{self.node_key}: " + "；".join(parts)


@dataclass
class DivisionDiff:
    changes: list[NodeChange] = field(default_factory=list)
    unknown: dict[str, list[str]] = field(default_factory=dict)  # name -> suggestions
    unknown_nodes: list[tuple[int, str]] = field(default_factory=list)  # (row, key)
    rows_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.unknown and not self.unknown_nodes


def read_division_sheet(path: Path) -> list[SheetRow]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise DivisionSheetError(path, f"is not a readable .xlsx workbook ({exc})") from exc
    try:
        ws = _find_sheet(wb, path)
        rows = ws.iter_rows(values_only=True)
        header = [str(v).strip() if v is not None else "" for v in next(rows, ())]
        id_col = next((header.index(h) for h in ID_HEADERS if h in header), None)
        if id_col is None or LEAD_HEADER not in header:
            raise DivisionSheetError(path, "has no 任务分工 sheet with 牵头单位 and 节点编号 columns")
        lead_col = header.index(LEAD_HEADER)
        resp_col = next((header.index(h) for h in RESPONSIBLE_HEADERS if h in header), None)
        result = []
        for n, values in enumerate(rows, 2):
            key = _text(values, id_col)
            if not key:
                continue
            result.append(SheetRow(n, key, _names(_text(values, lead_col)), _names(_text(values, resp_col))))
        return result
    finally:
        wb.close()


def _find_sheet(wb, path):
    for name in wb.sheetnames:
        if "任务分工" in name or name.endswith("任务"):
            return wb[name]
    raise DivisionSheetError(path, "has no 任务分工 sheet")


def _text(values, col: int | None) -> str:
    if col is None or col >= len(values) or values[col] is None:
        return ""
    return str(values[col]).strip()


def _names(text: str) -> list[str]:
    return [n for n in SPLIT_RE.split(text) if n]


def diff_division(rows: list[SheetRow], snapshot: AssignmentSnapshot) -> DivisionDiff:
    """Compare the sheet with the workspace: what applying it would change."""
    departments = snapshot.departments
    keys = {n.key for n in snapshot.plan.nodes()}
    diff = DivisionDiff(rows_read=len(rows))
    for row in rows:
        if row.node_key not in keys:
            diff.unknown_nodes.append((row.row, row.node_key))
            continue
        leads = _resolve_all(row.leads, departments, diff)
        supports = [d for d in _resolve_all(row.responsible, departments, diff) if d not in leads]
        after = [Tag(d, LEAD) for d in dict.fromkeys(leads)] + [Tag(d, SUPPORT) for d in dict.fromkeys(supports)]
        before = snapshot.tags.get(row.node_key, [])
        if after != before:
            diff.changes.append(NodeChange(row.node_key, list(before), after))
    return diff


def suggestions(name: str, departments: list[Department], limit: int = 3) -> list[str]:
    """Registry names close to an unknown one: by the registry's own matching, else by spelling."""
    found = [d.name for d in suggest(name, departments, limit=limit)]
    if found:
        return found
    spellings = {s: d.name for d in departments for s in (d.name, *d.aliases)}
    close = difflib.get_close_matches(name, list(spellings), n=limit * 2, cutoff=0.5)
    return list(dict.fromkeys(spellings[c] for c in close))[:limit]


def _resolve_all(names: list[str], departments: list[Department], diff: DivisionDiff) -> list[str]:
    resolved = []
    for name in names:
        dept = resolve(name, departments)
        if dept is None:
            diff.unknown[name] = suggestions(name, departments)
        else:
            resolved.append(dept.name)
    return resolved
