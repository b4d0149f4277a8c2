"""The quick safety screens as pure rules (CLINICAL A7, A9): which answers are worrying, at what tier,
and the DVT risk factors stored with the enrolment's triage answers.

Pure; the questions are in conversation/rupture.py, conversation/dvt.py and conversation/travel.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coachbot.coaching.redflags import Tier

# A9: the DVT risk factors, as stored in triage["answers"]["dvt_risks"]
DVT_RISKS = ("previous_clot", "oestrogen", "pregnancy", "cancer", "immobilisation", "long_journey")
DVT_RISKS_KEY = "dvt_risks"

# A7: for each question, the answers that can be a sign of an Achilles rupture and the sign they name;
# on tiptoe it is "no" that worries, and "not sure" always counts as worrying
RUPTURE_SIGNS: dict[str, dict[str, str]] = {
    "tiptoe": {"no": "cant_tiptoe", "unsure": "tiptoe_unsure"},
    "dip": {"yes": "heel_dip", "unsure": "heel_dip_unsure"},
    "kicked": {"yes": "felt_kicked", "unsure": "felt_kicked_unsure"},
}

# A9: after travelling, breathing or chest symptoms are an emergency (possible PE), calf signs urgent (DVT)
TRAVEL_SIGNS: dict[str, tuple[Tier, dict[str, str]]] = {
    "breathing": ("emergency", {"yes": "travel_breathing", "unsure": "travel_breathing_unsure"}),
    "calf": ("urgent", {"yes": "travel_calf", "unsure": "travel_calf_unsure"}),
}


def rupture_signs(answers: Mapping[str, Any]) -> tuple[str, ...]:
    """The worrying answers of the rupture screen as sign ids; any one means an URGENT referral."""
    return tuple(signs[answers[key]] for key, signs in RUPTURE_SIGNS.items() if answers.get(key) in signs)


def travel_referral(answers: Mapping[str, Any]) -> tuple[Tier, tuple[str, ...]] | None:
    """The tier and signs of the after-travel checks, the most urgent first, or None when all is clear."""
    found = [
        (tier, signs[answers[key]])
        for key, (tier, signs) in TRAVEL_SIGNS.items()
        if answers.get(key) in signs
    ]
    return (found[0][0], tuple(sign for _, sign in found)) if found else None


def dvt_risks(triage: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The DVT risk factors recorded in an enrolment's `triage` column (empty when none or not asked)."""
    answers = (triage or {}).get("answers") or {}
    return tuple(risk for risk in DVT_RISKS if risk in (answers.get(DVT_RISKS_KEY) or ()))


def with_dvt_risk(triage: Mapping[str, Any] | None, risk: str) -> dict[str, Any]:
    """A copy of the `triage` column with one more DVT risk factor recorded."""
    if risk not in DVT_RISKS:
        raise ValueError(f"unknown DVT risk factor {risk!r}")
    answers = dict((triage or {}).get("answers") or {})
    recorded = {*dvt_risks(triage), risk}
    answers[DVT_RISKS_KEY] = [known for known in DVT_RISKS if known in recorded]
    return {**(triage or {}), "answers": answers}
