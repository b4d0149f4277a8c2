"""A day's pain: the session's scores during and after, and the morning check-in's of that date, as one
record for the progress chart and the replay (where a check-in CSV row adds the day's other answers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DayPain:
    """One calendar day's pain scores, 0-10; None where not answered."""

    day: date
    during: int | None = None
    after: int | None = None
    morning: int | None = None
