"""The weekly check (CLINICAL 9.2 rows 6 and 9) and the conditions for moving up a phase."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coachbot.coaching.facts import History, Person, WeeklyReport
from coachbot.coaching.progress import Morning, Progress, SessionReport
from coachbot.coaching.weekly import enter_phase, trend, weekly_check
from coachbot.programme.schema import Programme

START = date(2026, 3, 2)
TODAY = START + timedelta(days=35)
PERSON = Person(grade="grade1", injured_on=START, started_on=START, age=30)
PERFECT = WeeklyReport(TODAY, 40, 40, 0, 40, 40, 60, 0, 0, 0, True, 0, "good", 60, "better", 10, 10, 0)


@pytest.fixture
def rehab(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-rehab-12w"]


def mornings(this_week: int, last_week: int) -> tuple[Morning, ...]:
    return tuple(Morning(TODAY - timedelta(days=d), this_week if d < 7 else last_week) for d in range(14))


def at_phase(programme: Programme, phase: int) -> Progress:
    return enter_phase(programme, Progress(phase=phase, levels={}, baseline=1), phase, START)


def done(programme: Programme, phase: int) -> Progress:
    """Every ladder of the phase at its ceiling, done green twice there (CLINICAL A14)."""
    tops = {item.exercise: item.ceiling for item in programme.phase(phase).menu}
    return replace(at_phase(programme, phase), levels=tops, streaks=dict.fromkeys(tops, 2))


def p8_sessions(programme: Programme, pain: int = 0) -> tuple[SessionReport, ...]:
    tops = {item.exercise: item.ceiling for item in programme.phase(3).menu}
    return tuple(SessionReport(TODAY - timedelta(days=d), pain, 0, "all", levels=tops) for d in (2, 4))


def test_trend_is_this_weeks_mean_minus_last_weeks() -> None:
    assert trend(History(mornings=mornings(3, 1)), TODAY) == 2
    assert trend(History(mornings=mornings(1, 1)[:2]), TODAY) is None  # too few mornings


def test_a_worse_week_holds_all_levels_for_seven_days(rehab: Programme) -> None:
    history = History(mornings=mornings(2, 1), weekly=(PERFECT,), baseline=1)
    [decision], progress = weekly_check(rehab, at_phase(rehab, 2), history, PERSON, TODAY)
    assert (decision.kind, decision.rule) == ("hold", "9")
    assert progress.hold_week_until == TODAY + timedelta(days=7)


@pytest.mark.parametrize(("this_week", "worse"), [((1, 1, 1, 1, 1, 1, 0), False), ((1,) * 7, True)])
def test_worse_means_a_weekly_rise_of_one_point_or_more(
    rehab: Programme, this_week: tuple[int, ...], worse: bool
) -> None:
    recent = tuple(Morning(TODAY - timedelta(days=d), pain) for d, pain in enumerate(this_week))
    earlier = tuple(Morning(TODAY - timedelta(days=d), 0) for d in range(7, 14))
    decisions, progress = weekly_check(
        rehab, at_phase(rehab, 2), History(mornings=(*recent, *earlier), baseline=1), PERSON, TODAY
    )
    assert any(decision.rule == "9" for decision in decisions) is worse
    assert progress.week_worse_streak == (1 if worse else 0)


def test_a_second_week_above_the_baseline_steps_back_a_phase_one_level_at_a_time(rehab: Programme) -> None:
    """CLINICAL A18 row 6 (M >= B + 1 two weeks running) with A13 (never more than one level a day)."""
    progress = replace(done(rehab, 3), mean_up_weeks=1)
    history = History(mornings=mornings(3, 1), baseline=1)
    [decision], new = weekly_check(rehab, progress, history, PERSON, TODAY)
    assert (decision.kind, decision.rule, decision.phase) == ("regress", "6", 2)
    assert new.phase == 2
    assert decision.scope
    assert all(to == before - 1 for _, before, to in decision.scope)
    assert all(abs(new.levels[e] - progress.levels[e]) <= 1 for e in progress.levels)


def test_phase_up_needs_every_exit_criterion(rehab: Programme) -> None:
    history = History(mornings=mornings(1, 1), weekly=(replace(PERFECT, heel_raise_injured=19),), baseline=1)
    decisions, _ = weekly_check(rehab, done(rehab, 2), history, PERSON, TODAY)
    assert decisions == []  # 19 single-leg raises < 20 (CLINICAL 10.2 phase 2)
    history = replace(history, weekly=(replace(PERFECT, heel_raise_injured=20, heel_raise_other=25),))
    [decision], _ = weekly_check(rehab, done(rehab, 2), history, PERSON, TODAY)
    assert (decision.kind, decision.phase) == ("phase_up", 3)


def test_phase_up_needs_every_ladder_at_its_ceiling_green_twice(rehab: Programme) -> None:
    """CLINICAL A14: the exit tests alone are not enough; a runner who never earned a level stays."""
    history = History(mornings=mornings(1, 1), weekly=(PERFECT,), baseline=1)
    assert weekly_check(rehab, at_phase(rehab, 2), history, PERSON, TODAY)[0] == []
    once = replace(done(rehab, 2), streaks={**done(rehab, 2).streaks, "E1": 1})
    assert weekly_check(rehab, once, history, PERSON, TODAY)[0] == []
    [decision], _ = weekly_check(rehab, done(rehab, 2), history, PERSON, TODAY)
    assert decision.kind == "phase_up"


def test_phase_3_is_left_through_p8_sessions_not_a_weekly_hop_test(rehab: Programme) -> None:
    """CLINICAL A14: P8 twice at pain <= 2 with a settled morning."""
    history = History(mornings=mornings(1, 1), weekly=(PERFECT,), baseline=1)
    assert weekly_check(rehab, done(rehab, 3), history, PERSON, TODAY)[0] == []
    sore = replace(history, sessions=p8_sessions(rehab, pain=3))
    assert weekly_check(rehab, done(rehab, 3), sore, PERSON, TODAY)[0] == []
    [decision], _ = weekly_check(
        rehab, done(rehab, 3), replace(history, sessions=p8_sessions(rehab)), PERSON, TODAY
    )
    assert (decision.kind, decision.phase) == ("phase_up", 4)


def test_saying_worse_holds_the_week_and_blocks_the_phase_up(rehab: Programme) -> None:
    history = History(mornings=mornings(1, 1), weekly=(replace(PERFECT, trend="worse"),), baseline=1)
    [decision], progress = weekly_check(rehab, done(rehab, 2), history, PERSON, TODAY)
    assert (decision.kind, decision.rule) == ("hold", "9")
    assert progress.hold_week_until == TODAY + timedelta(days=7)


def test_creeping_morning_pain_is_caught_and_lowers_then_refers(rehab: Programme) -> None:
    """CLINICAL A18: morning pain rising a point every 10 days; row 6 lowers, and twice in 4 weeks refers."""
    days = [START + timedelta(days=d) for d in range(70)]
    history = History(
        mornings=tuple(Morning(day, min(5, (day - START).days // 10)) for day in days), baseline=0
    )
    progress = done(rehab, 2)
    kinds = []
    for week in range(1, 10):
        today = START + timedelta(days=7 * week)
        seen = replace(history, mornings=tuple(m for m in history.mornings if m.day <= today))
        decisions, progress = weekly_check(rehab, progress, seen, PERSON, today)
        kinds += [(d.kind, d.rule) for d in decisions]
        if any(d.kind == "refer" for d in decisions):
            break
    assert ("regress", "6") in kinds
    assert kinds[-1] == ("refer", "6")
    assert len([k for k in kinds if k[1] == "6"]) == 2


def test_morning_pain_two_above_the_first_week_fires_row_6_at_once(rehab: Programme) -> None:
    first = tuple(Morning(START + timedelta(days=d), 0) for d in range(7))
    later = tuple(Morning(TODAY - timedelta(days=d), 2) for d in range(7))
    history = History(mornings=(*first, *later), baseline=2)
    decisions, _ = weekly_check(rehab, replace(done(rehab, 2), baseline=2), history, PERSON, TODAY)
    assert [(d.kind, d.rule) for d in decisions] == [("regress", "6")]


def test_limb_symmetry_under_eighty_percent_blocks_phase_3(rehab: Programme) -> None:
    report = replace(PERFECT, heel_raise_injured=24, heel_raise_other=31)  # 77%
    history = History(mornings=mornings(1, 1), weekly=(report,), baseline=1)
    assert weekly_check(rehab, at_phase(rehab, 2), history, PERSON, TODAY)[0] == []


def test_age_norm_lowers_the_heel_raise_target(rehab: Programme) -> None:
    report = replace(PERFECT, heel_raise_injured=21, heel_raise_other=22)
    older = replace(PERSON, age=62, sex="female")  # median 19 < 25
    history = History(mornings=mornings(1, 1), weekly=(report,), baseline=1)
    history = replace(history, sessions=p8_sessions(rehab))
    assert weekly_check(rehab, done(rehab, 3), history, PERSON, TODAY)[0] == []
    [decision], _ = weekly_check(rehab, done(rehab, 3), history, older, TODAY)
    assert decision.phase == 4


def test_a_regress_in_the_last_week_blocks_phase_up(rehab: Programme) -> None:
    progress = replace(at_phase(rehab, 2), regress_days=(TODAY - timedelta(days=6),))
    history = History(mornings=mornings(1, 1), weekly=(PERFECT,), baseline=1)
    assert weekly_check(rehab, progress, history, PERSON, TODAY)[0] == []


def test_missing_answers_block_phase_up_in_the_live_bot(rehab: Programme) -> None:
    history = History(mornings=mornings(1, 1), weekly=(WeeklyReport(TODAY),), baseline=1)
    assert weekly_check(rehab, at_phase(rehab, 2), history, PERSON, TODAY)[0] == []


def test_clinician_led_stops_at_phase_2_without_the_clinician(rehab: Programme) -> None:
    led = replace(PERSON, grade="clinician_led")
    history = History(mornings=mornings(1, 1), weekly=(PERFECT,), baseline=1)
    late = START + timedelta(days=80)
    assert weekly_check(rehab, at_phase(rehab, 2), history, led, late)[0] == []


def test_entering_a_phase_keeps_higher_levels(rehab: Programme) -> None:
    progress = at_phase(rehab, 2).with_level("E1", 8, START)
    new = enter_phase(rehab, progress, 3, TODAY)
    assert new.levels["E1"] == 8
    assert new.levels["E8"] == 1
    assert new.phase_since == TODAY


def test_entering_a_phase_raises_a_lower_level_by_one_at_most(rehab: Programme) -> None:
    """CLINICAL A13: a phase's start levels are lower bounds reached one level a day, never a jump."""
    below = [item for item in rehab.phase(3).menu if item.start > 2]
    assert below, "phase 3 has an exercise that starts above level 2"
    item = below[0]
    progress = at_phase(rehab, 2).with_level(item.exercise, 1, START)
    new = enter_phase(rehab, progress, 3, TODAY)
    assert new.levels[item.exercise] == 2
    assert all(
        new.levels[exercise] - level <= 1
        for exercise, level in progress.levels.items()
        if exercise in new.levels
    )


