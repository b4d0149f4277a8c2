"""Multi-select questions: toggling buttons, None of these, Done, and typed lists."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from coachbot.core.multiselect import DONE, NONE, Toggle, multi_question, read_picks
from coachbot.core.question import Invalid, Option, StaleButton, token, yes_no_unsure_question
from coachbot.messages import Address, Choice, Text

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SENDER = Address("console", "1", "1")
OPTIONS = (
    Option("red", "Red", ("scarlet",)),
    Option("green", "Green"),
    Option("blue", "Blue", ("navy", "sky blue")),
)
QUESTION = multi_question("Colours?", "colours", OPTIONS)


def press(value: str, serial: int = 5) -> Choice:
    return Choice(token=token(serial, value), sender=SENDER, at=AT)


def typed(text: str) -> Text:
    return Text(text=text, sender=SENDER, at=AT)


def test_buttons_tick_what_is_picked_and_end_with_none_and_done() -> None:
    buttons = QUESTION.with_picks(["blue"]).buttons(5)
    assert [[label for label, _ in row] for row in buttons] == [
        ["Red", "Green"],
        ["✓ Blue"],
        ["None of these", "Done"],
    ]
    assert "Ticked so far: Blue" in QUESTION.with_picks(["blue"]).shown_prompt()
    assert QUESTION.shown_prompt() == "Colours?"


def test_pressing_an_option_toggles_and_done_answers_the_ticks_in_option_order() -> None:
    assert QUESTION.answer(press("green"), 5) == Toggle("green")
    assert QUESTION.with_picks(["blue", "red"]).answer(press(DONE), 5) == ["red", "blue"]
    assert QUESTION.with_picks(["blue"]).answer(press(NONE), 5) == []


def test_done_with_nothing_ticked_says_what_is_expected() -> None:
    with pytest.raises(Invalid, match="colours"):
        QUESTION.answer(press(DONE), 5)


def test_a_button_of_another_question_is_stale() -> None:
    with pytest.raises(StaleButton):
        QUESTION.answer(press("red", serial=4), 5)


@pytest.mark.parametrize(
    ("text", "picks"),
    [
        ("none", []),
        ("None of these", []),
        ("1, 3", ["red", "blue"]),
        ("3 and 1", ["red", "blue"]),
        ("2", ["green"]),
        ("scarlet and a bit of navy", ["red", "blue"]),
        ("Green", ["green"]),
    ],
)
def test_typed_lists(text: str, picks: list[str]) -> None:
    assert QUESTION.answer(typed(text), 5) == picks


@pytest.mark.parametrize("text", ["purple", "1, 4", "0", "", "greenish"])
def test_typed_answers_that_fit_nothing_say_what_is_expected(text: str) -> None:
    with pytest.raises(Invalid, match="colours"):
        read_picks(OPTIONS, text.lower(), "colours")


def test_typed_done_answers_the_ticks() -> None:
    assert QUESTION.with_picks(["green"]).answer(typed("Done"), 5) == ["green"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("yes", "yes"), ("Yep", "yes"), ("nope", "no"), ("not sure", "unsure"), ("Unsure", "unsure"),
     ("dunno", "unsure"), ("don’t know", "unsure")],
)  # fmt: skip
def test_yes_no_unsure_reads_typed_answers(text: str, value: str) -> None:
    assert yes_no_unsure_question("Well?").answer(typed(text), 1) == value


def test_yes_no_unsure_says_what_is_expected() -> None:
    with pytest.raises(Invalid, match="yes, no or not sure"):
        yes_no_unsure_question("Well?").answer(typed("perhaps later"), 1)


def test_a_typed_list_reads_negations() -> None:
    """ "not red, but blue" picks blue; "not red and not green" picks nothing rather than both."""
    labels = [option.label.lower() for option in OPTIONS]
    first, second = labels[0], labels[1]
    assert read_picks(OPTIONS, f"not {first}, but {second}", "colours") == [OPTIONS[1].value]
    assert read_picks(OPTIONS, f"no, i have not got {first} or {second}", "colours") == []
