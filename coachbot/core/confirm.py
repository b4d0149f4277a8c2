"""The confirming question of an uncertain red flag (CLINICAL A6): one Yes / No / Not sure question.

Yes or not sure refers at that sign's tier. No is recorded, then the next pending question is asked, or
what was certain anyway is referred, or the person goes back to the conversation they were in.
A second uncertain message while a question is open queues behind it, the higher tier first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coachbot.coaching.redflags import TIER_ORDER
from coachbot.coaching.safety import Detection
from coachbot.core import flow, referral
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Question, yes_no_unsure_question
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store.tables import Decision
from coachbot.texts import safety

FLOW_NAME = "confirm"


def pending(found: Detection) -> dict[str, Any]:
    """What one uncertain detection asks, and what it refers on each answer, as stored answers."""
    return {
        "group": found.group,
        "tier": found.tier,
        "signs": list(found.signs),
        "triggers": list(found.triggers),
        "fallback": found.fallback,
        "fallback_signs": list(found.fallback_signs),
        "fallback_triggers": list(found.fallback_triggers),
    }


async def ask(turn: Turn, found: Detection) -> list[Reply]:
    """Ask about an uncertain red flag; an open confirming question keeps its place in the queue."""
    previous = turn.conversation
    question, queued, resume = pending(found), [], None
    if previous is not None and previous.flow == FLOW_NAME:
        earlier = dict(previous.answers)
        resume, queued = earlier.get("resume"), [_strip(earlier), *earlier.get("queued", [])]
        ordered = sorted([question, *queued], key=lambda item: -TIER_ORDER.index(item["tier"]))
        question, queued = ordered[0], ordered[1:]
    elif previous is not None:
        resume = {"flow": previous.flow, "step": previous.step, "answers": dict(previous.answers)}
    return await flow.begin(turn, CONFIRM, {**question, "queued": queued, "resume": resume})


def _strip(answers: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in answers.items() if key not in ("answer", "queued", "resume")}


def _question(_turn: Turn, answers: Answers) -> Question:
    return yes_no_unsure_question(safety.CONFIRM[answers["group"]])


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    if answers["answer"] in ("yes", "unsure"):
        return await refer(turn, answers["tier"], answers["signs"], answers["triggers"], "confirm")
    await _record_no(turn, answers)
    queued, resume = list(answers.get("queued", [])), answers.get("resume")
    if queued:
        return [turn.say(safety.CONFIRM_NEXT), *await flow.begin(
            turn, CONFIRM, {**queued[0], "queued": queued[1:], "resume": resume}
        )]  # fmt: skip
    if answers["fallback"] != "none":  # what the message showed for certain, without the denied sign
        return await refer(
            turn, answers["fallback"], answers["fallback_signs"], answers["fallback_triggers"], "message"
        )
    return [turn.say(safety.CONFIRM_NO), *await back_to(turn, resume)]


async def refer(turn: Turn, tier: str, signs: list[str], triggers: list[str], source: str) -> list[Reply]:
    return await referral.refer(turn, tier, tuple(signs), triggers=tuple(triggers), source=source)  # type: ignore[arg-type]


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


async def back_to(turn: Turn, resume: dict[str, Any] | None = None) -> list[Reply]:
    """Put the person back in the conversation they were in, and ask its question again."""
    flows = registered_flows()
    if resume is not None and turn.person is not None and resume["flow"] in flows:
        turn.conversation = await turn.repo.set_conversation(
            turn.person.id, resume["flow"], resume["step"], resume["answers"], turn.now
        )
    if turn.conversation is None or turn.conversation.flow not in flows:
        return []
    return [flow.current_question(turn, flows[turn.conversation.flow])]


def registered_flows() -> Mapping[str, Flow]:
    """Every conversation the coach runs, by name (the registry collects them, and imports us)."""
    from coachbot.core.registry import FLOWS

    return FLOWS


CONFIRM = Flow(FLOW_NAME, (Step("answer", _question),), _finish)


FLOWS = (CONFIRM,)
