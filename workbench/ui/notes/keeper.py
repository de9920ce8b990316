"""Keeps the note being typed safe: saved once per editing session, never lost when saving fails.

- A note is saved when the reviewer leaves the note box (focus out, Esc,
  Tab, another node) or after a longer pause (NOTE_PAUSE_MS), as one undoable
  command: one event per editing session, not one per pause.
- While the reviewer types, the text is also written to a local draft file
  (DraftStore, in the data folder).  A note the workspace refuses (read-only
  file, full disk, a lock held too long) stays in the editor, marked unsaved
  with the reason, stays in the draft file, and is retried every RETRY_MS;
  drafts left on other nodes, or by an earlier run, are retried too and come
  back into the editor when their node is shown.  A retry never overwrites a
  note someone else changed since the draft was begun.
- Moving to another node while the note cannot be saved asks first.
- Esc leaves the box (the keyboard returns to the tree), Tab moves the focus
  on instead of typing a tab.

GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPlainTextEdit

from workbench.core.plan import PLAN

from workbench.ui.notes.drafts import DraftStore

NOTE_PAUSE_MS = 20000  # a longer pause also ends an editing session
DRAFT_DELAY_MS = 300
RETRY_MS = 5000
translate = QCoreApplication.translate


class NoteKeeper(QObject):
    escaped = Signal()  # Esc in the note box: hand the keyboard back to the tree
    return_to_node = Signal(int)  # the reviewer chose to stay on the node whose note is unsaved

    def __init__(self, session, annotator, edit: QPlainTextEdit, status: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.annotator = annotator
        self.edit = edit
        self.status = status
        self.node_id: int | None = None
        self.dirty = False  # typed (or restored) text not yet in the store
        self.base = ""  # the stored note the current text was typed over
        self.error = ""
        self.drafts = DraftStore(session.path) if session.path else None
        self.ask_leave = self._ask_leave  # (reason) -> bool; replaceable for tests
        edit.setTabChangesFocus(True)
        edit.installEventFilter(self)
        edit.textChanged.connect(self._typed)
        self.pause = self._timer(NOTE_PAUSE_MS, self.save, single=True)
        self.draft_timer = self._timer(DRAFT_DELAY_MS, self._keep_draft, single=True)
        self.retry_timer = self._timer(RETRY_MS, self.retry, single=False)
        session.write_failed.connect(self._remember_error)
        self._show_state()
        if self.drafts is not None and self.drafts.keys():
            self.retry_timer.start()  # drafts left by an earlier run

    def _timer(self, interval: int, slot, *, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # -- which node -------------------------------------------------------

    def _key(self, node_id: int | None) -> str | None:
        node = self.session.node(node_id)
        plan_id = self.session.plan_id_of(node_id) if node_id is not None else None
        if node is None or plan_id is None:
            return None
        return DraftStore.key(self.session.plan_record(plan_id).sha256, node.key)

    def show(self, node_id: int | None) -> None:
        """Put the note of `node_id` in the editor: its draft if one is waiting, else the stored note."""
        node = self.session.node(node_id)
        self.node_id = node_id if node is not None and node.kind != PLAN else None
        stored = self.session.note(self.node_id) if self.node_id is not None else ""
        key = self._key(self.node_id)
        draft = self.drafts.get(key) if self.drafts is not None and key else None
        if draft is not None and draft.text == stored:
            self.drafts.remove(key)
            draft = None
        text = draft.text if draft is not None else stored
        document = self.edit.document()
        # Most clauses have no note: the empty box stays as it is (no new document, no repaint on each J) unless
        # it holds an editing history that Ctrl+Z could bring back onto this node.
        if text or not document.isEmpty() or document.isUndoAvailable() or document.isRedoAvailable():
            self.edit.blockSignals(True)
            self.edit.setPlainText(text)
            self.edit.blockSignals(False)
        self.base = draft.base if draft is not None else stored
        self.dirty = draft is not None
        self.error = translate("NoteKeeper", "上次未能保存，已从本机草稿恢复") if self.dirty else ""
        self._show_state()
        if self.dirty:
            self.retry_timer.start()

    def refresh(self) -> None:
        """The store changed: show the stored note again unless the reviewer has text of their own here."""
        if not self.dirty and not self.edit.hasFocus() and not self.pause.isActive():
            self.show(self.node_id)

    def leave(self) -> bool:
        """Before another node is shown: save; if that fails, ask. True to go on."""
        if not self.dirty or self.node_id is None:
            return True
        if self.save():
            return True
        return self.ask_leave(self.error)

    # -- typing and saving ------------------------------------------------

    def _typed(self) -> None:
        if self.node_id is None:
            return
        self.dirty = True
        self.pause.start()
        self.draft_timer.start()

    def _keep_draft(self) -> None:
        key = self._key(self.node_id)
        if self.drafts is not None and key and self.dirty:
            self.drafts.put(key, self.edit.toPlainText(), self.base)

    def _remember_error(self, message: str) -> None:
        self.error = message

    def save(self) -> bool:
        """Store the note being edited if it changed (one undoable command); True when the store has it."""
        self.pause.stop()
        if self.node_id is None or not self.dirty or self.session.node(self.node_id) is None:
            return True
        text = self.edit.toPlainText()
        wanted = text if text.strip() else ""
        self.error = ""
        try:
            self.annotator.set_note(text, node_id=self.node_id)
            stored = self.session.note(self.node_id)
        except Exception as exc:  # noqa: BLE001 - the store cannot even be read: keep the text
            stored, self.error = None, str(exc)
        if stored == wanted:
            self.dirty = False
            self.base = wanted
            self.draft_timer.stop()
            key = self._key(self.node_id)
            if self.drafts is not None and key:
                self.drafts.remove(key)
            self._show_state()
            return True
        self.draft_timer.stop()
        self._keep_draft()
        self._show_state()
        self.retry_timer.start()
        return False

    def retry(self) -> None:
        """Try again: the unsaved note on screen (when not being typed in) and drafts left on other nodes."""
        if self.dirty and not self.edit.hasFocus() and not self.pause.isActive():
            self._retry_current()
        if self.drafts is not None:
            current = self._key(self.node_id)
            by_key = {DraftStore.key(self.session.plan_record(p).sha256, n.key): n.db_id
                      for p in self.session.plan_ids for n in self.session.plan(p).nodes() if n.db_id is not None}  # fmt: skip
            for key in self.drafts.keys():
                if key == current or key not in by_key:
                    continue
                self._retry_draft(key, by_key[key])
            others = [k for k in self.drafts.keys() if k != current and k in by_key]
        else:
            others = []
        if not self.dirty and not others:
            self.retry_timer.stop()

    def _retry_current(self) -> None:
        """Save the unsaved note on screen, unless someone else changed the stored note since it was begun."""
        try:
            stored = self.session.note(self.node_id) if self.node_id is not None else ""
        except Exception:  # noqa: BLE001 - still failing: try later
            return
        text = self.edit.toPlainText()
        if stored not in (self.base, text if text.strip() else ""):
            self.error = translate("NoteKeeper", "此条备注已被他人修改，请核对后离开编辑框再保存")
            self._show_state()
            return
        self.save()

    def _retry_draft(self, key: str, node_id: int) -> None:
        draft = self.drafts.get(key)
        if draft is None:
            return
        try:
            stored = self.session.note(node_id)
            if stored == draft.base:  # nobody changed the note since: the draft may go in
                self.annotator.set_note(draft.text, node_id=node_id)
                stored = self.session.note(node_id)
        except Exception:  # noqa: BLE001 - still failing: keep the draft, try later
            return
        if stored == (draft.text if draft.text.strip() else ""):
            self.drafts.remove(key)

    # -- showing the state ------------------------------------------------

    def _show_state(self) -> None:
        if not self.dirty or not self.error:
            self.status.setVisible(False)
            self.status.setText("")
            return
        kept = translate("NoteKeeper", "草稿已保存在本机，将自动重试。") if self.drafts is not None and not self.drafts.error \
            else translate("NoteKeeper", "本机草稿也未能保存，请勿关闭程序。")
        self.status.setText(translate("NoteKeeper", "● 备注未保存：%1。").replace("%1", self.error) + kept)
        self.status.setVisible(True)

    def _ask_leave(self, reason: str) -> bool:
        answer = QMessageBox.question(
            self.edit.window(), translate("NoteKeeper", "备注未保存"),
            translate("NoteKeeper", "备注未能保存：%1\n草稿已保存在本机，离开后仍会自动重试，回到此条目时会重新显示。是否离开？")
            .replace("%1", reason or "—"),
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    # -- keys ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.edit:
            if event.type() == QEvent.Type.FocusOut:
                self.save()
            elif event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
                event.accept()  # Esc is the note box's own key here, not the window's "whole clause" shortcut
                return True
            elif event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.save()
                self.escaped.emit()
                return True
        return super().eventFilter(watched, event)
