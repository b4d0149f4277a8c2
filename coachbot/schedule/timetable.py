"""When each kind of prompt is next due for an enrolment: session days, daily mornings, the weekly check.

`due_after` is pure; store/plan_changes.py `reschedule` writes the schedules rows from it (NULL while the plan
is not active) and withdraws prompts still queued for a plan that is no longer active.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from coachbot.coaching.plan import training_days
from coachbot.coaching.weekpattern import key_run_day
from coachbot.programme.schema import WEEKDAYS, Programme, Weekday
from coachbot.schedule.quiet_hours import outside, quiet_hours
from coachbot.schedule.wallclock import next_due, parse_days, parse_time
from coachbot.store.tables import Enrolment

KINDS = ("session", "morning", "weekly")
QUEUED_KINDS = (*KINDS, "summary")  # what the ticker queues for a plan (summary: with the weekly check)


def days_for(kind: str, enrolment: Enrolment, programme: Programme) -> tuple[Weekday, ...]:
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
    kind: str, enrolment: Enrolment, programme: Programme, zone: str, after: datetime
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
