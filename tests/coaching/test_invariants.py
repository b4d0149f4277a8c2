"""Property tests over random daily histories: the invariants of CLINICAL 9 hold whatever people answer."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachbot.coaching.facts import Person
from coachbot.coaching.simulation import Day, simulate
from coachbot.programme.loader import load_directory
from tests.conftest import ROOT

PROGRAMMES = load_directory(ROOT / "programmes")
START = date(2026, 3, 2)

low_pain = st.one_of(st.integers(0, 3), st.integers(0, 3), st.integers(0, 10), st.none())


@st.composite
def histories(draw: st.DrawFn) -> list[Day]:
    length = draw(st.integers(10, 90))
    days = []
    for index in range(length):
        session = draw(st.booleans()) or draw(st.booleans())
        tested = index % 7 == 6 and draw(st.booleans())
        injured = draw(st.integers(0, 40)) if tested else None
        days.append(
            Day(
                day=START + timedelta(days=index),
                during=draw(low_pain) if session else None,
                after=draw(low_pain) if session else None,
                morning=draw(low_pain),
                completion=draw(st.sampled_from(["all", "all", "all", "most", "some", "none"]))
                if session
                else None,
                event=draw(st.sampled_from(["none"] * 30 + ["pop", "red_flag"])),
                heel_raises_injured=injured,
                heel_raises_other=draw(st.integers(1, 40)) if tested else None,
                hop_pain=draw(low_pain) if tested else None,
            )
        )
    return days


profiles = st.sampled_from(
    [("calf-rehab-12w", "grade1"), ("calf-rehab-12w", "grade2"), ("calf-strength-12w", "prevention")]
)


def run(days: list[Day], programme_id: str, grade: str, soleus: bool = False, assume: bool = True) -> list:  # type: ignore[type-arg]
    person = Person(grade=grade, injured_on=START, started_on=START, age=45, soleus=soleus)
    return list(simulate(PROGRAMMES[programme_id], person, days, assume_passed=assume))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(), profiles, st.booleans())
def test_invariants(days: list[Day], profile: tuple[str, str], soleus: bool) -> None:
    programme_id, grade = profile
    programme = PROGRAMMES[programme_id]
    by_day = {row.day: row for row in days}
    decisions = run(days, programme_id, grade, soleus)
    floors = programme.time_floors.get("grade2_soleus" if grade == "grade2" and soleus else grade)
    phase = programme.first_phase.number
    stopped_until: date | None = None
    for index, decision in enumerate(decisions):
        if decision.kind == "advance":
            # exactly one exercise, one level
            assert decision.exercise is not None
            assert decision.level_to == decision.level_from + 1
            # never with the last session's pain above green, or an unsettled morning
            session, morning = by_day[decision.day - timedelta(days=1)], by_day[decision.day]
            zone = programme.rules.zones[programme.phase(phase).group]
            assert (session.during or 0) <= zone.green_max
            if programme.phase(phase).group != "PREV":
                assert (session.after or 0) <= zone.green_max
            assert morning.morning is not None
            assert morning.morning < programme.rules.morning_abs_red
            earlier = [m for d, row in by_day.items() if d < decision.day and (m := row.morning) is not None]
            assert morning.morning <= max([*earlier[-3:], min(days[0].morning or 0, 5)])
            assert stopped_until is None or decision.day >= stopped_until
        if decision.kind == "regress":
            assert decision.level_from is not None
            assert decision.level_to is not None
            assert decision.level_to < decision.level_from
        if decision.kind == "phase_up":
            elapsed = (decision.day - START).days
            if floors is not None and decision.phase == 3:
                assert elapsed >= floors.plyometrics
            if floors is not None and decision.phase == 4:
                assert elapsed >= floors.running
            phase = decision.phase
        elif decision.kind == "regress" and decision.rule == "6":
            phase = decision.phase
        if decision.kind == "refer":
            assert index == len(decisions) - 1  # a referral freezes the plan: nothing follows it
        if decision.kind == "stop":
            stopped_until = decision.day + timedelta(hours=programme.rules.stop_rest_hours)


def test_a_good_grade1_history_reaches_running_no_sooner_than_day_21() -> None:
    days = [
        Day(
            START + timedelta(days=i),
            1,
            1,
            1,
            "all",
            "none",
            30 if i % 7 == 6 else None,
            31 if i % 7 == 6 else None,
            0 if i % 7 == 6 else None,
        )
        for i in range(84)
    ]
    phase_ups = [d for d in run(days, "calf-rehab-12w", "grade1") if d.kind == "phase_up"]
    assert [d.phase for d in phase_ups] == [1, 2, 3, 4]
    running = next(d for d in phase_ups if d.phase == 4)
    assert (running.day - START).days >= 21


@given(
    st.sampled_from([2, 3]),
    st.integers(0, 70),
    st.sampled_from([("grade1", False), ("grade2", False), ("grade2", True), (None, False)]),
)
def test_impact_phases_never_start_before_the_time_floor(
    phase: int, days_since_injury: int, grade: tuple[str | None, bool]
) -> None:
    from coachbot.coaching.facts import History, WeeklyReport
    from coachbot.coaching.progress import Morning, Progress
    from coachbot.coaching.weekly import enter_phase, weekly_check

    programme = PROGRAMMES["calf-rehab-12w"]
    today = START + timedelta(days=days_since_injury)
    person = Person(grade=grade[0], injured_on=START, started_on=START, age=30, soleus=grade[1])
    from dataclasses import replace

    from coachbot.coaching.progress import SessionReport

    progress = enter_phase(programme, Progress(phase=phase, levels={}, baseline=1), phase, START)
    tops = {item.exercise: item.ceiling for item in programme.phase(phase).menu}
    progress = replace(progress, levels=tops, streaks=dict.fromkeys(tops, 2))  # every ladder done (A14)
    perfect = WeeklyReport(today, 40, 40, 0, 40, 40, 60, 0, 0, 0, True, 0, "good", 60, "better", 10, 10, 0)
    mornings = tuple(Morning(today - timedelta(days=d), 1) for d in range(14))
    p8 = tuple(SessionReport(today - timedelta(days=d), 0, 0, "all", levels=tops) for d in (2, 4))
    history = History(mornings=mornings, sessions=p8, weekly=(perfect,), baseline=1)
    decisions, _ = weekly_check(programme, progress, history, person, today)
    floors = programme.time_floors[person.floor_key]
    floor = floors.plyometrics if phase == 2 else floors.running
    offered = any(decision.kind == "phase_up" for decision in decisions)
    assert offered == (days_since_injury >= floor)
