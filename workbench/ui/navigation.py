"""Moving through the plan by clause, in document order, through the filter.

J/K (and Up/Down in the reader) step to the next/previous clause that the
filtered tree shows; N to the next clause without any tags.  Headings are
skipped: they are reached with the mouse or the tree's own arrow keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from workbench.core.plan import PlanNode

from .plan_filter_model import PlanFilterModel
from .session import is_clause


def preorder(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    """Every index of column 0 below `parent`, in document order."""
    stack = [parent or QModelIndex()]
    while stack:
        current = stack.pop()
        if current.isValid():
            yield current
        for row in range(model.rowCount(current) - 1, -1, -1):
            stack.append(model.index(row, 0, current))


def step(
    proxy: PlanFilterModel,
    current: QModelIndex,
    direction: int,
    accept: Callable[[PlanNode], bool] = is_clause,
    *,
    wrap: bool = False,
) -> QModelIndex | None:
    """The next (direction 1) or previous (-1) visible index whose node `accept`s."""
    order = list(preorder(proxy))
    if direction < 0:
        order.reverse()
    start = 0
    if current.isValid():
        current = current.siblingAtColumn(0)
        for position, index in enumerate(order):
            if index == current:
                start = position + 1
                break
    candidates = order[start:] + (order[:start] if wrap else [])
    for index in candidates:
        node = proxy.node(index)
        if node is not None and accept(node):
            return index
    return None
