"""Which loading self-tests may be asked today (CLINICAL A20, A17, A16): the pure decision."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pytest

from coachbot.coaching.facts import Person
from coachbot.coaching.progress import Progress
from coachbot.coaching.selftests import BENT_KNEE, HEEL_RAISE, HOPS, POGO, allowed, plyometric_ladder
from coachbot.programme.schema import Programme

INJURED = date(2026, 3, 2)
GRADE1 = Person(grade="grade1", injured_on=INJURED, started_on=INJURED + timedelta(days=3))
FATIGUE = {HEEL_RAISE, BENT_KNEE}


@pytest.fixture
def rehab(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-rehab-12w"]


@pytest.fixture
def prevention(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-strength-12w"]


def allowed_on(
    programme: Programme,
    phase: int,
    day: int,
    walking_pain: int | None = 0,
    plyometrics: int = 1,
    person: Person = GRADE1,
    flags: Mapping[str, object] = {},
) -> frozenset[str]:
    """The tests allowed `day` days after the injury, at `phase` with E8 at `plyometrics`."""
    progress = Progress(phase=phase, levels={"E8": plyometrics})
    return allowed(programme, progress, person, walking_pain, flags, INJURED + timedelta(days=day))


def test_phase_0_has_no_test_to_fatigue_whatever_the_walking_pain(rehab: Programme) -> None:
    assert allowed_on(rehab, 0, day=2, walking_pain=0) == frozenset()
    assert allowed_on(rehab, 0, day=60, walking_pain=0, plyometrics=8) == frozenset()


@pytest.mark.parametrize(
    ("walking_pain", "expected"), [(None, set()), (3, set()), (2, FATIGUE), (0, FATIGUE)]
)
def test_heel_raises_to_fatigue_from_phase_1_need_walking_pain_of_2_or_less(
    rehab: Programme, walking_pain: int | None, expected: set[str]
) -> None:
    assert allowed_on(rehab, 1, day=5, walking_pain=walking_pain) == expected


@pytest.mark.parametrize(
    ("grade", "day", "pogo"),
    [("grade1", 13, False), ("grade1", 14, True), ("grade2", 27, False), ("grade2", 28, True)],
)
def test_phase_2_pogo_only_after_the_plyometric_floor(
    rehab: Programme, grade: str, day: int, pogo: bool
) -> None:
    person = Person(grade=grade, injured_on=INJURED, started_on=INJURED)
    assert (POGO in allowed_on(rehab, 2, day=day, person=person)) is pogo


def test_phase_1_never_pogo_even_after_the_floor(rehab: Programme) -> None:
    assert allowed_on(rehab, 1, day=40) == FATIGUE


@pytest.mark.parametrize(("level", "hops"), [(1, False), (4, False), (5, True), (8, True)])
def test_single_leg_hops_only_once_p5_is_reached(rehab: Programme, level: int, hops: bool) -> None:
    found = allowed_on(rehab, 3, day=20, plyometrics=level)
    assert POGO in found
    assert (HOPS in found) is hops


def test_phase_3_before_the_floor_has_no_pogo_or_hops(rehab: Programme) -> None:
    # a clinician-led plan put on phase 3 (floor day 56) without plyometric levels
    person = Person(grade="clinician_led", injured_on=INJURED, started_on=INJURED)
    assert allowed_on(rehab, 3, day=40, plyometrics=5, person=person) == FATIGUE
    assert allowed_on(rehab, 3, day=56, plyometrics=5, person=person) == FATIGUE | {POGO, HOPS}


def test_a_level_the_clinician_set_stands_in_for_the_plyometric_floor(rehab: Programme) -> None:
    person = Person(grade="clinician_led", injured_on=INJURED, started_on=INJURED)
    pogo_only = {"clinician_levels": {"E8": 2}}
    assert allowed_on(rehab, 3, day=30, plyometrics=5, person=person, flags=pogo_only) == FATIGUE | {POGO}
    hops = {"clinician_levels": {"E8": 5}}
    assert allowed_on(rehab, 3, day=30, plyometrics=5, person=person, flags=hops) == FATIGUE | {POGO, HOPS}


def test_no_plyometrics_removes_every_pogo_and_hop_test(rehab: Programme, prevention: Programme) -> None:
    flags = {"no_plyometrics": True}
    assert allowed_on(rehab, 4, day=60, plyometrics=8, flags=flags) == FATIGUE
    assert allowed_on(prevention, 3, day=70, plyometrics=8, flags=flags) == FATIGUE


def test_prevention_goes_by_block_and_plyometric_level(prevention: Programme) -> None:
    runner = Person(grade="prevention", injured_on=None, started_on=INJURED)
    assert allowed_on(prevention, 1, day=0, walking_pain=None, plyometrics=1, person=runner) == FATIGUE
    assert allowed_on(prevention, 1, day=7, walking_pain=None, plyometrics=2, person=runner) == FATIGUE | {
        POGO
    }
    assert allowed_on(prevention, 1, day=20, walking_pain=None, plyometrics=5, person=runner) == FATIGUE | {
        POGO
    }
    assert HOPS not in allowed_on(prevention, 2, day=30, walking_pain=None, plyometrics=4, person=runner)
    assert HOPS in allowed_on(prevention, 2, day=40, walking_pain=None, plyometrics=5, person=runner)


def test_the_plyometric_ladder_is_e8_in_both_programmes(rehab: Programme, prevention: Programme) -> None:
    assert [plyometric_ladder(p).id for p in (rehab, prevention)] == ["E8", "E8"]  # type: ignore[union-attr]


def test_a_plyometric_level_the_clinician_set_is_the_ok_no_plyometrics_waits_for(rehab: Programme) -> None:
    flags = {"no_plyometrics": True, "clinician_levels": {"E8": 5}}
    assert allowed_on(rehab, 3, day=20, plyometrics=5, flags=flags) == FATIGUE | {POGO, HOPS}
