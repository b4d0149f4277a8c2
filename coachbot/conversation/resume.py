"""Resuming after a referral: the person confirms a clinician has seen them before the plan restarts."""

from __future__ import annotations

from coachbot.conversation.flow import Answers, Flow, Step
from coachbot.conversation.question import yes_no_question
from coachbot.conversation.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import plan as texts
from coachbot.texts import safety


async def _finish(turn: Turn, _answers: Answers) -> list[Reply]:
    if turn.enrolment is not None:
        turn.enrolment.status, turn.enrolment.status_reason = "active", None
        turn.enrolment.updated_at = turn.now
    return [turn.say(texts.RESUMED)]


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
