"""/resume: after a pause (the re-entry rule), after a stop (rest, then re-triage), after travel (the DVT
questions again), or after a referral (the person confirms a clinician has seen them first)."""

from __future__ import annotations

from coachbot.coaching.lifecycle import Status
from coachbot.core import flow
from coachbot.core.features import travel
from coachbot.core.features.pause import resume_from_pause
from coachbot.core.features.retriage import RETRIAGE
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import yes_no_question
from coachbot.core.steps import rupture
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.texts import common, safety
from coachbot.texts import plan as texts


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


async def resume(turn: Turn) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    if enrolment.status == Status.ACTIVE:
        return [turn.say(texts.NOT_PAUSED)]
    if enrolment.status == Status.REFERRED:
        return await flow.begin(turn, RESUME)
    if (enrolment.status_reason or "").startswith("stop"):  # row 2: rest, then re-triage
        rest_until = rule_state.progress_of(enrolment).rest_until
        if rest_until is not None and turn.local_today() < rest_until:
            if enrolment.status_reason == rupture.SCREENED_STOP:  # A7: re-triage may come at once
                return await rupture.offer_retriage(turn)
            return [turn.say(safety.REST_FIRST.format(date=rest_until.strftime("%a %d %b")))]
        return [turn.say(safety.RETRIAGE_INTRO), *await flow.begin(turn, RETRIAGE)]
    if travel.after_travel(turn):  # A9: the DVT questions again first
        return await travel.begin(turn)
    return await resume_from_pause(turn)


COMMANDS = {"resume": resume}
FLOWS = (RESUME,)
