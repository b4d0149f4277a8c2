"""When a club's daily post and weekly digest are next due, in the club's own time zone (DST-exact)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from coachbot.coaching.plan import training_days
from coachbot.programme.schema import Programme, Weekday
from coachbot.schedule.wallclock import next_due, parse_days, parse_time

KINDS = ("post", "digest")


class ClubTimes(Protocol):
    """What a club's timetable is made of: its training days, digest day, post time and time zone."""

    days: str
    digest_day: str
    post_time: str
    tz: str


def post_days(club: ClubTimes, programme: Programme) -> tuple[Weekday, ...]:
    """The club's training days on which the programme's first phase has a session."""
    return training_days(programme.phases[0], parse_days(club.days))


def due_after(kind: str, club: ClubTimes, programme: Programme, after: datetime) -> datetime | None:
    days = post_days(club, programme) if kind == "post" else parse_days(club.digest_day)
    if not days:
        return None
    return next_due(parse_time(club.post_time), ZoneInfo(club.tz), days, after)
