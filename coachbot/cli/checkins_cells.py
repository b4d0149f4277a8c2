"""One cell of a check-in CSV (`coachbot simulate`) read and checked, and the weekly answers the replay
knows; every problem is a `CsvError` already formatted as `FILE:LINE: message`. Imports nothing of ours."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

COMPLETIONS = ("all", "most", "some", "none")
REASONS = ("pain", "time", "forgot", "other")  # the after-session "what got in the way?" (CLINICAL 8 C)
EVENTS = ("none", "pop", "red_flag")
YES_NO = {"yes": True, "no": False, "true": True, "false": False, "1": True, "0": False}

# The weekly check-in's answers by their WeeklyReport name (CLINICAL 8.1, A20), and what each holds.
# CLINICAL A26: an exit criterion with no answer counts as not passed, so a history needs these columns.
WEEKLY_ANSWERS = {
    "heel_raise_injured": "count",
    "heel_raise_other": "count",
    "heel_raise_pain": "score",
    "bent_knee_injured": "count",
    "bent_knee_other": "count",
    "walk_minutes": "count",
    "walking_pain": "score",
    "pogo_pain": "score",
    "hop_pain": "score",
    "hop_symmetric": "yes_no",
    "squat_pain": "score",
    "squat_control": "good|ok|poor",
    "balance_seconds": "count",
    "trend": "better|same|worse",
    "adherence": "score",
    "confidence": "score",
    "symptoms": "score",
}

T = TypeVar("T")


class CsvError(ValueError):
    """A problem in the file, already formatted as FILE:LINE: message."""


def cell(where: str, name: str, text: str, convert: Callable[[str], T], expected: str) -> T | None:
    if text == "":
        return None
    try:
        return convert(text)
    except ValueError:
        raise CsvError(f"{where}: {name} must be {expected}, not {text!r}") from None


def score(where: str, name: str, text: str) -> int | None:
    value = cell(where, name, text, int, "a whole number from 0 to 10")
    if value is not None and not 0 <= value <= 10:
        raise CsvError(f"{where}: {name} must be a whole number from 0 to 10, not {text!r}")
    return value


def count(where: str, name: str, text: str) -> int | None:
    value = cell(where, name, text, int, "a whole number of repetitions")
    if value is not None and value < 0:
        raise CsvError(f"{where}: {name} must not be negative")
    return value


def choice(where: str, name: str, text: str, allowed: tuple[str, ...]) -> str | None:
    if text == "":
        return None
    if text.lower() not in allowed:
        raise CsvError(f"{where}: {name} must be one of {'|'.join(allowed)}, not {text!r}")
    return text.lower()


def yes_no(where: str, name: str, text: str) -> bool | None:
    if text == "":
        return None
    if text.lower() not in YES_NO:
        raise CsvError(f"{where}: {name} must be yes or no, not {text!r}")
    return YES_NO[text.lower()]


def weekly_answer(where: str, name: str, text: str) -> object | None:
    """A weekly answer written as text (a CSV cell, or a value of the report's details JSON)."""
    kind = WEEKLY_ANSWERS[name]
    if kind == "count":
        return count(where, name, text)
    if kind == "score":
        return score(where, name, text)
    if kind == "yes_no":
        return yes_no(where, name, text)
    return choice(where, name, text, tuple(kind.split("|")))
