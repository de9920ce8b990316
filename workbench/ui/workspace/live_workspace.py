"""A live workspace: the window shows writes made by anyone else within a second.

A colleague's `workbench assign`, a second window, a script or a merge run on
the command line write to the same file.  A QTimer polls the store's
data_version twice a second (microseconds each); when another connection has
committed, the events it appended are read (storage.live), the session
re-reads exactly the nodes, departments and plans they touch, and the tree,
the reader and the annotation pane redraw through `Session.changed` as for
the window's own writes.  The status bar says who changed what.  If the log
was replaced (a restored backup) everything is read again.

GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from workbench.storage.files import live
from workbench.storage.state.records import Changes

POLL_MS = 500
translate = QCoreApplication.translate


class LiveWorkspace(QObject):
    external_change = Signal(str)  # a one-line description for the status bar

    def __init__(self, session, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.session = session
        db = session.repo.db
        self._version = live.data_version(db)
        self._mark = live.current_mark(db)
        self._polling = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        session.changed.connect(self._on_own_change)

    def _on_own_change(self, _changes) -> None:
        # This window's own writes do not move data_version: take in what others wrote before
        # them, then keep the mark past them.
        if self._polling:
            return
        self.poll()
        self._mark = live.current_mark(self.session.repo.db)

    def poll(self) -> bool:
        """Look once; True when something written elsewhere was taken in."""
        if self._polling:
            return False
        self._polling = True
        try:
            return self._poll()
        finally:
            self._polling = False

    def _poll(self) -> bool:
        db = self.session.repo.db
        try:
            version = live.data_version(db)
            if version == self._version:
                return False
            self._version = version
            found = live.changes_since(db, self._mark)
        except Exception:  # noqa: BLE001 - a locked or vanished file: try again next tick
            return False
        self._mark = found.mark
        if found.reset:
            self.session.reload()
            self.external_change.emit(translate("LiveWorkspace", "工作区已被其他程序整体更新（例如恢复了备份），已重新读取。"))
            return True
        if not found.events:
            return False  # a write without events (search index, conflict table): nothing to show
        self._apply(found)
        return True

    def _apply(self, found: live.LiveChanges) -> None:
        session = self.session
        if found.plans - {session.plan_record(p).sha256 for p in session.plan_ids}:
            session.load()
        by_key = {(session.plan_record(p).sha256, n.key): n.db_id
                  for p in session.plan_ids for n in session.plan(p).nodes() if n.db_id is not None}  # fmt: skip
        node_ids = frozenset(by_key[t] for t in found.nodes if t in by_key)
        department_ids = frozenset(
            d.db_id for uid in found.departments if (d := session.repo.department_by_uid(uid)) and d.db_id
        )
        session.apply(Changes(node_ids=node_ids, department_ids=department_ids, events=tuple(found.events)))
        self.external_change.emit(self._describe(found, by_key))

    def _describe(self, found: live.LiveChanges, by_key: dict) -> str:
        who = "、".join(found.reviewers)
        where = ""
        if found.first_node and found.first_node in by_key:
            node = self.session.node(by_key[found.first_node])
            where = (node.display or node.key) if node is not None else ""
        count = len(found.nodes)
        if count > 1:
            text = translate("LiveWorkspace", "%1 在别处修改了 %2 等 %3 个条目，已刷新。").replace("%3", str(count))
        elif count == 1:
            text = translate("LiveWorkspace", "%1 在别处修改了 %2，已刷新。")
        else:
            text = translate("LiveWorkspace", "%1 在别处修改了工作区，已刷新。")
        return text.replace("%1", who).replace("%2", where)


def install(window) -> LiveWorkspace:
    """Poll for other writers while the window is open; their changes show in the status bar."""
    watcher = LiveWorkspace(window.session, window)
    watcher.external_change.connect(lambda message: window.status.showMessage(message, 10000))
    window.live_workspace = watcher
    return watcher
