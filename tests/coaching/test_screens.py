"""The safety screens' rules (CLINICAL A7, A9): worrying answers and the stored DVT risk factors."""

from __future__ import annotations

import pytest

from coachbot.coaching.screens import dvt_risks, rupture_signs

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
