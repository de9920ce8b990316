"""The filter-change fallback works on every supported PySide6 (6.8 has no beginFilterChange)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QStandardItem, QStandardItemModel

from workbench.ui import qt_compat


class Contains(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.needle = ""

    def filterAcceptsRow(self, row, parent):  # noqa: N802
        return self.needle in self.sourceModel().index(row, 0, parent).data()


@pytest.mark.filterwarnings("ignore:Function.*is marked as deprecated:DeprecationWarning")  # the fallback on new Qt
@pytest.mark.parametrize("new_api", [qt_compat.HAS_FILTER_CHANGE, False], ids=["installed-qt", "fallback"])
@pytest.mark.parametrize("rows_only", [False, True])
def test_filter_change_refilters_once_the_block_ends(monkeypatch, new_api, rows_only):
    monkeypatch.setattr(qt_compat, "HAS_FILTER_CHANGE", new_api)
    source = QStandardItemModel()
    for text in ("市科技局", "市财政局", "市教委"):
        source.appendRow(QStandardItem(text))
    proxy = Contains()
    proxy.setSourceModel(source)
    assert proxy.rowCount() == 3
    with qt_compat.filter_change(proxy, rows_only=rows_only):
        proxy.needle = "局"
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["市科技局", "市财政局"]
    with qt_compat.filter_change(proxy, rows_only=rows_only):
        proxy.needle = "教"
    assert proxy.rowCount() == 1
