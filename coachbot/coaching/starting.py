"""The prevention starting dose (CLINICAL A22): the first levels from the baseline heel-raise test and age,
and the day plyometrics join the session (after 2 green weeks). Programmes without a `starting_dose`
(rehab) start at their menu's start levels. Pure; reads the programme schema and Progress.
"""

from __future__ import annotations

from datetime import date, timedelta

from coachbot.coaching.progress import Progress
from coachbot.programme.schema import Programme


def initial_levels(
    programme: Programme, phase_number: int, age: int | None, raises: int | None
) -> dict[str, int]:
    """Each exercise's first level. `raises` is the lower leg's single-leg heel-raise count (None when the
    test was skipped: the cautious choice, treated as fewer than `min_raises`). Each rule gives a highest
    start and the easier one wins: they don't stack (a 55-year-old with 12 raises starts the calf raise on
    both legs, not on the isometric hold below it). Never below level 1."""
    menu = programme.phase(phase_number).menu
    dose = programme.starting_dose
    if dose is None:
        return {item.exercise: item.start for item in menu}
    low = raises is None or raises < dose.min_raises
    older = age is not None and age >= dose.older_age
    levels = {}
    for item in menu:
        caps = [item.start]
        if low and item.exercise in dose.low_capacity:
            caps.append(dose.low_capacity[item.exercise])
        if older:
            caps.append(item.start - 1)
        levels[item.exercise] = max(1, min(caps))
    return levels


def first_progress(
    programme: Programme, number: int, day: date, baseline: int, age: int | None, raises: int | None
) -> Progress:
    """The Progress an enrolment starts with: phase `number` from `day`, at the starting dose. (Entering
    the phase with `weekly.enter_phase` would lift each lower level one step towards the phase's start,
    A13's rule for people coming back from a regress, and so undo the dose.)"""
    progress = Progress(phase=number, levels={}, baseline=baseline, phase_since=day)
    for exercise, level in initial_levels(programme, number, age, raises).items():
        progress = progress.with_level(exercise, level, day)
    return progress


def plyometrics_from(programme: Programme, progress: Progress) -> date | None:
    """The day plyometric items join the session in the first block, or None when they are not held.

    "2 green weeks" (A22) = `plyometrics_after_weeks` x 7 days since the block began and since the last
    day that was not green: a red session, a regress or a stop. In later blocks the usual rules apply."""
    dose = programme.starting_dose
    if dose is None or progress.phase_since is None or progress.phase != programme.first_phase.number:
        return None
    not_green = [*progress.red_sessions, *progress.regress_days]
    if progress.rest_until is not None:
        not_green.append(progress.rest_until)
    since = max([progress.phase_since, *not_green])
    return since + timedelta(days=7 * dose.plyometrics_after_weeks)


def holds_plyometrics(programme: Programme, progress: Progress, day: date) -> bool:
    """True while plyometric items stay out of the day's session (plan.todays_session)."""
    start = plyometrics_from(programme, progress)
    return start is not None and day < start
