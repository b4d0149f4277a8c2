"""Everyday English amounts, times and days (issue 14 item 9)."""

from __future__ import annotations

from datetime import time

import pytest

from coachbot.core.matching import pick
from coachbot.core.quantities import days_count, distance_km, duration_minutes
from coachbot.core.question import Option
from coachbot.schedule.wallclock import parse_days, parse_time
from coachbot.texts.triage import DAYS_LABELS, SEX_LABELS


@pytest.mark.parametrize(
    ("typed", "days"),
    [("5", 5), ("5 days ago", 5), ("about 12", 12), ("twelve", 12), ("2 weeks", 14), ("a month ago", 30),
     ("yesterday", 1), ("10 to 12", None), ("not 5", None)],
)  # fmt: skip
def test_days_count(typed: str, days: float | None) -> None:
    assert days_count(typed) == days


@pytest.mark.parametrize(
    ("typed", "km"),
    [("about 30km", 30), ("30 k a week", 30), ("twenty kilometres", 20), ("25", 25), ("lots", None)],
)
def test_distance(typed: str, km: float | None) -> None:
    assert distance_km(typed) == km


def test_miles_become_kilometres() -> None:
    assert distance_km("20 miles") == pytest.approx(32.19, abs=0.01)


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("half an hour", 30), ("an hour", 60), ("1h30", 90), ("1.5 hours", 90), ("an hour and a half", 90),
     ("25 min", 25), ("45", 45), ("ages", None)],
)  # fmt: skip
def test_duration(typed: str, minutes: float | None) -> None:
    assert duration_minutes(typed) == minutes


@pytest.mark.parametrize(
    ("typed", "at"),
    [("half past six", time(6, 30)), ("quarter to seven", time(6, 45)), ("noon", time(12)),
     ("7 in the evening", time(19)), ("six thirty", time(6, 30)), ("at 7am", time(7)), ("seven", time(7)),
     ("7 o'clock", time(7)), ("half six", time(6, 30)), ("twenty to eight", time(7, 40)), ("07:30", time(7, 30))],
)  # fmt: skip
def test_spoken_times(typed: str, at: time) -> None:
    assert parse_time(typed) == at


@pytest.mark.parametrize(
    ("typed", "days"),
    [("mondays and thursdays", ("mon", "thu")), ("on tuesdays, thursdays and saturdays", ("tue", "thu", "sat")),
     ("every monday and wednesday", ("mon", "wed")), ("Wednesdays", ("wed",)), ("weekdays", ("mon", "tue", "wed", "thu", "fri"))],
)  # fmt: skip
def test_spoken_days(typed: str, days: tuple[str, ...]) -> None:
    assert parse_days(typed) == days


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("90", "43-90"),
        ("91", "90+"),
        ("more than 90", "90+"),
        ("2", "0-2"),
        ("5 weeks", "22-42"),
        ("3–7", "3-7"),
    ],
)
def test_a_number_falls_into_its_bucket(typed: str, value: str) -> None:
    options = tuple(Option(key, label) for key, label in DAYS_LABELS.items())
    assert pick(options, typed) == value


@pytest.mark.parametrize(
    ("typed", "value"), [("f", "female"), ("m", "male"), ("prefer not", "skip"), ("x", None)]
)
def test_a_first_letter_or_word_picks_the_only_label_it_starts(typed: str, value: str | None) -> None:
    options = tuple(Option(key, label) for key, label in SEX_LABELS.items())
    assert pick(options, typed) == value
