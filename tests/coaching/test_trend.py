"""The one trend and the one LSI: the delta comes from the programme, the LSI is rounded down."""

from __future__ import annotations

from datetime import date, timedelta

from coachbot.coaching.symmetry import lsi
from coachbot.coaching.trend import direction, weeks

TODAY = date(2026, 3, 15)


def test_the_windows_are_the_last_seven_days_and_the_seven_before() -> None:
    mornings = [(TODAY - timedelta(days=ago), ago) for ago in (-1, 0, 6, 7, 13, 14)]
    assert weeks(mornings, TODAY) == ([7, 13], [0, 6])


def test_the_verdict_moves_with_the_programmes_delta() -> None:
    assert direction([4], [3], 1.0) == "better"
    assert direction([4], [3], 1.5) == "same"
    assert direction([2], [4], 2.0) == "worse"
    assert direction([], [4], 1.0) == "unknown"


def test_the_lsi_is_rounded_down_and_needs_the_other_leg() -> None:
    assert lsi(8, 30) == 26
    assert lsi(18, 20) == 90
    assert lsi(5, 0) is None
