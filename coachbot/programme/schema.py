"""The shape of a programme YAML file as pydantic models: ladders, phases, menus, exit criteria, rules.

Only the stdlib and pydantic are imported here. Cross-references (a menu naming a level, a criterion naming
a test) are checked in `references.py` so that each problem can point at its own line.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from coachbot.programme.base import WEEKDAYS, Amount, Group, Ident, Measure, Strict, Weekday
from coachbot.programme.rules import Cautious, Floor, Rules, StartingDose, Window, Zone

__all__ = [
    "WEEKDAYS", "Amount", "Cautious", "Criterion", "Exercise", "Floor", "Graduation", "Group", "Leave",
    "Legs", "Level", "MaintenanceItem", "MenuItem", "Phase", "Programme", "Rules", "StartingDose", "Strict",
    "Test", "Weekday", "Window", "Zone",
]  # fmt: skip


# Which leg a level works: the injured leg only, both legs together, each leg (or side) in turn, or
# alternating legs (skipping, bounding)
Legs = Literal["injured", "both", "each", "sides", "alternate"]


class Level(Strict):
    """One rung of an exercise ladder: what to do, how much, at what tempo, with one cue."""

    level: int = Field(ge=1)
    label: str | None = None
    name: str
    sets: Amount | None = None
    reps: Amount | None = None
    seconds: Amount | None = None
    minutes: Amount | None = None
    metres: Amount | None = None
    rest: str | None = None  # between sets ("1 min", "1 min walk"); every level of more than one set has one
    legs: Legs | None = None  # which leg: shown on every card but walking and running
    load: str | None = None
    tempo: str
    cue: str
    note: str | None = None
    below_step: bool = False  # the heel drops below step level (CLINICAL A16, A17 gate these)

    @model_validator(mode="after")
    def _one_dose(self) -> Level:
        amounts = [a for a in (self.reps, self.seconds, self.minutes, self.metres) if a is not None]
        if len(amounts) > 1:
            raise ValueError("give only one of reps, seconds, minutes or metres")
        if amounts and self.sets is None:
            raise ValueError("sets is required with reps, seconds, minutes or metres")
        if not amounts and self.note is None:
            raise ValueError("a level needs sets with reps, seconds, minutes or metres (or a note)")
        return self

    @property
    def dose(self) -> str:
        """'3 × 10–15', '5 × 30 s', '20 min' (one set), or the note of an open level; rest and legs are
        said apart (reporting/present.py)."""
        amount = next(
            (
                f"{value}{unit}"
                for value, unit in (
                    (self.reps, ""),
                    (self.seconds, " s"),
                    (self.minutes, " min"),
                    (self.metres, " m"),
                )
                if value is not None
            ),
            None,
        )
        if amount is None:
            return self.note or ""
        one = self.sets is not None and self.sets.high == 1
        text = amount if one else f"{self.sets} × {amount}"
        return f"{text}, {self.load}" if self.load else text

    @property
    def tag(self) -> str:
        """How people see this level: its label ("R3") or "L3"."""
        return self.label or f"L{self.level}"


class Exercise(Strict):
    """An exercise ladder (E1-E9 in the clinical spec); levels are numbered 1..n in order."""

    id: Ident
    name: str
    kind: Literal["strength", "balance", "mobility", "walking", "circulation", "plyometric", "running"]
    targets: str | None = None
    progresses: bool = True
    levels: list[Level] = Field(min_length=1)

    @field_validator("levels")
    @classmethod
    def _numbered(cls, levels: list[Level]) -> list[Level]:
        numbers = [level.level for level in levels]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"levels must be numbered 1, 2, 3 ... in order; found {numbers}")
        return levels

    @property
    def impact(self) -> bool:
        """Plyometrics and running are impact work (phase group B thresholds, time floors)."""
        return self.kind in ("plyometric", "running")

    def level(self, number: int) -> Level | None:
        return self.levels[number - 1] if 1 <= number <= len(self.levels) else None


class Test(Strict):
    """Something an exit criterion can measure: a weekly self-test, a check-in answer or a level held."""

    id: Ident
    name: str
    measure: Measure
    source: Literal["self_test", "morning", "weekly", "session"]
    how: str | None = None
    exercise: Ident | None = None


class Criterion(Strict):
    """One exit criterion of a phase; which fields apply depends on the test's measure."""

    test: Ident
    min_reps: int | None = Field(default=None, ge=1)
    reps_floor: int | None = Field(default=None, ge=1)
    age_norm: bool = False
    min_lsi: int | None = Field(default=None, ge=1, le=100)
    max_pain: int | None = Field(default=None, ge=0, le=10)
    min_minutes: int | None = Field(default=None, ge=1)
    min_seconds: int | None = Field(default=None, ge=1)
    min_score: int | None = Field(default=None, ge=0, le=10)
    min_level: int | None = Field(default=None, ge=1)
    control: Literal["good", "ok"] | None = None
    symmetric: bool = False
    no_limp: bool = False
    settled_morning: bool = False
    weeks: int | None = Field(default=None, ge=1)
    times: int = Field(default=1, ge=1)
    note: str | None = None


