"""The status bar: who is reviewing, how far the review is, and the last undo step."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from workbench.storage.audit.audit import Reviewer

from workbench.ui.session import Session


class StatusBar(QStatusBar):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.reviewer_label = QLabel()
        self.reviewer_label.setObjectName("reviewerLabel")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.segmenter_label = QLabel()
        self.addPermanentWidget(self.counts_label)
        self.addPermanentWidget(self.segmenter_label)
        self.addPermanentWidget(self.reviewer_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.show_counts)
        session.changed.connect(lambda _c: self._timer.start())
        session.plan_added.connect(lambda _p: self._timer.start())
        session.reviewer_changed.connect(self.show_reviewer)
        self.show_reviewer(session.reviewer)
        self.show_counts()

    def show_reviewer(self, reviewer: Reviewer | None) -> None:
        if reviewer is None or not reviewer.name:
            self.reviewer_label.setText(self.tr("审核人：未设置"))
            return
        unit = f"（{reviewer.unit}）" if reviewer.unit else ""
        self.reviewer_label.setText(self.tr("审核人：%1").replace("%1", reviewer.name + unit))

    def show_counts(self) -> None:
        """Counts over the loaded plans, from the session's incrementally kept coverage."""
        clauses, with_lead, reviewed, questions = self.session.coverage_counts.totals(self.session.loaded_plan_ids)
        self.counts_label.setText(
            self.tr("条款 %1 · 有牵头 %2 · 已审 %3 · 有疑问 %4")
            .replace("%1", str(clauses)).replace("%2", str(with_lead))
            .replace("%3", str(reviewed)).replace("%4", str(questions))
        )  # fmt: skip

    def show_segmenter(self, *, ready: bool) -> None:
        self.segmenter_label.setText(self.tr("分词：就绪") if ready else self.tr("分词：加载中…"))

    def show_index(self, *, ready: bool) -> None:
        self.segmenter_label.setText(self.tr("搜索索引：就绪") if ready else self.tr("搜索索引：建立中…"))

    def show_undo(self, text: str) -> None:
        if text:
            self.showMessage(self.tr("可撤销：%1").replace("%1", text), 4000)
