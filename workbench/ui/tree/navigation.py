"""Moving through the plan by clause, in document order, through the filter.

J/K (and Up/Down in the reader) step to the next/previous clause that the
filtered tree shows; N to the next clause without any tags.  Headings are
skipped: they are reached with the mouse or the tree's own arrow keys.

`next_clause` walks the session's clause list of the current plan (a bisect
to find the place, then the clauses in order), moving on into the following
plans (loading them) only when the current one has no further match, so a
keypress costs the distance stepped, not the size of the workspace.  `step`
walks the view's indexes and is kept for small models.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from workbench.core.plan import PlanNode

from workbench.ui.tree.plan_filter_model import PlanFilterModel
from workbench.ui.session import Session
from workbench.ui.tagging.tag_state import is_clause


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


def next_clause(
    session: Session,
    proxy: PlanFilterModel,
    current: PlanNode | None,
    direction: int,
    accept: Callable[[PlanNode], bool] = is_clause,
    *,
    wrap: bool = False,
) -> PlanNode | None:
    """The next (direction 1) or previous (-1) clause after `current` that the filtered tree shows and `accept`s."""
    plans = session.plan_ids
    if not plans:
        return None
    plan_id = session.plan_id_of(current.db_id or -1) if current is not None else None
    if plan_id is None:
        plan_id, current = (plans[0] if direction > 0 else plans[-1]), None
    start = plans.index(plan_id)
    count = len(plans) + (1 if wrap else 0)
    for step_number in range(count):
        at = start + direction * step_number
        if not wrap and not 0 <= at < len(plans):
            return None
        candidate_plan = plans[at % len(plans)]
        session.plan(candidate_plan)  # loads a heading
        clauses = session.clauses(candidate_plan)
        if step_number == 0 and current is not None:
            positions = session.clause_positions(candidate_plan)
            here = session.position(current)
            begin = bisect_right(positions, here) if direction > 0 else bisect_left(positions, here) - 1
        elif step_number == len(plans):  # wrapped round to the start plan: its part before `current`
            begin = 0 if direction > 0 else len(clauses) - 1
        else:
            begin = 0 if direction > 0 else len(clauses) - 1
        index = begin
        while 0 <= index < len(clauses):
            node = clauses[index]
            if step_number == len(plans) and current is not None and (
                (direction > 0 and session.position(node) >= session.position(current))
                or (direction < 0 and session.position(node) <= session.position(current))
            ):
                break
            if accept(node) and _shown(proxy, node):
                return node
            index += direction
    return None


def _shown(proxy: PlanFilterModel, node: PlanNode) -> bool:
    return not proxy.active or node.db_id == proxy.pinned_id or proxy.accepts(node)
