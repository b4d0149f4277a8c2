"""One day of a replay (`coachbot simulate`): the answers that go in (`Day`, a CSV row) and where the
person stands after it (`DayResult`, a `--daily` line)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from coachbot.coaching.day_pain import DayPain
from coachbot.coaching.progress import Decision


@dataclass(frozen=True)
class Day(DayPain):
    """One CSV row: a calendar day's pain scores and its other answers (None where the cell was empty)."""

    completion: str | None = None
    event: str | None = None  # none | pop | red_flag
    heel_raises_injured: int | None = None
    heel_raises_other: int | None = None
    hop_pain: int | None = None
    tests: Mapping[str, object] = field(default_factory=dict)  # other weekly answers, by WeeklyReport field
    completion_reason: str | None = None  # pain | time | forgot | other, as the check-in asks (row 8)

    @property
    def has_session(self) -> bool:
        return self.during is not None or self.after is not None or self.completion is not None


@dataclass(frozen=True)
class DayResult:
    """Where a replayed person stands at the end of a day (`coachbot simulate --daily`)."""

    day: date
    phase: int
    levels: dict[str, int]
    items: tuple[str, ...]  # the exercises of the day's session, () on a rest day
    decisions: tuple[Decision, ...]
    status: str  # active | resting | referred | completed