def test_a_stalled_phase_suggests_a_review_once(rehab: Programme) -> None:
    progress = replace(at_phase(rehab, 2), phase_since=TODAY - timedelta(weeks=4))  # phase 2 plateau: 4 weeks
    history = History(mornings=mornings(1, 1), weekly=(WeeklyReport(TODAY),), baseline=1)
    [decision], _ = weekly_check(rehab, progress, history, PERSON, TODAY)
    assert (decision.kind, decision.rule) == ("hold", "plateau")
    assert weekly_check(rehab, progress, history, PERSON, TODAY + timedelta(days=7))[0] == []


def test_expected_prevention_soreness_is_not_a_worse_week(programmes: dict[str, Programme]) -> None:
    """CLINICAL A22: soreness up to 4/10 in the first 2 weeks of a block, with no pain during, never
    counts toward row 9, row 6 or a referral."""
    strength = programmes["calf-strength-12w"]
    runner = Person(grade="prevention", injured_on=None, started_on=START, age=30)
    progress = enter_phase(strength, Progress(phase=1, levels={}, baseline=0), 1, START)
    today = START + timedelta(days=14)
    sore = tuple(Morning(START + timedelta(days=d), 0 if d < 7 else 3) for d in range(1, 15))
    sessions = tuple(SessionReport(START + timedelta(days=d), 0, 0, "all") for d in range(14))
    history = History(mornings=sore, sessions=sessions, baseline=0)
    assert weekly_check(strength, progress, history, runner, today)[0] == []
    late = replace(progress, phase_since=START - timedelta(days=30), reached={})
    decisions, _ = weekly_check(strength, late, history, runner, today)
    assert [d.rule for d in decisions] == ["6"]  # outside the window: 2 above the first week (A18)


def test_row_6_does_not_lower_again_what_the_morning_lowered_today(rehab: Programme) -> None:
    """A13: a row-5 step back in the morning and row 6 at the weekly check never move one exercise twice."""
    progress = replace(done(rehab, 1), mean_up_weeks=1).with_level("E4", 2, TODAY)  # row 5, this morning
    progress = replace(progress, regress_days=(TODAY,))
    history = History(mornings=mornings(3, 1), baseline=1)
    [decision], new = weekly_check(rehab, progress, history, PERSON, TODAY)
    assert decision.rule == "6"
    assert new.levels["E4"] == 2
    assert new.regress_days == (TODAY,)  # one step-back day, not two toward a referral
