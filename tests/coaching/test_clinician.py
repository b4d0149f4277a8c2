"""What the clinician set (CLINICAL A16): `clinician_allows` for the prescription's gating."""

from __future__ import annotations

from datetime import date

import pytest

from coachbot.coaching.clinician import clinician_allows, clinician_levels, clinician_seen_on

FLAGS = {"clinician_phase": 3, "clinician_levels": {"E8": 3, "E1": 6}, "clinician_on": "2026-02-28"}


@pytest.mark.parametrize(
    ("exercise", "level", "allowed"),
    [("E8", 1, True), ("E8", 3, True), ("E8", 4, False), ("E1", 6, True), ("E1", 7, False), ("E2", 1, False)],
)
def test_the_clinician_allows_an_exercise_at_or_below_the_level_they_set(
    exercise: str, level: int, allowed: bool
) -> None:
    assert clinician_allows(FLAGS, exercise, level) is allowed


@pytest.mark.parametrize(
    "flags",
    [{}, {"clinician_levels": None}, {"clinician_levels": ["E8"]}, {"clinician_levels": {"E8": "lots"}}],
)
def test_nothing_recorded_or_a_damaged_record_allows_nothing(flags: dict[str, object]) -> None:
    assert not clinician_allows(flags, "E8", 1)


def test_levels_and_the_visit_day_read_back_from_json() -> None:
    assert clinician_levels({"clinician_levels": {"E8": "2"}}) == {"E8": 2}
    assert clinician_seen_on(FLAGS) == date(2026, 2, 28)
    assert clinician_seen_on({"clinician_on": "28 Feb"}) is None
    assert clinician_seen_on({}) is None
