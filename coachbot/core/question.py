"""A question the bot asks: its buttons, how typed answers are read, and what to say when they aren't.

Buttons carry tokens `v1:q:<serial>:<value>`; the serial names the question instance stored in the
database, so a button from an earlier question is recognised as stale instead of answering this one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coachbot.coaching.answers import parse_pain, parse_yes_no
from coachbot.core import tokens
from coachbot.core.matching import listing, names, pick
from coachbot.core.quantities import normalise
from coachbot.messages import Button, Choice, Incoming, Text
from coachbot.texts import checkin as checkin_texts
from coachbot.texts import common


class Invalid(ValueError):
    """A typed answer that can't be used; the message says what was expected."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    synonyms: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        """`text` names this option exactly (its value, label or a synonym)."""
        return normalise(text) in names(self)


@dataclass(frozen=True)
class Question:
    """What to ask; `read` turns free text into a value (None or Invalid when it can't)."""

    prompt: str
    expected: str
    options: tuple[Option, ...] = ()
    read: Callable[[str], Any] | None = None
    row_size: int = 4
    form: str | None = None  # a short typed answer: the title of a form an adapter may offer for it
    location: str | None = None  # a shared location answers it: the label of the button that shares it

    def shown_prompt(self) -> str:
        """The text to send (a multi-select question adds what is ticked so far)."""
        return self.prompt

    def buttons(self, serial: int) -> tuple[tuple[Button, ...], ...]:
        buttons = [(option.label, token(serial, option.value)) for option in self.options]
        return tuple(tuple(buttons[i : i + self.row_size]) for i in range(0, len(buttons), self.row_size))

    def answer(self, incoming: Incoming, serial: int) -> Any:
        """The value answered, or raise Invalid (a stale button raises StaleButton)."""
        if isinstance(incoming, Choice):
            parsed = parse_token(incoming.token)
            if parsed is None or parsed[0] != serial:
                raise StaleButton()
            for option in self.options:
                if option.value == parsed[1]:
                    return option.value
            raise StaleButton()
        if not isinstance(incoming, Text):
            raise Invalid(self.refusal())
        if self.read is not None:
            value = self.read(incoming.text)
            if value is not None:
                return value
        picked = pick(self.options, incoming.text)
        if picked is not None:
            return picked
        raise Invalid(self.refusal())

    def refusal(self) -> str:
        """What was expected, with the options' labels where `expected` has an {options} slot."""
        labels = listing([option.label for option in self.options], common.OR)
        return self.expected.replace("{options}", labels)


class StaleButton(Exception):
    """A button from a question that is no longer the current one."""


def token(serial: int, value: str) -> str:
    return tokens.make(tokens.QUESTION, serial, value)


def parse_token(text: str) -> tuple[int, str] | None:
    if tokens.kind_of(text) != tokens.QUESTION:
        return None
    serial, value = tokens.parts_of(text)
    return (int(serial), value) if serial.isdigit() and value else None


def pain_question(prompt: str) -> Question:
    """A 0-10 pain question: eleven buttons in two rows, and typed scores like "6/10" or "six"."""
    options = tuple(Option(str(score), str(score)) for score in range(11))
    return Question(prompt, checkin_texts.PAIN_EXPECTED, options, read=_pain_value, row_size=6)


def _pain_value(text: str) -> str | None:
    score = parse_pain(text)
    return None if score is None else str(score)


def yes_no_question(prompt: str) -> Question:
    """Yes / No buttons; typed answers like "yep" or "nope" count too."""
    options = (Option("yes", common.YES), Option("no", common.NO))
    return Question(prompt, checkin_texts.YES_NO_EXPECTED, options, read=_yes_no_value, row_size=2)


def _yes_no_value(text: str) -> str | None:
    answer = parse_yes_no(text)
    return None if answer is None else ("yes" if answer else "no")


# "Not sure" is its own answer: in the safety screens it counts as the worrying one
UNSURE_WORDS = frozenset(
    {"not sure", "unsure", "dunno", "don't know", "dont know", "idk", "no idea", "not certain", "maybe",
     "can't tell", "cant tell", "hard to say"}
)  # fmt: skip


def yes_no_unsure_question(prompt: str, yes: tuple[str, ...] = (), no: tuple[str, ...] = ()) -> Question:
    """Yes / No / Not sure buttons; typed "yep", "nope", "not sure", "dunno" and `yes`/`no` synonyms count."""
    options = (
        Option("yes", common.YES, yes),
        Option("no", common.NO, no),
        Option("unsure", common.NOT_SURE, tuple(UNSURE_WORDS)),
    )
    return Question(prompt, common.YES_NO_UNSURE_EXPECTED, options, read=_yes_no_value, row_size=3)
