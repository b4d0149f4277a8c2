"""Quiet hours: a local window in which no prompt starts; a prompt due inside it moves to the window's end.

Pure wall-clock maths over schedule/wallclock.py (issue 14 item 5). The start is inside the window, the end is not;
a window whose start equals its end is no window. A window may cross midnight (22:00-07:00).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from coachbot.schedule.wallclock import instant, parse_time


@dataclass(frozen=True)
class QuietHours:
    start: time
    end: time

    def contains(self, local: time) -> bool:
        """Whether a wall-clock time falls inside the window."""
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def quiet_hours(start: str | None, end: str | None) -> QuietHours | None:
    """The window stored as two 'HH:MM' strings, or None when there is none."""
    if not start or not end or start == end:
        return None
    return QuietHours(parse_time(start), parse_time(end))


def outside(due: datetime, zone: ZoneInfo, quiet: QuietHours | None) -> datetime:
    """`due` itself, or the end of the quiet hours it falls inside (the next morning for 22:00-07:00)."""
    if quiet is None:
        return due
    local = due.astimezone(zone)
    if not quiet.contains(local.time()):
        return due
    day = local.date()
    if quiet.start > quiet.end and local.time() >= quiet.start:
        day += timedelta(days=1)
    return instant(day, quiet.end, zone)


def moved(quiet: QuietHours | None, times: dict[str, str]) -> list[str]:
    """Which of the named 'HH:MM' times fall inside the window (their prompts come at its end)."""
    if quiet is None:
        return []
    return [name for name, value in times.items() if quiet.contains(parse_time(value))]