class MenuItem(Strict):
    """An exercise in a phase's menu: its starting level, the highest level this phase allows, and which
    session kinds include it (all when omitted)."""

    exercise: Ident
    start: int = Field(ge=1)
    top: int | None = Field(default=None, ge=1)
    sessions: list[str] | None = None
    note: str | None = None

    @property
    def ceiling(self) -> int:
        return self.top if self.top is not None else self.start


class Leave(Strict):
    """What leaving a phase needs besides its exit tests (CLINICAL A14): every ladder with a `top` at that
    ceiling and done green `green_at_top` times there, no regress for `quiet_days`, and extra exit
    criteria that apply only with a flag (A17: `soleus_emphasis` adds the bent-knee LSI)."""

    green_at_top: int = Field(default=2, ge=1)
    quiet_days: int = Field(default=7, ge=1)
    with_flag: dict[str, list[Criterion]] = Field(default_factory=dict)


class MaintenanceItem(Strict):
    exercise: Ident
    level: int = Field(ge=1)


class Graduation(Strict):
    """The last phase's exit completes the programme (CLINICAL A15): `exercise` goes to `level` (R10, usual
    training) only then; the maintenance plan keeps strength `per_week` times a week; `offer` names the
    programme suggested next."""

    exercise: Ident
    level: int = Field(ge=1)
    per_week: int = Field(ge=1, le=7)
    maintenance: list[MaintenanceItem] = Field(min_length=1)
    offer: str | None = None
    review_after_weeks: int = Field(ge=1)  # not graduated by then: stay below `level`, suggest a review


class Phase(Strict):
    """A phase (rehab) or block (prevention) with its weekly pattern, menu, advance rules and exit criteria."""

    number: int = Field(ge=0)
    name: str
    goal: str
    group: Group
    week: dict[Weekday, str]
    non_consecutive: list[str] = Field(default_factory=list)
    min_sessions: int | None = Field(default=None, ge=1)  # CLINICAL A23: fewest key sessions a week holds
    bouts_per_day: Amount | None = None
    green_to_advance: int = Field(ge=1)
    advance: Literal["priority", "alternate"] = "priority"
    priority: list[Ident]
    menu: list[MenuItem] = Field(min_length=1)
    exit: list[Criterion] = Field(default_factory=list)
    leave: Leave = Field(default_factory=Leave)
    floor: Literal["loading", "plyometrics", "running"] | None = None
    typical_weeks: dict[str, Amount] = Field(min_length=1)
    note: str | None = None

    @property
    def sessions_per_week(self) -> int:
        return len(self.week)

    def session_kind(self, weekday: Weekday) -> str | None:
        """The kind of session this phase has on a weekday, or None for a rest day."""
        return self.week.get(weekday)


class Programme(Strict):
    """A whole 12-week programme as written in programmes/<id>.yaml."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$")]
    version: int = Field(ge=1)
    title: str
    track: Literal["rehab", "prevention"]
    weeks: int = Field(ge=1, le=52)
    summary: str
    rules: Rules
    time_floors: dict[str, Floor] = Field(default_factory=dict)
    retest_weeks: list[int] = Field(default_factory=list)
    cautious: Cautious | None = None
    graduation: Graduation | None = None
    starting_dose: StartingDose | None = None  # CLINICAL A22, prevention
    tests: list[Test] = Field(min_length=1)
    exercises: list[Exercise] = Field(min_length=1)
    phases: list[Phase] = Field(min_length=1)

    def exercise(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(exercise_id)

    def test(self, test_id: str) -> Test:
        for test in self.tests:
            if test.id == test_id:
                return test
        raise KeyError(test_id)

    def phase(self, number: int) -> Phase:
        for phase in self.phases:
            if phase.number == number:
                return phase
        raise KeyError(number)

    @property
    def first_phase(self) -> Phase:
        return self.phases[0]
