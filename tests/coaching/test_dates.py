"""Reading a day someone typed (the /clinician visit date)."""

from __future__ import annotations

from datetime import date

import pytest

from coachbot.coaching.dates import parse_day

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        ("Yesterday", date(2026, 3, 1)),
        ("2026-11-28", date(2026, 11, 28)),
        ("2026-2-5", date(2026, 2, 5)),
        ("28 Feb", date(2026, 2, 28)),
        ("28th February", date(2026, 2, 28)),
        ("Feb 28", date(2026, 2, 28)),
        ("1 sept 2025", date(2025, 9, 1)),
        ("28 Nov", date(2025, 11, 28)),  # no year: the latest 28 Nov not after today
        ("2 Mar", TODAY),
        ("Dec 3rd, 2025", date(2025, 12, 3)),
    ],
)
def test_days_people_type(text: str, day: date) -> None:
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize("text", ["31 Feb", "2026-13-01", "11/12", "last week", "28 Smarch", ""])
def test_what_is_not_a_day(text: str) -> None:
    assert parse_day(text, TODAY) is None
