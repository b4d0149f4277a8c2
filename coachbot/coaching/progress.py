"""The progression state of an enrolment and the facts the rules read (CLINICAL 9.1), as plain values.

`Progress` round-trips through JSON (`to_json`/`from_json`) so the store can keep it in one column.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

from coachbot.coaching.redflags import Tier

_DATES = (
    "hold_week_until", "light_day", "skip_run_until", "rest_until", "paused_on", "phase_since",
    "review_suggested", "graduated_on",
)  # fmt: skip
_DATE_LISTS = ("regress_days", "red_sessions", "row6_days")

DecisionKind = Literal["advance", "hold", "regress", "stop", "refer", "phase_up", "clinician", "graduate"]


@dataclass(frozen=True)
class SessionReport:
    """The after-session check-in: D, A, C (+ reason), EV, and the levels the session was done at."""

    day: date
    during: int | None
    after: int | None
    completion: str | None  # all | most | some | none
    reason: str | None = None
    sudden: bool = False
    levels: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Morning:
    """The morning check-in: M and the one-tap safety check (empty when "none")."""

    day: date
    pain: int | None
    signs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Progress:
    """Everything the rules remember between check-ins."""

    phase: int
    levels: dict[str, int]
    baseline: int = 0  # CLINICAL 9.1: B at enrolment = walking pain capped at 5
    green_streak: int = 0  # consecutive green sessions
    streaks: dict[str, int] = field(
        default_factory=dict
    )  # consecutive green sessions that included each exercise
    advances: tuple[str, ...] = ()  # exercises in the order they advanced, latest last
    regress_days: tuple[date, ...] = ()
    regressed_exercise: str | None = None  # re-advancing it needs N+1 green sessions (9.3)
    hold_week_until: date | None = None  # row 9
    week_worse_streak: int = 0
    light_day: date | None = None  # row 5: the next session is a light day
    skip_run_until: date | None = None  # row 5, group B: skip the next run
    rest_until: date | None = None  # row 2: no loading before this day, then re-triage
    paused_on: date | None = None  # /pause: 7+ days away restarts a level lower
    phase_since: date | None = None
    reached: dict[str, date] = field(default_factory=dict)  # "E9:8" -> first day at that level
    changed: dict[str, date] = field(default_factory=dict)  # exercise -> the last day its level changed
    red_sessions: tuple[date, ...] = ()  # prevention: D in the red zone
    mean_up_weeks: int = 0  # A18 row 6: consecutive weekly checks with the week's M >= B + 1
    row6_days: tuple[date, ...] = ()  # A18: row 6 twice within 4 weeks refers
    review_suggested: date | None = None  # A15: week 12 passed without graduation
    graduated_on: date | None = None  # A15: the programme is completed
    back_at: datetime | None = None  # /resume or a re-entry: the silence clock restarts here (CLINICAL 8)

    def with_level(self, exercise: str, level: int, day: date) -> Progress:
        reached = dict(self.reached)
        reached.setdefault(f"{exercise}:{level}", day)
        changed = self.changed if self.levels.get(exercise) == level else {**self.changed, exercise: day}
        return replace(self, levels={**self.levels, exercise: level}, reached=reached, changed=changed)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in _DATE_LISTS:
            data[key] = [day.isoformat() for day in data[key]]
        for key in _DATES:
            data[key] = data[key].isoformat() if data[key] else None
        data["reached"] = {name: day.isoformat() for name, day in self.reached.items()}
        data["changed"] = {name: day.isoformat() for name, day in self.changed.items()}
        data["advances"] = list(self.advances)
        data["back_at"] = self.back_at.isoformat() if self.back_at else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Progress:
        values = dict(data)
        for key in _DATE_LISTS:
            values[key] = tuple(date.fromisoformat(day) for day in values.get(key, ()))
        for key in _DATES:
            values[key] = date.fromisoformat(values[key]) if values.get(key) else None
        values["reached"] = {name: date.fromisoformat(day) for name, day in values.get("reached", {}).items()}
        values["changed"] = {name: date.fromisoformat(day) for name, day in values.get("changed", {}).items()}
        values["advances"] = tuple(values.get("advances", ()))
        values["back_at"] = datetime.fromisoformat(values["back_at"]) if values.get("back_at") else None
        values["levels"] = {name: int(level) for name, level in values["levels"].items()}
        return cls(**values)


@dataclass(frozen=True)
class Decision:
    """One decision with the CLINICAL 9.2 row that produced it and a sentence for the person."""

    day: date
    kind: DecisionKind
    rule: str
    reason: str
    phase: int
    exercise: str | None = None
    level_from: int | None = None
    level_to: int | None = None
    tier: Tier | None = None  # for refer
    scope: tuple[tuple[str, int, int], ...] = ()  # every (exercise, from, to) a regress changed
