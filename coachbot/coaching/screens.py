"""The quick safety screens as pure rules (CLINICAL A7, A9): which answers are worrying, and the DVT
risk factors stored with the enrolment's triage answers.

Pure; the questions are in conversation/rupture.py and conversation/dvt.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def rupture_signs(answers: Mapping[str, Any]) -> tuple[str, ...]:
    """The worrying answers of the rupture screen as sign ids; any one means an URGENT referral."""
    return tuple(signs[answers[key]] for key, signs in RUPTURE_SIGNS.items() if answers.get(key) in signs)


def dvt_risks(triage: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The DVT risk factors recorded in an enrolment's `triage` column (empty when none or not asked)."""
    answers = (triage or {}).get("answers") or {}
    return tuple(risk for risk in DVT_RISKS if risk in (answers.get(DVT_RISKS_KEY) or ()))
