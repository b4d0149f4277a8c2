"""Resuming after a "travelling" pause (CLINICAL A9): the DVT and PE questions again before the plan
restarts. Breathing or chest symptoms refer as an EMERGENCY, calf signs URGENT; "not sure" counts as yes.
Either way the journey is recorded as a DVT risk factor (long_journey)."""

from __future__ import annotations

from coachbot.coaching.lifecycle import Reason
from coachbot.coaching.screens import travel_referral, with_dvt_risk
from coachbot.core import flow, referral
from coachbot.core.features.pause import resume_from_pause
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import yes_no_unsure_question
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import screens as texts

TRAVELLING = Reason.TRAVELLING  # the status reason of a /pause for travelling (features/pause.py)
WORRYING = {"emergency": texts.TRAVEL_BREATHING_WORRYING, "urgent": texts.TRAVEL_CALF_WORRYING}


def after_travel(turn: Turn) -> bool:
    return turn.enrolment is not None and turn.enrolment.status_reason == TRAVELLING


async def begin(turn: Turn) -> list[Reply]:
    return [turn.say(texts.TRAVEL_INTRO), *await flow.begin(turn, TRAVEL_CHECK)]


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None or not after_travel(turn):  # resumed or stopped meanwhile
        return []
    enrolment.triage = with_dvt_risk(enrolment.triage, "long_journey", on=turn.local_today())
    found = travel_referral(answers)
    if found is not None:
        tier, signs = found
        answered = tuple(f"{key}: {value}" for key, value in answers.items() if isinstance(value, str))
        referred = await referral.refer(turn, tier, signs, triggers=answered, source="screen")
        return [turn.say(WORRYING[tier]), *referred]
    return await resume_from_pause(turn)


# both are asked before deciding, so a calf sign never hides a breathing one
TRAVEL_CHECK = Flow(
    "travel_check",
    (
        Step("calf", lambda _t, _a: yes_no_unsure_question(texts.ASK_TRAVEL_CALF)),
        Step("breathing", lambda _t, _a: yes_no_unsure_question(texts.ASK_TRAVEL_BREATHING)),
    ),
    _finish,
)


FLOWS = (TRAVEL_CHECK,)
