"""Public remarks (备注 printed in the 分工方案) and free-text 完成时限: audited, replayed, merged, disputed."""

from __future__ import annotations

import pytest

from workbench.storage.audit.audit_verify import verify
from workbench.storage.disputes.conflicts import list_conflicts, resolve_conflict
from workbench.storage.errors import StoreError

from .test_merge import LEADER, desks, resolver  # noqa: F401 (fixture)


def test_remark_and_free_timing_written_replayed_and_merged(desks) -> None:  # noqa: F811
    a, b = desks("a", "张三"), desks("b", "李四")
    node = b.clauses[1]
    changes = b.repo.set_remark(node_id=node, text="  与年度计划统筹推进 ")
    assert b.repo.remark(node) == "与年度计划统筹推进" and len(changes.events) == 1
    assert b.repo.set_remark(node_id=node, text="与年度计划统筹推进").events == ()  # unchanged: no event
    b.repo.set_timing(node_id=node, timing="2027年6月底前")
    assert b.repo.status(node).timing == "2027年6月底前"
    for bad in ("next year", "2027年\n6月", "长" * 61):
        with pytest.raises(StoreError):
            b.repo.set_timing(node_id=node, timing=bad)
    assert verify(b.repo.db).ok
    a.merge(b)
    assert a.repo.remark(a.clauses[1]) == "与年度计划统筹推进" and a.repo.status(a.clauses[1]).timing == "2027年6月底前"
    assert verify(a.repo.db).ok
    b.repo.set_remark(node_id=node, text="")
    assert b.repo.remark(node) == "" and verify(b.repo.db).ok


def test_concurrent_remarks_conflict_and_resolve(desks) -> None:  # noqa: F811
    a, b = desks("a", "张三"), desks("b", "李四")
    a.repo.set_remark(node_id=a.clauses[0], text="张三的备注")
    b.repo.set_remark(node_id=b.clauses[0], text="李四的备注")
    a.merge(b)
    (conflict,) = list_conflicts(a.repo.db)
    assert conflict.subject == "remark"
    a.repo.reviewer = LEADER
    resolve_conflict(a.repo, conflict.id, take="a", reason="以张三为准", roster=resolver(a))  # a's key may resolve
    assert list_conflicts(a.repo.db) == [] and verify(a.repo.db).ok
