"""Everyday English for amounts: "about 12", "twelve", "2 weeks ago", "about 30km", "20 miles",
"half an hour", "1h30". Each reader returns None when the text isn't one such amount.

Pure: imports only the stdlib.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

KM_PER_MILE = 1.609344

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "couple": 2, "few": 3,
}  # fmt: skip
# words that say nothing about the amount ("about 12", "5 days ago", "12 rises or so")
_FILLER = frozenset(
    {"about", "around", "roughly", "approximately", "approx", "maybe", "perhaps", "probably", "like", "ish",
     "or", "so", "just", "almost", "nearly", "ago", "since", "it", "started", "was", "i", "can", "do", "only",
     "think", "reckon", "usually", "normally", "per", "week", "weekly", "a", "of", "and", "rise", "rises",
     "raise", "raises", "rep", "reps", "times"}
)  # fmt: skip
_UNITS_IN_DAYS = {
    "day": 1,
    "days": 1,
    "week": 7,
    "weeks": 7,
    "month": 30,
    "months": 30,
    "year": 365,
    "years": 365,
}
_SPECIAL_DAYS = {"today": 0, "yesterday": 1, "last week": 7, "a week ago": 7, "last month": 30}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def normalise(text: str) -> str:
    """Lower case, straight quotes, hyphens for dashes, single spaces, no closing punctuation."""
    cleaned = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("–", "-").replace("—", "-")
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .!?~")
    return re.sub(r"\s*-\s*", "-", cleaned) if re.fullmatch(r"[\d\s\-–]+", cleaned) else cleaned


def _tokens(text: str) -> list[str]:
    spaced = re.sub(r"(\d)([a-z])", r"\1 \2", normalise(text).replace("~", " "))
    spaced = re.sub(r"([a-z])(\d)", r"\1 \2", spaced)
    return [word for word in re.split(r"[\s,]+", spaced) if word]


def _number_of(word: str) -> float | None:
    if _NUMBER.match(word):
        return float(word.replace(",", "."))
    value = _WORDS.get(word)
    return None if value is None else float(value)


def amount(text: str, units: Mapping[str, float]) -> float | None:
    """One amount: a number (digits or words; "a" before a unit counts as one) times its unit, when every
    other word is filler; None otherwise. A bare number counts in the first unit."""
    words = _tokens(text)
    total, pending, with_unit = 0.0, None, False
    for index, word in enumerate(words):
        if word in ("a", "an"):
            if _next_is_unit(words, index, units):
                if pending is not None:
                    return None
                pending = 1.0
            continue
        value = _number_of(word)
        if value is not None:
            if pending is not None:
                return None
            pending = value
        elif word in units:
            if pending is None:
                return None
            total, pending, with_unit = total + pending * units[word], None, True
        elif word not in _FILLER:
            return None
    if pending is not None:
        return None if with_unit else pending * next(iter(units.values()))
    return total if with_unit else None


def _next_is_unit(words: list[str], index: int, units: Mapping[str, float]) -> bool:
    return index + 1 < len(words) and words[index + 1] in units


def days_count(text: str) -> float | None:
    """Days from "5", "5 days ago", "twelve", "2 weeks", "a month ago", "yesterday"; a plain count too
    ("12 rises")."""
    cleaned = normalise(text)
    if cleaned in _SPECIAL_DAYS:
        return float(_SPECIAL_DAYS[cleaned])
    return amount(cleaned, _UNITS_IN_DAYS)


_DISTANCE = {"km": 1.0, "k": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0,
             "kilometer": 1.0, "mile": KM_PER_MILE, "miles": KM_PER_MILE, "mi": KM_PER_MILE}  # fmt: skip


def distance_km(text: str) -> float | None:
    """Kilometres from "25", "about 30km", "30 k a week", "20 miles", "twenty kilometres"."""
    return amount(text, _DISTANCE)


_DURATION = {"min": 1.0, "mins": 1.0, "minute": 1.0, "minutes": 1.0, "m": 1.0, "hour": 60.0, "hours": 60.0,
             "hr": 60.0, "hrs": 60.0, "h": 60.0}  # fmt: skip


def duration_minutes(text: str) -> float | None:
    """Minutes from "25", "25 min", "half an hour", "an hour", "1h30", "1.5 hours", "an hour and a half"."""
    cleaned = normalise(text)
    if cleaned in ("half an hour", "a half hour", "half hour"):
        return 30.0
    if match := re.fullmatch(r"(\d+)\s*h(?:ours?|rs?)?\s*(\d+)\s*(?:m|mins?|minutes?)?", cleaned):
        return int(match[1]) * 60.0 + int(match[2])
    if match := re.fullmatch(r"(an?|one|\d+) hours? and a half", cleaned):
        hours = 1 if not match[1].isdigit() else int(match[1])
        return hours * 60.0 + 30
    return amount(cleaned, _DURATION)
