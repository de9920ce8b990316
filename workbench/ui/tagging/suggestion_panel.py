"""Explained suggestions in the annotation pane: who should lead, who support, which indicators.

Three lines of links (lead, support, indicators) computed by
core.tagging.suggestions for the current target, and a details line under
each department list and under the indicators saying why the first one is
suggested: the matched words and where they matched (正文, 首句, 节标题,
章标题, or the unit named outright).  Hovering a link shows the same reason
for that suggestion as a tooltip.

Clicking a lead suggestion assigns it as lead (Shift+click: as support); a
support suggestion is added as support; an indicator suggestion is linked.
Keys: S takes the first lead suggestion, Shift+S the first support
suggestion (only ever adding a support, like Shift+1-9).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from workbench.core import segment
from workbench.core.plan import PLAN, PlanNode
from workbench.core.tagging.suggestions import Evidence, NodeSuggestions, suggest_for_node

from workbench.ui.annotation.annotator import Annotator
from workbench.ui.session import Session

translate = QCoreApplication.translate
LIMIT = 5
SUGGEST_PAUSE_MS = 150  # suggestions for a clause once the reviewer stays on it (9-14 ms of jieba at 100 plans)


def place_labels() -> dict[str, str]:
    return {
        "text": translate("SuggestionPanel", "正文"),
        "lead": translate("SuggestionPanel", "首句"),
        "section": translate("SuggestionPanel", "节标题"),
        "chapter": translate("SuggestionPanel", "章标题"),
    }


def reason(evidence: tuple[Evidence, ...], limit: int = 6) -> str:
    """The matched words and where, strongest first: 碳×18（正文）；点名「天津海关」（正文）…"""
    labels = place_labels()
    parts = []
    for item in evidence[:limit]:
        word = translate("SuggestionPanel", "点名「%1」").replace("%1", item.word) if item.is_name else item.word
        times = f"×{item.count}" if item.count > 1 else ""
        parts.append(f"{word}{times}（{labels.get(item.place, item.place)}）")
    return "；".join(parts) + ("…" if len(evidence) > limit else "")


def _link(scheme: str, key: object, text: str) -> str:
    return f'<a href="{scheme}:{key}">{html.escape(text)}</a>'


class SuggestionPanel(QWidget):
    """Department suggestions (lead and support lines with a details line)."""

    def __init__(self, session: Session, annotator: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.annotator = annotator
        self.found = NodeSuggestions()
        self._indicator_ids: dict[int, int] = {}  # id(Indicator) -> indicator record id
        self._tips: dict[str, str] = {}
        self.lead_label = self._label("leadSuggestions")
        self.support_label = self._label("supportSuggestions")
        self.details = self._label("suggestionDetails")
        self.details.setStyleSheet("color: #555")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.indicator_label = self._label("indicatorSuggestions")  # placed by the pane in its indicator box
        self.indicator_details = self._label("indicatorSuggestionDetails")
        self.indicator_details.setStyleSheet("color: #555")
        self.indicator_details.setTextFormat(Qt.TextFormat.PlainText)
        self._node: PlanNode | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for label in (self.lead_label, self.support_label, self.details):
            layout.addWidget(label)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.linkActivated.connect(self._on_link)
        label.linkHovered.connect(self._on_hover)
        return label

    # -- showing ----------------------------------------------------------

    def show_node(self, node: PlanNode | None) -> None:
        """Suggest for `node` once the reviewer stays on it (SUGGEST_PAUSE_MS): J after J does not wait for them.

        Until then `found` is empty and the links shown are the previous node's: they do nothing (_on_link)."""
        self._node = node
        self.found = NodeSuggestions()
        self._pending = True
        self._timer.start()

    def flush(self) -> None:
        """Compute the suggestions now if they are still to come (S, Shift+S and a click need them)."""
        if self._pending:
            self._compute(self._node)

    def _compute(self, node: PlanNode | None) -> None:
        self._timer.stop()
        self._pending = False
        self.found = NodeSuggestions()
        self._tips = {}
        if node is None or node.kind == PLAN or not (node.text.strip() or node.title.strip() or node.children):
            self._clear()
            return
        if not segment.is_ready():
            self._clear()
            self.lead_label.setText(html.escape(self.tr("建议：（正在加载分词词典…）")))
            return
        plan_id = self.session.plan_id_of(node.db_id or -1)
        records = self.session.indicators(plan_id) if plan_id is not None else []
        self._indicator_ids = {id(r.indicator): r.id for r in records}
        self.found = suggest_for_node(node, self.session.departments(), [r.indicator for r in records], limit=LIMIT)
        lead = [self._department_link("d", s) for s in self.found.lead]
        support = [self._department_link("s", s) for s in self.found.support]
        self.lead_label.setText(html.escape(self.tr("牵头建议（S；点击＝牵头）：")) + ("　".join(lead) or "—"))
        self.support_label.setText(html.escape(self.tr("配合建议（Shift+S；点击＝添加配合）：")) + ("　".join(support) or "—"))
        details = []
        if self.found.lead:
            first = self.found.lead[0]
            details.append(self.tr("%1 的依据：").replace("%1", first.department.name) + reason(first.evidence))
        if self.found.support:
            first = self.found.support[0]
            details.append(self.tr("%1 的依据：").replace("%1", first.department.name) + reason(first.evidence))
        self.details.setText("\n".join(details))
        self.details.setVisible(bool(details))
        indicators = []
        for s in self.found.indicators:
            record_id = self._indicator_ids.get(id(s.indicator))
            if record_id is not None:
                key = f"i:{record_id}"
                self._tips[key] = reason(s.evidence)
                indicators.append(_link("i", record_id, f"{s.indicator.number} {s.indicator.name}"))
        self.indicator_label.setText(html.escape(self.tr("指标建议（点击＝关联）：")) + ("　".join(indicators) or "—"))
        if self.found.indicators:
            first = self.found.indicators[0]
            self.indicator_details.setText(self.tr("%1 的依据：").replace("%1", first.indicator.name) + reason(first.evidence))
        else:
            self.indicator_details.setText("")
        self.indicator_details.setVisible(bool(self.indicator_details.text()))

    def _department_link(self, scheme: str, suggestion) -> str:
        key = f"{scheme}:{suggestion.department.db_id}"
        self._tips[key] = reason(suggestion.evidence)
        return _link(scheme, suggestion.department.db_id, suggestion.department.name)

    def _clear(self) -> None:
        for label in (self.lead_label, self.support_label, self.details, self.indicator_label, self.indicator_details):
            label.setText("")
        self.details.setVisible(False)
        self.indicator_details.setVisible(False)

    def tip(self, link: str) -> str:
        """The reason shown when hovering a suggestion link."""
        return self._tips.get(link, "")

    # -- acting -----------------------------------------------------------

    def take_lead(self) -> bool:
        """S: assign the first lead suggestion as lead."""
        self.flush()
        if not self.found.lead or self.found.lead[0].department.db_id is None:
            self.annotator.message.emit(self.tr("没有牵头建议"))
            return False
        return self.annotator.assign(self.found.lead[0].department.db_id, "lead")

    def take_support(self) -> bool:
        """Shift+S: add the first support suggestion as support (never changes the lead)."""
        self.flush()
        if not self.found.support or self.found.support[0].department.db_id is None:
            self.annotator.message.emit(self.tr("没有配合建议"))
            return False
        return self.annotator.add_support(self.found.support[0].department.db_id)

    def _on_link(self, link: str) -> None:
        scheme, _, value = link.partition(":")
        if not value.isdigit():
            return
        if self._pending:  # a link of the previous node, clicked before this node's suggestions came
            self.flush()
            return
        if scheme == "d":
            # The state now, not the last key event's (which may be an old Shift+S).
            shift = QGuiApplication.queryKeyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
            if shift:
                self.annotator.add_support(int(value))
            else:
                self.annotator.assign(int(value), "lead")
        elif scheme == "s":
            self.annotator.add_support(int(value))
        elif scheme == "i":
            self.annotator.link(int(value))

    def _on_hover(self, link: str) -> None:
        text = self.tip(link)
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()
