"""Issue 13, prevention: a runner's ordinary soreness after the first sessions, replayed day by day the way
`coachbot simulate` does (CLINICAL A22): HOLD, no regress, no referral; real pain still acts."""

from __future__ import annotations

from datetime import date, timedelta

from coachbot.coaching.facts import Person
from coachbot.coaching.progress import Decision
from coachbot.coaching.simulation import Day, simulate
from coachbot.programme.schema import Programme

MONDAY = date(2026, 3, 2)


def runner(programme: Programme, mornings: list[int], during: int = 1) -> list[Decision]:
    """Sessions Monday, Wednesday, Friday... (every other day), `mornings[i]` on day i."""
    days = [
        Day(
            MONDAY + timedelta(days=index),
            during if index % 2 == 0 else None,
            1 if index % 2 == 0 else None,
            pain,
            "all" if index % 2 == 0 else None,
            "none",
        )
        for index, pain in enumerate(mornings)
    ]
    person = Person("prevention", None, MONDAY, age=34, heel_raises=20)
    return list(simulate(programme, person, days))


def test_morning_soreness_of_two_after_the_first_sessions_holds(programmes: dict[str, Programme]) -> None:
    decisions = runner(programmes["calf-strength-12w"], [0, 2, 2, 2, 2, 2, 1, 1, 1, 1])
    assert [d.kind for d in decisions if d.kind in ("regress", "refer", "stop")] == []
    held = [d for d in decisions if d.rule == "A22"]
    assert len(held) >= 4
    assert all(d.kind == "hold" for d in held)


def test_soreness_of_five_still_regresses(programmes: dict[str, Programme]) -> None:
    decisions = runner(programmes["calf-strength-12w"], [0, 5, 1, 1])
    assert decisions[0].kind == "regress"


def test_pain_during_the_sessions_still_leads_to_injury_triage(programmes: dict[str, Programme]) -> None:
    decisions = runner(programmes["calf-strength-12w"], [0, 1, 1, 1, 1], during=5)
    assert (decisions[-1].kind, decisions[-1].rule) == ("stop", "11")
