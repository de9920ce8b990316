"""Agreement statistics against textbook examples and small cases computed by hand."""

from __future__ import annotations

import openpyxl
import pytest

from workbench.core.agreement import agreement, cohen_kappa, fleiss_kappa, fleiss_kappa_counts, percent_agreement
from workbench.core.agreement_xlsx import write_agreement

# Fleiss (1971), as reproduced in most texts: 10 subjects, 14 raters, 5 categories.
FLEISS_TABLE = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip


def test_fleiss_textbook_example() -> None:
    # P-bar = 0.378, P_e = 0.213, kappa = 0.210
    assert fleiss_kappa_counts(FLEISS_TABLE) == pytest.approx(0.20993, abs=1e-4)
    items = [[c for c, n in enumerate(row) for _ in range(n)] for row in FLEISS_TABLE]
    assert fleiss_kappa(items) == pytest.approx(0.20993, abs=1e-4)
    assert percent_agreement(items) == pytest.approx(0.37802, abs=1e-4)


def test_cohen_textbook_example() -> None:
    # 50 items: both yes 20, A yes / B no 5, A no / B yes 10, both no 15.
    # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5 = 0.4
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert percent_agreement(list(zip(a, b))) == pytest.approx(0.7)


def test_small_case_by_hand() -> None:
    # 4 clauses; A: X X Y Z, B: X Y Y Z.  p_o = 3/4.
    # shares A: X .5 Y .25 Z .25; B: X .25 Y .5 Z .25 -> p_e = .125 + .125 + .0625 = .3125
    # kappa = (.75 - .3125) / .6875 = 0.63636...
    ratings = {"A": {1: "X", 2: "X", 3: "Y", 4: "Z"}, "B": {1: "X", 2: "Y", 3: "Y", 4: "Z"}}
    report = agreement(ratings)
    assert report.overall.items == 4 and report.overall.percent == pytest.approx(0.75)
    assert report.overall.cohen == pytest.approx(0.4375 / 0.6875)
    # Fleiss on two raters pools the shares: X .375 Y .375 Z .25 -> P_e = .34375
    assert report.overall.fleiss == pytest.approx((0.75 - 0.34375) / (1 - 0.34375))
    x = next(d for d in report.departments if d.label == "X")
    # binary "lead is X": A T T F F, B T F F F -> p_o .75; A .5/.5, B .25/.75 -> p_e .125+.375=.5 -> kappa .5
    assert (x.items, x.positives, x.percent, x.cohen) == (4, 3, pytest.approx(0.75), pytest.approx(0.5))


def test_only_common_clauses_count_and_no_lead_is_a_category() -> None:
    ratings = {"A": {1: "X", 2: None, 3: "Y"}, "B": {1: "X", 2: None}, "C": {1: "X", 2: "X", 9: "Z"}}
    report = agreement(ratings)
    assert report.reviewers == ("A", "B", "C") and report.overall.items == 2
    assert report.overall.cohen is None  # three reviewers
    # clause 1: all agree (1); clause 2: None None X -> 1 of 3 pairs
    assert report.overall.percent == pytest.approx((1 + 1 / 3) / 2)
    assert {(p.first, p.second, p.items) for p in report.pairs} == {("A", "B", 2), ("A", "C", 2), ("B", "C", 2)}


def test_degenerate_cases() -> None:
    assert cohen_kappa(["X", "X"], ["X", "X"]) is None  # chance agreement 1: undefined
    assert agreement({"A": {1: "X"}}).overall.items == 0
    with pytest.raises(ValueError):
        fleiss_kappa_counts([[1, 1], [2, 1]])


def test_export(tmp_path) -> None:
    report = agreement({"A": {1: "=X", 2: "Y"}, "B": {1: "=X", 2: "Z"}})
    path = write_agreement(tmp_path / "a.xlsx", report)
    sheet = openpyxl.load_workbook(path)["一致性"]
    rows = list(sheet.values)
    assert rows[0][0] == "范围" and rows[1][1] == 2 and rows[1][3] == 0.5
    assert any(r[0] == "=X" for r in rows)  # a formula-looking name stays text
    assert sheet.cell(row=3, column=1).data_type == "s"


def test_workbook_percent_and_kappa_only_where_meaningful(tmp_path) -> None:
    from workbench.core.agreement import kappa_note

    # 20 clauses; X is named lead 8 times by each, Y once by A only
    a = {i: "X" if i < 8 else "Z" for i in range(20)}
    b = dict(a)
    a[19] = "Y"
    b[7] = "Z"
    report = agreement({"A": a, "B": b}, department_order=["Z", "Y", "X"])
    assert [d.label for d in report.departments] == ["Z", "Y", "X"]  # the given official order
    by = {d.label: d for d in report.departments}
    assert kappa_note(by["Y"], per_department=True).startswith("被定为牵头仅 1 次")
    assert kappa_note(by["X"], per_department=True) == "" and kappa_note(report.overall, per_department=False) == ""
    path = write_agreement(tmp_path / "a.xlsx", report)
    sheet = openpyxl.load_workbook(path)["一致性"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    assert rows["全部"][3].number_format == "0.0%" and rows["全部"][3].value == pytest.approx(0.9)
    assert rows["X"][4].value == pytest.approx(by["X"].cohen, abs=1e-4) and rows["X"][6].value in ("", None)
    assert rows["Y"][4].value == "—" and "1 次" in rows["Y"][6].value
    few = agreement({"A": {1: "X", 2: "Y"}, "B": {1: "X", 2: "Y"}})
    assert "少于 10 条" in kappa_note(few.overall, per_department=False)


def test_pairs_sheet_withholds_kappa_where_the_summary_does(tmp_path) -> None:
    """QA: with 5 common clauses the 一致性 sheet said κ is unstable (—) while 两两比较 printed 0.474."""
    a = {1: "X", 2: "Y", 3: "Z", 4: "W", 5: "X"}
    b = {1: "X", 2: "W", 3: "Z", 4: "W", 5: "Y"}
    report = agreement({"A": a, "B": b})
    book = openpyxl.load_workbook(write_agreement(tmp_path / "a.xlsx", report))
    summary = {r[0].value: r for r in book["一致性"].iter_rows(min_row=2)}
    assert summary["全部"][4].value == "—"
    header = [c.value for c in book["两两比较"][1]]
    pair = [c.value for c in book["两两比较"][2]]
    assert pair[:3] == ["A", "B", 5] and pair[3] == pytest.approx(0.6)
    assert pair[header.index("Cohen's κ")] == "—" and "少于 10 条" in pair[header.index("κ 说明")]
