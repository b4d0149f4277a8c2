"""When each kind of prompt is next due for an enrolment: session days, daily mornings, the weekly check.

Pure: `due_after` gives the next instant; store/plan_changes.py `reschedule` writes it (NULL while the plan
is not active) and withdraws prompts still queued for a plan that is no longer active.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from coachbot.coaching.plan import training_days
from coachbot.coaching.weekpattern import key_run_day
from coachbot.programme.schema import WEEKDAYS, Programme, Weekday
from coachbot.schedule.quiet_hours import outside, quiet_hours
from coachbot.schedule.wallclock import next_due, parse_days, parse_time

KINDS = ("session", "morning", "weekly")
QUEUED_KINDS = (*KINDS, "summary")  # what the ticker queues for a plan (summary: with the weekly check)


class Plan(Protocol):
    """What the timetable reads of an enrolment (a store row, or anything shaped like it)."""

    @property
    def phase(self) -> int: ...
    @property
    def flags(self) -> Mapping[str, Any]: ...
    @property
    def days(self) -> str: ...
    @property
    def weekly_day(self) -> str: ...
    @property
    def local_time(self) -> str: ...
    @property
    def morning_time(self) -> str: ...
    @property
    def quiet_start(self) -> str | None: ...
    @property
    def quiet_end(self) -> str | None: ...


def days_for(kind: str, enrolment: Plan, programme: Programme) -> tuple[Weekday, ...]:
    """Session prompts on the person's days that hold a session of the phase (CLINICAL A23: the same
    mapping as the session itself); mornings daily, so the morning after every session is asked (CLINICAL
    8); weekly once."""
    if kind == "session":
        phase, flags = programme.phase(enrolment.phase), enrolment.flags or {}
        return training_days(phase, parse_days(enrolment.days), key_run_day(flags))
    if kind == "morning":
        return WEEKDAYS
    return parse_days(enrolment.weekly_day)


def due_after(
    kind: str, enrolment: Plan, programme: Programme, zone: str, after: datetime
) -> datetime | None:
    """The next instant a prompt of `kind` is due after `after`, or None if it never is; one that would
    start inside the person's quiet hours comes at their end instead."""
    days = days_for(kind, enrolment, programme)
    if not days:
        return None
    at = parse_time(enrolment.morning_time if kind == "morning" else enrolment.local_time)
    place, quiet = ZoneInfo(zone), quiet_hours(enrolment.quiet_start, enrolment.quiet_end)
    # a prompt due up to a day before `after` may have been moved past it by the quiet hours
    due = next_due(at, place, days, after - timedelta(days=1) if quiet else after)
    while outside(due, place, quiet) <= after:
        due = next_due(at, place, days, due)
    return outside(due, place, quiet)
