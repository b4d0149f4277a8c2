"""Reading people's free-text answers: pain scores ("6", "6/10", "pain 6", "six", "no pain") and yes/no.

Ambiguity resolves to the more cautious reading: a range like "5-6" counts as 6, "6.5" as 7.
"""

from __future__ import annotations

import math
import re

_WORDS = {
    "zero": 0, "nil": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_NO_PAIN = re.compile(r"^(no( pain)?|none|nothing|pain free|painfree|pain-free|not at all|not sore)$")
_NUMBER = r"(\d+(?:[.,]\d+)?|" + "|".join(_WORDS) + r")"
_OUT_OF_TEN = re.compile(_NUMBER + r"\s*(?:/|out of|of)\s*10\b")
_RANGE = re.compile(_NUMBER + r"\s*(?:-|–|to|or)\s*" + _NUMBER)
_ANY = re.compile(r"(?<![\w.-])" + _NUMBER + r"(?![\w.])")
_YES = {"yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "i agree", "agree", "true"}
_NO = {"no", "n", "nope", "nah", "no thanks", "false"}


def _value(token: str) -> float:
    return float(_WORDS[token]) if token in _WORDS else float(token.replace(",", "."))


def _score(value: float) -> int | None:
    score = math.ceil(value)
    return score if 0 <= score <= 10 else None


def parse_pain(text: str) -> int | None:
    """A 0-10 pain score from what a person typed, or None when it isn't one."""
    cleaned = re.sub(r"[!?]+$", "", text.strip().lower()).strip(" .")
    if _NO_PAIN.match(cleaned):
        return 0
    if match := _OUT_OF_TEN.search(cleaned):
        return _score(_value(match.group(1)))
    if match := _RANGE.search(cleaned):
        return _score(max(_value(match.group(1)), _value(match.group(2))))
    numbers = _ANY.findall(cleaned)
    if len(numbers) == 1:
        return _score(_value(numbers[0]))
    return None


def parse_yes_no(text: str) -> bool | None:
    """True for yes-like answers, False for no-like ones, None otherwise."""
    cleaned = text.strip().lower().strip(" .!")
    if cleaned in _YES:
        return True
    if cleaned in _NO:
        return False
    return None
