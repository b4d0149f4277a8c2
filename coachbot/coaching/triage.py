"""Enrolment triage (CLINICAL 7): from the answers to an outcome, a grade-like pattern and flags.

Pure. `early_outcome` is asked after every answer so a flag ends the questions at once; `classify` runs
on the complete answers. The result is a pattern, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from coachbot.coaching.constants import BASELINE_CAP
from coachbot.coaching.redflags import Tier

Outcome = Literal[
    "emergency", "urgent", "routine", "grade1", "grade2", "clinician_led", "prevention", "too_young"
]

# Gate 3 items that the prevention track may carry on with (CLINICAL 7.4, marked ✱)
PREVENTION_ALLOWED = frozenset({"shin_bone", "achilles", "history"})
# Q2 buckets -> the fewest days since injury they allow (the conservative end for time floors)
DAYS_SINCE = {"0-2": 0, "3-7": 3, "8-21": 8, "22-42": 22, "43-90": 43, "90+": 91}
MIN_AGE = 18
SINGLE_LEG_REFER_AFTER_DAYS = 7


@dataclass(frozen=True)
class TriageResult:
    outcome: Outcome
    reason: str = "default"  # a key of texts.safety.ROUTINE_REASONS for routine referrals
    start_phase: int | None = None
    injured_on: date | None = None
    baseline: int = 0
    flags: dict[str, Any] = field(default_factory=dict)

    @property
    def refers(self) -> bool:
        return self.outcome in ("emergency", "urgent", "routine")

    @property
    def tier(self) -> Tier:
        """How urgently a referral should be seen (routine for anything that is not urgent or worse)."""
        return (
            "emergency"
            if self.outcome == "emergency"
            else "urgent"
            if self.outcome == "urgent"
            else "routine"
        )


def early_outcome(answers: Mapping[str, Any]) -> TriageResult | None:
    """A result that ends the questions now (a flag, or too young), or None to carry on."""
    if answers.get("age") is not None and int(answers["age"]) < MIN_AGE:
        return TriageResult("too_young")
    if answers.get("exclusion") not in (None, "none", "referred_surgery"):
        return TriageResult("routine", "exclusion")
    if answers.get("emergency") == "yes":
        return TriageResult("emergency")
    if answers.get("urgent_which") or answers.get("swelling_check") == "yes":
        return TriageResult("urgent")
    gate3 = answers.get("routine_which")
    if gate3 and gate3 not in PREVENTION_ALLOWED:
        return TriageResult("routine", gate3)
    if gate3 and answers.get("injury") == "yes":
        return TriageResult("routine", gate3)
    if answers.get("days") == "90+":
        return TriageResult("routine", "history")
    if (
        answers.get("walking") == "not_really"
        or answers.get("bruising") == "large"
        or answers.get("double_rise") == "cant"
    ):
        return TriageResult("urgent")  # U2-U4: can't walk, large bruise or bulge, can't rise onto the toes
    if sudden_without_single_leg_raise(answers):
        return TriageResult("urgent")  # A8: a possible Achilles rupture, whatever the day since injury
    if answers.get("location") in ("shin", "achilles"):
        return TriageResult("routine", "shin_bone" if answers["location"] == "shin" else "achilles")
    if answers.get("clinician") == "other":
        return TriageResult("routine", "clinician_plan")
    return None


def sudden_without_single_leg_raise(answers: Mapping[str, Any]) -> bool:
    """CLINICAL A8: a sudden onset and not one single-leg rise on the injured side. A clinician's
    post-surgery referral is the exception: not rising yet is expected there, and the clinician leads."""
    return (
        answers.get("onset") == "sudden"
        and answers.get("single_rises") == "0"
        and answers.get("exclusion") != "referred_surgery"
    )


def classify(answers: Mapping[str, Any], today: date) -> TriageResult:
    """The CLINICAL 7.5 classification logic on complete answers (after early_outcome found nothing)."""
    early = early_outcome(answers)
    if early is not None:
        return early
    flags: dict[str, Any] = {
        "age": _int(answers.get("age")),
        "sex": answers.get("sex") if answers.get("sex") in ("female", "male") else None,
        "weekly_km": None if answers.get("weekly_km") in (None, "skip") else _int(answers["weekly_km"]),
    }
    if answers.get("injury") != "yes":
        flags["history"] = answers.get("injury") == "before" or answers.get("routine_which") == "history"
        flags["no_plyometrics"] = answers.get("routine_which") == "shin_bone"
        flags["achilles_check"] = answers.get("routine_which") == "achilles"
        # CLINICAL A22: the weaker leg's single-leg heel raises set the starting dose (None: not known)
        raises = answers.get("baseline_raises")
        flags["baseline_raises"] = None if raises in (None, "skip") else _int(raises)
        return TriageResult("prevention", start_phase=None, flags=flags)
    days = DAYS_SINCE[answers["days"]]
    walking_pain = _int(answers.get("walking_pain")) or 0
    flags["soleus"] = answers.get("worse_knee") == "bent" or answers.get("location") == "lower"
    injured_on, baseline = today - timedelta(days=days), min(walking_pain, BASELINE_CAP)
    clinician = answers.get("clinician")
    if clinician == "grade3" or answers.get("exclusion") == "referred_surgery":
        start = 0 if days <= 7 else 1
        return TriageResult("clinician_led", "default", start, injured_on, baseline, flags)
    if clinician in ("grade1", "grade2"):
        grade: Outcome = clinician
    elif answers.get("single_rises") == "0" and days >= SINGLE_LEG_REFER_AFTER_DAYS:
        return TriageResult("routine", "no_single_leg_raise")
    else:
        grade = _pattern(answers, walking_pain)
    start = 0 if days <= 2 or (grade == "grade2" and days < 7) else 1  # CLINICAL 7.5 acute timing, 10.2
    return TriageResult(grade, "default", start, injured_on, baseline, flags)


def _pattern(answers: Mapping[str, Any], walking_pain: int) -> Outcome:
    grade2_signs = sum(
        (
            answers.get("walking") == "limp",
            walking_pain >= 5,
            answers.get("tender") == "clearly",
            answers.get("immediate") == "yes",
            answers.get("single_rises") in ("1-4", "5-9"),
            answers.get("bruising") == "small",
        )
    )
    grade1_signs = sum(
        (
            answers.get("onset") in ("after", "gradual"),
            answers.get("walking") == "yes",
            walking_pain <= 3,
            answers.get("single_rises") in ("10-19", "20+"),
        )
    )
    if grade2_signs >= 2 or (grade2_signs == 1 and grade1_signs < 3):  # conservative tie-break
        return "grade2"
    return "grade1"


def _int(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)
