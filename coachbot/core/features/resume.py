"""Resuming after a referral: the person confirms a clinician has seen them before the plan restarts."""

from __future__ import annotations

from coachbot.core import flow
from coachbot.core.features.retriage import RETRIAGE
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import yes_no_question
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import safety


async def _finish(turn: Turn, _answers: Answers) -> list[Reply]:
    """Seen by a clinician: a few triage questions again decide where to pick up (CLINICAL 9.2 row 1)."""
    return [turn.say(safety.RETRIAGE_INTRO), *await flow.begin(turn, RETRIAGE, {"after_review": True})]


RESUME = Flow(
    "resume",
    (
        Step(
            "assessed",
            lambda _turn, _answers: yes_no_question(safety.ASK_ASSESSED),
            ends={"no": safety.NOT_YET_ASSESSED},
        ),
    ),
    _finish,
)
