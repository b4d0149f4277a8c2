"""Red-flag detection in anything a person writes (CLINICAL A1-A6; sections 5, 7.2-7.4 and the net of 8).

`detect(text)` reads the message clause by clause (mentions.py), combines the signs that count with the
lexicon's rules, and returns one of three outcomes: certain (stop and refer at the tier), uncertain (ask
one confirming question; refer at the tier on yes or not sure) or none. Every result explains itself:
the signs, the words that set them off, the rules that fired and each mention set aside, with why.
Pure: stdlib, pydantic and the packaged YAML lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import product
from typing import Any

from coachbot.coaching.lexicon import Lexicon, RuleEntry, lexicon
from coachbot.coaching.mentions import SOMEONE_ELSE, Mention, find_mentions
from coachbot.coaching.redflags import TIER_ORDER, Outcome, Tier, higher
from coachbot.coaching.wording import normalise

# Risk factors a person told us at enrolment (A9), as lexicon signs, so "a bit swollen" means more.
KNOWN_RISK_SIGN = "known_dvt_risk"


@dataclass(frozen=True)
class Finding:
    """One reason to refer: a sign on its own or a rule over several signs."""

    tier: Tier
    outcome: Outcome
    signs: tuple[str, ...]
    rule: str
    group: str


@dataclass(frozen=True)
class Detection:
    """What a message shows: the outcome, its tier and signs, and everything that explains them."""

    outcome: Outcome
    tier: Tier
    signs: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    group: str | None = None  # which confirming question to ask, when uncertain
    fallback: Tier = "none"  # when uncertain: the tier of what is certain anyway (referred on "no")
    fallback_signs: tuple[str, ...] = ()
    fallback_triggers: tuple[str, ...] = ()
    discounted: tuple[Mention, ...] = ()
    someone_else: Tier = "none"  # the highest tier of signs that were someone else's
    findings: tuple[Finding, ...] = field(default=(), repr=False)

    @property
    def found(self) -> bool:
        return self.outcome != "none"

    def as_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "tier": self.tier,
            "signs": list(self.signs),
            "triggers": list(self.triggers),
            "rules": list(self.rules),
            "question": self.group,
            "fallback_tier": self.fallback,
            "fallback_signs": list(self.fallback_signs),
            "someone_else_tier": self.someone_else,
            "discounted": [
                {"sign": mention.sign, "words": mention.words, "reason": mention.discounted}
                for mention in self.discounted
            ],
        }


def detect(text: str, known_risks: Iterable[str] = ()) -> Detection:
    """The outcome of one message (A6); `known_risks` are DVT risk factors stored at enrolment (A9)."""
    return _detect(text, bool(tuple(known_risks)))


@lru_cache(maxsize=256)  # the router asks twice per message: does it match, then handle it
def _detect(text: str, has_known_risk: bool) -> Detection:
    words = lexicon()
    normalised = normalise(text, words)
    mentions = find_mentions(normalised, words)
    live = [mention for mention in mentions if mention.discounted is None]
    discounted = tuple(mention for mention in mentions if mention.discounted is not None)
    # each live sign, and whether every mention of it was hedged ("a bit warm")
    only_hedged = {sign: all(m.hedged for m in live if m.sign == sign) for sign in {m.sign for m in live}}
    if has_known_risk:
        only_hedged[KNOWN_RISK_SIGN] = False
    findings = _findings(words, only_hedged, normalised)
    detection = _choose(findings, live, discounted)
    return _with_someone_else(detection, words, discounted, live)


def _findings(words: Lexicon, only_hedged: dict[str, bool], text: str) -> list[Finding]:
    found = []
    for sign, hedged in only_hedged.items():
        entry = words.signs[sign]
        if entry.tier != "none":
            outcome: Outcome = "uncertain" if hedged else entry.alone
            found.append(Finding(entry.tier, outcome, (sign,), sign, entry.group))
    for rule in words.data.rules:
        signs = _rule_signs(rule, only_hedged, text)
        if signs is None:
            continue
        named = [sign for sign in signs if words.signs[sign].tier != "none"] or list(signs)
        hedged = all(only_hedged[sign] for sign in named) and not rule.certain_when_hedged
        outcome = "uncertain" if rule.outcome == "uncertain" or hedged else "certain"
        found.append(Finding(rule.tier, outcome, signs, rule.id, rule.group or words.signs[named[0]].group))
    return found


def _rule_signs(rule: RuleEntry, live: dict[str, bool], text: str) -> tuple[str, ...] | None:
    """The live signs that meet a rule's groups (different signs when `distinct`), or None."""
    if rule.needs_words is not None and not re.search(rule.needs_words, text):
        return None
    options = [[sign for sign in group if sign in live] for group in rule.all]
    for choice in product(*options):
        if not rule.distinct or len(set(choice)) == len(choice):
            return tuple(dict.fromkeys(choice))
    return None


def _rank(tier: Tier) -> int:
    return TIER_ORDER.index(tier)


def _top(findings: list[Finding]) -> tuple[Tier, list[Finding]]:
    """The highest tier among findings and the findings at it."""
    tier: Tier = max((finding.tier for finding in findings), key=_rank, default="none")
    return tier, [finding for finding in findings if finding.tier == tier]


def _evidence(chosen: list[Finding], live: list[Mention]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    signs = tuple(dict.fromkeys(sign for finding in chosen for sign in finding.signs))
    return signs, tuple(dict.fromkeys(mention.words for mention in live if mention.sign in signs))


def _choose(findings: list[Finding], live: list[Mention], discounted: tuple[Mention, ...]) -> Detection:
    """Certain beats uncertain at the same tier; an uncertain higher tier asks first (A6)."""
    certain_tier, certain = _top([finding for finding in findings if finding.outcome == "certain"])
    uncertain_tier, uncertain = _top([finding for finding in findings if finding.outcome == "uncertain"])
    if not certain and not uncertain:
        return Detection("none", "none", discounted=discounted)
    if uncertain and _rank(uncertain_tier) > _rank(certain_tier):
        signs, triggers = _evidence(uncertain, live)
        fallback_signs, fallback_triggers = _evidence(certain, live)
        return Detection(
            "uncertain", uncertain_tier, signs, triggers, tuple(f.rule for f in uncertain), uncertain[0].group,
            certain_tier, fallback_signs, fallback_triggers, discounted, findings=tuple(findings),
        )  # fmt: skip
    signs, triggers = _evidence(certain, live)
    return Detection(
        "certain", certain_tier, signs, triggers, tuple(f.rule for f in certain), None,
        discounted=discounted, findings=tuple(findings),
    )  # fmt: skip


def _with_someone_else(
    detection: Detection, words: Lexicon, discounted: tuple[Mention, ...], live: list[Mention]
) -> Detection:
    """Note the tier of symptoms that were someone else's, so the reply can give general advice (A5)."""
    own = {mention.sign for mention in live}
    tier: Tier = "none"
    for mention in discounted:
        if mention.discounted == SOMEONE_ELSE and mention.sign not in own:
            tier = higher(tier, words.signs[mention.sign].tier)
    if tier == "none":
        return detection
    return replace(detection, someone_else=tier)
