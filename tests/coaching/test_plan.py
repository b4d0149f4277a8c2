"""Today's session (CLINICAL A21): one definition for the prompt, /today, the check-in and the credit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachbot.coaching.plan import session_for, todays_session, training_days
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


@pytest.mark.parametrize("programme_id", ["calf-rehab-12w", "calf-strength-12w"])
def test_the_scheduled_days_are_the_days_with_a_session(
    programmes: dict[str, Programme], programme_id: str
) -> None:
    """CLINICAL A23: prompts come on exactly the days session_for gives a session (training_days)."""
    programme = programmes[programme_id]
    for mask in range(1, 128):
        chosen = tuple(day for index, day in enumerate(WEEKDAYS) if mask >> index & 1)
        for key_run in (None, "sat"):
            for phase in programme.phases:
                week = [MONDAY + timedelta(days=offset) for offset in range(7)]
                with_session = tuple(
                    WEEKDAYS[day.weekday()]
                    for day in week
                    if not session_for(programme, phase.number, {}, day, chosen, key_run).is_rest
                )
                assert training_days(phase, chosen, key_run) == with_session
                assert set(with_session) <= set(chosen)


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


def test_achilles_check_keeps_heel_drops_above_the_step_in_phase_1(rehab: Programme) -> None:
    """CLINICAL A17: a level above step height replaces one below it while the flag is set."""
    from dataclasses import replace

    progress = at(rehab, 1).with_level("E1", 6, MONDAY)  # off a step, left above phase 1 by a step back
    progress = replace(progress, phase=1)
    plain = todays_session(rehab, progress, MONDAY, WEEKDAYS, {})
    flagged = todays_session(rehab, progress, MONDAY, WEEKDAYS, {"achilles_check": True})
    [e1] = [item for item in flagged.items if item.exercise.id == "E1"]
    assert not e1.level.below_step
    assert all(not item.level.below_step for item in plain.items)  # phase 1's ceiling caps it anyway


def test_soleus_emphasis_adds_a_bent_knee_set(rehab: Programme) -> None:
    from coachbot.coaching.facts import Person

    progress = at(rehab, 1)
    runner = Person(grade="grade2", injured_on=MONDAY, started_on=MONDAY, soleus=True)
    usual = todays_session(rehab, progress, MONDAY, WEEKDAYS, {}, None)
    emphasis = todays_session(rehab, progress, MONDAY, WEEKDAYS, {}, runner)

    def sets(session: object) -> int:
        [item] = [i for i in session.items if i.exercise.id == "E2"]  # type: ignore[attr-defined]
        return int(item.level.sets.low)

    assert sets(emphasis) == sets(usual) + 1


def test_soleus_emphasis_makes_the_bent_knee_lsi_an_exit_criterion(rehab: Programme) -> None:
    from coachbot.coaching.facts import Person
    from coachbot.coaching.readiness import exit_criteria

    runner = Person(grade="grade2", injured_on=MONDAY, started_on=MONDAY, soleus=True)
    others = Person(grade="grade2", injured_on=MONDAY, started_on=MONDAY)
    for phase in (2, 3, 4):
        tests = [c.test for c in exit_criteria(rehab, rehab.phase(phase), runner)]
        assert "bent_knee_raise" in tests
        assert "bent_knee_raise" not in [c.test for c in exit_criteria(rehab, rehab.phase(phase), others)]


def test_a_phase_ceiling_caps_a_level_left_above_it(rehab: Programme) -> None:
    """Row 6 steps back one level a day (A13); the session never prescribes above the phase's top."""
    from dataclasses import replace

    progress = replace(at(rehab, 2).with_level("E1", 9, MONDAY), phase=2)  # phase 2's top is L8
    day = first_day_with(rehab, progress, "strength")
    [e1] = [i for i in todays_session(rehab, progress, day, WEEKDAYS, {}).items if i.exercise.id == "E1"]
    assert e1.level.level == 8
