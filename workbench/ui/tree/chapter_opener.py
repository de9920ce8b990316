"""Opening whole the chapter J/K/N enter, and the next one ahead of time, while the window is idle.

J/K/N expand the chapter they enter as a whole, so that stepping on from
section to section only moves the highlight.  Expanding a chapter lays out its
rows and repaints the whole tree: at 100 plans that made the press into a new
chapter (one J in 12-15) take 28-41 ms against 16.  So once a press has landed
in a chapter and the tree has painted it, the chapter the reviewer will reach
next (the following one for J and N, the one before for K) is opened when the
event loop is next about to wait (QAbstractEventDispatcher.aboutToBlock: a
zero timer started by the press would run before the press is painted), and
the press that crosses into it finds it open.  If no idle moment came between
the presses, the press opens the chapter itself, as it always did.  The opening
costs about 1-2 ms of layout and one repaint of the whole tree (15-25 ms at 100
plans on the development machine) in idle time; a key pressed during it waits
for it, once per chapter.

What the reviewer sees: the next chapter's rows appear below the current one,
expanded.  The opening ahead never moves the current row, keeps the rows on
screen where they were (opening the chapter above, for K, scrolls by exactly
the rows it adds), and leaves alone a chapter the reviewer collapsed by hand
(any row of it) until J/K/N enter it; as before, a chapter J/K/N opened once is
not opened whole again.  It is dropped when the filters change, plans are
added, the reviewer moves to another chapter in any other way before the idle
moment, or the filters are on (they expand every match anyway).  Plans not
loaded yet are not loaded for it.

GUI thread only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QModelIndex, QObject, QPoint, QTimer
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from workbench.core.plan import CHAPTER, PLAN, PlanNode

from workbench.ui.session import Session
from workbench.ui.tree.plan_filter_model import PlanFilterModel

_QUIET, _WAIT_PAINT, _WAIT_IDLE, _DUE = range(4)


def chapter_of(node: PlanNode | None) -> PlanNode | None:
    """The chapter J/K/N open whole for `node`: its ancestor of kind chapter, else its top-level ancestor below the plan."""
    chapter = node.parent if node is not None else None
    while chapter is not None and chapter.kind != CHAPTER and chapter.parent is not None and chapter.parent.kind != PLAN:
        chapter = chapter.parent
    if chapter is None or chapter.kind == PLAN:
        return None
    return chapter


def own_chapter(node: PlanNode | None) -> PlanNode | None:
    """The chapter (in chapter_of's sense) a tree row belongs to: the row itself for a chapter or a top-level row."""
    if node is None or node.kind == PLAN:
        return None
    if node.kind == CHAPTER or node.parent is None or node.parent.kind == PLAN:
        return node
    return chapter_of(node)


def chapter_ahead(session: Session, node: PlanNode, direction: int) -> PlanNode | None:
    """The chapter J (direction 1) or K (-1) enters next from `node`: that of the first clause after (before)
    node's chapter (node itself when it has none), in its plan or the next (previous) plan if that one is loaded.
    None if there is none. Loads nothing."""
    plan_id = session.plan_id_of(node.db_id or -1)
    if plan_id is None:
        return None
    chapter = chapter_of(node)
    span = chapter if chapter is not None else node
    if direction > 0:
        last = span
        while last.children:
            last = last.children[-1]
        begin = bisect_right(session.clause_positions(plan_id), session.position(last))
    else:
        begin = bisect_left(session.clause_positions(plan_id), session.position(span)) - 1
    plans = session.plan_ids
    at = plans.index(plan_id)
    while True:
        clauses = session.clauses(plan_id)
        index = begin
        while 0 <= index < len(clauses):
            found = chapter_of(clauses[index])
            if found is not None and found is not chapter:
                return found
            index += direction
        at += 1 if direction > 0 else -1
        if not 0 <= at < len(plans) or not session.is_loaded(plans[at]):
            return None
        plan_id = plans[at]
        begin = 0 if direction > 0 else len(session.clauses(plan_id)) - 1


def open_whole(view: QTreeView, index: QModelIndex) -> int:
    """Expand `index` and every row below it that has rows; returns how many were expanded.

    Deepest first: a row inside a collapsed one is only marked open, so the
    rows are laid out once, when `index` itself opens (expandRecursively lays
    out the whole tree again).
    """
    model = view.model()
    parents: list[QModelIndex] = []
    stack = [index]
    while stack:
        current = stack.pop()
        count = model.rowCount(current)
        if count:
            parents.append(current)
            stack.extend(model.index(row, 0, current) for row in range(count))
    opened = 0
    for parent in reversed(parents):  # every row after its ancestors in `parents`: deepest first
        if not view.isExpanded(parent):
            view.expand(parent)
            opened += 1
    return opened


def expand_in_place(view: QTreeView, index: QModelIndex) -> None:
    """open_whole(index), keeping the rows on screen where they are (rows added above the top scroll with them)."""
    top = view.indexAt(QPoint(0, 0))
    before = view.visualRect(top).top() if top.isValid() else 0
    open_whole(view, index)
    if not top.isValid():
        return
    after = view.visualRect(top).top()
    if after == before:
        return
    if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + after - before)
    else:  # a scroll step is a row: the old top row goes back to the top
        view.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)


