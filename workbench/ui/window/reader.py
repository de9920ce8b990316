"""The reader: the selected node's full text, sentence by sentence.

A breadcrumb (plan › chapter › section) sits above the text.  Each sentence is
a link with its number in small grey type and alternating shading, so the
boundaries are visible; clicking one narrows the tag target to that sentence
(`sentence_clicked`).  Sentences that carry tags of their own have a green
number.  Search hits are highlighted.  Up/Down move to the previous/next
clause (`navigate`), PageUp/PageDown scroll.

A chapter or section shows all of its text (headings and paragraphs); the plan
itself shows only its outline, to keep rendering instant.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from workbench.core.plan import CHAPTER, PART, PLAN, SENTENCE, PlanNode

from workbench.ui.session import Session
from workbench.ui.window.steady_label import SteadyLabel
from workbench.ui.tagging.tag_state import is_clause

translate = QCoreApplication.translate

SHADES = ("#eef3fa", "#fbf7ee")  # alternating sentence backgrounds
TARGET_SHADE = "#bcd7ff"  # the sentence the tags go to
HIT_SHADE = "#ffd84d"
TAGGED_MARK = "#2e9d57"
CRUMB_TITLE_MAX = 18


def spans_of(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) offsets of every occurrence of any term."""
    found: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        start = text.find(term)
        while start >= 0:
            found.append((start, start + len(term)))
            start = text.find(term, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked_html(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """HTML of `text` (which starts at `offset` in its paragraph) with hits highlighted."""
    out: list[str] = []
    pos = 0
    for start, end in spans:
        start, end = max(start - offset, 0), min(end - offset, len(text))
        if end <= pos or start >= len(text):
            continue
        start = max(start, pos)
        out.append(html.escape(text[pos:start]))
        out.append(f'<span style="background-color:{HIT_SHADE}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


class ReaderBrowser(QTextBrowser):
    navigate = Signal(int)  # -1 previous clause, +1 next clause

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.navigate.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class Reader(QWidget):
    sentence_clicked = Signal(int)  # sentence node id
    node_activated = Signal(int)  # a breadcrumb link
    navigate = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.node: PlanNode | None = None
        self.target_id: int | None = None
        self.terms: list[str] = []
        self.match_spans: dict[int, list[tuple[int, int]]] = {}
        self._shown_body = ""  # the HTML the browser holds (setHtml lays the document out again)
        self.breadcrumb = SteadyLabel()  # wraps; a new trail each J re-measures its height only (steady_label.py)
        self.breadcrumb.setObjectName("breadcrumb")
        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.breadcrumb.linkActivated.connect(self._on_crumb)
        self.browser = ReaderBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.navigate.connect(self.navigate)
        font = QFont(self.browser.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.25)
        self.browser.setFont(font)
        self.browser.document().setDefaultStyleSheet("a { color: #1d1d1d; text-decoration: none; }")
        self.browser.document().setDocumentMargin(14)
        # The breadcrumb and the text are laid out on a page of their own that fills the reader, not on the
        # reader itself: a new breadcrumb (each J) then re-lays out this page only. On the reader, Qt passes
        # every re-layout on to the main window, which lays out all its docks again and has the breadcrumb
        # and the annotation pane's labels measured and painted a second time for the same keypress.
        self.page = QWidget(self)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.browser, 1)
        session.changed.connect(self._on_changed)
        self.show_node(None)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.page.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.page.minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.page.setGeometry(self.rect())
        super().resizeEvent(event)

    # -- public -----------------------------------------------------------

    def show_node(self, node: PlanNode | None, *, target_id: int | None = None) -> None:
        self.node = node
        self.target_id = target_id
        self._render(keep_scroll=False)

    def set_target(self, target_id: int | None) -> None:
        if target_id != self.target_id:
            self.target_id = target_id
            self._render(keep_scroll=True)

    def set_highlights(self, terms: list[str], match_spans: dict[int, list[tuple[int, int]]] | None = None) -> None:
        """Terms to highlight everywhere, plus exact match offsets per node id (from search)."""
        self.terms = [t for t in terms if t]
        self.match_spans = dict(match_spans or {})
        self._render(keep_scroll=True)

    def scroll_to_first_hit(self) -> bool:
        """Bring the first highlighted term into view (after choosing a search result)."""
        for term in self.terms:
            cursor = self.browser.document().find(term)
            if not cursor.isNull():
                cursor.clearSelection()  # a position, not a selection: hits are shaded already
                self.browser.setTextCursor(cursor)
                self.browser.ensureCursorVisible()
                return True
        return False

    def html(self) -> str:
        return self.browser.toHtml()

    def sentence_rect(self, sentence_id: int):
        """Viewport rectangle of a sentence's first characters (tests click there)."""
        node = self.session.node(sentence_id)
        document = self.browser.document()
        text = document.toPlainText()
        if node is None or not node.text.strip():
            return None
        probe = node.text.strip()[:6]
        at = text.find(probe)
        if at < 0:
            return None
        cursor = QTextCursor(document)
        cursor.setPosition(at + 1)
        return self.browser.cursorRect(cursor)

    # -- rendering --------------------------------------------------------

    def _render(self, *, keep_scroll: bool) -> None:
        bar = self.browser.verticalScrollBar()
        scroll = bar.value()
        node = self.node
        if node is None:
            self.breadcrumb.setText("")
            hint = translate("Reader", "在左侧选择一个条目。")
            self._shown_body = f"<p style='color:#888'>{html.escape(hint)}</p>"
            self.browser.setHtml(self._shown_body)
            return
        self.breadcrumb.setText(self._crumbs(node))
        body = self._body(node)
        if body == self._shown_body:  # a tag on the clause shown: the text reads the same, keep its layout
            return
        self._shown_body = body
        self.browser.setHtml(body)
        if keep_scroll:
            bar.setValue(scroll)

    def _crumbs(self, node: PlanNode) -> str:
        parts = []
        for item in [*node.ancestors(), node]:
            title = item.title if item.kind == PLAN else item.display or item.key
            short = title if len(title) <= CRUMB_TITLE_MAX or item is node else title[:CRUMB_TITLE_MAX] + "…"
            if item is node:
                parts.append(f"<b>{html.escape(short)}</b>")
            else:
                parts.append(f'<a href="n:{item.db_id}" title="{html.escape(title)}">{html.escape(short)}</a>')
        return " › ".join(parts)

    def _body(self, node: PlanNode) -> str:
        if is_clause(node):
            return self._paragraph(node)
        out = [self._heading(node, top=True)]
        if node.kind == PLAN:
            for child in node.children:
                if child.kind in (PART, CHAPTER):
                    out.append(f"<p>{html.escape(child.display)}</p>")
            return "".join(out)
        if node.text and not node.children:  # an indicator table's footnote
            out.append(f"<p>{marked_html(node.text, 0, self._spans(node))}</p>")
        for child in node.walk():
            if child is node or child.kind == SENTENCE:
                continue
            out.append(self._paragraph(child) if is_clause(child) else self._heading(child, top=False))
        return "".join(out)

    def _heading(self, node: PlanNode, *, top: bool) -> str:
        size = "h2" if top else "h3"
        text = node.title if node.kind == PLAN else node.display
        return f"<{size}>{marked_html(text, 0, spans_of(text, self.terms))}</{size}>"

    def _spans(self, node: PlanNode) -> list[tuple[int, int]]:
        spans = list(self.match_spans.get(node.db_id or -1, ()))
        spans.extend(spans_of(node.text, self.terms))
        return sorted(set(spans))

    def _paragraph(self, node: PlanNode) -> str:
        spans = self._spans(node)
        sentences = [c for c in node.children if c.kind == SENTENCE]
        if not sentences:
            return f"<p>{marked_html(node.text, 0, spans)}</p>"
        label = f"<b>{html.escape(node.label)}</b> " if node.label else ""
        out = [f"<p style='line-height:160%'>{label}"]
        offset = 0
        for number, sentence in enumerate(sentences, start=1):
            shade = TARGET_SHADE if sentence.db_id == self.target_id else SHADES[number % 2]
            tagged = bool(self.session.assignments(sentence.db_id or -1))
            mark_colour = TAGGED_MARK if tagged else "#9a9a9a"
            weight = "font-weight:bold;" if tagged else ""
            out.append(
                f'<a href="s:{sentence.db_id}"><sup style="color:{mark_colour};{weight}">{number}</sup>'
                f'<span style="background-color:{shade}">{marked_html(sentence.text, offset, spans)}</span></a>'
            )
            offset += len(sentence.text)
        out.append("</p>")
        return "".join(out)

    # -- events -----------------------------------------------------------

    def _on_anchor(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "s" and value.isdigit():
            self.sentence_clicked.emit(int(value))

    def _on_crumb(self, link: str) -> None:
        scheme, _, value = link.partition(":")
        if scheme == "n" and value.isdigit():
            self.node_activated.emit(int(value))

    def _on_changed(self, changes) -> None:
        if self.node is None:
            return
        shown = {n.db_id for n in self.node.walk()} if not is_clause(self.node) else {self.node.db_id} | {
            c.db_id for c in self.node.children
        }
        if shown & set(changes.node_ids) and self.node.kind != PLAN:
            self._render(keep_scroll=True)
