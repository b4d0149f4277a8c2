"""Today's session for an enrolment: the phase's menu for today's session kind at the person's levels,
with the day's adjustments (light day, skip-the-next-run, flags) in `todays_session` (CLINICAL A21).

Pure: takes the programme, the person's progress, their local date, training days and flags.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from coachbot.coaching import pain_limits as limits
from coachbot.coaching import starting
from coachbot.coaching.facts import Person
from coachbot.coaching.progress import Progress
from coachbot.coaching.readiness import flags_of
from coachbot.coaching.weekpattern import key_run_day, plan_week
from coachbot.programme.schema import WEEKDAYS, Exercise, Level, MenuItem, Phase, Programme, Weekday


@dataclass(frozen=True)
class SessionItem:
    """One exercise of a session, at the level the person is on."""

    exercise: Exercise
    level: Level
    note: str | None


@dataclass(frozen=True)
class Session:
    """What a person does on one local day; `kind` is None on a rest day."""

    programme: Programme
    phase: Phase
    day: date
    kind: str | None
    items: tuple[SessionItem, ...]

    @property
    def is_rest(self) -> bool:
        return self.kind is None


def starting_levels(programme: Programme, phase_number: int) -> dict[str, int]:
    """The level each exercise of a phase's menu starts at."""
    return {item.exercise: item.start for item in programme.phase(phase_number).menu}


def level_for(exercise: Exercise, item: MenuItem, levels: Mapping[str, int]) -> Level:
    number = levels.get(exercise.id, item.start)
    number = min(max(number, 1), len(exercise.levels))
    return exercise.levels[number - 1]


def training_days(
    phase: Phase, chosen: Sequence[Weekday], key_run: Weekday | None = None
) -> tuple[Weekday, ...]:
    """The person's days that hold one of the phase's sessions (CLINICAL A23: the pattern mapped onto them)."""
    return tuple(plan_week(phase, chosen, key_run).sessions)


def session_for(
    programme: Programme,
    phase_number: int,
    levels: Mapping[str, int],
    day: date,
    chosen_days: Sequence[Weekday],
    key_run: Weekday | None = None,
) -> Session:
    """The session for a local date, or a rest day when the phase's pattern on the person's days has none
    then (CLINICAL A23, and no heavy or plyometric session the day before the key run, A22); a ladder with
    no day of its own joins the key sessions (weekpattern.py step 5a)."""
    phase = programme.phase(phase_number)
    weekday = WEEKDAYS[day.weekday()]
    week = plan_week(phase, chosen_days, key_run)
    kind, riders = week.sessions.get(weekday), week.riders.get(weekday, ())
    if kind is None:
        return Session(programme, phase, day, None, ())
    items = tuple(
        SessionItem(exercise, level_for(exercise, item, levels), item.note)
        for item in phase.menu
        if item.sessions is None or kind in item.sessions or item.exercise in riders
        for exercise in (programme.exercise(item.exercise),)
    )
    return Session(programme, phase, day, kind, items)


def light_session(programme: Programme, levels: Mapping[str, int], day: date) -> Session:
    """CLINICAL 9.2 row 5: the day after a regress is a light day on the phase 1 menu (or the first phase's),
    each exercise at its level or that phase's top, whichever is lower."""
    numbers = [phase.number for phase in programme.phases]
    phase = programme.phase(1 if 1 in numbers else numbers[0])
    items = tuple(
        SessionItem(
            exercise, exercise.levels[min(levels.get(exercise.id, item.start), item.ceiling) - 1], item.note
        )
        for item in phase.menu
        for exercise in (programme.exercise(item.exercise),)
    )
    return Session(programme, phase, day, "light", items)


def without_running(session: Session) -> Session:
    """Row 5 in group B: skip the next run and keep the rest of the session."""
    return without_kind(session, "running")


def without_kind(session: Session, kind: str) -> Session:
    items = tuple(item for item in session.items if item.exercise.kind != kind)
    return Session(session.programme, session.phase, session.day, session.kind, items)


def todays_session(
    programme: Programme,
    progress: Progress,
    day: date,
    chosen_days: Sequence[Weekday],
    flags: Mapping[str, object],
    person: Person | None = None,
) -> Session:
    """CLINICAL A21: the one definition of a day's session, for the pushed prompt, /today, the check-in's
    questions and the credit for what was done: the phase's session at the person's levels, the light day
    after a regress (rehab), skip-the-next-run, then the person's limits (`limits.py`: phase ceilings,
    flags, clinician-led gates) and the extra bent-knee set of `soleus_emphasis` (A17)."""
    session = session_for(programme, progress.phase, progress.levels, day, chosen_days, key_run_day(flags))
    if not session.is_rest and progress.light_day == day and programme.track == "rehab":
        session = light_session(programme, progress.levels, day)
    return _adjusted(session, progress, flags, person)


def credited_session(
    programme: Programme,
    progress: Progress,
    day: date,
    flags: Mapping[str, object],
    person: Person | None = None,
    today: Session | None = None,
    chosen_days: Sequence[Weekday] = WEEKDAYS,
) -> Session:
    """What a logged session is credited with (A21): today's session on the person's days (A23; `today`,
    when already worked out); on a day without one, the phase's whole menu under the same adjustments, so
    a skipped run or a gated item is never credited."""
    session = today or todays_session(programme, progress, day, chosen_days, flags, person)
    if session.items:
        return session
    phase = programme.phase(progress.phase)
    menu = tuple(
        SessionItem(exercise, level_for(exercise, item, progress.levels), item.note)
        for item in phase.menu
        for exercise in (programme.exercise(item.exercise),)
    )
    return _adjusted(Session(programme, phase, day, "logged", menu), progress, flags, person)


def _adjusted(
    session: Session, progress: Progress, flags: Mapping[str, object], person: Person | None
) -> Session:
    programme, day = session.programme, session.day
    if progress.skip_run_until is not None and day <= progress.skip_run_until and session.kind != "light":
        session = without_running(session)
    if starting.holds_plyometrics(programme, progress, day):  # A22: plyometrics after 2 green weeks
        session = without_kind(session, "plyometric")
    emphasis = person is not None and "soleus_emphasis" in flags_of(programme, person)
    items = []
    for item in session.items:
        number = limits.allowed_level(
            programme, item.exercise, item.level.level, progress, person, flags, day
        )
        if number is None:
            continue
        level = item.exercise.levels[number - 1]
        if emphasis and item.exercise.targets == "soleus":
            level = limits.with_extra_set(level)
        items.append(SessionItem(item.exercise, level, item.note))
    return Session(programme, session.phase, day, session.kind, tuple(items))