class ChapterOpener(QObject):
    """The chapters J/K/N opened (`opened`) and the one opened ahead of the reviewer in idle time."""

    def __init__(self, session: Session, view: QTreeView, proxy: PlanFilterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.proxy = proxy
        self.opened: set[int | None] = set()  # opened whole by J/K/N or ahead of them: not opened whole again
        self.closed_by_hand: set[int | None] = set()  # chapters with a row the reviewer collapsed: not opened ahead
        self.ahead_opened = 0  # chapters opened ahead so far (tests and benchmarks read it)
        self._target: tuple[int, int | None] | None = None  # (chapter to open, chapter the reviewer is in)
        self._state = _QUIET
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._open_ahead)
        view.collapsed.connect(self._on_collapsed)
        for signal in (proxy.modelAboutToBeReset, proxy.layoutAboutToBeChanged, proxy.rowsAboutToBeInserted,
                       proxy.rowsAboutToBeRemoved):  # fmt: skip
            signal.connect(self.cancel)

    # -- the press --------------------------------------------------------

    def enter(self, node: PlanNode, direction: int | None = None) -> None:
        """J/K/N land on `node`: open its chapter whole now unless done before; with a direction, open the
        chapter after it (before it, for K) once the window is idle."""
        self.cancel()  # a newer press: whatever is opened ahead waits for its own paint
        chapter = chapter_of(node)
        if chapter is not None and chapter.db_id not in self.opened:
            index = self.proxy.index_for_id(chapter.db_id)
            if index.isValid():
                self.opened.add(chapter.db_id)
                open_whole(self.view, index)
        if direction and not self.proxy.active:
            self._plan_ahead(node, chapter, direction)

    def _plan_ahead(self, node: PlanNode, chapter: PlanNode | None, direction: int) -> None:
        following = chapter_ahead(self.session, node, direction)
        if following is None or following.db_id in self.opened or following.db_id in self.closed_by_hand:
            return
        self._target = (following.db_id or -1, chapter.db_id if chapter is not None else None)
        self._state = _WAIT_PAINT
        self._watch(True)

    # -- waiting for the paint, then for the idle moment ------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._state == _WAIT_PAINT:
            # The tree is painting the press: the frame is on its way. Wait for the loop to go idle after it.
            self._watch(False)
            self._state = _WAIT_IDLE
            dispatcher = QAbstractEventDispatcher.instance()
            if dispatcher is not None:
                dispatcher.aboutToBlock.connect(self._on_idle)
        return False

    def _on_idle(self) -> None:
        self._stop_idle_wait()
        if self._state == _WAIT_IDLE:
            self._state = _DUE
            self._timer.start()  # not inside the dispatcher's own signal

    def _watch(self, on: bool) -> None:
        if on and not self._watching:
            self.view.viewport().installEventFilter(self)
        elif not on and self._watching:
            self.view.viewport().removeEventFilter(self)
        self._watching = on

    def _stop_idle_wait(self) -> None:
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is not None and self._state == _WAIT_IDLE:
            try:
                dispatcher.aboutToBlock.disconnect(self._on_idle)
            except (RuntimeError, TypeError):  # not connected
                pass

    def cancel(self, *_args) -> None:
        """Forget the chapter waiting to be opened ahead (filters, plans or the current chapter changed)."""
        self._watch(False)
        self._stop_idle_wait()
        self._timer.stop()
        self._target = None
        self._state = _QUIET

    @property
    def pending(self) -> bool:
        return self._target is not None

    # -- the idle moment --------------------------------------------------

    def _open_ahead(self) -> None:
        target, self._target, self._state = self._target, None, _QUIET
        if target is None or self.proxy.active:
            return
        chapter_id, from_id = target
        current = self.proxy.node(self.view.currentIndex())
        here = chapter_of(current)
        if current is None or (here.db_id if here is not None else None) != from_id:  # the reviewer went elsewhere
            return
        if chapter_id in self.opened or chapter_id in self.closed_by_hand:
            return
        index = self.proxy.index_for_id(chapter_id)
        if not index.isValid():
            return
        self.opened.add(chapter_id)
        self.ahead_opened += 1
        expand_in_place(self.view, index)

    def _on_collapsed(self, index: QModelIndex) -> None:
        chapter = own_chapter(self.proxy.node(index))
        if chapter is not None:
            self.closed_by_hand.add(chapter.db_id)
