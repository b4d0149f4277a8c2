"""The quick safety screens as pure rules (CLINICAL A7): which answers are worrying, and what they name.

Pure; the questions are in conversation/rupture.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
