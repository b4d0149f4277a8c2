"""The weekly pattern on a person's days (CLINICAL A23, A22's key-run day): every one of the 128 day sets
for every phase of both shipped programmes, and generated patterns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.coaching.weekpattern import WeekPlan, day_before, key_kinds, plan_week, propose_days
from coachbot.programme.schema import WEEKDAYS, Phase, Programme, Weekday

KEY_RUNS: tuple[Weekday | None, ...] = (None, *WEEKDAYS)


def day_sets() -> Iterator[frozenset[Weekday]]:
    for mask in range(128):
        yield frozenset(day for index, day in enumerate(WEEKDAYS) if mask >> index & 1)


def adjacent(first: Weekday, second: Weekday) -> bool:
    return (WEEKDAYS.index(first) - WEEKDAYS.index(second)) % 7 in (1, 6)


def spaced_kinds(phase: Phase) -> set[str]:
    return set(phase.non_consecutive)


def most_key_sessions(phase: Phase, chosen: frozenset[Weekday], key_run: Weekday | None) -> int:
    """An oracle: the most key sessions the days can hold, by trying every subset."""
    spaced = spaced_kinds(phase)
    blocked = day_before(key_run) if key_run and spaced else None
    free = [day for day in WEEKDAYS if day in chosen and day != blocked]
    count = sum(kind in key_kinds(phase) for kind in phase.week.values())
    for size in range(min(count, len(free)), 0, -1):
        for days in combinations(free, size):
            if not spaced or not any(adjacent(a, b) for a, b in combinations(days, 2)):
                return size
    return 0


def check(phase: Phase, chosen: frozenset[Weekday], key_run: Weekday | None) -> WeekPlan:
    plan = plan_week(phase, chosen, key_run)
    spaced = spaced_kinds(phase)
    keys = key_kinds(phase)
    key_days = [day for day, kind in plan.sessions.items() if kind in keys]
    # sessions follow the chosen days; every chosen day is a session or a deliberate rest
    assert set(plan.sessions) | set(plan.rests) == chosen
    assert not set(plan.sessions) & set(plan.rests)
    # the pattern's rules are kept: no two spaced kinds on consecutive days (Sun -> Mon included)
    spaced_days = [day for day, kind in plan.sessions.items() if kind in spaced]
    assert not any(adjacent(a, b) for a, b in combinations(spaced_days, 2)), plan
    # A22: no heavy or plyometric session the day before the key run
    if key_run is not None:
        assert plan.sessions.get(day_before(key_run)) not in spaced
    # only the pattern's kinds, never more of one than the pattern has
    allowed = Counter(phase.week.values())
    assert all(Counter(plan.sessions.values())[kind] <= allowed[kind] for kind in plan.sessions.values())
    # a rest is deliberate: no key session fits there and no other session is left to place
    fillers = Counter(kind for kind in phase.week.values() if kind not in keys)
    fillers_left = sum(fillers.values()) - sum(kind not in keys for kind in plan.sessions.values())
    for day in plan.rests:
        fits_key = (
            len(key_days) < sum(allowed[kind] for kind in keys)
            and not (spaced and key_run is not None and day == day_before(key_run))
            and not (spaced and any(adjacent(day, other) for other in key_days))
        )
        assert not fits_key, (day, plan)
        assert fillers_left == 0, (day, plan)
    # the minimum flag is right, and the key sessions are as many as the days can hold
    assert plan.key_sessions == len(key_days) == most_key_sessions(phase, chosen, key_run)
    assert plan.holds_minimum == (plan.key_sessions >= plan.minimum)
    # every ladder of the phase has a session that holds it, by its kind or riding along on a key day (A14)
    assert set(plan.riders) <= set(key_days)
    if key_days:
        for item in phase.menu:
            if item.top is not None:
                kinds = set(item.sessions or phase.week.values())
                riding = any(item.exercise in exercises for exercises in plan.riders.values())
                assert riding or kinds & set(plan.sessions.values()), (item.exercise, plan)
                assert riding == bool(set(plan.missing) & kinds)
    if plan.holds_minimum:
        assert plan.proposal is None
    else:
        assert plan.proposal is not None
        assert plan_week(phase, plan.proposal, key_run).holds_minimum
    return plan


@pytest.mark.parametrize("programme_id", ["calf-rehab-12w", "calf-strength-12w"])
def test_every_day_set_keeps_the_pattern_rules(programmes: dict[str, Programme], programme_id: str) -> None:
    for phase in programmes[programme_id].phases:
        for chosen in day_sets():
            for key_run in KEY_RUNS:
                check(phase, chosen, key_run)


@pytest.mark.parametrize("programme_id", ["calf-rehab-12w", "calf-strength-12w"])
def test_every_day_keeps_the_programme_pattern(programmes: dict[str, Programme], programme_id: str) -> None:
    for phase in programmes[programme_id].phases:
        assert plan_week(phase, WEEKDAYS).sessions == phase.week


def test_the_minimums_of_the_shipped_phases(programmes: dict[str, Programme]) -> None:
    rehab, prevention = programmes["calf-rehab-12w"], programmes["calf-strength-12w"]
    assert [plan_week(phase, WEEKDAYS).minimum for phase in rehab.phases] == [1, 1, 3, 3, 3]
    assert [plan_week(phase, WEEKDAYS).minimum for phase in prevention.phases] == [2, 2, 2]


def test_a_prevention_runner_on_tuesday_and_thursday_trains_on_both(programmes: dict[str, Programme]) -> None:
    plan = plan_week(programmes["calf-strength-12w"].phase(1), ("tue", "thu"))
    assert plan.sessions == {"tue": "strength", "thu": "strength"}
    assert plan.holds_minimum


def test_the_day_before_the_key_run_rests_and_a_proposal_is_made(programmes: dict[str, Programme]) -> None:
    plan = plan_week(programmes["calf-strength-12w"].phase(1), ("tue", "thu"), key_run="wed")
    assert plan.sessions == {"thu": "strength"}
    assert plan.rests == {"tue": "before_key_run"}
    assert not plan.holds_minimum
    assert plan.proposal == ("mon", "tue", "thu")  # one day added, the nearest set that holds two


def test_weekend_long_run_moves_the_friday_session(programmes: dict[str, Programme]) -> None:
    plan = plan_week(programmes["calf-strength-12w"].phase(3), WEEKDAYS, key_run="sat")
    assert "fri" not in plan.sessions  # the hops of the power block are never the day before the long run
    assert plan.key_sessions == 3


def test_rehab_phase_2_puts_heavy_days_on_tuesday_thursday_saturday(programmes: dict[str, Programme]) -> None:
    plan = plan_week(programmes["calf-rehab-12w"].phase(2), ("tue", "thu", "sat"))
    assert plan.sessions == {"tue": "heavy", "thu": "heavy", "sat": "heavy"}
    # no light day is left, so the balance ladder (needed at its ceiling to leave, A14) joins the heavy days
    assert plan.riders == {"tue": ("E4",), "thu": ("E4",), "sat": ("E4",)}
    assert plan.missing == ("light",)
    assert plan.holds_minimum  # three non-consecutive heavy days (CLINICAL 9.3)


def test_phase_4_plyometric_maintenance_rides_on_one_run_day(programmes: dict[str, Programme]) -> None:
    plan = plan_week(programmes["calf-rehab-12w"].phase(4), ("mon", "wed", "fri"))
    assert plan.riders == {"mon": ("E8",)}  # the pattern has one plyometric day a week
    plan = plan_week(programmes["calf-rehab-12w"].phase(4), ("mon", "tue", "wed", "fri"))
    assert plan.sessions["tue"] == "plyo"  # the day left holds the kind with a ladder, not the easy day
    assert plan.holds_minimum


def test_two_run_days_are_short_of_phase_4s_three_runs(programmes: dict[str, Programme]) -> None:
    plan = plan_week(programmes["calf-rehab-12w"].phase(4), ("mon", "fri"))
    assert plan.sessions == {"mon": "run", "fri": "run"}
    assert not plan.holds_minimum
    assert plan.proposal == ("mon", "wed", "fri")


def test_each_distinct_key_kind_comes_before_a_repeat(programmes: dict[str, Programme]) -> None:
    base = programmes["calf-rehab-12w"].phase(4)
    phase = base.model_copy(
        update={
            "week": {"mon": "run", "wed": "run_plyo", "fri": "run"},
            "non_consecutive": ["run", "run_plyo"],
        }
    )
    assert plan_week(phase, ("mon", "fri")).sessions == {"mon": "run", "fri": "run_plyo"}
    assert plan_week(phase, ("tue", "thu")).sessions == {"tue": "run", "thu": "run_plyo"}


def test_daily_phases_are_every_chosen_day(programmes: dict[str, Programme]) -> None:
    for number in (0, 1):
        plan = plan_week(programmes["calf-rehab-12w"].phase(number), ("mon", "thu"))
        assert list(plan.sessions) == ["mon", "thu"]
        assert plan.holds_minimum


def test_a_proposal_holds_every_phase_given(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    days = propose_days(rehab.phases, ("tue", "wed"))
    assert days is not None
    assert {"tue", "wed"} <= set(days)
    assert all(plan_week(phase, days).holds_minimum for phase in rehab.phases)


KINDS = ("heavy", "plyo", "light", "easy")


@st.composite
def phases(draw: st.DrawFn, base: Phase) -> Phase:
    """Patterns a programme could ship: spaced kinds never on consecutive days (references.py)."""
    week = draw(st.dictionaries(st.sampled_from(WEEKDAYS), st.sampled_from(KINDS), min_size=1))
    spaced = draw(st.sets(st.sampled_from(sorted(set(week.values())))))
    days = [day for day, kind in week.items() if kind in spaced]
    if any(adjacent(a, b) for a, b in combinations(days, 2)):
        spaced = set()
    keys = sum(kind in (spaced or set(week.values())) for kind in week.values())
    minimum = draw(st.none() | st.integers(1, keys))
    ordered = {day: week[day] for day in WEEKDAYS if day in week}
    return base.model_copy(
        update={"week": ordered, "non_consecutive": sorted(spaced), "min_sessions": minimum}
    )


@given(data=st.data(), chosen=st.sets(st.sampled_from(WEEKDAYS)), key_run=st.sampled_from(KEY_RUNS))
def test_generated_patterns_keep_their_rules(
    programmes: dict[str, Programme], data: st.DataObject, chosen: set[Weekday], key_run: Weekday | None
) -> None:
    phase = data.draw(phases(programmes["calf-rehab-12w"].phase(2)))
    plan = plan_week(phase, frozenset(chosen), key_run)
    assert set(plan.sessions) | set(plan.rests) == chosen
    spaced_days = [day for day, kind in plan.sessions.items() if kind in phase.non_consecutive]
    assert not any(adjacent(a, b) for a, b in combinations(spaced_days, 2))
    if key_run is not None:
        assert plan.sessions.get(day_before(key_run)) not in phase.non_consecutive
    assert plan.key_sessions == most_key_sessions(phase, frozenset(chosen), key_run)
    if not plan.holds_minimum and plan.proposal is not None:
        assert plan_week(phase, plan.proposal, key_run).holds_minimum
    if key_run is None:
        assert plan_week(phase, WEEKDAYS).sessions == phase.week  # every day: the pattern itself
