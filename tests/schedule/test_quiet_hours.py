"""Quiet hours in the schedule: whatever the times and zone, no prompt starts inside them, prompts keep
their order, and a local day never gets two of one kind (issue 14 item 5)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from coachbot.programme.loader import load_directory
from coachbot.schedule.quiet_hours import quiet_hours
from coachbot.schedule.timetable import due_after
from coachbot.store.tables import Enrolment
from tests.factories import enrolment_fields

PROGRAMME = load_directory(Path(__file__).resolve().parents[2] / "programmes")["calf-rehab-12w"]
ZONES = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"]
minutes = st.integers(0, 24 * 60 - 1).map(lambda m: f"{m // 60:02d}:{m % 60:02d}")


@settings(max_examples=400, deadline=None)
@given(
    minutes,
    minutes,
    minutes,
    st.sampled_from(ZONES),
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 1), timezones=st.just(UTC)),
)
def test_no_prompt_starts_inside_quiet_hours(
    at: str, start: str, end: str, zone_name: str, after: datetime
) -> None:
    enrolment = Enrolment(**enrolment_fields(1, after, morning_time=at, quiet_start=start, quiet_end=end))
    zone, quiet = ZoneInfo(zone_name), quiet_hours(start, end)
    dues: list[datetime] = []
    moment = after
    for _ in range(6):
        due = due_after("morning", enrolment, PROGRAMME, zone_name, moment)
        assert due is not None
        assert due > moment
        assert quiet is None or not quiet.contains(due.astimezone(zone).time())
        dues.append(due)
        moment = due
    days = [due.astimezone(zone).date() for due in dues]
    assert len(set(days)) == len(days)
