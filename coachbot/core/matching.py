"""Reading a typed answer against a question's options, the same way for every question: the option's
words exactly, a number that falls into one option's bucket ("5" for 3–7, "12" for 10–19, "2 weeks" for
8–21), or the start of one option's label ("f" for Female, "sudden pull", "large"), when only one fits.

Pure: imports only the stdlib and the quantities reader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Protocol

from coachbot.core.quantities import days_count, normalise


class Named(Protocol):
    """An option as matching reads it (question.Option)."""

    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...

    @property
    def synonyms(self) -> tuple[str, ...]: ...


_BUCKET = re.compile(r"^(\d+)\s*-\s*(\d+)$")
_AT_LEAST = re.compile(r"^(\d+)\s*\+$|^(?:more than|over) (\d+)$")


def names(option: Named) -> tuple[str, ...]:
    """Everything that names an option exactly, normalised."""
    return tuple(
        normalise(name)
        for name in (option.value, option.value.replace("_", " "), option.label, *option.synonyms)
    )


def bucket(option: Named) -> tuple[float, float] | None:
    """The numbers an option stands for: "3-7" → 3..7, "90+" or "More than 90" → above 90, "0" → 0..0."""
    for name in (normalise(option.value), normalise(option.label)):
        if match := _BUCKET.match(name):
            return float(match[1]), float(match[2])
        if match := _AT_LEAST.match(name):
            low = float(match[1] or match[2])
            return (low if match[1] else math.nextafter(low, math.inf)), math.inf
        if name.isdigit():
            return float(name), float(name)
    return None


def _in_bucket(options: Sequence[Named], wanted: str) -> list[Named] | None:
    """The options whose bucket holds the number typed; None when no option is a bucket or no number."""
    buckets = [(option, bucket(option)) for option in options]
    if not any(found is not None for _, found in buckets):
        return None
    number = days_count(wanted)
    if number is None:
        return None
    inside = [option for option, found in buckets if found is not None and found[0] <= number <= found[1]]
    if len(inside) > 1:  # 90 with "43-90" and "90+" (labelled "More than 90"): the bounded one
        inside = [option for option in inside if (bucket(option) or (0, math.inf))[1] != math.inf] or inside
    if inside:
        return inside
    # "8-21" then "22-42": a number between two buckets (21.5) goes to the nearer bound's bucket
    return [
        option for option, found in buckets if found is not None and found[0] - 0.5 <= number < found[1] + 0.5
    ]


def _starts(name: str, wanted: str) -> bool:
    """`wanted` starts `name`, or each of its words starts a word of `name`, in order ("small" in "A
    small bruise"; "sudden pull" in "Sudden pull or twang during activity")."""
    if name.startswith(wanted):
        return True
    typed, words = wanted.split(), name.split()
    if len(wanted) < 3:
        return False
    position = 0
    for word in typed:
        while position < len(words) and not words[position].startswith(word):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


def pick(options: Sequence[Named], text: str) -> str | None:
    """The value of the one option `text` names, or None when none does or several might."""
    wanted = normalise(text)
    if not wanted:
        return None
    exact = [option for option in options if wanted in names(option)]
    if exact:
        return exact[0].value
    numbered = _in_bucket(options, wanted)
    if numbered is not None:
        return numbered[0].value if len(numbered) == 1 else None
    labels = [
        option
        for option in options
        if any(_starts(normalise(n), wanted) for n in (option.label, *option.synonyms))
    ]
    return labels[0].value if len(labels) == 1 else None


def listing(labels: Sequence[str], joiner: str) -> str:
    """ "A", "B" or "C" — the labels a person may type or tap, quoted."""
    quoted = [f"“{label}”" for label in labels]
    if len(quoted) < 2:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" {joiner} " + quoted[-1]
