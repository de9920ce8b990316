"""Strings the change review translates at run time (column headers, kinds, statuses, filters).

Listed here with QT_TRANSLATE_NOOP so that lupdate puts them in the .ts file.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

EXTRACTED = (
    QT_TRANSLATE_NOOP("ChangeReview", "变化"), QT_TRANSLATE_NOOP("ChangeReview", "章节"),
    QT_TRANSLATE_NOOP("ChangeReview", "内容"), QT_TRANSLATE_NOOP("ChangeReview", "标签"),
    QT_TRANSLATE_NOOP("ChangeReview", "审核"), QT_TRANSLATE_NOOP("ChangeReview", "待审核"),
    QT_TRANSLATE_NOOP("ChangeReview", "已确认"), QT_TRANSLATE_NOOP("ChangeReview", "已重新标注"),
    QT_TRANSLATE_NOOP("ChangeReview", "已移至"), QT_TRANSLATE_NOOP("ChangeReview", "未变"),
    QT_TRANSLATE_NOOP("ChangeReview", "移动"), QT_TRANSLATE_NOOP("ChangeReview", "文字修改"),
    QT_TRANSLATE_NOOP("ChangeReview", "拆分"), QT_TRANSLATE_NOOP("ChangeReview", "合并"),
    QT_TRANSLATE_NOOP("ChangeReview", "删除"), QT_TRANSLATE_NOOP("ChangeReview", "新增"),
    QT_TRANSLATE_NOOP("ChangeReview", "重新编号"), QT_TRANSLATE_NOOP("ChangeReview", "移动、重新编号"),
    QT_TRANSLATE_NOOP("ChangeReview", "文字修改、移动"), QT_TRANSLATE_NOOP("ChangeReview", "关联指标已删除"),
    QT_TRANSLATE_NOOP("ChangeReview", "全部变化"), QT_TRANSLATE_NOOP("ChangeReview", "孤立标签"),
    QT_TRANSLATE_NOOP("ChangeReview", "新增条款"), QT_TRANSLATE_NOOP("ChangeReview", "指标修改"),
    QT_TRANSLATE_NOOP("ChangeReview", "指标删除"), QT_TRANSLATE_NOOP("ChangeReview", "指标新增"),
)  # fmt: skip
