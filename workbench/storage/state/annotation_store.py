"""What a reviewer adds to a node besides departments: indicator links, a note,
a review status and a completion timing.

Each write is one transaction with one event naming the node portably (plan
sha256 + node key).  Indicator-link events carry the node's full ordered list
of indicator keys before and after; note, status and timing events carry the
old and new value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone

from workbench.storage.errors import StoreError
from workbench.storage.state.records import REVIEW_STATUSES, Changes, IndicatorLink, NodeStatus, Note
from workbench.storage.state.store_base import ALWAYS_RECORDED, NodeRef, StoreBase

TIMING_KEYWORDS = ("", "within_year", "ongoing")  # '' = not set; or a year such as "2027"
_YEAR = re.compile(r"[0-9]{4}")


def _has_cjk(text: str) -> bool:
    """Whether `text` holds a CJK ideograph (U+4E00-U+9FFF): free-text timing is written the way Chinese
    documents write it.  (A compiled character class over that range cost every command 1-3 ms at import.)"""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_LINK_SELECT = (
    "SELECT l.node_id, l.indicator_id, i.key, i.name, l.position "
    "FROM indicator_links l JOIN indicators i ON i.id = l.indicator_id "
)


TIMING_LIMIT = 60


def check_timing(timing: str) -> None:
    """'' (not set), 'within_year', 'ongoing', a year such as '2027', or free text as documents write it
    (2026年底前, 2027年6月底前, 长期坚持): one line of at most TIMING_LIMIT characters."""
    if timing in TIMING_KEYWORDS or (_YEAR.fullmatch(timing) and 2000 <= int(timing) <= 2100):
        return
    if timing.strip() == timing and "\n" not in timing and "\r" not in timing and len(timing) <= TIMING_LIMIT \
            and not _YEAR.fullmatch(timing) and _has_cjk(timing):
        return
    raise StoreError(f"timing must be '', 'within_year', 'ongoing', a year such as '2027' or one line of text "
                     f"(at most {TIMING_LIMIT} characters) such as '2026年底前', not {timing!r}")


class AnnotationStore(StoreBase):
    # -- indicator links --------------------------------------------------

    def indicator_links(self, node_id: int) -> list[IndicatorLink]:
        rows = self.db.execute(_LINK_SELECT + "WHERE l.node_id = ? ORDER BY l.position", [node_id])
        return [IndicatorLink(*row) for row in rows]

    def links_for_plan(self, plan_id: int) -> dict[int, list[IndicatorLink]]:
        """Every linked node of a plan -> its ordered indicator links (one query)."""
        rows = self.db.execute(
            _LINK_SELECT + "WHERE i.plan_id = ? ORDER BY l.node_id, l.position", [plan_id]
        )
        result: dict[int, list[IndicatorLink]] = {}
        for row in rows:
            link = IndicatorLink(*row)
            result.setdefault(link.node_id, []).append(link)
        return result

    def link_indicator(self, *, node_id: int, indicator_id: int, reason: str | None = None) -> Changes:
        """Append an indicator to the node's links; linking it again changes nothing."""
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            key = self._indicator_key(node, indicator_id)
            current = self._link_ids(node_id)
            if indicator_id in current:
                return Changes.none()
            return self._rewrite_links(node, current, [*current, indicator_id], "link_indicator", key, reason)

    def unlink_indicator(self, *, node_id: int, indicator_id: int, reason: str | None = None) -> Changes:
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            key = self._indicator_key(node, indicator_id)
            current = self._link_ids(node_id)
            wanted = [i for i in current if i != indicator_id]
            return self._rewrite_links(node, current, wanted, "unlink_indicator", key, reason)

    def set_indicator_links(
        self,
        *,
        node_id: int,
        indicator_ids: Sequence[int],
        action: str = "set_indicator_links",
        reason: str | None = None,
    ) -> Changes:
        """Replace the node's ordered indicator links (undo/redo, imports)."""
        self._check_action(action, "set_indicator_links")
        wanted = [int(i) for i in indicator_ids]
        if len(set(wanted)) != len(wanted):
            raise StoreError("an indicator appears twice in the list")
        with self.db.atomic():
            node = self._taggable_ref(node_id)
            for indicator_id in wanted:
                self._indicator_key(node, indicator_id)
            return self._rewrite_links(node, self._link_ids(node_id), wanted, action, None, reason)

    # -- note, status, timing ---------------------------------------------

    def note(self, node_id: int) -> Note | None:
        row = self.db.execute("SELECT node_id, text, updated_at FROM notes WHERE node_id = ?", [node_id]).fetchone()
        return Note(*row) if row else None

    def set_note(self, *, node_id: int, text: str, reason: str | None = None, action: str = "note") -> Changes:
        """Set the node's note; blank text removes it.  Event before/after: the texts ('' = none)."""
        self._check_action(action, "note")
        new = text if text.strip() else ""
        with self.db.atomic():
            node = self._node_ref(node_id)
            old = self.note(node_id)
            old_text = old.text if old else ""
            if new == old_text and action not in ALWAYS_RECORDED:
                return Changes.none()
            if new:
                now = datetime.now(timezone.utc).isoformat(timespec="microseconds")
                self.db.execute(
                    "INSERT INTO notes (node_id, text, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (node_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                    [node_id, new, now],
                )
            else:
                self.db.execute("DELETE FROM notes WHERE node_id = ?", [node_id])
            return self._node_event(node, action, "note", old_text, new, reason)

    def status(self, node_id: int) -> NodeStatus:
        """The node's review status and timing (defaults when never set)."""
        row = self.db.execute(
            "SELECT review_status, timing FROM node_status WHERE node_id = ?", [node_id]
        ).fetchone()
        return NodeStatus(node_id, row[0], row[1]) if row else NodeStatus(node_id)

    def statuses_for_plan(self, plan_id: int) -> dict[int, NodeStatus]:
        """Nodes of a plan whose status or timing was ever set (one query)."""
        rows = self.db.execute(
            "SELECT s.node_id, s.review_status, s.timing FROM node_status s "
            "JOIN nodes n ON n.id = s.node_id WHERE n.plan_id = ?",
            [plan_id],
        )
        return {row[0]: NodeStatus(*row) for row in rows}

    def set_review_status(
        self, *, node_id: int, status: str, reason: str | None = None, action: str = "review_status"
    ) -> Changes:
        if status not in REVIEW_STATUSES:
            raise StoreError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
        self._check_action(action, "review_status")
        with self.db.atomic():
            node = self._node_ref(node_id)
            old = self.status(node_id)
            if old.review_status == status and action not in ALWAYS_RECORDED:
                return Changes.none()
            self._write_status(node_id, status, old.timing)
            return self._node_event(node, action, "review_status", old.review_status, status, reason)

    def set_timing(self, *, node_id: int, timing: str, reason: str | None = None, action: str = "timing") -> Changes:
        check_timing(timing)
        self._check_action(action, "timing")
        with self.db.atomic():
            node = self._node_ref(node_id)
            old = self.status(node_id)
            if old.timing == timing and action not in ALWAYS_RECORDED:
                return Changes.none()
            self._write_status(node_id, old.review_status, timing)
            return self._node_event(node, action, "timing", old.timing, timing, reason)

    # -- helpers ----------------------------------------------------------

    def _write_status(self, node_id: int, review_status: str, timing: str) -> None:
        self.db.execute(
            "INSERT INTO node_status (node_id, review_status, timing) VALUES (?, ?, ?) "
            "ON CONFLICT (node_id) DO UPDATE SET review_status = excluded.review_status, timing = excluded.timing",
            [node_id, review_status, timing],
        )

    def _node_event(
        self, node: NodeRef, action: str, subject: str, before: str, after: str, reason: str | None
    ) -> Changes:
        event = self._event(
            action=action,
            subject=subject,
            plan_sha256=node.plan_sha256, node_key=node.key, before=before, after=after, reason=reason
        )
        return Changes(node_ids=frozenset({node.id}), events=(event,))

    def _indicator_key(self, node: NodeRef, indicator_id: int) -> str:
        row = self.db.execute("SELECT key, plan_id FROM indicators WHERE id = ?", [indicator_id]).fetchone()
        if row is None:
            raise StoreError(f"no indicator with id {indicator_id!r}")
        if row[1] != node.plan_id:
            raise StoreError(f"indicator {row[0]!r} belongs to another plan than node {node.key!r}")
        return str(row[0])

    def _link_ids(self, node_id: int) -> list[int]:
        rows = self.db.execute("SELECT indicator_id FROM indicator_links WHERE node_id = ? ORDER BY position", [node_id])
        return [int(row[0]) for row in rows]

    def _keys(self, indicator_ids: Sequence[int]) -> list[str]:
        if not indicator_ids:
            return []
        marks = ", ".join("?" for _ in indicator_ids)
        keys = dict(self.db.execute(f"SELECT id, key FROM indicators WHERE id IN ({marks})", list(indicator_ids)))
        return [keys[i] for i in indicator_ids]

    def _rewrite_links(
        self,
        node: NodeRef,
        current: list[int],
        wanted: list[int],
        action: str,
        indicator_key: str | None,
        reason: str | None,
    ) -> Changes:
        if wanted == current and action not in ALWAYS_RECORDED:
            return Changes.none()
        self.db.execute("DELETE FROM indicator_links WHERE node_id = ?", [node.id])
        self.db.conn.executemany(
            "INSERT INTO indicator_links (node_id, indicator_id, position) VALUES (?, ?, ?)",
            [(node.id, indicator_id, i) for i, indicator_id in enumerate(wanted)],
        )
        event = self._event(
            action=action,
            subject="indicator_links",
            plan_sha256=node.plan_sha256,
            node_key=node.key,
            indicator_key=indicator_key,
            before=self._keys(current),
            after=self._keys(wanted),
            reason=reason,
        )
        touched = frozenset(current) | frozenset(wanted)
        return Changes(node_ids=frozenset({node.id}), indicator_ids=touched, events=(event,))
