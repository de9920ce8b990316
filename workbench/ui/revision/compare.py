"""Old and new text side by side, the changed characters highlighted (core.revision.diff)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QTextBrowser, QWidget

from workbench.core.revision.diff import diff_runs

translate = QCoreApplication.translate
DELETED_STYLE = "background-color:#f8cbad;text-decoration:line-through;"
INSERTED_STYLE = "background-color:#c6efce;font-weight:bold;"


def runs_html(runs: list[tuple[str, bool]], style: str) -> str:
    parts = []
    for text, changed in runs:
        escaped = html.escape(text).replace("\n", "<br/>")
        parts.append(f'<span style="{style}">{escaped}</span>' if changed else escaped)
    return "".join(parts)


class ComparePane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old_view = QTextBrowser()
        self.new_view = QTextBrowser()
        self.old_view.setObjectName("revisionOldText")
        self.new_view.setObjectName("revisionNewText")
        self.tags_label = QLabel()
        self.tags_label.setWordWrap(True)
        self.tags_label.setObjectName("revisionTags")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("ChangeReview", "原文")), 0, 0)
        layout.addWidget(QLabel(translate("ChangeReview", "修改后")), 0, 1)
        layout.addWidget(self.old_view, 1, 0)
        layout.addWidget(self.new_view, 1, 1)
        layout.addWidget(self.tags_label, 2, 0, 1, 2)

    def show_texts(self, old: str, new: str, tags: str = "") -> None:
        if old and new:
            old_runs, new_runs = diff_runs(old, new)
        else:
            old_runs, new_runs = [(old, False)], [(new, False)]
        self.old_view.setHtml(runs_html(old_runs, DELETED_STYLE) or translate("ChangeReview", "（无：新增）"))
        self.new_view.setHtml(runs_html(new_runs, INSERTED_STYLE) or translate("ChangeReview", "（无：已删除）"))
        self.tags_label.setText(tags)

    def highlighted(self) -> tuple[str, str]:
        """The two panes' HTML (tests look for the highlight styles)."""
        return self.old_view.toHtml(), self.new_view.toHtml()
