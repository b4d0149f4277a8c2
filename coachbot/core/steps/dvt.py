"""The DVT risk screen of enrolment (CLINICAL A9): one multi-select question, stored as `dvt_risks`.

Risk factors alone refer nobody; they are recorded for the red-flag rules to read
(coaching/screens.dvt_risks).
"""

from __future__ import annotations

from coachbot.coaching.screens import DVT_RISKS
from coachbot.core.flow import Answers
from coachbot.core.multiselect import MultiQuestion, multi_question
from coachbot.core.question import Option
from coachbot.core.turn import Turn
from coachbot.texts import screens as texts

# words people type for each risk factor ("the pill and a long flight")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "previous_clot": ("clot", "clots", "dvt", "thrombosis", "embolism", "pe", "blood clot"),
    "oestrogen": ("pill", "the pill", "contraceptive", "oestrogen", "estrogen", "hrt", "hormone"),
    "pregnancy": ("pregnant", "pregnancy", "baby", "birth", "gave birth", "postpartum", "post-partum"),
    "cancer": ("cancer", "chemo", "chemotherapy", "radiotherapy", "oncology"),
    "immobilisation": (
        "surgery", "operation", "op", "plaster", "cast", "boot", "immobilised", "immobilized",
        "immobilisation", "immobilization", "bed rest", "bedrest",
    ),
    "long_journey": (
        "journey", "flight", "flew", "fly", "plane", "long-haul", "long haul", "drive", "drove", "train",
        "coach", "bus", "travel", "travelled", "traveled", "travelling", "traveling",
    ),
}  # fmt: skip


def ask_dvt_risks(_turn: Turn, _answers: Answers) -> MultiQuestion:
    options = tuple(Option(risk, texts.DVT_RISK_LABELS[risk], SYNONYMS[risk]) for risk in DVT_RISKS)
    return multi_question(texts.ASK_DVT_RISKS, texts.DVT_RISKS_EXPECTED, options)
