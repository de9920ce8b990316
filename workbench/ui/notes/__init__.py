"""The note box of the annotation pane: one event per editing session, and typed text that survives failures."""

from .drafts import DraftStore
from .keeper import NoteKeeper

__all__ = ["DraftStore", "NoteKeeper"]
