"""Reading schedule settings as people type them; bad input explains how to write it."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.schedule.wallclock import ScheduleInputError, next_day_in, parse_days, parse_time, parse_zone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:30", time(7, 30)),
        ("7:30", time(7, 30)),
        ("7.30", time(7, 30)),
        ("7:30am", time(7, 30)),
        ("7:30 PM", time(19, 30)),
        ("6pm", time(18, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("18h", time(18, 0)),
        ("18h30", time(18, 30)),
        ("0", time(0, 0)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "7:61", "13pm", "noon-ish", "", "7:5"])
def test_impossible_times_say_how_to_write_one(text: str) -> None:
    with pytest.raises(ScheduleInputError, match=r"07:30|00:00|1 to 12"):
        parse_time(text)


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_hh_mm_round_trips(hour: int, minute: int) -> None:
    assert parse_time(f"{hour:02}:{minute:02}") == time(hour, minute)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Europe/London", "Europe/London"),
        ("europe/london", "Europe/London"),
        ("London", "Europe/London"),
        ("new york", "America/New_York"),
        ("Australia/Lord_Howe", "Australia/Lord_Howe"),
        ("UTC", "UTC"),
    ],
)
def test_zones(text: str, zone: str) -> None:
    assert parse_zone(text).key == zone


def test_unknown_zone_names_the_format() -> None:
    with pytest.raises(ScheduleInputError, match="like Europe/London or America/New_York"):
        parse_zone("Mars/Olympus")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon,wed,fri", ("mon", "wed", "fri")),
        ("Monday Wednesday and Friday", ("mon", "wed", "fri")),
        ("every day", ("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
        ("weekdays", ("mon", "tue", "wed", "thu", "fri")),
        ("fri-mon", ("mon", "fri", "sat", "sun")),
        ("tues, thurs", ("tue", "thu")),
    ],
)
def test_days(text: str, days: tuple[str, ...]) -> None:
    assert parse_days(text) == days


def test_unknown_day_is_named() -> None:
    with pytest.raises(ScheduleInputError, match="'funday' is not a day of the week"):
        parse_days("mon, funday")


def test_next_day_in_wraps_the_week() -> None:
    assert next_day_in(("mon",), date(2026, 3, 2)) == date(2026, 3, 9)
    assert next_day_in(("wed", "sat"), date(2026, 3, 4)) == date(2026, 3, 7)
