"""Row 6 of the weekly check (CLINICAL 9.2, A18): morning pain creeping up against the baseline or the
first week, and the step back it takes — a phase down one level a day (A13), at least one exercise
lower, and a routine referral the second time within four weeks. Pure; `weekly.weekly_check` calls it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from statistics import fmean

from coachbot.coaching import choose, zones
from coachbot.coaching.constants import (
    MIN_MORNINGS_A_WEEK,
    ROW6_ABOVE_BASELINE,
    ROW6_ABOVE_FIRST_WEEK,
    ROW6_REFER_COUNT,
    ROW6_REFER_DAYS,
    ROW6_WEEKS,
)
from coachbot.coaching.facts import History, Person
from coachbot.coaching.progress import Decision, Progress
from coachbot.programme.schema import Programme
from coachbot.texts import decisions as texts


def creeping(
    programme: Programme, progress: Progress, history: History, person: Person, today: date
) -> tuple[Progress, bool]:
    """CLINICAL A18 row 6: this week's mean M is at least 1 above B for the second week running, or at
    least 2 above the first week's mean. Returns the progress with the streak counted and whether it fired."""
    this_week = _mean(history, today - timedelta(days=7), today)
    if this_week is None:
        return replace(progress, mean_up_weeks=0), False
    base = zones.baseline(programme.rules, history.mornings, today, progress.regress_days, progress.baseline)
    up = this_week >= base + ROW6_ABOVE_BASELINE
    progress = replace(progress, mean_up_weeks=progress.mean_up_weeks + 1 if up else 0)
    first_week = person.started_on + timedelta(days=6)
    later = today > person.started_on + timedelta(days=7)  # not the first week against itself
    first = _mean(history, person.started_on - timedelta(days=1), first_week) if later else None
    above_first = first is not None and this_week >= first + ROW6_ABOVE_FIRST_WEEK
    return progress, progress.mean_up_weeks >= ROW6_WEEKS or above_first


def _mean(history: History, after: date, until: date) -> float | None:
    scores = [m.pain for m in history.mornings if m.pain is not None and after < m.day <= until]
    return fmean(scores) if len(scores) >= MIN_MORNINGS_A_WEEK else None


def step_back(programme: Programme, progress: Progress, today: date) -> tuple[list[Decision], Progress]:
    """Row 6 lowers (a phase, or at least one exercise) and suggests a review; twice within 4 weeks it
    pauses and refers (ROUTINE)."""
    recent = (*[day for day in progress.row6_days if day > today - timedelta(days=ROW6_REFER_DAYS)], today)
    progress = replace(progress, mean_up_weeks=0, week_worse_streak=0, row6_days=recent)
    if len(recent) >= ROW6_REFER_COUNT:
        calm = replace(progress, green_streak=0, streaks={})
        return [Decision(today, "refer", "6", texts.REFER_ROW6, progress.phase, tier="routine")], calm
    return phase_down(programme, progress, today)


def phase_down(programme: Programme, progress: Progress, today: date) -> tuple[list[Decision], Progress]:
    """Row 6's step back: the phase below (rehab), each exercise above that phase's ceiling one level down
    (A13: never more than one level a day; the session caps the rest at the ceiling), and always at
    least one exercise lower (A18). Prevention blocks follow the calendar, so they lower one exercise."""
    numbers = [phase.number for phase in programme.phases]
    index = numbers.index(progress.phase)
    lower = programme.phases[index - 1] if index > 0 and programme.track == "rehab" else None
    days = progress.regress_days if today in progress.regress_days else (*progress.regress_days, today)
    new = replace(progress, regress_days=days, green_streak=0, streaks={})
    moved = {exercise for exercise, day in progress.changed.items() if day == today}  # A13: once a day
    changes = []
    if lower is not None:
        new = replace(new, phase=lower.number, phase_since=today)
        for item in lower.menu:
            current = progress.levels.get(item.exercise, item.start)
            if current > item.ceiling and item.exercise not in moved:  # "Phase 3 -> top of Phase 2"
                changes.append((item.exercise, current, current - 1))
                new = new.with_level(item.exercise, current - 1, today)
    if not changes and not moved:  # within the lower phase's levels: still step one exercise back
        for exercise in choose.regress_targets(programme, new, impact_all=False)[:1]:
            changes.append((exercise, new.levels[exercise], new.levels[exercise] - 1))
            new = new.with_level(exercise, new.levels[exercise] - 1, today)
    if lower is None:
        new = replace(new, hold_week_until=today + timedelta(days=7))
    stepped_back = None if lower is None else texts.PHASE_DOWN.format(phase=lower.number, name=lower.name)
    if not changes:  # everything is at level 1, or today's morning already stepped back: hold the week
        return [Decision(today, "hold", "6", stepped_back or texts.HOLD_WEEK, new.phase)], new
    reason = stepped_back or texts.ROW6_LOWER
    exercise, level_from, level_to = changes[0]
    decision = Decision(
        today, "regress", "6", reason, new.phase,
        exercise=exercise, level_from=level_from, level_to=level_to, scope=tuple(changes),
    )  # fmt: skip
    return [decision], new
