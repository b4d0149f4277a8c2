"""After a sudden event (CLINICAL A7): three quick questions for a possible Achilles rupture, asked at once.

The check-in has already stopped loading (row 2) before the first question, so leaving the questions
half-way still leaves the plan paused. Any worrying answer refers URGENT the same day; otherwise the
stop stands and the re-triage is offered straight away (RETRIAGE_OFFER), not only after the rest.
"""

from __future__ import annotations

from datetime import date

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Reason, Status
from coachbot.coaching.screens import rupture_signs
from coachbot.core import flow, referral
from coachbot.core.features.retriage import RETRIAGE
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Question, yes_no_unsure_question
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.texts import safety
from coachbot.texts import screens as texts

SCREENED_STOP = Reason.SCREENED_STOP  # re-triage may start during the rest
CAN = ("i can", "can", "yes i can")
CANT = ("i can't", "can't", "cant", "cannot", "no i can't")


async def begin(turn: Turn, day: date) -> list[Reply]:
    """Open the rupture screen for the session check-in of `day`."""
    return [turn.say(texts.RUPTURE_INTRO), *await flow.begin(turn, RUPTURE_SCREEN, {"day": day.isoformat()})]


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    screen = {key: answers[key] for key in ("tiptoe", "dip", "kicked")}
    checkin = await turn.repo.checkin(enrolment.id, "session", date.fromisoformat(answers["day"]))
    if checkin is not None:
        checkin.details = {**checkin.details, "rupture_screen": screen}
    signs = rupture_signs(screen)
    if signs:  # possible Achilles rupture: same-day assessment
        answered = tuple(f"{key}: {value}" for key, value in screen.items())  # what they chose, for audit
        referred = await referral.refer(turn, "urgent", signs, triggers=answered, source="screen")
        return [turn.say(texts.RUPTURE_WORRYING), *referred]
    if enrolment.status != Status.PAUSED:  # resumed or referred meanwhile: nothing more to stop
        return []
    await turn.change_status(lifecycle.pause(enrolment.status, Reason.SCREENED_STOP, turn.now))
    replies = [turn.say(texts.STOP_SCREENED.format(date=_rest_until(turn)))]
    return [*replies, *await flow.begin(turn, RETRIAGE_OFFER, {"offered": "after_screen"})]


def _rest_until(turn: Turn) -> str:
    assert turn.enrolment is not None
    rest = rule_state.progress_of(turn.enrolment).rest_until or turn.local_today()
    return rest.strftime("%a %d %b")


async def offer_retriage(turn: Turn) -> list[Reply]:
    """/resume during the rest after a screened stop: the rest advice, and the re-triage if wanted now."""
    return await flow.begin(turn, RETRIAGE_OFFER, {"offered": "during_rest"})


def _ask_when(turn: Turn, answers: Answers) -> Question:
    prompt = (
        texts.ASK_RETRIAGE_NOW
        if answers.get("offered") == "after_screen"
        else texts.ASK_RETRIAGE_DURING_REST.format(date=_rest_until(turn))
    )
    return choice(prompt, texts.RETRIAGE_WHEN_LABELS)


async def _finish_offer(turn: Turn, answers: Answers) -> list[Reply]:
    if turn.enrolment is None or turn.enrolment.status_reason != SCREENED_STOP:
        return []
    if answers["when"] == "now":
        return [turn.say(safety.RETRIAGE_INTRO), *await flow.begin(turn, RETRIAGE)]
    return [turn.say(texts.RETRIAGE_LATER.format(date=_rest_until(turn)))]


RUPTURE_SCREEN = Flow(
    "rupture_screen",
    (
        Step("tiptoe", lambda _t, _a: yes_no_unsure_question(texts.ASK_TIPTOE, yes=CAN, no=CANT)),
        Step("dip", lambda _t, _a: yes_no_unsure_question(texts.ASK_DIP)),
        Step("kicked", lambda _t, _a: yes_no_unsure_question(texts.ASK_KICKED)),
    ),
    _finish,
)

RETRIAGE_OFFER = Flow("retriage_offer", (Step("when", _ask_when),), _finish_offer)


FLOWS = (RUPTURE_SCREEN, RETRIAGE_OFFER)
