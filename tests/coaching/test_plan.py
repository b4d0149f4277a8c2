"""Today's session (CLINICAL A21): one definition for the prompt, /today, the check-in and the credit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachbot.coaching.plan import session_for, todays_session
from coachbot.coaching.progress import Progress
from coachbot.coaching.weekly import enter_phase
from coachbot.programme.schema import WEEKDAYS, Programme

MONDAY = date(2026, 5, 4)


@pytest.fixture
def rehab(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-rehab-12w"]


def at(programme: Programme, phase: int) -> Progress:
    return enter_phase(programme, Progress(phase=phase, levels={}, baseline=1), phase, MONDAY)


def kinds(programme: Programme, progress: Progress, day: date, **flags: object) -> set[str]:
    session = todays_session(programme, progress, day, WEEKDAYS, flags)
    return {item.exercise.kind for item in session.items}


def first_day_with(programme: Programme, progress: Progress, kind: str) -> date:
    for offset in range(7):
        day = MONDAY + timedelta(days=offset)
        session = session_for(programme, progress.phase, progress.levels, day, WEEKDAYS)
        if any(item.exercise.kind == kind for item in session.items):
            return day
    raise AssertionError(f"phase {progress.phase} has no {kind} day")


def test_no_plyometrics_removes_every_plyometric_item(rehab: Programme) -> None:
    progress = at(rehab, 3)
    day = first_day_with(rehab, progress, "plyometric")
    assert "plyometric" in kinds(rehab, progress, day)
    assert "plyometric" not in kinds(rehab, progress, day, no_plyometrics=True)  # CLINICAL A17


def test_a_skipped_run_is_not_part_of_todays_session(rehab: Programme) -> None:
    progress = at(rehab, 4)
    day = first_day_with(rehab, progress, "running")
    skipping = Progress.from_json({**progress.to_json(), "skip_run_until": day.isoformat()})
    assert "running" in kinds(rehab, progress, day)
    assert "running" not in kinds(rehab, skipping, day)


def test_the_day_after_a_regress_is_a_light_day(rehab: Programme) -> None:
    progress = at(rehab, 2)
    day = first_day_with(rehab, progress, "strength")
    light = Progress.from_json({**progress.to_json(), "light_day": day.isoformat()})
    assert todays_session(rehab, light, day, WEEKDAYS, {}).kind == "light"
