"""A question with several answers: buttons that toggle (✓), "None of these" and "Done", or a typed list
("none", "the pill and a long flight", "1, 3").

The answer is a list of option values in the options' order. Until Done, the flow keeps the ticks in the
answers under `picks_key(step)` and keeps the question's serial, so every copy of its buttons still works.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from coachbot.core.question import Invalid, Option, Question, StaleButton, parse_token, token
from coachbot.messages import Button, Choice, Incoming, Text
from coachbot.texts import common

NONE = "none"
DONE = "done"
NONE_WORDS = frozenset({"none", "none of these", "no", "nope", "nothing", "neither", "n/a", "not any"})
_SEPARATORS = re.compile(r"[\s,;&+/]+|\band\b")


@dataclass(frozen=True)
class Toggle:
    """A tick or untick of one option (the flow stores it and asks again)."""

    value: str


def picks_key(step_key: str) -> str:
    return f"{step_key}.picked"


@dataclass(frozen=True)
class MultiQuestion(Question):
    """Options toggle; NONE answers [] and DONE answers the ticks so far (at least one)."""

    picked: tuple[str, ...] = ()

    def with_picks(self, picked: Iterable[str]) -> MultiQuestion:
        chosen = set(picked)
        return replace(self, picked=tuple(o.value for o in self.options if o.value in chosen))

    def shown_prompt(self) -> str:
        """The question, or once something is ticked just what is ticked (the buttons say the rest)."""
        if not self.picked:
            return self.prompt
        labels = ", ".join(o.label for o in self.options if o.value in self.picked)
        return common.PICKED_SO_FAR.format(items=labels, done=common.DONE)

    def buttons(self, serial: int) -> tuple[tuple[Button, ...], ...]:
        labelled = [
            (
                common.PICKED.format(label=o.label) if o.value in self.picked else o.label,
                token(serial, o.value),
            )
            for o in self.options
        ]
        rows = [tuple(labelled[i : i + self.row_size]) for i in range(0, len(labelled), self.row_size)]
        closing = ((common.NONE_OF_THESE, token(serial, NONE)), (common.DONE, token(serial, DONE)))
        return (*rows, closing)

    def answer(self, incoming: Incoming, serial: int) -> Any:
        if isinstance(incoming, Choice):
            parsed = parse_token(incoming.token)
            if parsed is None or parsed[0] != serial:
                raise StaleButton()
            return self._pressed(parsed[1])
        if not isinstance(incoming, Text):
            raise Invalid(self.expected)
        cleaned = incoming.text.strip().lower().replace("’", "'").strip(" .!")
        if cleaned == DONE:
            return self._pressed(DONE)
        return read_picks(self.options, cleaned, self.expected)

    def _pressed(self, value: str) -> Any:
        if value == NONE:
            return []
        if value == DONE:
            if not self.picked:
                raise Invalid(self.expected)
            return list(self.picked)
        if any(o.value == value for o in self.options):
            return Toggle(value)
        raise StaleButton()


def multi_question(
    prompt: str, expected: str, options: tuple[Option, ...], row_size: int = 2
) -> MultiQuestion:
    return MultiQuestion(prompt, expected, options, row_size=row_size)


def read_picks(options: tuple[Option, ...], text: str, expected: str) -> list[str]:
    """A typed list: "none"; the options' numbers ("1, 3", "2 and 5"); or their labels and synonyms
    anywhere in the text ("the pill and a long flight"). Raises Invalid(expected) for anything else."""
    if text in NONE_WORDS:
        return []
    words = [word for word in _SEPARATORS.split(text) if word]
    if words and all(word.isdigit() for word in words):
        numbers = {int(word) for word in words}
        if not all(1 <= number <= len(options) for number in numbers):
            raise Invalid(expected)
        return [o.value for i, o in enumerate(options, start=1) if i in numbers]
    said = {o.value: _said(text, (o.label.lower(), *o.synonyms)) for o in options}
    found = [value for value, how in said.items() if how == "yes"]
    if found:
        return found
    if any(how == "no" for how in said.values()):
        return []  # "I'm not on the pill and haven't had surgery": none of these
    raise Invalid(expected)


NEGATED = re.compile(r"\b(?:no|not|never|without|haven'?t|hasn'?t|didn'?t|don'?t|isn'?t|aren'?t|nor)\b")


def _said(text: str, words: tuple[str, ...]) -> str | None:
    """ "yes" when one of the words is in the text, "no" when only after a negation in its clause."""
    seen = None
    for word in words:
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            clause = re.split(r"[,;.]|\bbut\b", text[: match.start()])[-1]
            if not NEGATED.search(clause):
                return "yes"
            seen = "no"
    return seen
