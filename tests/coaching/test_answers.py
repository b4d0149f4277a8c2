"""Free-text answers people really type: pain scores and yes/no."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachbot.coaching.answers import parse_pain, parse_yes_no


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("6", 6),
        ("6/10", 6),
        ("6 / 10", 6),
        ("pain 6", 6),
        ("Pain is 7!", 7),
        ("six", 6),
        ("Six.", 6),
        ("no pain", 0),
        ("None", 0),
        ("zero", 0),
        ("0", 0),
        ("10", 10),
        ("10/10", 10),
        ("about a 4 out of 10", 4),
        ("5-6", 6),  # a range counts as its higher end
        ("3 or 4", 4),
        ("6.5", 7),  # half points round up, the cautious way
        ("maybe 2", 2),
    ],
)
def test_pain_scores_people_type(text: str, score: int) -> None:
    assert parse_pain(text) == score


@pytest.mark.parametrize("text", ["", "hello", "11", "-1", "100", "it hurt a lot", "3 then 5 then 2", "7/8"])
def test_not_a_pain_score(text: str) -> None:
    assert parse_pain(text) is None


@given(
    st.integers(min_value=0, max_value=10),
    st.sampled_from(["{}", "{}/10", "pain {}", " {} ", "{} out of 10"]),
)
def test_every_score_in_every_common_shape(score: int, shape: str) -> None:
    assert parse_pain(shape.format(score)) == score


@given(st.text(max_size=40))
def test_parser_never_returns_out_of_range(text: str) -> None:
    result = parse_pain(text)
    assert result is None or 0 <= result <= 10


@pytest.mark.parametrize(
    ("text", "answer"), [("yes", True), ("Yep", True), ("no", False), ("nope.", False), ("dunno", None)]
)
def test_yes_no(text: str, answer: bool | None) -> None:
    assert parse_yes_no(text) is answer
