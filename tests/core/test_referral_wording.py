"""Every referral message, for every tier and every region, reads once through: no phrase said twice, regional
terms only in their region, "paused" only when a plan was paused, nothing CLINICAL 12.7 forbids."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest

from coachbot.coaching import regions
from coachbot.coaching.redflags import Tier
from coachbot.core.referral import compose
from coachbot.texts import decisions, safety
from tests.test_texts import FORBIDDEN

TIERS: tuple[Tier, ...] = ("emergency", "urgent", "routine")
# words that may recur without making a phrase repeat ("or a", "you've been")
GLUE = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "if", "it", "is", "be", "by", "as",
    "so", "you", "you're", "you've", "your", "i", "i'll", "i've", "me", "my", "we", "we'll", "our", "this",
    "that", "these", "with", "can", "can't", "don't", "isn't", "before", "until", "once", "now",
})  # fmt: skip
# a term -> the regions whose people use it
REGIONAL_TERMS = {
    r"\bnhs\b": {"uk"},
    r"\ba&e\b": {"uk"},
    r"minor injur": {"uk"},
    r"urgent treatment centre": {"uk"},
    r"\bgp\b": {"uk", "ireland", "australia", "new_zealand"},
    r"injury unit": {"ireland"},
    r"\ber\b|emergency room": {"us"},
    r"\bcenter\b": {"us"},
    r"urgent care": {"us", "canada", "australia", "new_zealand"},
    r"walk-in": {"canada"},
    r"\b811\b|provincial": {"canada"},
    r"healthdirect|1800 022 222": {"australia"},
    r"healthline|0800 611 116": {"new_zealand"},
    r"out-of-hours": {"ireland", "europe"},
}


# a zone in each region, to render its messages the way a person there would get them
ZONE_OF = {
    "default": None, "uk": "Europe/London", "ireland": "Europe/Dublin", "us": "America/New_York",
    "canada": "America/Toronto", "mexico": "America/Mexico_City", "australia": "Australia/Sydney",
    "new_zealand": "Pacific/Auckland", "europe": "Europe/Paris",
}  # fmt: skip
# the rules' own sentences before a referral's advice (REFER_RED_FLAG is the simulation's, never shown)
RULE_LEADS = (
    decisions.REFER_TICK, decisions.REFER_MORNINGS, decisions.REFER_REST_PAIN, decisions.REFER_REGRESSIONS,
    decisions.REFER_NOTHING_EASIER,
)  # fmt: skip
# (paused, source, noted, lead): a plan paused by a message, a message with no plan (and no consent yet),
# triage before enrolling and re-triage of a plan, and every rule's referral (always of a plan)
SITUATIONS = (
    (True, "message", False, ""), (False, "message", True, ""), (False, "triage", False, ""),
    (True, "triage", False, ""), *((True, "rule", False, lead) for lead in RULE_LEADS),
)  # fmt: skip


def rendered() -> list[tuple[str, str, str]]:
    """(region, variant, text) for every way a referral message can be put together."""
    out = []
    for name, zone in ZONE_OF.items():
        for tier in TIERS:
            for reason in safety.ROUTINE_REASONS if tier == "routine" else ("default",):
                for paused, source, noted, lead in SITUATIONS:
                    text = compose(tier, zone, reason, paused=paused, source=source, lead=lead, noted=noted)
                    out.append((name, f"{tier}/{reason}/{paused}/{source}/{lead[:24]}", text))
    return out


def repeated_phrases(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9&'’-]+", text.lower().replace("’", "'"))
    pairs = Counter(f"{a} {b}" for a, b in pairwise(words) if not (a in GLUE and b in GLUE))
    return [pair for pair, count in pairs.items() if count > 1]


MESSAGES = rendered()


def test_every_region_and_tier_is_rendered() -> None:
    assert set(ZONE_OF) == set(regions.REGIONS)
    assert all(regions.region_for(zone) is regions.REGIONS[name] for name, zone in ZONE_OF.items())
    assert len(MESSAGES) > 500


def test_no_phrase_is_said_twice() -> None:
    repeated = [(region, variant, repeated_phrases(text), text) for region, variant, text in MESSAGES]
    assert [found for found in repeated if found[2]] == []


def test_regional_terms_appear_only_in_their_region() -> None:
    wrong = [
        (name, term)
        for name, _, text in MESSAGES
        for term, allowed in REGIONAL_TERMS.items()
        if re.search(term, text, re.IGNORECASE) and name not in allowed
    ]
    assert sorted(set(wrong)) == []


def test_regional_terms_are_used_where_they_belong() -> None:
    texts = {name: " ".join(text for n, _, text in MESSAGES if n == name) for name in regions.REGIONS}
    assert "A&E" in texts["uk"]
    assert "minor injuries unit" in texts["uk"]
    assert "ER" in texts["us"]
    assert "urgent care center" in texts["us"]
    assert "call 911" in texts["canada"]
    assert "centre" in texts["canada"]
    assert "call 000" in texts["australia"]
    assert "112 (or your local emergency number)" in texts["default"]


def test_the_regional_wording_lives_in_the_region_data_only() -> None:
    templates = " ".join(
        (
            safety.EMERGENCY,
            safety.URGENT,
            safety.ROUTINE,
            safety.PAUSED,
            safety.NOTED,
            *safety.NEXT_STEPS.values(),
        )
    )
    found = [term for term in REGIONAL_TERMS if re.search(term, templates, re.IGNORECASE)]
    assert found == []


def test_paused_is_said_only_when_a_plan_was_paused() -> None:
    for _, variant, text in MESSAGES:
        paused = variant.split("/")[2] == "True"
        assert ("paused your programme" in text) == paused, text
        assert ("/resume" in text) == paused, text


@pytest.mark.parametrize("pattern", FORBIDDEN)
def test_no_referral_says_what_clinical_12_7_forbids(pattern: str) -> None:
    assert [text for _, _, text in MESSAGES if re.search(pattern, text, re.IGNORECASE)] == []
