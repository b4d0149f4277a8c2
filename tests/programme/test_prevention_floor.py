"""An uploaded prevention programme may not widen the A22 soreness window or soften the starting dose."""

from __future__ import annotations

import pytest

from coachbot.programme.loader import ProgrammeError, load_text, load_upload
from coachbot.programme.schema import Programme
from tests.conftest import ROOT

SHIPPED = (ROOT / "programmes" / "calf-strength-12w.yaml").read_text(encoding="utf-8")


def upload(text: str, programmes: dict[str, Programme]) -> str:
    with pytest.raises(ProgrammeError) as error:
        load_upload(text.replace("id: calf-strength-12w", "id: club-strength"), "club.yaml", programmes)
    return str(error.value)


def test_the_shipped_values_pass(programmes: dict[str, Programme]) -> None:
    text = SHIPPED.replace("id: calf-strength-12w", "id: club-strength")
    assert load_upload(text, "club.yaml", programmes).starting_dose is not None


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("soreness_max: 4", "soreness_max: 6", "soreness_max 6 is looser than the default 4"),
        ("soreness_days: 14", "soreness_days: 28", "soreness_days 28 is looser than the default 14"),
        ("min_raises: 15", "min_raises: 10", "min_raises 10 is looser than the default 15"),
        ("older_age: 50", "older_age: 60", "older_age 60 is looser than the default 50"),
        ("plyometrics_after_weeks: 2", "plyometrics_after_weeks: 1", "plyometrics_after_weeks 1 is looser"),
        ("E1: 2", "E1: 4", "starting_dose E1 level 4 is looser than the default 2"),
    ],
)
def test_a_looser_value_is_refused(
    programmes: dict[str, Programme], before: str, after: str, message: str
) -> None:
    assert before in SHIPPED
    assert message in upload(SHIPPED.replace(before, after, 1), programmes)


def test_removing_the_starting_dose_is_refused(programmes: dict[str, Programme]) -> None:
    start = SHIPPED.index("starting_dose:")
    end = SHIPPED.index("\n\n", start)
    assert "starting dose" in upload(SHIPPED[:start] + SHIPPED[end:], programmes)


def test_a_low_capacity_level_must_exist(programmes: dict[str, Programme]) -> None:
    with pytest.raises(ProgrammeError, match="no exercise E99"):
        load_text(SHIPPED.replace("E1: 2", "E99: 2", 1), "x.yaml")
