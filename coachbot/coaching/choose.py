"""Which exercise advances or regresses: one at a time, in the phase's priority order (CLINICAL 9.3).

Pure helpers for progression.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from coachbot.coaching.progress import Progress
from coachbot.programme.schema import Phase, Programme


def ceiling(programme: Programme, phase: Phase, exercise: str, week: int, cautious: bool) -> int:
    """The highest level this phase allows, lowered by the prevention plyometric cap (CLINICAL 11)."""
    top = next(item.ceiling for item in phase.menu if item.exercise == exercise)
    cap = programme.cautious
    capped = cautious and cap is not None and week < cap.plyo_cap_until_week
    if capped and cap is not None and programme.exercise(exercise).kind == "plyometric":
        top = min(top, cap.plyo_cap_level)
    return top


def advance_order(phase: Phase, progress: Progress) -> list[str]:
    """Priority order; "alternate" phases start after the exercise that advanced last."""
    order = list(phase.priority)
    if phase.advance == "alternate":
        last = next((exercise for exercise in reversed(progress.advances) if exercise in order), None)
        if last is not None:
            start = order.index(last) + 1
            order = order[start:] + order[:start]
    return order


def advanceable(
    programme: Programme, progress: Progress, done: Iterable[str], week: int, cautious: bool
) -> list[str]:
    """Exercises that were part of the session and are below their ceiling, in advance order."""
    phase = programme.phase(progress.phase)
    done = set(done)
    return [
        exercise
        for exercise in advance_order(phase, progress)
        if (not done or exercise in done)
        and progress.levels.get(exercise, 1) < ceiling(programme, phase, exercise, week, cautious)
    ]


def regress_targets(programme: Programme, progress: Progress, impact_all: bool) -> list[str]:
    """Exercises to drop one level: every impact exercise (group B or a red morning), else the one that
    advanced most recently, else the last in priority; never below level 1."""
    phase = programme.phase(progress.phase)
    menu = [item.exercise for item in phase.menu]
    lowerable = [exercise for exercise in menu if progress.levels.get(exercise, 1) > 1]
    if impact_all:
        impact = [exercise for exercise in lowerable if programme.exercise(exercise).impact]
        if impact:
            return impact
    for exercise in reversed(progress.advances):
        if exercise in lowerable:
            return [exercise]
    for exercise in reversed(phase.priority):
        if exercise in lowerable:
            return [exercise]
    return lowerable[-1:]
