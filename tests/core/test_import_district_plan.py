"""A district plan laid out 一、/（一）/1., the way the authors did not tune on (QA pass).

Each case is a defect found by importing such a plan: the test fails without its fix.
"""

from __future__ import annotations

from workbench.core import plan as P
from workbench.core.importing import import_lines


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


DOC_BOX_ARABIC_PAREN = """河东区规划纲要
一、加快建设现代化产业体系
（一）做强先进制造业
1. 推动智能制造升级。实施工业技术改造三年行动。
专栏1 先进制造业重点工程
（1）智能工厂建设工程。新建市级智能工厂10家。
（2）产业园区提升工程。完成东部园区道路和管网改造。

（二）提升现代服务业
1. 发展商贸服务。培育夜间经济集聚区。

二、保障措施
（一）加强组织领导。各部门要落实主体责任。"""


def test_box_items_numbered_1_in_parentheses_are_items():
    plan = import_lines(DOC_BOX_ARABIC_PAREN.splitlines())
    box = next(n for n in _walk(plan.root) if n.kind == P.BOX)
    items = [c for c in box.children if c.kind == P.BOX_ITEM]
    assert [(i.label, i.title) for i in items] == [("（1）", "智能工厂建设工程"), ("（2）", "产业园区提升工程")]
    assert items[0].text == "智能工厂建设工程。新建市级智能工厂10家。"
