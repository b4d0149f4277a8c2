"""The words for how serious a red flag is: tiers (CLINICAL 5: emergency > urgent > routine) and outcomes (A6).

The signs themselves, their words and rules are data in redflags.yaml (see lexicon.py).
"""

from __future__ import annotations

from typing import Literal

Tier = Literal["emergency", "urgent", "routine", "none"]
TIER_ORDER: tuple[Tier, ...] = ("none", "routine", "urgent", "emergency")
# certain: stop and refer; uncertain: ask one confirming question; none: carry on
Outcome = Literal["certain", "uncertain", "none"]


def higher(first: Tier, second: Tier) -> Tier:
    """The more serious of two tiers."""
    return first if TIER_ORDER.index(first) >= TIER_ORDER.index(second) else second
