"""What the weekly check and the exit criteria read: weekly self-test answers and who the person is."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coachbot.coaching.progress import Morning, Progress, SessionReport


@dataclass(frozen=True)
class WeeklyReport:
    """Answers of one weekly check-in (CLINICAL 8, 8.1); None where not asked or not answered."""

    day: date
    heel_raise_injured: int | None = None
    heel_raise_other: int | None = None
    heel_raise_pain: int | None = None
    bent_knee_injured: int | None = None
    bent_knee_other: int | None = None
    walk_minutes: int | None = None
    walking_pain: int | None = None
    pogo_pain: int | None = None
    hop_pain: int | None = None
    hop_symmetric: bool | None = None
    squat_pain: int | None = None
    squat_control: str | None = None  # good | ok | poor
    balance_seconds: int | None = None
    trend: str | None = None  # better | same | worse
    adherence: int | None = None
    confidence: int | None = None
    symptoms: int | None = None


@dataclass(frozen=True)
class Person:
    """The triage facts the rules use (CLINICAL 7, 9.4)."""

    grade: str | None  # grade1 | grade2 | clinician_led | prevention; None is treated as grade2
    injured_on: date | None
    started_on: date
    age: int | None = None
    sex: str | None = None
    soleus: bool = False
    history: bool = False
    flags: frozenset[str] = frozenset()  # triage flags that are set: no_plyometrics, achilles_check ... (A17)
    heel_raises: int | None = None  # prevention baseline test, the lower leg (CLINICAL A22); None = not known

    @property
    def floor_key(self) -> str:
        if self.grade == "clinician_led":
            return "clinician_led"
        if self.grade == "grade1":
            return "grade1"
        return "grade2_soleus" if self.soleus else "grade2"

    @property
    def cautious(self) -> bool:
        """Prevention adjustments apply (previous strain or age 40+, CLINICAL 11)."""
        return self.history or (self.age is not None and self.age >= 40)

    def week(self, today: date) -> int:
        return (today - self.started_on).days // 7 + 1


@dataclass(frozen=True)
class History:
    """Everything recorded so far, oldest first."""

    mornings: tuple[Morning, ...] = ()
    sessions: tuple[SessionReport, ...] = ()
    weekly: tuple[WeeklyReport, ...] = ()
    baseline: int = 0
    progress: Progress | None = field(default=None, compare=False)

    def latest(self, attribute: str) -> object | None:
        """The most recent weekly answer for `attribute` that was given."""
        for report in reversed(self.weekly):
            value: object | None = getattr(report, attribute)
            if value is not None:
                return value
        return None
