"""Two painted charts that follow the tagging as it happens.

Coverage: for each chapter, its clauses split into those with a lead of their
own (or on one of their sentences), those covered by an inherited lead, those
with support only, and those with nothing yet.  Department load: for each
department, on how many nodes it leads and supports.

Painted QWidgets rather than Qt Charts, which PySide6-Essentials lacks and
which would cost start-up time.  Coverage comes from the session's
incrementally kept counts; the department load is counted by SQL on a
worker (in the window; from the session's cache where there is no pool),
over the loaded plans, once per burst of changes and only while the charts
are shown (a hidden chart is redrawn when shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from workbench.storage.state.records import LEAD

from workbench.ui import icons
from workbench.ui.session import Session
from workbench.ui.tagging.tag_state import STATE_INHERITED, STATE_LEAD, STATE_NONE, STATE_SUPPORT

translate = QCoreApplication.translate
ROW = 24
LABEL_WIDTH = 250  # at most; short labels (departments) take less
COUNT_WIDTH = 110
MARGIN = 10
LEGEND = 26
LOAD_PAUSE_MS = 250  # the department load is counted once the reviewer pauses


@dataclass(frozen=True)
class Bar:
    label: str
    tooltip: str
    values: tuple[int, ...]


def coverage_bars(session: Session) -> list[Bar]:
    """Per chapter of the loaded plans, its clauses per class, from the session's incrementally kept counts."""
    bars: list[Bar] = []
    several = len(session.plan_ids) > 1
    coverage = session.coverage_counts
    for plan_id in session.loaded_plan_ids:
        for chapter in coverage.chapters(plan_id):
            label = chapter.label or chapter.key
            if several:
                label = f"{plan_id}·{label}"
            bars.append(Bar(f"{label} {chapter.title}", chapter.display, coverage.chapter_classes(chapter)))
    return bars


def department_bars(session: Session) -> list[Bar]:
    """Per department, on how many loaded nodes it leads and supports, from the session's cache (GUI thread)."""
    lead: dict[int, int] = {}
    support: dict[int, int] = {}
    for assignments in session.all_assignments().values():
        for a in assignments:
            target = lead if a.role == LEAD else support
            target[a.department_id] = target.get(a.department_id, 0) + 1
    return load_bars(session, {d: (lead.get(d, 0), support.get(d, 0)) for d in set(lead) | set(support)})


def load_bars(session: Session, load: dict[int, tuple[int, int]]) -> list[Bar]:
    """The 单位负荷 bars from (lead, support) counts per department id, busiest first."""
    ids = sorted(load, key=lambda d: (-(load[d][0] + load[d][1]), -load[d][0], d))
    bars = []
    for department_id in ids:
        department = session.department(department_id)
        name = department.name if department else str(department_id)
        bars.append(Bar(name, department.full_name if department else name, load[department_id]))
    return bars


