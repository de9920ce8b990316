"""The two errors the storage layer raises on purpose.

Both are ValueError subclasses so that the command line and the GUI can report
them as one-line messages without knowing about SQLite.
"""

from __future__ import annotations


class WorkspaceError(ValueError):
    """A file cannot be opened as a workspace (foreign, newer, damaged, missing).

    Raised before anything is written: the file is left byte-for-byte untouched.
    """


class StoreError(ValueError):
    """A write was refused because its input is wrong; nothing was written."""


class RevisionRefused(StoreError):
    """A revision import was refused; `kind` (same, elsewhere, revised, unrelated) and `plan_id` let the
    window word the reason in its own language instead of showing this English message."""

    def __init__(self, message: str, kind: str, plan_id: int | None = None) -> None:
        super().__init__(message)
        self.kind, self.plan_id = kind, plan_id


class WorkspaceDamaged(WorkspaceError):
    """The file is a workspace but SQLite finds it damaged, or a table it needs is missing."""

    def __init__(self, message: str, path: object = None) -> None:
        super().__init__(message)
        self.path = path


class WorkspaceReadOnly(WorkspaceError):
    """The file (or the medium holding it) cannot be written; it can still be read.

    `kind` says why ("medium", "file" or "folder") so that the window can say it in its own language.
    """

    def __init__(self, message: str, path: object = None, kind: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind


class WorkspaceLocked(WorkspaceError):
    """Another program held the workspace's write lock for longer than we waited."""
