"""Qt APIs that differ across the supported PySide6 range (6.8 through the newest).

Government Linux (glibc 2.28: UOS 20, Kylin V10) can install PySide6 6.8/6.9
only, so code written against a newer Qt goes through here, with the older
equivalent as the fallback.  .ci/run runs the whole suite on the oldest
supported PySide6 to keep it honest.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSortFilterProxyModel

# beginFilterChange()/endFilterChange(Direction) arrived in Qt 6.10.
HAS_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")


@contextmanager
def filter_change(proxy: QSortFilterProxyModel, *, rows_only: bool = False) -> Iterator[None]:
    """Change a proxy's filter criteria inside the block; the proxy re-filters once at the end.

    Qt >= 6.10: beginFilterChange()/endFilterChange(); older: invalidateRowsFilter()
    (rows only) or invalidateFilter().
    """
    if HAS_FILTER_CHANGE:
        proxy.beginFilterChange()
    try:
        yield
    finally:
        if HAS_FILTER_CHANGE:
            if rows_only:
                proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                proxy.endFilterChange()
        elif rows_only:
            proxy.invalidateRowsFilter()
        else:
            proxy.invalidateFilter()
