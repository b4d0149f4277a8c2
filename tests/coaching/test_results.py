"""The weekly results text (issue 13 item 7): legs and LSI, then what the next phase still needs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from coachbot.coaching.facts import History, Person, WeeklyReport
from coachbot.coaching.progress import Progress
from coachbot.coaching.readiness import readiness
from coachbot.coaching.results import report
from coachbot.coaching.weekly import enter_phase
from coachbot.programme.schema import Programme

START = date(2026, 3, 2)
TODAY = START + timedelta(days=10)


def test_a_rehab_week_names_the_floor_day_and_the_missing_test(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    person = Person(grade="grade1", injured_on=START, started_on=START, age=30)
    progress = enter_phase(rehab, Progress(phase=2, levels={}, baseline=0), 2, START)
    history = History(weekly=(WeeklyReport(TODAY, heel_raise_injured=24, heel_raise_other=30),))
    found = readiness(rehab, progress, history, person, rehab.phase(3), TODAY)
    text = report(rehab, history, person, found, rehab.phase(3), TODAY)
    assert "24 on the injured leg, 30 on the other (80% of the other leg)" in text
    assert "Time: not before Mon 16 Mar" in text  # grade 1's plyometric floor, day 14
    assert (
        "Single-leg squat: pain 2/10 or less, good control" in text
        or "Single-leg squat: not tested yet" in text
    )


def test_prevention_compares_the_weaker_leg_and_names_the_next_block(
    programmes: dict[str, Programme],
) -> None:
    strength = programmes["calf-strength-12w"]
    runner = Person(grade="prevention", injured_on=None, started_on=START, age=30)
    progress = enter_phase(strength, Progress(phase=1, levels={}, baseline=0), 1, START)
    history = History(weekly=(WeeklyReport(TODAY, heel_raise_injured=30, heel_raise_other=24),))
    found = readiness(strength, progress, history, runner, strength.phase(2), TODAY)
    text = report(strength, history, runner, found, strength.phase(2), TODAY)
    assert "24 and 30 (80% between the legs)" in text
    assert "Next block: 2 (Strength)**, from week 5" in text


def test_clinician_led_people_are_pointed_at_their_clinician(programmes: dict[str, Programme]) -> None:
    rehab = programmes["calf-rehab-12w"]
    person = replace(Person(grade="clinician_led", injured_on=START, started_on=START), age=40)
    progress = enter_phase(rehab, Progress(phase=2, levels={}, baseline=0), 2, START)
    found = readiness(rehab, progress, History(), person, rehab.phase(3), TODAY)
    text = report(rehab, History(), person, found, rehab.phase(3), TODAY)
    assert "Your clinician decides when you move on" in text
    assert "No self-tests this week" in text
