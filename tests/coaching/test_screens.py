"""The safety screens' rules (CLINICAL A7, A9): worrying answers, tiers, and the stored DVT risk factors."""

from __future__ import annotations

import pytest

from coachbot.coaching.screens import dvt_risks, rupture_signs, travel_referral, with_dvt_risk

CLEAR = {"tiptoe": "yes", "dip": "no", "kicked": "no"}


def test_reassuring_rupture_answers_name_no_sign() -> None:
    assert rupture_signs(CLEAR) == ()


@pytest.mark.parametrize(
    ("changed", "sign"),
    [
        ({"tiptoe": "no"}, "cant_tiptoe"),
        ({"tiptoe": "unsure"}, "tiptoe_unsure"),
        ({"dip": "yes"}, "heel_dip"),
        ({"dip": "unsure"}, "heel_dip_unsure"),
        ({"kicked": "yes"}, "felt_kicked"),
        ({"kicked": "unsure"}, "felt_kicked_unsure"),
    ],
)
def test_each_worrying_rupture_answer_names_its_sign(changed: dict[str, str], sign: str) -> None:
    assert rupture_signs({**CLEAR, **changed}) == (sign,)


def test_dvt_risks_reads_the_triage_column_in_a_fixed_order() -> None:
    assert dvt_risks(None) == ()
    assert dvt_risks({"answers": {}}) == ()
    assert dvt_risks({"answers": {"dvt_risks": ["long_journey", "oestrogen"]}}) == (
        "oestrogen",
        "long_journey",
    )


def test_with_dvt_risk_adds_once_and_keeps_the_other_answers() -> None:
    triage = {"outcome": "grade1", "answers": {"age": "34", "dvt_risks": ["cancer"]}}
    added = with_dvt_risk(with_dvt_risk(triage, "long_journey"), "long_journey")
    assert added == {"outcome": "grade1", "answers": {"age": "34", "dvt_risks": ["cancer", "long_journey"]}}
    assert triage["answers"] == {"age": "34", "dvt_risks": ["cancer"]}  # a copy
    assert with_dvt_risk(None, "long_journey") == {"answers": {"dvt_risks": ["long_journey"]}}
    with pytest.raises(ValueError, match="unknown"):
        with_dvt_risk(triage, "smoking")


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"calf": "no", "breathing": "no"}, None),
        ({"calf": "yes", "breathing": "no"}, ("urgent", ("travel_calf",))),
        ({"calf": "unsure", "breathing": "no"}, ("urgent", ("travel_calf_unsure",))),
        ({"calf": "no", "breathing": "unsure"}, ("emergency", ("travel_breathing_unsure",))),
        ({"calf": "yes", "breathing": "yes"}, ("emergency", ("travel_breathing", "travel_calf"))),
    ],
)
def test_after_travel_breathing_is_an_emergency_and_the_calf_urgent(
    answers: dict[str, str], expected: tuple[str, tuple[str, ...]] | None
) -> None:
    assert travel_referral(answers) == expected


def test_a_long_journey_counts_for_four_weeks_and_a_clot_for_good() -> None:
    from datetime import date

    from coachbot.coaching.screens import dvt_risks, with_dvt_risk

    start = date(2026, 3, 2)
    triage = with_dvt_risk({"answers": {"dvt_risks": ["previous_clot"]}}, "long_journey", on=start)
    assert dvt_risks(triage, date(2026, 3, 20), start) == ("previous_clot", "long_journey")
    assert dvt_risks(triage, date(2026, 4, 10), start) == ("previous_clot",)
    assert dvt_risks(triage) == ("previous_clot", "long_journey")  # no day given: everything recorded
