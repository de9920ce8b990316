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
