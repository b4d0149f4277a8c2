"""Red-flag detection in anything a person writes (CLINICAL 5, 7.2-7.4 and the free-text safety net of 8).

`detect(text)` returns the tier and the signs found. Negated mentions ("no swelling", "not numb") do not
count; hedged ones ("not as swollen") do. Pure: stdlib only.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from coachbot.coaching.redflags import (
    CLAUSE_BREAKS,
    FEVER_NEEDS,
    HEDGES,
    NEGATION_WINDOW,
    NEGATORS,
    SIGNS,
    SPELLING_CUTOFF,
    SPELLINGS,
    TIER_ORDER,
    VOCABULARY,
    Tier,
)

_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Detection:
    tier: Tier
    signs: tuple[str, ...]

    @property
    def found(self) -> bool:
        return self.tier != "none"


@cache
def _compiled() -> tuple[tuple[str, Tier, tuple[re.Pattern[str], ...]], ...]:
    return tuple((sign.id, sign.tier, tuple(re.compile(p) for p in sign.patterns)) for sign in SIGNS)


@cache
def _spelling_pattern() -> re.Pattern[str]:
    words = sorted(SPELLINGS, key=len, reverse=True)
    return re.compile(r"(?<![a-z'])(" + "|".join(re.escape(word) for word in words) + r")(?![a-z'])")


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, common misspellings and "cannot"/"unable to" -> "can't"."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+", " ", text)
    text = _spelling_pattern().sub(lambda match: SPELLINGS[match.group(1)], text)
    return _WORD.sub(_correct, text)


def _correct(match: re.Match[str]) -> str:
    word = match.group(0)
    if len(word) < 6 or word in VOCABULARY:
        return word
    close = difflib.get_close_matches(word, VOCABULARY, n=1, cutoff=SPELLING_CUTOFF)
    return close[0] if close else word


def _negated(clause: str, start: int) -> bool:
    before = _WORD.findall(clause[:start])[-NEGATION_WINDOW:]
    for index, word in enumerate(before):
        if word in NEGATORS:
            between = before[index + 1 :]
            return not any(hedge in between for hedge in HEDGES)
    return False


def detect(text: str) -> Detection:
    """The highest red-flag tier in a message and the signs that set it."""
    found: set[str] = set()
    tiers: dict[str, Tier] = {}
    for clause in re.split(CLAUSE_BREAKS, normalise(text)):
        for sign_id, tier, patterns in _compiled():
            tiers[sign_id] = tier
            if sign_id in found:
                continue
            for pattern in patterns:
                if any(not _negated(clause, match.start()) for match in pattern.finditer(clause)):
                    found.add(sign_id)
                    break
    if "fever" in found and not found & FEVER_NEEDS:
        found.discard("fever")  # a fever matters here with a hot, red or swollen calf (U5)
    if not found:
        return Detection("none", ())
    tier = max((tiers[sign] for sign in found), key=TIER_ORDER.index)
    ordered = tuple(sign.id for sign in SIGNS if sign.id in found)
    return Detection(tier, ordered)
