"""CLINICAL A22: the prevention starting dose follows the baseline heel-raise test and age, and plyometrics
join the session only after 2 green weeks. Block entry never undoes the lower start (A13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coachbot.coaching import starting
from coachbot.coaching.facts import Person
from coachbot.coaching.plan import starting_levels, todays_session
from coachbot.coaching.progress import Progress
from coachbot.coaching.simulation import Replay
from coachbot.coaching.weekly import enter_phase
from coachbot.programme.schema import WEEKDAYS, Programme

MONDAY = date(2026, 3, 2)
BLOCK_START = {"E1": 5, "E2": 4, "E3": 4, "E8": 1, "E4": 3, "E6": 1}


@pytest.fixture
def prevention(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-strength-12w"]


def test_a_strong_young_runner_starts_at_the_block_start(prevention: Programme) -> None:
    assert starting.initial_levels(prevention, 1, age=34, raises=20) == BLOCK_START
    assert starting.initial_levels(prevention, 1, age=34, raises=15) == BLOCK_START


def test_fewer_than_fifteen_single_leg_raises_start_double_leg(prevention: Programme) -> None:
    levels = starting.initial_levels(prevention, 1, age=34, raises=12)
    assert levels == {**BLOCK_START, "E1": 2, "E2": 3, "E3": 3}
    assert prevention.exercise("E1").levels[levels["E1"] - 1].name == "Double-leg heel raise on the floor"
    assert "double-leg" in prevention.exercise("E2").levels[levels["E2"] - 1].name


def test_no_baseline_count_is_treated_as_fewer_than_fifteen(prevention: Programme) -> None:
    assert starting.initial_levels(prevention, 1, age=34, raises=None) == starting.initial_levels(
        prevention, 1, age=34, raises=12
    )


def test_from_fifty_every_exercise_starts_one_level_lower(prevention: Programme) -> None:
    assert starting.initial_levels(prevention, 1, age=55, raises=20) == {
        "E1": 4, "E2": 3, "E3": 3, "E8": 1, "E4": 2, "E6": 1,
    }  # fmt: skip
    assert starting.initial_levels(prevention, 1, age=50, raises=20)["E1"] == 4
    assert starting.initial_levels(prevention, 1, age=49, raises=20) == BLOCK_START


def test_age_and_a_low_count_take_the_easier_start_without_stacking(prevention: Programme) -> None:
    levels = starting.initial_levels(prevention, 1, age=55, raises=12)
    assert levels == {"E1": 2, "E2": 3, "E3": 3, "E8": 1, "E4": 2, "E6": 1}


def test_rehab_starts_are_unchanged(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    assert starting.initial_levels(rehab, 1, age=70, raises=0) == starting_levels(rehab, 1)


def test_entering_block_one_keeps_the_lower_start(prevention: Programme) -> None:
    progress = starting.first_progress(prevention, 1, MONDAY, 0, age=55, raises=12)
    assert progress.levels == starting.initial_levels(prevention, 1, age=55, raises=12)
    assert progress.phase_since == MONDAY
    assert progress.reached["E1:2"] == MONDAY


def test_block_two_raises_a_lower_start_by_one_level_at_most(prevention: Programme) -> None:
    low = starting.first_progress(prevention, 1, MONDAY, 0, age=55, raises=12)
    later = MONDAY + timedelta(days=28)
    block_two = enter_phase(prevention, low, 2, later)
    for exercise, level in low.levels.items():
        assert block_two.levels[exercise] - level <= 1, exercise
    assert block_two.levels["E1"] == 3


def test_the_simulation_starts_where_the_live_bot_does(prevention: Programme) -> None:
    person = Person("prevention", None, MONDAY, age=55, heel_raises=12)
    replay = Replay(prevention, person, 0)
    assert replay.progress.levels == starting.initial_levels(prevention, 1, age=55, raises=12)


# plyometrics after 2 green weeks
def sessions_kinds(programme: Programme, progress: Progress, day: date) -> set[str]:
    return {item.exercise.kind for item in todays_session(programme, progress, day, WEEKDAYS, {}).items}


def test_no_plyometrics_in_the_first_two_weeks(prevention: Programme) -> None:
    progress = enter_phase(prevention, Progress(phase=1, levels={}), 1, MONDAY)
    for offset in (0, 2, 4, 7, 9, 11):  # every Mon/Wed/Fri session of weeks 1 and 2
        kinds = sessions_kinds(prevention, progress, MONDAY + timedelta(days=offset))
        assert "strength" in kinds, offset
        assert "plyometric" not in kinds, offset
    assert "plyometric" in sessions_kinds(prevention, progress, MONDAY + timedelta(days=14))


def test_a_regress_restarts_the_two_green_weeks(prevention: Programme) -> None:
    progress = enter_phase(prevention, Progress(phase=1, levels={}), 1, MONDAY)
    regressed = replace(progress, regress_days=(MONDAY + timedelta(days=10),))
    assert "plyometric" not in sessions_kinds(prevention, regressed, MONDAY + timedelta(days=14))
    assert "plyometric" not in sessions_kinds(prevention, regressed, MONDAY + timedelta(days=23))
    assert "plyometric" in sessions_kinds(prevention, regressed, MONDAY + timedelta(days=25))
    red = replace(progress, red_sessions=(MONDAY + timedelta(days=8),))
    assert "plyometric" not in sessions_kinds(prevention, red, MONDAY + timedelta(days=14))


def test_later_blocks_keep_their_plyometrics(prevention: Programme) -> None:
    block_two = enter_phase(prevention, Progress(phase=2, levels={}), 2, MONDAY)
    assert "plyometric" in sessions_kinds(prevention, block_two, MONDAY)


def test_rehab_plyometrics_are_not_held(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    progress = enter_phase(rehab, Progress(phase=3, levels={}), 3, MONDAY)
    week = [sessions_kinds(rehab, progress, MONDAY + timedelta(days=offset)) for offset in range(7)]
    assert any("plyometric" in kinds for kinds in week)
