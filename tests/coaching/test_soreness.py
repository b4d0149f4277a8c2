"""CLINICAL A22: in the prevention track, morning soreness up to 4/10 after a new exercise or in the first
2 weeks of a block, with no pain during the session, is expected: HOLD, never a regress, never counted
toward a referral or the switch to injury triage. Outside that window the 9.1 PREV rules apply unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from coachbot.coaching import soreness
from coachbot.coaching.progress import Decision, Morning, Progress, SessionReport
from coachbot.coaching.progression import Context, evaluate
from coachbot.coaching.weekly import enter_phase
from coachbot.programme.schema import Programme

MONDAY = date(2026, 3, 2)
TUESDAY = MONDAY + timedelta(days=1)
LEVELS = {"E1": 5, "E2": 4, "E3": 4, "E8": 1, "E4": 3, "E6": 1}


@pytest.fixture
def prevention(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-strength-12w"]


def enrolled(programme: Programme, on: date = MONDAY) -> Progress:
    return enter_phase(programme, Progress(phase=1, levels={}, baseline=0), 1, on)


def decide(
    programme: Programme,
    progress: Progress,
    during: int,
    pain: int,
    day: date = MONDAY,
    earlier: tuple[Morning, ...] = (),
    sessions: tuple[SessionReport, ...] = (),
) -> tuple[Decision, Progress]:
    report = SessionReport(day, during, 1, "all", levels=LEVELS)
    morning = Morning(day + timedelta(days=1), pain)
    return evaluate(
        Context(programme), progress, report, morning, (*earlier, morning), (*sessions, report),
        day + timedelta(days=1),
    )  # fmt: skip


@pytest.mark.parametrize("pain", [1, 2, 3, 4])
def test_soreness_after_the_first_session_holds_and_is_not_counted(prevention: Programme, pain: int) -> None:
    decision, progress = decide(prevention, enrolled(prevention), during=1, pain=pain)
    assert (decision.kind, decision.rule) == ("hold", "A22")
    assert "expected" in decision.reason
    assert progress.regress_days == ()
    assert progress.red_sessions == ()
    assert progress.levels == enrolled(prevention).levels


def test_a_settled_morning_in_the_window_is_still_green(prevention: Programme) -> None:
    decision, _ = decide(prevention, enrolled(prevention), during=1, pain=0)
    assert decision.rule == "10"


def test_soreness_of_five_follows_the_normal_rules(prevention: Programme) -> None:
    decision, progress = decide(prevention, enrolled(prevention), during=1, pain=5)
    assert (decision.kind, decision.rule) == ("regress", "5")
    assert progress.regress_days == (TUESDAY,)


@pytest.mark.parametrize("during", [3, 4])
def test_pain_during_the_session_is_not_expected_soreness(prevention: Programme, during: int) -> None:
    decision, _ = decide(prevention, enrolled(prevention), during=during, pain=2)
    assert (decision.kind, decision.rule) == ("regress", "5")


def test_a_red_session_still_counts_toward_injury_triage(prevention: Programme) -> None:
    decision, progress = decide(prevention, enrolled(prevention), during=5, pain=2)
    assert progress.red_sessions == (TUESDAY,)
    assert decision.kind == "regress"


def test_after_the_window_soreness_regresses_as_before(prevention: Programme) -> None:
    old = enrolled(prevention, MONDAY - timedelta(days=21))
    decision, _ = decide(prevention, old, during=1, pain=2)
    assert (decision.kind, decision.rule) == ("regress", "5")


def test_a_new_level_opens_the_window_again(prevention: Programme) -> None:
    old = enrolled(prevention, MONDAY - timedelta(days=21)).with_level("E1", 6, MONDAY - timedelta(days=3))
    decision, _ = decide(prevention, old, during=1, pain=3)
    assert (decision.kind, decision.rule) == ("hold", "A22")


def test_the_window_lasts_fourteen_mornings_of_a_block_and_seven_of_a_new_level(
    prevention: Programme,
) -> None:
    block_two = enter_phase(prevention, enrolled(prevention, MONDAY - timedelta(days=28)), 2, MONDAY)
    assert not soreness.in_window(prevention, block_two, MONDAY)
    assert soreness.in_window(prevention, block_two, MONDAY + timedelta(days=14))
    assert not soreness.in_window(prevention, block_two, MONDAY + timedelta(days=15))
    advanced = block_two.with_level("E1", 8, MONDAY + timedelta(days=20))
    assert soreness.in_window(prevention, advanced, MONDAY + timedelta(days=27))
    assert not soreness.in_window(prevention, advanced, MONDAY + timedelta(days=28))
    # a level first reached by a regress is easier work, not new work
    regressed = enrolled(prevention, MONDAY - timedelta(days=60)).with_level("E1", 4, MONDAY)
    assert "E1:4" in regressed.reached
    assert not soreness.in_window(prevention, regressed, MONDAY + timedelta(days=1))
    assert soreness.in_window(prevention, regressed.with_level("E1", 6, MONDAY), MONDAY + timedelta(days=1))


def test_the_plyometrics_joining_opens_a_window(prevention: Programme) -> None:
    progress = enrolled(prevention)  # plyometrics join on day 14 (2 green weeks)
    assert soreness.in_window(prevention, progress, MONDAY + timedelta(days=21))
    assert not soreness.in_window(prevention, progress, MONDAY + timedelta(days=22))


def test_yesterdays_expected_soreness_is_not_counted_toward_injury_triage(prevention: Programme) -> None:
    """Morning 3 the last day of the window and 3 again the day after: only the second one counts, so it
    regresses (morning up) instead of switching to injury triage (two mornings >= 3, CLINICAL 11)."""
    changed = MONDAY - timedelta(days=7)
    progress = enrolled(prevention, MONDAY - timedelta(days=30)).with_level("E1", 6, changed)
    sunday = MONDAY - timedelta(days=1)
    before = SessionReport(sunday - timedelta(days=1), 1, 1, "all", levels=LEVELS)
    decision, _ = decide(
        prevention, progress, during=1, pain=3, earlier=(Morning(sunday, 2), Morning(MONDAY, 3)),
        sessions=(before,),
    )  # fmt: skip
    assert (decision.kind, decision.rule) == ("regress", "5")
    # the same two mornings when the first was not expected soreness (pain during that session)
    sore = replace(before, during=3)
    decision, _ = decide(
        prevention, progress, during=1, pain=3, earlier=(Morning(sunday, 2), Morning(MONDAY, 3)),
        sessions=(sore,),
    )  # fmt: skip
    assert (decision.kind, decision.rule) == ("stop", "11")


def test_rehab_phases_have_no_soreness_window(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    progress = enter_phase(rehab, Progress(phase=1, levels={}, baseline=0), 1, MONDAY)
    report = SessionReport(MONDAY, 1, 1, "all", levels={"E1": 2})
    morning = Morning(TUESDAY, 2)
    decision, _ = evaluate(Context(rehab), progress, report, morning, (morning,), (report,), TUESDAY)
    assert decision.kind == "regress"
