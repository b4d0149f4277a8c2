"""The decision table of CLINICAL 9.2, one test per row, with the spec's numbers written out so that a
moved threshold fails a test (groups A 3/5, B 2/4; stop at 7; morning +1/+2 over baseline, 5 absolute)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coachbot.coaching.progress import Decision, Morning, Progress, SessionReport
from coachbot.coaching.progression import Context, evaluate, morning_rules
from coachbot.coaching.weekly import enter_phase
from coachbot.programme.schema import Programme

MONDAY = date(2026, 3, 2)
TUESDAY = MONDAY + timedelta(days=1)


@pytest.fixture
def rehab(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-rehab-12w"]


def start(programme: Programme, phase: int, baseline: int = 1, **changes: object) -> Progress:
    progress = enter_phase(programme, Progress(phase=phase, levels={}, baseline=baseline), phase, MONDAY)
    return replace(progress, **changes)  # type: ignore[arg-type]


def session(
    during: int = 1, after: int = 1, completion: str = "all", reason: str | None = None, sudden: bool = False
) -> SessionReport:
    return SessionReport(
        MONDAY, during, after, completion, reason, sudden, {"E1": 2, "E2": 1, "E4": 1, "E3": 1}
    )


def decide(
    programme: Programme,
    progress: Progress,
    report: SessionReport,
    pain: int | None = 1,
    signs: tuple[str, ...] = (),
    earlier: tuple[Morning, ...] = (),
) -> tuple[Decision, Progress]:
    morning = None if pain is None and not signs else Morning(TUESDAY, pain, signs)
    mornings = (*earlier, *((morning,) if morning else ()))
    return evaluate(Context(programme), progress, report, morning, mornings, (report,), TUESDAY)


# row 1
def test_morning_warning_sign_refers_same_day(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1), session(), pain=1, signs=("swelling",))
    assert (decision.kind, decision.rule, decision.tier) == ("refer", "1", "urgent")


# row 2
@pytest.mark.parametrize(("during", "pain", "sudden"), [(7, 1, False), (1, 7, False), (1, 1, True)])
def test_pain_of_seven_or_a_sudden_event_stops_loading(
    rehab: Programme, during: int, pain: int, sudden: bool
) -> None:
    decision, progress = decide(
        rehab, start(rehab, 1, green_streak=1), session(during=during, sudden=sudden), pain=pain
    )
    assert (decision.kind, decision.rule) == ("stop", "2")
    assert progress.green_streak == 0
    assert "Fri 06 Mar" in decision.reason  # 72 hours after the Tuesday decision


def test_pain_of_seven_right_after_the_session_stops_like_pain_during(rehab: Programme) -> None:
    report = SessionReport(MONDAY, 3, 8, "all", levels={"E1": 2})  # CLINICAL A19: A >= 7
    decision, _ = decide(rehab, start(rehab, 1), report, pain=1)
    assert (decision.kind, decision.rule) == ("stop", "2")


def test_pain_of_six_is_not_a_stop(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1), session(during=6), pain=1)
    assert decision.kind == "regress"


# row 3
def test_missing_morning_rating_holds(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1), session(), pain=None)
    assert (decision.kind, decision.rule) == ("hold", "3")


# row 4
def test_two_mornings_at_five_refer_routinely(rehab: Programme) -> None:
    earlier = (Morning(MONDAY, 5),)
    decision, _ = decide(rehab, start(rehab, 1, baseline=5), session(), pain=5, earlier=earlier)
    assert (decision.kind, decision.rule, decision.tier) == ("refer", "4", "routine")


def test_new_rest_pain_refers(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1), session(), pain=2, signs=("rest_pain",))
    assert (decision.kind, decision.rule, decision.tier) == ("refer", "4", "routine")


def test_a_single_morning_at_five_regresses_instead(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1, baseline=4), session(), pain=5, earlier=(Morning(MONDAY, 4),))
    assert (decision.kind, decision.rule) == ("regress", "5")


# row 5
def test_during_pain_of_six_regresses_the_last_advanced_exercise_in_group_a(rehab: Programme) -> None:
    progress = start(rehab, 1, advances=("E2",))
    progress = progress.with_level("E2", 3, MONDAY)
    decision, new = decide(rehab, progress, session(during=6))
    assert (decision.kind, decision.rule, decision.exercise) == ("regress", "5", "E2")
    assert (decision.level_from, decision.level_to) == (3, 2)
    assert new.levels["E2"] == 2
    assert new.light_day == TUESDAY


def test_after_pain_of_six_regresses_too(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1), session(after=6))
    assert decision.kind == "regress"


def test_morning_two_above_baseline_regresses(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1, baseline=1), session(), pain=3)
    assert decision.kind == "regress"


def test_group_b_regresses_every_impact_exercise_at_five(rehab: Programme) -> None:
    progress = start(rehab, 3).with_level("E8", 4, MONDAY)
    report = SessionReport(MONDAY, 5, 1, "all", levels={"E8": 4, "E1": 7})
    decision, new = decide(rehab, progress, report)
    assert (decision.kind, decision.exercise, decision.level_to) == ("regress", "E8", 3)
    assert new.levels["E8"] == 3
    assert new.levels["E1"] == 7  # strength is not impact
    assert new.skip_run_until is not None


def test_second_regress_within_fourteen_days_refers(rehab: Programme) -> None:
    progress = start(rehab, 1, regress_days=(MONDAY - timedelta(days=10),)).with_level("E1", 3, MONDAY)
    decision, _ = decide(rehab, progress, session(during=6))
    assert (decision.kind, decision.rule, decision.tier) == ("refer", "5", "routine")


def test_regress_fifteen_days_later_does_not_refer(rehab: Programme) -> None:
    progress = start(rehab, 1, regress_days=(TUESDAY - timedelta(days=14),)).with_level("E1", 3, MONDAY)
    decision, _ = decide(rehab, progress, session(during=6))
    assert decision.kind == "regress"


def test_nothing_easier_left_refers(rehab: Programme) -> None:
    progress = start(rehab, 0)  # phase 0 starts everything at level 1
    decision, _ = decide(rehab, progress, SessionReport(MONDAY, 6, 1, "all", levels={"E1": 1}))
    assert (decision.kind, decision.rule) == ("refer", "5")


# row 7
@pytest.mark.parametrize(("during", "after", "pain"), [(4, 1, 1), (1, 4, 1), (5, 5, 1), (1, 1, 2)])
def test_amber_holds_and_resets_the_streak(rehab: Programme, during: int, after: int, pain: int) -> None:
    decision, progress = decide(
        rehab,
        start(rehab, 1, baseline=1, green_streak=1, streaks={"E1": 1}),
        session(during, after),
        pain=pain,
    )
    assert (decision.kind, decision.rule) == ("hold", "7")
    assert progress.streaks == {}


def test_group_b_amber_starts_at_three(rehab: Programme) -> None:
    report = SessionReport(MONDAY, 3, 1, "all", levels={"E8": 1})
    decision, _ = decide(rehab, start(rehab, 3), report)
    assert (decision.kind, decision.rule) == ("hold", "7")


# row 8
def test_partial_session_holds(rehab: Programme) -> None:
    decision, _ = decide(rehab, start(rehab, 1), session(completion="most", reason="time"))
    assert (decision.kind, decision.rule) == ("hold", "8")


def test_three_low_sessions_for_time_offer_an_easier_plan(rehab: Programme) -> None:
    low = tuple(SessionReport(MONDAY - timedelta(days=d), 1, 1, "some", "time") for d in range(3))
    morning = Morning(TUESDAY, 1)
    decision, _ = evaluate(Context(rehab), start(rehab, 1), low[0], morning, (morning,), low, TUESDAY)
    assert "shorter plan" in decision.reason


# row 10
def test_first_green_session_builds_the_streak(rehab: Programme) -> None:
    decision, progress = decide(rehab, start(rehab, 1), session(during=3, after=3))
    assert (decision.kind, decision.rule) == ("hold", "10")
    assert progress.streaks["E1"] == 1


def test_second_green_session_advances_exactly_one_exercise_by_one_level(rehab: Programme) -> None:
    progress = start(rehab, 1, streaks={"E1": 1, "E2": 1, "E4": 1, "E3": 1})
    decision, new = decide(rehab, progress, session())
    assert (decision.kind, decision.exercise, decision.level_from, decision.level_to) == (
        "advance",
        "E1",
        2,
        3,
    )
    changed = {name for name in new.levels if new.levels[name] != progress.levels[name]}
    assert changed == {"E1"}
    assert new.streaks["E1"] == 0  # E1 starts counting again at its new level
    # the others kept their two greens at their level, so the next green session advances the next one
    decision, _ = decide(rehab, new, session())
    assert (decision.kind, decision.exercise) == ("advance", "E2")


def test_recently_regressed_exercise_needs_one_more_green_session(rehab: Programme) -> None:
    progress = start(rehab, 1, streaks={"E1": 1}, regressed_exercise="E1")
    report = SessionReport(MONDAY, 1, 1, "all", levels={"E1": 2})
    decision, new = decide(rehab, progress, report)
    assert decision.kind == "hold"
    decision, _ = decide(rehab, new, report)
    assert (decision.kind, decision.exercise) == ("advance", "E1")


def test_hold_week_blocks_advances(rehab: Programme) -> None:
    progress = start(rehab, 1, streaks={"E1": 5}, hold_week_until=TUESDAY + timedelta(days=3))
    decision, _ = decide(rehab, progress, session())
    assert (decision.kind, decision.rule) == ("hold", "9")


def test_only_exercises_done_in_the_session_advance(rehab: Programme) -> None:
    progress = start(rehab, 2, streaks={"E1": 3, "E4": 1})
    light = SessionReport(MONDAY, 1, 1, "all", levels={"E4": 4, "E5": 1, "E6": 2, "E7": 3})
    decision, _ = decide(rehab, progress, light)
    assert (decision.kind, decision.exercise) == ("advance", "E4")


def test_runs_never_progress_on_consecutive_runs(rehab: Programme) -> None:
    progress = start(rehab, 4)
    run = SessionReport(MONDAY, 0, 0, "all", levels={"E9": 1})
    first, progress = decide(rehab, progress, run, pain=0)
    second, progress = decide(rehab, progress, run, pain=0)
    third, _ = decide(rehab, progress, SessionReport(MONDAY, 0, 0, "all", levels={"E9": 2}), pain=0)
    assert [first.kind, second.kind, third.kind] == ["hold", "advance", "hold"]


def test_morning_rules_alone_catch_a_sore_morning_without_a_session(rehab: Programme) -> None:
    found = morning_rules(Context(rehab), start(rehab, 1), Morning(TUESDAY, 7), (), TUESDAY)
    assert found is not None
    assert found[0].kind == "stop"


def test_the_morning_baseline_does_not_drift_up_with_creeping_pain(rehab: Programme) -> None:
    """CLINICAL A18: morning pain rising a point every 10 days (0 -> 5) keeps B at the lowest weekly mean."""
    from coachbot.coaching.zones import baseline, morning_zone

    first = MONDAY - timedelta(days=50)
    creeping = [Morning(first + timedelta(days=d), d // 10) for d in range(51)]
    b = baseline(rehab.rules, creeping, MONDAY, [], at_enrolment=1)
    assert b <= 2  # the old median of the last three mornings said 5
    assert morning_zone(rehab.rules, 5, b) == "red"  # so 5/10 mornings are no longer "settled"