def _load_from_file(path: Path, plan_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Worker thread: the department load of the plans through this thread's own connection."""
    from workbench.storage.files.database import open_readonly
    from workbench.storage.reading.department_load import department_load

    db = open_readonly(path)
    try:
        return department_load(db, plan_ids)
    finally:
        db.close()


class BarChart(QWidget):
    """Horizontal stacked bars with a legend; heights follow the number of bars."""

    def __init__(self, series: list[tuple[str, QColor]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.bars: list[Bar] = []
        self.empty_text = ""
        self.min_scale = 10  # a bar of 2 should not fill the width
        self._labels: tuple[int, int, list[str]] | None = None  # (font key, label width, elided labels)
        self.setMouseTracking(True)

    def set_bars(self, bars: list[Bar]) -> None:
        if bars == self.bars:
            return
        if len(bars) != len(self.bars):
            self.updateGeometry()  # the height follows the number of bars
        self.bars = bars
        self._labels = None
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, LEGEND + MARGIN * 2 + ROW * max(len(self.bars), 1))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, self.sizeHint().height())

    def bar_at(self, y: float) -> Bar | None:
        row = int((y - LEGEND - MARGIN) // ROW)
        return self.bars[row] if 0 <= row < len(self.bars) else None

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            bar = self.bar_at(event.position().y() if hasattr(event, "position") else event.pos().y())
            if bar is not None:
                parts = "　".join(f"{name} {value}" for (name, _), value in zip(self.series, bar.values))
                self.setToolTip(f"{bar.tooltip}\n{parts}")
            else:
                self.setToolTip("")
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = QFontMetrics(self.font())
        x = MARGIN
        for name, colour in self.series:  # legend
            painter.fillRect(QRectF(x, MARGIN, 12, 12), colour)
            painter.setPen(QColor("#333"))
            painter.drawText(int(x + 16), MARGIN + metrics.ascent() - 1, name)
            x += 16 + metrics.horizontalAdvance(name) + 18
        if not self.bars:
            painter.setPen(QColor("#888"))
            painter.drawText(MARGIN, LEGEND + MARGIN + metrics.ascent(), self.empty_text)
            return
        top = LEGEND + MARGIN
        label_width, labels = self._elided(metrics)
        width = max(self.width() - label_width - COUNT_WIDTH - MARGIN * 2, 40)
        scale = width / max(max(sum(b.values) for b in self.bars), self.min_scale)
        exposed = event.rect()  # inside a scroll area: paint the rows in view, not all of them
        first = max(int((exposed.top() - top) // ROW), 0)
        last = min(int((exposed.bottom() - top) // ROW) + 1, len(self.bars))
        for row in range(first, last):
            bar = self.bars[row]
            y = top + row * ROW
            painter.setPen(QColor("#222"))
            painter.drawText(MARGIN, int(y + (ROW + metrics.ascent() - metrics.descent()) / 2), labels[row])
            x = MARGIN + label_width
            for (name, colour), value in zip(self.series, bar.values):
                if value:
                    painter.fillRect(QRectF(x, y + 4, value * scale, ROW - 8), colour)
                    x += value * scale
            painter.setPen(QColor("#444"))
            counts = " / ".join(str(v) for v in bar.values)
            painter.drawText(int(x + 6), int(y + (ROW + metrics.ascent() - metrics.descent()) / 2), counts)

    def _elided(self, metrics: QFontMetrics) -> tuple[int, list[str]]:
        """The label column's width and every bar's label cut to it, measured once per set of bars."""
        key = hash(self.font().key())
        if self._labels is None or self._labels[0] != key:
            label_width = min(max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12, LABEL_WIDTH)
            labels = [metrics.elidedText(b.label, Qt.TextElideMode.ElideRight, label_width - 8) for b in self.bars]
            self._labels = (key, label_width, labels)
        return self._labels[1], self._labels[2]


class ChartsView(QTabWidget):
    """The two charts in tabs, refreshed once per burst of session changes."""

    def __init__(self, session: Session, parent: QWidget | None = None, *, pool=None) -> None:
        super().__init__(parent)
        self.session = session
        self.pool = pool  # with the session's path: the load is counted on a worker
        self.pending = 0  # load counts asked of a worker and not answered yet
        self._generation = 0
        self.coverage = BarChart([
            (self.tr("有牵头"), icons.colour(STATE_LEAD)),
            (self.tr("继承牵头"), icons.colour(STATE_INHERITED)),
            (self.tr("仅配合"), icons.colour(STATE_SUPPORT)),
            (self.tr("未标注"), icons.colour(STATE_NONE)),
        ])  # fmt: skip
        self.load = BarChart([(self.tr("牵头"), icons.colour(STATE_LEAD)), (self.tr("配合"), icons.SUPPORT_COLOUR)])
        self.load.empty_text = self.tr("尚无单位标注")
        self.coverage.empty_text = self.tr("没有章")
        self.addTab(self._scroll(self.coverage), self.tr("各章覆盖"))
        self._load_area = self._scroll(self.load)
        self.addTab(self._load_area, self.tr("单位负荷"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_shown)
        self._stale = True
        # The load is counted (a query on a worker) only while its tab is the one shown, once per pause.
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.timeout.connect(self._count_load)
        self._load_stale = True
        self._load_counted = False
        self.currentChanged.connect(self._on_tab)
        session.changed.connect(lambda _c: self._request())
        session.plan_added.connect(lambda _p: self._request())
        session.departments_changed.connect(lambda _d: self._request())

    def _request(self) -> None:
        self._stale = True
        if self.isVisible() and not self.visibleRegion().isEmpty():  # a dock tab behind another is "visible"
            self._timer.start()

    def paintEvent(self, event) -> None:  # noqa: N802
        if self._stale and not self._timer.isActive():  # brought to the front: draw fresh numbers next
            self._timer.start()
        super().paintEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def refresh(self) -> None:
        """Both charts now: coverage from the session's incrementally kept counts, the department load by SQL
        on a worker (from the session's cache without a pool)."""
        self._stale = False
        self.coverage.set_bars(coverage_bars(self.session))
        self._count_load()

    def _refresh_shown(self) -> None:
        """After changes, while shown: the coverage at once; the load if its tab is in front, after a pause."""
        self._stale = False
        self.coverage.set_bars(coverage_bars(self.session))
        self._load_stale = True
        if self.currentWidget() is self._load_area:
            self._load_timer.start(LOAD_PAUSE_MS if self._load_counted else 0)

    def _on_tab(self, _index: int) -> None:
        if self.currentWidget() is self._load_area and self._load_stale and self.isVisible():
            self._count_load()

    def _count_load(self) -> None:
        self._load_timer.stop()
        self._load_stale = False
        self._load_counted = True
        self._generation += 1
        if self.pool is None or self.session.path is None:
            self.load.set_bars(department_bars(self.session))
            return
        from workbench.ui.workers import Worker

        generation = self._generation
        worker = Worker(_load_from_file, Path(str(self.session.path)), list(self.session.loaded_plan_ids))
        worker.signals.finished.connect(lambda load: self._show_load(generation, load))
        worker.signals.ended.connect(self._answered)
        self.pending += 1
        self.pool.start(worker)

    def _answered(self) -> None:
        self.pending -= 1

    def _show_load(self, generation: int, load: dict[int, tuple[int, int]]) -> None:
        if generation == self._generation:  # else a newer count is on its way
            self.load.set_bars(load_bars(self.session, load))
