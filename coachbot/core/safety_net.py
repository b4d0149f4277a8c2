"""The free-text safety net in a private chat (CLINICAL 9.2 row 1, A5, A6, A11): any message, any time.

A certain red flag refers at once; an uncertain one asks its confirming question (confirm.py), unless
the person is answering an open question with one of its choices or a single word; someone else's
symptoms get general advice for them and never touch this person's plan. Mentions the engine set aside
(negated, past, someone else's, training effort) are kept in the plan's record for a clinician (A6).
"""

from __future__ import annotations

from functools import cache

from coachbot.coaching.lexicon import lexicon
from coachbot.coaching.regions import region_for
from coachbot.coaching.safety import Detection, detect
from coachbot.coaching.screens import dvt_risks
from coachbot.core import confirm
from coachbot.core.question import Invalid, StaleButton
from coachbot.core.turn import Turn
from coachbot.messages import Reply, Text
from coachbot.store.tables import Decision
from coachbot.texts import safety

SERIOUS = ("emergency", "urgent")


def detection(turn: Turn) -> Detection | None:
    """What a typed message shows, with the DVT risk factors the person gave at enrolment (A9)."""
    if not isinstance(turn.incoming, Text):
        return None
    plan = turn.enrolment
    risks = dvt_risks(plan.triage, turn.local_today(), plan.started_on) if plan is not None else ()
    return detect(turn.incoming.text, known_risks=risks)


def _answers_open_question(turn: Turn) -> bool:
    """The text is one of the open question's own answers ("yes" to a confirming question, "purple"
    mistyped at a multi-select counts as an attempt at one when it is a single word)."""
    flows = confirm.registered_flows()
    conversation, incoming = turn.conversation, turn.incoming
    if conversation is None or conversation.flow not in flows or not isinstance(incoming, Text):
        return False
    question = flows[conversation.flow].step(conversation.step).ask(turn, dict(conversation.answers))
    if not question.options or question.form is not None:
        return False  # free text (a note): whatever they wrote is read for red flags
    try:
        question.answer(incoming, conversation.serial)
    except (Invalid, StaleButton):
        return len(incoming.text.split()) < 2
    return True


def mentions_red_flag(turn: Turn) -> bool:
    """Whether this private message is for the safety net rather than for the open conversation."""
    found = detection(turn) if not turn.in_group else None
    if found is None:
        return False
    if found.outcome == "certain":
        return True
    if found.outcome == "uncertain" or found.someone_else in SERIOUS:
        return not _answers_open_question(turn)
    return False


async def red_flag(turn: Turn) -> list[Reply]:
    found = detection(turn)
    assert found is not None
    if found.outcome == "certain":
        return await confirm.refer(turn, found.tier, list(found.signs), list(found.triggers), "message")
    if found.outcome == "uncertain":
        return await confirm.ask(turn, found)
    zone = turn.person.tz if turn.person is not None else None
    advice = safety.SOMEONE_ELSE.format(emergency=region_for(zone).emergency)
    return [turn.say(advice), *await confirm.back_to(turn)]


async def record_set_aside(turn: Turn) -> None:
    """A6: the red-flag words a private message held that did not count, and why, in the plan's record."""
    found = detection(turn) if not turn.in_group else None
    plan = turn.enrolment
    if found is None or plan is None or plan.id is None:
        return
    words = [f"“{m.words}” ({m.discounted})" for m in found.discounted if m.sign not in _supporting()]
    if not words:
        return
    await turn.repo.add_decision(
        Decision(
            enrolment_id=plan.id, local_date=turn.local_today(), kind="set_aside", phase=plan.phase,
            rule="A6", decided_at=turn.now, reason=safety.SET_ASIDE_DECISION.format(words="; ".join(words)),
        )
    )  # fmt: skip


@cache
def _supporting() -> frozenset[str]:
    """Signs that only count in rules ("leg", "a flight"): not worth recording when set aside."""
    return frozenset(sign.id for sign in lexicon().data.signs if sign.tier == "none")
