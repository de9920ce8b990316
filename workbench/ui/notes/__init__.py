"""The note box of the annotation pane: one event per editing session, and typed text that survives failures."""

from workbench.ui.notes.drafts import DraftStore
from workbench.ui.notes.keeper import NoteKeeper

__all__ = ["DraftStore", "NoteKeeper"]
