"""The importer's warnings (English, as the CLI prints them) in the reviewer's language.

Each known warning shape is matched and rewritten from a translatable
template; locations (line 12, paragraph 40, page 3) are rewritten too.  A
warning of an unknown shape is shown as it is, never dropped.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _templates() -> list[tuple[re.Pattern, str]]:
    return [
        (r"^(?P<at>.+?): (?P<label>\S+) runs straight into its text; title taken as '(?P<title>.*)' \(check it.*\)$",
         translate("ImportMessages", "%at：%label 与正文连在一起，标题取为“%title”，请核对")),
        (r"^(?P<at>.+?): (?P<label>\S+) runs straight into its text and no title could be told apart.*$",
         translate("ImportMessages", "%at：%label 与正文连在一起，无法分出标题，全文作为其第一段")),
        (r"^skipped (?P<n>\d+) page-number or running-header line\(s\), e\.g\. (?P<at>.+?): '(?P<title>.*)'$",
         translate("ImportMessages", "跳过 %n 行页码或页眉，例如%at：“%title”")),
        (r"^(?P<at>.+?): (?P<label>.+) outside any chapter$", translate("ImportMessages", "%at：%label 不在任何一章之内")),
        (r"^(?P<at>.+?): duplicate (?P<label>.+), keyed (?P<title>.+)$", translate("ImportMessages", "%at：%label 编号重复，记为 %title")),
        (r"^table of contents lists (?P<label>\S+) (?P<title>.*), not found in the body$",
         translate("ImportMessages", "目录列出的 %label %title 在正文中没有找到")),
        (r"^(?P<label>\S+): body title '(?P<title>.*)' differs from contents '(?P<n>.*)'$",
         translate("ImportMessages", "%label：正文标题“%title”与目录中的“%n”不同")),
        (r"^(?P<at>.+?): indicator number (?P<n>\S+) is used twice \(first at (?P<title>.+)\); this row is kept as "
         r"(?P<label>\S+)$", translate("ImportMessages", "%at：指标序号 %n 重复（第一次在 %title），本行记为 %label")),
        (r"^category (?P<label>.+): header says (?P<n>\d+) indicators, found (?P<title>\d+)$",
         translate("ImportMessages", "指标类别 %label：表头写 %n 项，实际 %title 项")),
        (r"^unrecognised indicator table row: (?P<title>.*)$", translate("ImportMessages", "无法识别的指标表行：%title")),
        (r"^indicator table: column\(s\) (?P<label>.+) have no field of their own; their values are kept after the "
         r"target value$", translate("ImportMessages", "指标表：%label 列没有对应的栏目，其数值附在目标值之后")),
        (r"^(?P<at>.+?): the indicator table could not be read into rows \((?P<n>\d+) lines kept as the table's text, "
         r"no indicators\).*$",
         translate("ImportMessages", "%at：指标表无法按行读出（%n 行作为表格原文保留，未生成指标）；"
                                     "如需结构化指标，请直接导入 PDF 或 pdftotext -layout 的文本")),
        (r"^(?P<at>.+?): (?P<label>\S+) is not followed by a table of contents; kept as text$",
         translate("ImportMessages", "%at：“%label”之后不是目录，按正文保留")),
    ]


def _locations() -> list[tuple[re.Pattern, str]]:
    return [
        (re.compile(r"\btable (\d+) row (\d+)"), translate("ImportMessages", "表格 %1 第 %2 行")),
        (re.compile(r"\bline (\d+)"), translate("ImportMessages", "第 %1 行")),
        (re.compile(r"\bparagraph (\d+)"), translate("ImportMessages", "第 %1 段")),
        (re.compile(r"\bpage (\d+)"), translate("ImportMessages", "第 %1 页")),
        (re.compile(r"\(header/footer\)"), translate("ImportMessages", "（页眉页脚）")),
        (re.compile(r", table row\b"), translate("ImportMessages", "，表格行")),
        (re.compile(r"\btext box at\b"), translate("ImportMessages", "文本框，位于")),
    ]


def location(text: str) -> str:
    for regex, template in _locations():
        text = regex.sub(lambda m, t=template: _fill(t, m.groups()), text)
    return text


def _fill(template: str, values: tuple[str, ...]) -> str:
    for n, value in enumerate(values, 1):
        template = template.replace(f"%{n}", value)
    return template


def warning_text(warning: str) -> str:
    for pattern, template in _templates():
        m = re.match(pattern, warning)
        if m:
            out = template
            for name in ("at", "label", "title", "n"):
                value = m.groupdict().get(name)
                if value is not None:
                    out = out.replace(f"%{name}", location(value) if name == "at" else value)
            return out
    return location(warning)
