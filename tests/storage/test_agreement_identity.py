"""Agreement raters are reviewer identities: the same person with and without --unit is one rater."""

from __future__ import annotations

from workbench.core.agreement import agreement
from workbench.storage.reading.agreement_data import lead_ratings, official_department_names
from workbench.storage.audit.audit import Reviewer


def test_one_rater_per_identity(repo, plan_id, clause_ids, dept) -> None:
    a, b, c = clause_ids[:3]
    repo.reviewer = Reviewer("赵六", "市发展改革委")
    repo.assign(node_id=a, department_id=dept["市科技局"])
    repo.reviewer = Reviewer("赵六", "")  # the same person, once without --unit
    repo.assign(node_id=b, department_id=dept["市财政局"])
    repo.reviewer = Reviewer("李四", "")
    repo.assign(node_id=a, department_id=dept["市发展改革委"], role="lead")
    repo.reviewer = Reviewer("王五", "市财政局")
    repo.assign(node_id=c, department_id=dept["市财政局"])
    repo.reviewer = Reviewer("王五", "市科技局")  # a namesake in another unit: another person
    repo.assign(node_id=c, department_id=dept["市科技局"])
    ratings = lead_ratings(repo.db)
    assert set(ratings) == {"赵六 (市发展改革委)", "李四", "王五 (市财政局)", "王五 (市科技局)"}
    assert len(ratings["赵六 (市发展改革委)"]) == 2


def test_departments_in_official_order(repo, plan_id, clause_ids, dept) -> None:
    names = official_department_names(repo.db)
    # the registry lists party organs before government departments, central units after them
    assert names.index("市委宣传部") < names.index("市发展改革委") < names.index("市科技局")
    ratings = {"A": {i: n for i, n in enumerate(["市科技局", "市委宣传部", "市发展改革委"] * 4)},
               "B": {i: n for i, n in enumerate(["市科技局", "市委宣传部", "市发展改革委"] * 4)}}
    report = agreement(ratings, department_order=names)
    assert [d.label for d in report.departments] == ["市委宣传部", "市发展改革委", "市科技局"]
