"""Triage classification (CLINICAL 7): gates first, then the grade-like pattern, flags and start phase."""

from __future__ import annotations

from datetime import date

import pytest

from coachbot.coaching.triage import classify, early_outcome

TODAY = date(2026, 3, 10)
CLEAR = {"age": "34", "exclusion": "none", "emergency": "no", "urgent": "no", "routine": "no"}
MILD = {
    **CLEAR,
    "injury": "yes",
    "days": "3-7",
    "onset": "after",
    "walking": "yes",
    "walking_pain": "2",
    "tender": "bit",
    "immediate": "after",
    "bruising": "none",
    "double_rise": "1",
    "single_rises": "10-19",
    "location": "mid",
    "clinician": "no",
}


def test_milder_answers_fit_grade1_and_start_at_phase_1() -> None:
    result = classify(MILD, TODAY)
    assert (result.outcome, result.start_phase, result.injured_on, result.baseline) == (
        "grade1",
        1,
        date(2026, 3, 7),
        2,
    )
    assert result.flags["soleus"] is False


def test_two_grade2_signs_fit_grade2() -> None:
    result = classify({**MILD, "walking": "limp", "tender": "clearly"}, TODAY)
    assert result.outcome == "grade2"
    assert result.start_phase == 0  # grade 2 within the first week


def test_one_grade2_sign_with_few_grade1_signs_is_grade2() -> None:
    answers = {**MILD, "immediate": "yes", "onset": "sudden", "walking_pain": "4"}
    assert classify(answers, TODAY).outcome == "grade2"  # the conservative tie-break


def test_one_grade2_sign_with_three_grade1_signs_is_grade1() -> None:
    assert classify({**MILD, "immediate": "yes"}, TODAY).outcome == "grade1"


def test_first_two_days_start_in_phase_0() -> None:
    assert classify({**MILD, "days": "0-2"}, TODAY).start_phase == 0


def test_walking_pain_sets_the_baseline_capped_at_five() -> None:
    assert classify({**MILD, "walking_pain": "8", "walking": "limp"}, TODAY).baseline == 5


def test_lower_calf_or_bent_knee_sets_the_soleus_flag() -> None:
    assert classify({**MILD, "location": "lower", "worse_knee": "straight"}, TODAY).flags["soleus"] is True
    assert classify({**MILD, "worse_knee": "bent"}, TODAY).flags["soleus"] is True


def test_clinician_grade_overrides_the_pattern() -> None:
    assert classify({**MILD, "clinician": "grade2"}, TODAY).outcome == "grade2"
    assert classify({**MILD, "clinician": "grade3"}, TODAY).outcome == "clinician_led"


def test_no_single_leg_rise_after_a_week_refers() -> None:
    result = classify({**MILD, "days": "8-21", "single_rises": "0"}, TODAY)
    assert (result.outcome, result.reason) == ("routine", "no_single_leg_raise")


@pytest.mark.parametrize("days", ["0-2", "3-7", "8-21", "22-42", "43-90"])
def test_sudden_onset_without_a_single_leg_rise_is_urgent_on_any_day(days: str) -> None:
    answers = {**MILD, "days": days, "onset": "sudden", "single_rises": "0"}
    assert classify(answers, TODAY).outcome == "urgent"  # CLINICAL A8: a possible Achilles rupture
    asked_so_far = {key: value for key, value in answers.items() if key not in ("location", "clinician")}
    early = early_outcome(asked_so_far)
    assert early is not None  # the questions end at that answer
    assert early.outcome == "urgent"


def test_a_sudden_onset_with_single_leg_rises_or_a_gradual_one_without_is_not_urgent() -> None:
    assert classify({**MILD, "onset": "sudden", "single_rises": "1-4"}, TODAY).outcome == "grade2"
    assert classify({**MILD, "onset": "gradual", "single_rises": "0"}, TODAY).outcome == "grade1"


def test_a_clinicians_post_surgery_referral_is_not_sent_back_for_not_rising_yet() -> None:
    answers = {**MILD, "exclusion": "referred_surgery", "onset": "sudden", "single_rises": "0"}
    assert classify(answers, TODAY).outcome == "clinician_led"


def test_no_injury_is_prevention_and_a_past_strain_sets_history() -> None:
    assert classify({**CLEAR, "injury": "no"}, TODAY).outcome == "prevention"
    result = classify({**CLEAR, "injury": "before"}, TODAY)
    assert (result.outcome, result.flags["history"]) == ("prevention", True)


def test_prevention_may_continue_with_shin_pain_but_without_plyometrics() -> None:
    result = classify({**CLEAR, "routine": "yes", "routine_which": "shin_bone", "injury": "no"}, TODAY)
    assert (result.outcome, result.flags["no_plyometrics"]) == ("prevention", True)


@pytest.mark.parametrize(
    ("answers", "outcome", "reason"),
    [
        ({"age": "16"}, "too_young", "default"),
        ({**CLEAR, "exclusion": "blood_thinners"}, "routine", "exclusion"),
        ({**CLEAR, "emergency": "yes"}, "emergency", "default"),
        ({**CLEAR, "urgent": "yes", "urgent_which": "dvt"}, "urgent", "default"),
        ({**CLEAR, "routine": "yes", "routine_which": "night_or_rest_pain"}, "routine", "night_or_rest_pain"),
        ({**CLEAR, "routine": "yes", "routine_which": "shin_bone", "injury": "yes"}, "routine", "shin_bone"),
        ({**MILD, "days": "90+"}, "routine", "history"),
        ({**MILD, "walking": "not_really"}, "urgent", "default"),
        ({**MILD, "bruising": "large"}, "urgent", "default"),
        ({**MILD, "double_rise": "cant"}, "urgent", "default"),
        ({**MILD, "location": "achilles"}, "routine", "achilles"),
        ({**MILD, "onset": "unclear", "swelling_check": "yes"}, "urgent", "default"),
        ({**MILD, "clinician": "other"}, "routine", "clinician_plan"),
    ],
)
def test_answers_that_end_triage_early(answers: dict[str, str], outcome: str, reason: str) -> None:
    result = early_outcome(answers)
    assert result is not None
    assert (result.outcome, result.reason) == (outcome, reason)


def test_clear_answers_do_not_end_early() -> None:
    assert early_outcome(MILD) is None


@pytest.mark.parametrize(("answer", "stored"), [("12", 12), ("skip", None), (None, None)])
def test_prevention_keeps_the_baseline_heel_raise_count(answer: str | None, stored: int | None) -> None:
    """CLINICAL A22: the lower leg's count sets the starting dose; skipped or not asked is None."""
    answers = {**CLEAR, "injury": "no", **({"baseline_raises": answer} if answer else {})}
    assert classify(answers, TODAY).flags["baseline_raises"] == stored
