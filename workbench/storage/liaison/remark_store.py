"""The public 备注 of a node: the one remark that is printed in the 任务分工方案.

A reviewer's note (notes table) is internal and never leaves the workspace
unless asked; a remark is written for the liaisons, and a liaison's edit of the
备注 column comes back here.  Each write is one transaction with one event
(subject `remark`, before/after the texts, '' = none).
"""

from __future__ import annotations

from datetime import datetime, timezone

from workbench.storage.state.records import Changes
from workbench.storage.state.store_base import ALWAYS_RECORDED, StoreBase

REMARK_LIMIT = 2000


class RemarkStore(StoreBase):
    def remark(self, node_id: int) -> str:
        row = self.db.execute("SELECT text FROM remarks WHERE node_id = ?", [node_id]).fetchone()
        return row[0] if row else ""

    def set_remark(self, *, node_id: int, text: str, reason: str | None = None, action: str = "remark") -> Changes:
        """Set the node's public remark; blank text removes it."""
        from workbench.storage.errors import StoreError

        self._check_action(action, "remark")
        new = text.strip()
        if len(new) > REMARK_LIMIT:
            raise StoreError(f"a remark holds at most {REMARK_LIMIT} characters, not {len(new)}")
        with self.db.atomic():
            node = self._node_ref(node_id)
            old = self.remark(node_id)
            if new == old and action not in ALWAYS_RECORDED:
                return Changes.none()
            if new:
                now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
                self.db.execute(
                    "INSERT INTO remarks (node_id, text, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (node_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    [node_id, new, now],
                )
            else:
                self.db.execute("DELETE FROM remarks WHERE node_id = ?", [node_id])
            event = self._event(action=action, subject="remark", plan_sha256=node.plan_sha256, node_key=node.key,
                                before=old, after=new, reason=reason)
            return Changes(node_ids=frozenset({node.id}), events=(event,))
