"""The weekly check (CLINICAL 9.2 rows 6 and 9) and phase transitions (9.2 "Phase transitions", 9.4).

Pure: `weekly_check(...)` returns the decisions and the new Progress. A phase change is *offered*; the
caller applies it with `enter_phase` once the person confirms.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from statistics import mean

from coachbot.coaching import choose, criteria
from coachbot.coaching.facts import History, Person
from coachbot.coaching.progress import Decision, Progress
from coachbot.programme.schema import Phase, Programme
from coachbot.texts import decisions as texts

MIN_MORNINGS_FOR_TREND = 3


def trend(history: History, today: date) -> float | None:
    """Wt: mean M over the last 7 days minus the 7 before; None without enough mornings this week.
    With no mornings the week before, nothing can have risen, so Wt counts as 0."""

    def window(start: int, end: int) -> list[int]:
        return [
            m.pain
            for m in history.mornings
            if m.pain is not None and today - timedelta(days=end) < m.day <= today - timedelta(days=start)
        ]

    this_week, last_week = window(0, 7), window(7, 14)
    if len(this_week) < MIN_MORNINGS_FOR_TREND:
        return None
    return mean(this_week) - mean(last_week) if last_week else 0.0


def weekly_check(
    programme: Programme,
    progress: Progress,
    history: History,
    person: Person,
    today: date,
    *,
    assume_unreported: bool = False,
) -> tuple[list[Decision], Progress]:
    """Rows 6 and 9, then the phase-up offer; `assume_unreported` counts criteria with no data as met
    (used by `coachbot simulate`, whose CSV carries only some self-tests)."""
    rules = programme.rules
    wt = trend(history, today)
    worse = wt is not None and wt >= rules.week_worse_delta
    progress = replace(progress, week_worse_streak=progress.week_worse_streak + 1 if worse else 0)
    if progress.week_worse_streak >= 2:  # row 6
        return _phase_down(programme, progress, today)
    if progress.week_worse_streak == 1:  # row 9
        held = replace(progress, hold_week_until=today + timedelta(days=7))
        return [Decision(today, "hold", "9", texts.HOLD_WEEK, progress.phase)], held
    following = _next_phase(programme, progress.phase)
    if following is None or wt is None or wt > 0:
        return _plateau(programme, progress, today), progress
    if not _ready(programme, progress, history, person, following, today, assume_unreported):
        return _plateau(programme, progress, today), progress
    reason = texts.PHASE_UP.format(phase=following.number, name=following.name)
    return [Decision(today, "phase_up", "transition", reason, following.number)], progress


def _plateau(programme: Programme, progress: Progress, today: date) -> list[Decision]:
    """CLINICAL 9.2 plateau rule: the week a phase reaches its plateau length, suggest a physio review."""
    weeks = programme.rules.plateau_weeks.get(progress.phase)
    if weeks is None or progress.phase_since is None:
        return []
    if (today - progress.phase_since).days // 7 != weeks:
        return []
    return [Decision(today, "hold", "plateau", texts.PLATEAU, progress.phase)]


def enter_phase(programme: Programme, progress: Progress, number: int, today: date) -> Progress:
    """Move to a phase (CLINICAL A13): entering never raises a level by more than one. An exercise new to
    the person starts at the phase's start level; one below it (after a regression) climbs one level
    towards it; one at or above it stays where it is."""
    levels = dict(progress.levels)
    for item in programme.phase(number).menu:
        current = levels.get(item.exercise)
        levels[item.exercise] = item.start if current is None else max(current, min(current + 1, item.start))
    new = replace(
        progress,
        phase=number,
        levels={},
        green_streak=0,
        streaks={},
        phase_since=today,
        regressed_exercise=None,
    )
    for exercise, level in levels.items():
        new = new.with_level(exercise, level, today)
    return new


def _next_phase(programme: Programme, number: int) -> Phase | None:
    numbers = [phase.number for phase in programme.phases]
    index = numbers.index(number)
    return programme.phases[index + 1] if index + 1 < len(numbers) else None


def _ready(
    programme: Programme,
    progress: Progress,
    history: History,
    person: Person,
    following: Phase,
    today: date,
    assume_unreported: bool,
) -> bool:
    if any(day > today - timedelta(days=7) for day in progress.regress_days):
        return False  # no regress in the last 7 days
    if person.grade == "clinician_led":
        return False  # A16: clinician-led plans never change phase on their own (/clinician records it)
    if following.floor is not None:
        floor = programme.time_floors.get(person.floor_key)
        start = person.injured_on or person.started_on
        if floor is None or (today - start).days < getattr(floor, following.floor):
            return False
    current = programme.phase(progress.phase)
    if not current.exit:  # prevention blocks change with the calendar
        weeks = current.typical_weeks.get("all")
        extra = 1 if person.cautious and programme.cautious and programme.cautious.repeat_first_week else 0
        return weeks is not None and person.week(today) > weeks.high + extra
    for criterion in current.exit:
        result = criteria.met(criterion, programme.test(criterion.test), history, person, progress, today)
        if result is False or (result is None and not assume_unreported):
            return False
    return True


def _phase_down(programme: Programme, progress: Progress, today: date) -> tuple[list[Decision], Progress]:
    numbers = [phase.number for phase in programme.phases]
    index = numbers.index(progress.phase)
    reset = replace(progress, week_worse_streak=0)
    if index == 0:
        return [Decision(today, "hold", "6", texts.HOLD_WEEK, progress.phase)], replace(
            reset, hold_week_until=today + timedelta(days=7)
        )
    lower = programme.phases[index - 1]
    new = replace(
        reset,
        phase=lower.number,
        green_streak=0,
        streaks={},
        phase_since=today,
        regress_days=(*progress.regress_days, today),
    )
    changes = []
    for item in lower.menu:
        current = progress.levels.get(item.exercise, item.start)
        if current > item.ceiling:  # "Phase 3 -> top of Phase 2"
            changes.append((item.exercise, current, item.ceiling))
            new = new.with_level(item.exercise, item.ceiling, today)
    if not changes:  # already within the lower phase: still step one exercise back
        for exercise in choose.regress_targets(programme, new, impact_all=False)[:1]:
            changes.append((exercise, new.levels[exercise], new.levels[exercise] - 1))
            new = new.with_level(exercise, new.levels[exercise] - 1, today)
    first = changes[0] if changes else (None, None, None)
    reason = texts.PHASE_DOWN.format(phase=lower.number, name=lower.name)
    decision = Decision(
        today,
        "regress",
        "6",
        reason,
        lower.number,
        exercise=first[0],
        level_from=first[1],
        level_to=first[2],
        scope=tuple(changes),
    )
    return [decision], new
