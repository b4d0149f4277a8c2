"""The free-text safety net in a private chat (CLINICAL 9.2 row 1, A5, A6): any message, any time.

Certain red flags refer at once. An uncertain one asks one confirming question (Yes / No / Not sure):
yes or not sure refers at that sign's tier; no is recorded and the person carries on where they were.
Someone else's symptoms get general advice for them and never touch this person's plan.
"""

from __future__ import annotations

from typing import Any

from coachbot import referral
from coachbot.coaching.regions import region_for
from coachbot.coaching.safety import Detection, detect
from coachbot.coaching.screens import dvt_risks
from coachbot.conversation import flow
from coachbot.conversation.flow import Answers, Flow, Step
from coachbot.conversation.question import Question, yes_no_unsure_question
from coachbot.conversation.turn import Turn
from coachbot.messages import Reply, Text
from coachbot.store.tables import Decision
from coachbot.texts import safety

FLOW_NAME = "confirm"
MIN_WORDS_TO_ASK = 3  # a one- or two-word typed answer to another question is not a new symptom story


def detection(turn: Turn) -> Detection | None:
    """What a typed message shows, with the DVT risk factors the person gave at enrolment (A9)."""
    if not isinstance(turn.incoming, Text):
        return None
    risks = dvt_risks(turn.enrolment.triage) if turn.enrolment is not None else ()
    return detect(turn.incoming.text, known_risks=risks)


def _answering_confirmation(turn: Turn) -> bool:
    conversation = turn.conversation
    if conversation is None or conversation.flow != FLOW_NAME or not isinstance(turn.incoming, Text):
        return False
    try:
        _question(turn, dict(conversation.answers)).answer(turn.incoming, conversation.serial)
    except ValueError:
        return False
    return True


def mentions_red_flag(turn: Turn) -> bool:
    """Whether this private message is for the safety net rather than for the open conversation."""
    found = detection(turn) if not turn.in_group else None
    if found is None or _answering_confirmation(turn):
        return False
    if found.outcome == "certain" or found.someone_else in ("emergency", "urgent"):
        return True
    words = len(turn.incoming.text.split()) if isinstance(turn.incoming, Text) else 0
    return found.outcome == "uncertain" and (turn.conversation is None or words >= MIN_WORDS_TO_ASK)


async def red_flag(turn: Turn) -> list[Reply]:
    found = detection(turn)
    assert found is not None
    if found.outcome == "certain":
        return await _refer(turn, found.tier, found.signs, found.triggers)
    if found.outcome == "uncertain":
        return await _ask(turn, found)
    zone = turn.person.tz if turn.person is not None else None
    advice = safety.SOMEONE_ELSE.format(emergency=region_for(zone).emergency)
    return [turn.say(advice), *await _again(turn)]


async def _refer(turn: Turn, tier: str, signs: tuple[str, ...], triggers: tuple[str, ...]) -> list[Reply]:
    return await referral.refer(turn, tier, signs, triggers=triggers, source="message")  # type: ignore[arg-type]


def _question(_turn: Turn, answers: Answers) -> Question:
    return yes_no_unsure_question(safety.CONFIRM[answers["group"]])


async def _ask(turn: Turn, found: Detection) -> list[Reply]:
    previous = turn.conversation
    answers: dict[str, Any] = {
        "group": found.group,
        "tier": found.tier,
        "fallback": found.fallback,
        "signs": list(found.signs),
        "triggers": list(found.triggers),
        "resume": None
        if previous is None or previous.flow == FLOW_NAME
        else {"flow": previous.flow, "step": previous.step, "answers": dict(previous.answers)},
    }
    return await flow.begin(turn, CONFIRM, answers)


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    signs, triggers = tuple(answers["signs"]), tuple(answers["triggers"])
    if answers["answer"] in ("yes", "unsure"):
        return await _refer(turn, answers["tier"], signs, triggers)
    await _record_no(turn, answers)
    if answers["fallback"] != "none":
        return await _refer(turn, answers["fallback"], signs, triggers)
    return [turn.say(safety.CONFIRM_NO), *await _again(turn, answers.get("resume"))]


async def _record_no(turn: Turn, answers: Answers) -> None:
    """A6: a "no" carries on, and is kept so a clinician can see what was asked and answered."""
    plan = turn.enrolment
    if plan is None:
        return
    asked = safety.CONFIRM[answers["group"]]
    because = ", ".join(answers["triggers"]) or ", ".join(answers["signs"])
    await turn.repo.add_decision(
        Decision(
            enrolment_id=plan.id, local_date=turn.local_today(), kind="confirm_no", phase=plan.phase,
            rule="A6", decided_at=turn.now,
            reason=safety.CONFIRM_NO_DECISION.format(question=asked, words=because),
        )
    )  # fmt: skip


async def _again(turn: Turn, resume: dict[str, Any] | None = None) -> list[Reply]:
    """Put the person back in the conversation they were in, and ask its question again."""
    from coachbot.coach import FLOWS  # the flow registry; imported here to avoid an import cycle

    if resume is not None and turn.person is not None and resume["flow"] in FLOWS:
        turn.conversation = await turn.repo.set_conversation(
            turn.person.id, resume["flow"], resume["step"], resume["answers"], turn.now
        )
    if turn.conversation is None or turn.conversation.flow not in FLOWS:
        return []
    return [flow.current_question(turn, FLOWS[turn.conversation.flow])]


CONFIRM = Flow(FLOW_NAME, (Step("answer", _question),), _finish)
