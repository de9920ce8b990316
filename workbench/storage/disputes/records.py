"""What one merge conflict is, as every reader (CLI, GUI, tests) receives it.

Plain values, no SQL: listing.py fills them a page at a time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from workbench.storage.audit.audit import Event


@dataclass(frozen=True)
class Side:
    event: Event
    value: Any  # the event's `after`

    @property
    def author(self) -> str:
        unit = f" ({self.event.reviewer_unit})" if self.event.reviewer_unit else ""
        return f"{self.event.reviewer}{unit}"


@dataclass(frozen=True)
class Conflict:
    id: int
    subject: str
    plan_sha256: str | None
    node_key: str | None
    department_uid: str | None
    kind: str
    status: str  # open | resolved | superseded
    a: Side
    b: Side  # the side the workspace shows while the conflict is open
    resolution_uuid: str | None
    detected_at: str
    node_title: str = ""
    ref: str = ""
    department_name: str = ""
    continued_by: str = ""  # superseded while the dispute goes on: the reference of the pair that carries it
    ended_by: Event | None = None  # the event named by resolution_uuid (resolved or superseded), when read

    @property
    def target(self) -> str:
        if self.node_key is not None:
            return f"{self.node_key} {self.node_title}".strip()
        return f"部门 {self.department_name or '（未知部门）'}"

    @property
    def fate(self) -> str:
        """What became of the dispute, in plain Chinese (for the CLI's --all and the GUI's 全部 list)."""
        by = self.ended_by
        who = f"{by.reviewer}{f'（{by.reviewer_unit}）' if by.reviewer_unit else ''}" if by else ""
        if self.status == "open":
            return "待裁决"
        if self.status == "resolved":
            done = f"已裁决（{who}）" if who else "已裁决"
            return f"{done}，但此处仍有分歧，见 #{self.continued_by}" if self.continued_by else done
        if self.continued_by:
            return (f"分歧未了：{who or '后来的'}修改只看到其中一方并替换了它，争议由 #{self.continued_by} 接续，"
                    f"请在 #{self.continued_by} 裁决")
        return f"已被{who}后来的修改取代，分歧已消除" if who else "已被后来的修改取代，分歧已消除"


def conflict_ref(side_a: str, side_b: str) -> str:
    """The dispute's reference: the same in every workspace holding these two events."""
    return "c" + hashlib.sha256("|".join(sorted((side_a, side_b))).encode("ascii")).hexdigest()[:7]
