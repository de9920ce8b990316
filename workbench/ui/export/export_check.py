"""GUI exports are refused when the workspace's state does not match its audit trail (issue 10).

An export hands the tags to the departments as settled.  If a state row was
edited behind the application's back (or the log itself does not verify),
the CLI refuses to export (cli/audit_commands.checked_readonly_repository);
the window does the same, with the first mismatch named in one line of
Chinese.  The check is `audit verify` without a roster, run on the export's
worker through that thread's own read-only connection (seconds at a city's
scale, never on the GUI thread).
"""

from __future__ import annotations

import re
from collections.abc import Generator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

_NODE = re.compile(r"^node (?P<key>.+) \((?P<subject>\w+)\) of plan (?P<sha>\w+)$")


class ExportRefused(Exception):
    """The workspace does not match its audit trail: nothing is written."""


def _subject(subject: str) -> str:
    return {
        "assignments": translate("ExportCheck", "责任单位"), "indicator_links": translate("ExportCheck", "关联指标"),
        "note": translate("ExportCheck", "备注"), "review_status": translate("ExportCheck", "审核状态"),
        "timing": translate("ExportCheck", "完成时限"), "remark": translate("ExportCheck", "公开备注"),
    }.get(subject, subject)  # fmt: skip


def _where(target: str) -> str:
    """The report's target ('node ch01/s01/p01 (assignments) of plan …', 'department 市科技局', 'plan …') in Chinese."""
    node = _NODE.match(target)
    if node:
        return (translate("ExportCheck", "条目 %1 的%2").replace("%1", node["key"])
                .replace("%2", _subject(node["subject"])))  # fmt: skip
    if target.startswith("department "):
        return translate("ExportCheck", "部门“%1”").replace("%1", target.removeprefix("department "))
    if target.startswith("plan "):
        return translate("ExportCheck", "规划 %1").replace("%1", target.removeprefix("plan ")[:12])
    return target


def refusal(report) -> str:
    """One line naming the first mismatch of a failed VerifyReport."""
    event = translate("ExportCheck", "（事件 %1）").replace("%1", report.first_bad_uuid[:8]) if report.first_bad_uuid else ""
    if report.target:
        text = translate("ExportCheck", "已拒绝导出：工作区的内容与审计记录不符，首个不符处：%1%2。请先用“workbench audit verify”核对。")
        return text.replace("%1", _where(report.target)).replace("%2", event)
    text = translate("ExportCheck", "已拒绝导出：审计记录未通过核验：%1%2。请先用“workbench audit verify”核对。")
    return text.replace("%1", report.reason).replace("%2", event)


def state_problem(workspace: Path) -> str | None:
    """Worker thread: the refusal for this workspace file, or None when its state matches its events."""
    from workbench.storage.audit.audit_verify import verify
    from workbench.storage.files.database import open_readonly

    db = open_readonly(workspace)
    try:
        report = verify(db, roster=None)
    finally:
        db.close()
    return None if report.ok else refusal(report)


def checked(workspace: Path | None, export: Generator[Any, None, Any]) -> Generator[Any, None, Any]:
    """Worker thread: check the workspace against its audit trail, then run `export` (a progress generator)."""
    if workspace is not None and Path(workspace).is_file():
        yield 0, 0, translate("ExportCheck", "正在核对工作区与审计记录…")
        problem = state_problem(Path(workspace))
        if problem:
            export.close()
            raise ExportRefused(problem)
    return (yield from export)
