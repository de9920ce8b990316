"""A copy's name stamp is read to the same time as strptime reads it, or refused as strptime refuses it."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.storage.backups.catalog import _stamp_time

FORMAT = "%Y%m%dT%H%M%S%fZ"


def _strptime(stamp: str) -> datetime:
    return datetime.strptime(stamp, FORMAT).replace(tzinfo=timezone.utc)


@given(st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999999)))
def test_the_stamps_the_workbench_writes_read_back_to_their_time(moment: datetime) -> None:
    stamp = moment.replace(tzinfo=timezone.utc).strftime(FORMAT)
    assert _stamp_time(stamp) == _strptime(stamp) == moment.replace(tzinfo=timezone.utc)


def _outcome(read, stamp: str) -> datetime | str:
    try:
        return read(stamp)
    except ValueError:
        return "refused"


@pytest.mark.parametrize("stamp", [
    "20261302T011628123456Z", "20260230T011628123456Z", "20261202T241628123456Z", "20261202T016028123456Z",
    "2026120T2011628123456Z", "20261202T011628123456", "20261202 011628123456Z", "", "copy",
    "2026122T11628123Z", "20261202T0116281Z", "２0261202T011628123456Z", "20261202T011628１23456Z",
])  # fmt: skip
def test_any_other_stamp_is_read_or_refused_as_strptime_does(stamp: str) -> None:
    expected = _outcome(_strptime, stamp)
    assert _outcome(_stamp_time, stamp) == expected
