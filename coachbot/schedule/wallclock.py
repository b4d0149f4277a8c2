"""Wall-clock schedules: reading times, IANA zones and weekdays as people type them, and the next due
instants in UTC.

Daily means the same wall-clock time, never "every 24 hours". A local time inside a spring-forward gap
fires at the first valid instant after the gap; a repeated local time (fall-back) fires once, at its first
occurrence. Pure functions over the stdlib (zoneinfo).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from coachbot.programme.schema import WEEKDAYS, Weekday
from coachbot.schedule.words import spoken_days, spoken_time

_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h)?$")


class ScheduleInputError(ValueError):
    """A time, zone or day list someone typed could not be read; the message says what is expected."""


def parse_time(text: str) -> time:
    """'07:30', '7.30', '7:30am', '6pm', '18h', 'half past six', 'noon' -> time; raises ScheduleInputError
    otherwise."""
    cleaned = spoken_time(text).replace(" ", "")
    match = _TIME.match(cleaned)
    if not match:
        raise ScheduleInputError(f"{text!r} is not a time like 07:30 or 6pm")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").replace(".", "")
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            raise ScheduleInputError(f"{text!r}: with am/pm the hour runs from 1 to 12")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ScheduleInputError(f"{text!r} is not a time of day (00:00 to 23:59)")
    return time(hour, minute)


def format_time(value: time) -> str:
    return value.strftime("%H:%M")


@cache
def _zones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def parse_zone(text: str) -> ZoneInfo:
    """An IANA zone from 'Europe/London', 'europe/london', 'London' or 'new york'.

    Raises ScheduleInputError whose message lists candidates when a city name matches several zones.
    """
    wanted = text.strip().replace(" ", "_")
    zones = _zones_by_lower_name()
    name = zones.get(wanted.lower())
    if name is None and "/" not in wanted and wanted:
        matches = sorted(zone for lower, zone in zones.items() if lower.rsplit("/", 1)[-1] == wanted.lower())
        if len(matches) > 1:
            raise ScheduleInputError(f"{text!r} could be {', '.join(matches)}")
        name = matches[0] if matches else None
    if name is None:
        raise ScheduleInputError(f"{text!r} is not a time zone like Europe/London or America/New_York")
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:  # listed but not loadable: treat like unknown
        raise ScheduleInputError(f"{text!r} is not a time zone I can use") from None


def zones_like(typed: str, limit: int = 25) -> list[str]:
    """IANA zone names for a partly typed one (autocomplete): names starting with it first, then names
    containing it anywhere, each alphabetically; spaces count as underscores."""
    wanted = typed.strip().lower().replace(" ", "_")
    names = sorted(_zones_by_lower_name().items())
    if not wanted:
        return [name for lower, name in names if "/" in lower][:limit]
    starts = [
        name
        for lower, name in names
        if lower.startswith(wanted) or lower.rsplit("/", 1)[-1].startswith(wanted)
    ]
    inside = [name for lower, name in names if wanted in lower and name not in starts]
    return (starts + inside)[:limit]


_DAY_SPELLINGS = (
    ("monday", "mo", "mons"),
    ("tuesday", "tu", "tues"),
    ("wednesday", "we", "weds"),
    ("thursday", "th", "thur", "thurs"),
    ("friday", "fr", "fris"),
    ("saturday", "sa", "sats"),
    ("sunday", "su", "suns"),
)
_DAY_NAMES: dict[str, Weekday] = {
    name: day for day, spellings in zip(WEEKDAYS, _DAY_SPELLINGS, strict=True) for name in (day, *spellings)
}


def parse_days(text: str) -> tuple[Weekday, ...]:
    """'mon,wed,fri', 'Monday Wednesday', 'mondays and thursdays', 'every day', 'weekdays', 'mon-fri' ->
    weekdays in week order."""
    cleaned = spoken_days(text)
    if cleaned in ("every day", "everyday", "daily", "all", "all days", "every"):
        return WEEKDAYS
    if cleaned in ("weekdays", "week days", "workdays"):
        return WEEKDAYS[:5]
    if cleaned in ("weekends", "weekend"):
        return WEEKDAYS[5:]
    chosen: set[Weekday] = set()
    for part in re.split(r"[\s,;/&+]+|\band\b", cleaned):
        if not part:
            continue
        if "-" in part:
            first, _, last = part.partition("-")
            if first in _DAY_NAMES and last in _DAY_NAMES:
                start, end = WEEKDAYS.index(_DAY_NAMES[first]), WEEKDAYS.index(_DAY_NAMES[last])
                chosen.update(WEEKDAYS[(start + step) % 7] for step in range((end - start) % 7 + 1))
                continue
        if part not in _DAY_NAMES:
            raise ScheduleInputError(f"{part!r} is not a day of the week")
        chosen.add(_DAY_NAMES[part])
    if not chosen:
        raise ScheduleInputError("no days given")
    return tuple(day for day in WEEKDAYS if day in chosen)


def weekday_of(day: date) -> Weekday:
    return WEEKDAYS[day.weekday()]


def next_day_in(days: tuple[Weekday, ...] | list[Weekday], after: date) -> date:
    """The first date after `after` that falls on one of `days`."""
    for offset in range(1, 8):
        candidate = after + timedelta(days=offset)
        if weekday_of(candidate) in days:
            return candidate
    raise ValueError("no days given")


def instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant at which `zone`'s wall clock first shows `at` on `day` (or first passes it, in a gap)."""
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)  # fold=0: the first of two repeated times
    if first.astimezone(zone).replace(tzinfo=None) == wall:
        return first
    # In a spring-forward gap: find the transition, the first instant whose wall time is past `at`.
    other = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    low, high = int(min(first, other).timestamp()), int(max(first, other).timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, zone).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def next_due(at: time, zone: ZoneInfo, days: Collection[Weekday], after: datetime) -> datetime:
    """The first instant strictly after `after` when the wall clock shows `at` on one of `days`."""
    if not days:
        raise ScheduleInputError("no days given")
    day = after.astimezone(zone).date() - timedelta(days=1)
    while True:
        if weekday_of(day) in days:
            due = instant(day, at, zone)
            if due > after:
                return due
        day += timedelta(days=1)


def due_instants(at: time, zone: ZoneInfo, days: Collection[Weekday], after: datetime) -> Iterator[datetime]:
    """Every due instant after `after`, in order (one per chosen local day)."""
    while True:
        after = next_due(at, zone, days, after)
        yield after
