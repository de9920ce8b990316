"""Free-text timing is accepted when it holds a CJK ideograph (U+4E00-U+9FFF), exactly as the character
class [\\u4e00-\\u9fff] the check used before says."""

from __future__ import annotations

import re

import pytest

from workbench.storage.errors import StoreError
from workbench.storage.state.annotation_store import check_timing


@pytest.mark.parametrize("text", ["2026年底前", "长期坚持", "\u4e00", "\u9fff", "Q3\u4e00", "\u4dff", "\ua000",
                                  "㐀年", "next year", "2026-2027", "ｎｅｘｔ", "、。"])  # fmt: skip
def test_free_timing_is_judged_by_its_ideographs(text: str) -> None:
    expected = re.search(r"[\u4e00-\u9fff]", text) is not None
    try:
        check_timing(text)
        accepted = True
    except StoreError:
        accepted = False
    assert accepted == expected
