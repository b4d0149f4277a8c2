"""The quick safety screens as pure rules (CLINICAL A7, A9): which answers are worrying, at what tier,
and the DVT risk factors stored with the enrolment's triage answers.

Pure; the questions are in core/steps/rupture.py, core/steps/dvt.py and core/features/travel.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
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


# A9: risk factors that hold only for a while after they happen (a journey in the last 4 weeks; surgery,
# plaster or a boot in the last 12 weeks); the others hold for the whole programme
RISK_LASTS = {"long_journey": timedelta(weeks=4), "immobilisation": timedelta(weeks=12)}
SINCE_KEY = "dvt_risks_since"  # risk -> the day it was recorded, for the ones that lapse


def dvt_risks(
    triage: Mapping[str, Any] | None, today: date | None = None, recorded_on: date | None = None
) -> tuple[str, ...]:
    """The DVT risk factors recorded in an enrolment's `triage` column (empty when none or not asked);
    given `today`, without those that have lapsed (`recorded_on`: when the enrolment answers were given)."""
    answers = (triage or {}).get("answers") or {}
    since = answers.get(SINCE_KEY) or {}
    found = [risk for risk in DVT_RISKS if risk in (answers.get(DVT_RISKS_KEY) or ())]
    if today is None:
        return tuple(found)

    def current(risk: str) -> bool:
        lasts = RISK_LASTS.get(risk)
        day = date.fromisoformat(since[risk]) if risk in since else recorded_on
        return lasts is None or day is None or today - day <= lasts

    return tuple(risk for risk in found if current(risk))


def with_dvt_risk(triage: Mapping[str, Any] | None, risk: str, on: date | None = None) -> dict[str, Any]:
    """A copy of the `triage` column with one more DVT risk factor recorded (`on` that day)."""
    if risk not in DVT_RISKS:
        raise ValueError(f"unknown DVT risk factor {risk!r}")
    answers = dict((triage or {}).get("answers") or {})
    recorded = {*dvt_risks(triage), risk}
    answers[DVT_RISKS_KEY] = [known for known in DVT_RISKS if known in recorded]
    if on is not None:
        answers[SINCE_KEY] = {**(answers.get(SINCE_KEY) or {}), risk: on.isoformat()}
    return {**(triage or {}), "answers": answers}
