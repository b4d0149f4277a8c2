"""Daily prompts across every daylight-saving change of 2026 and 2027: exactly one per local day, at the
wall-clock time, the first valid instant after a spring-forward gap, the first of two repeated times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import islice, pairwise
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coachbot.programme.schema import WEEKDAYS
from coachbot.schedule.wallclock import due_instants, next_due

ZONES = [
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",  # 30-minute DST
    "Pacific/Chatham",  # +12:45 / +13:45
    "America/Santiago",
    "Asia/Kolkata",  # no DST
]
TIMES = [time(0, 0), time(1, 30), time(2, 15), time(2, 45), time(3, 0), time(7, 30), time(23, 59)]


def check_instant(due: datetime, wall_time: time, zone: ZoneInfo) -> None:
    """The due instant is right for its local day, whatever the day's DST situation."""
    local = due.astimezone(zone)
    wall = datetime.combine(local.date(), wall_time)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    exists = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall
    if exists:
        # a repeated time fires at its first occurrence
        assert due == min(first.astimezone(UTC), second.astimezone(UTC))
    else:
        # inside a gap: the first instant whose wall time is past the chosen time
        assert local.replace(tzinfo=None) > wall
        just_before = (due - timedelta(seconds=1)).astimezone(zone).replace(tzinfo=None)
        assert just_before < wall


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize("wall_time", TIMES)
def test_every_day_of_2026_and_2027_has_exactly_one_prompt(zone_name: str, wall_time: time) -> None:
    zone = ZoneInfo(zone_name)
    start = datetime.combine(date(2026, 1, 1), time(0, 0), zone).astimezone(UTC) - timedelta(seconds=1)
    end = date(2027, 12, 31)
    seen: list[date] = []
    for due in due_instants(wall_time, zone, WEEKDAYS, start):
        local_day = due.astimezone(zone).date()
        if local_day > end:
            break
        check_instant(due, wall_time, zone)
        seen.append(local_day)
    expected = [date(2026, 1, 1) + timedelta(days=offset) for offset in range(730)]
    assert seen == expected


def test_spring_forward_gap_fires_at_the_end_of_the_gap() -> None:
    london = ZoneInfo("Europe/London")
    due = next_due(time(1, 30), london, WEEKDAYS, datetime(2026, 3, 28, 12, tzinfo=UTC))
    assert due == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 02:00 BST, the first valid instant


def test_fall_back_fires_once_at_the_first_occurrence() -> None:
    new_york = ZoneInfo("America/New_York")
    due = next_due(time(1, 30), new_york, WEEKDAYS, datetime(2026, 11, 1, 4, tzinfo=UTC))
    assert due == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT, not 01:30 EST an hour later
    following = next_due(time(1, 30), new_york, WEEKDAYS, due)
    assert following.astimezone(new_york).date() == date(2026, 11, 2)


def test_lord_howe_half_hour_gap() -> None:
    lord_howe = ZoneInfo("Australia/Lord_Howe")
    due = next_due(time(2, 10), lord_howe, WEEKDAYS, datetime(2026, 10, 3, tzinfo=UTC))
    assert due.astimezone(lord_howe).strftime("%Y-%m-%d %H:%M") == "2026-10-04 02:30"


def test_chosen_weekdays_only() -> None:
    london = ZoneInfo("Europe/London")
    dues = list(
        islice(due_instants(time(7, 30), london, ("mon", "fri"), datetime(2026, 3, 30, tzinfo=UTC)), 4)
    )
    assert [d.astimezone(london).strftime("%a") for d in dues] == ["Mon", "Fri", "Mon", "Fri"]


ALL_ZONES = sorted(
    name for name in available_timezones() if "/" in name and not name.startswith(("Etc/", "SystemV/"))
)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(ALL_ZONES),
    st.times(),
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)),
)
def test_any_zone_any_time(zone_name: str, wall_time: time, start: datetime) -> None:
    zone = ZoneInfo(zone_name)
    wall_time = wall_time.replace(microsecond=0)
    dues = list(islice(due_instants(wall_time, zone, WEEKDAYS, start), 12))
    assert dues[0] > start
    days = [due.astimezone(zone).date() for due in dues]
    assert all(later == earlier + timedelta(days=1) for earlier, later in pairwise(days))
    for due in dues:
        check_instant(due, wall_time, zone)
