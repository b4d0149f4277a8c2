"""The weekly check-in (CLINICAL 8 weekly row and 8.1 self-tests), asked by phase, then rows 6 and 9 and
any phase-up offer (deciding.after_weekly). Every self-test can be skipped."""

from __future__ import annotations

import re
from collections.abc import Callable

from coachbot import deciding
from coachbot.conversation import flow
from coachbot.conversation.flow import Answers, Flow, Step
from coachbot.conversation.graduation import GRADUATE
from coachbot.conversation.phase_up import PHASE_UP
from coachbot.conversation.question import Invalid, Option, Question, pain_question, yes_no_question
from coachbot.conversation.triage import choice
from coachbot.conversation.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import checkin as texts

SKIP = Option("skip", texts.SKIP, ("skip", "pass", "later", "-"))


def _number(prompt: str, expected: str, maximum: int) -> Callable[[Turn, Answers], Question]:
    def read(text: str) -> str | None:
        match = re.fullmatch(r"\s*(\d{1,3})\s*(reps?|times|min(utes)?|s(ec(ond)?s?)?)?\s*", text.lower())
        if match is None:
            return None
        if int(match.group(1)) > maximum:
            raise Invalid(expected)
        return match.group(1)

    return lambda _turn, _answers: Question(prompt, expected, (SKIP,), read=read)


def _legs(injured: str, either: str) -> Callable[[Turn, Answers], Question]:
    """Heel-raise counts: "injured leg" and "other leg" in rehab, "left" and "right" in prevention."""

    def ask(turn: Turn, answers: Answers) -> Question:
        prevention = turn.enrolment is not None and turn.programme().track == "prevention"
        return _number(either if prevention else injured, texts.COUNT_EXPECTED, 300)(turn, answers)

    return ask


def _pain(prompt: str) -> Callable[[Turn, Answers], Question]:
    def ask(_turn: Turn, _answers: Answers) -> Question:
        scale = pain_question(prompt)
        return Question(scale.prompt, scale.expected, (*scale.options, SKIP), read=scale.read, row_size=6)

    return ask


def _phase_at_least(rehab: int, prevention: int | None = None) -> Callable[[Turn, Answers], bool]:
    def when(turn: Turn, _answers: Answers) -> bool:
        enrolment = turn.enrolment
        if enrolment is None:
            return False
        if turn.programme().track == "prevention":
            return prevention is not None and enrolment.phase >= prevention
        return enrolment.phase >= rehab

    return when


def _rehab_phases(*numbers: int) -> Callable[[Turn, Answers], bool]:
    return lambda turn, _a: (
        turn.enrolment is not None and turn.programme().track == "rehab" and turn.enrolment.phase in numbers
    )


def _soleus(turn: Turn, _answers: Answers) -> bool:
    return turn.enrolment is not None and bool((turn.enrolment.flags or {}).get("soleus"))


STEPS = (
    Step("heel_raise_injured", _legs(texts.ASK_HEEL_INJURED, texts.ASK_HEEL_BOTH_FIRST)),
    Step("heel_raise_other", _legs(texts.ASK_HEEL_OTHER, texts.ASK_HEEL_BOTH_SECOND)),
    Step("heel_raise_pain", _pain(texts.ASK_HEEL_PAIN), when=_rehab_phases(0, 1, 2)),
    Step("bent_knee_injured", _number(texts.ASK_BENT_INJURED, texts.COUNT_EXPECTED, 300), when=_soleus),
    Step("bent_knee_other", _number(texts.ASK_BENT_OTHER, texts.COUNT_EXPECTED, 300), when=_soleus),
    Step(
        "walk_minutes", _number(texts.ASK_WALK, texts.MINUTES_EXPECTED, 600), when=_rehab_phases(0, 1, 2, 3)
    ),
    Step("walking_pain", _pain(texts.ASK_WALKING_PAIN), when=_rehab_phases(0, 1)),
    Step("pogo_pain", _pain(texts.ASK_POGO), when=_rehab_phases(2)),
    Step("squat_pain", _pain(texts.ASK_SQUAT), when=_rehab_phases(2)),
    Step(
        "squat_control",
        lambda _t, _a: choice(texts.ASK_CONTROL, texts.CONTROL_LABELS, 3),
        when=_rehab_phases(2),
    ),
    Step("balance_seconds", _number(texts.ASK_BALANCE, texts.SECONDS_EXPECTED, 600), when=_rehab_phases(2)),
    Step("hop_pain", _pain(texts.ASK_HOPS), when=_phase_at_least(3, 2)),
    Step("hop_symmetric", lambda _t, _a: yes_no_question(texts.ASK_HOPS_SAME), when=_phase_at_least(3, 2)),
    Step("trend", lambda _t, _a: choice(texts.ASK_TREND, texts.TREND_LABELS, 3)),
    Step("adherence", lambda _t, _a: pain_question(texts.ASK_ADHERENCE)),
    Step("confidence", lambda _t, _a: pain_question(texts.ASK_CONFIDENCE), when=_rehab_phases(3, 4)),
    Step("symptoms", lambda _t, _a: pain_question(texts.ASK_SYMPTOMS), when=_rehab_phases(4)),
)
_BOOLEAN = {"yes": True, "no": False}


def _value(key: str, raw: object) -> object:
    if raw is None or raw == "skip":
        return None
    if key in ("hop_symmetric",):
        return _BOOLEAN.get(str(raw))
    if key in ("squat_control", "trend"):
        return raw
    return int(str(raw))


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    checkin = await turn.repo.checkin_or_new(enrolment, "weekly", turn.local_today(), turn.now)
    checkin.details = {
        step.key: _value(step.key, answers.get(step.key)) for step in STEPS if step.key in answers
    }
    await turn.repo.save_checkin(checkin)
    replies, offer = await deciding.after_weekly(turn, checkin)
    replies = [turn.say(texts.WEEKLY_RECORDED), *replies]
    if offer is not None:
        replies.append(turn.say(offer.reason))
        if offer.kind == "graduate":  # CLINICAL A15
            replies += await flow.begin(turn, GRADUATE, {})
        else:
            replies += await flow.begin(turn, PHASE_UP, {"phase": offer.phase})
    return replies


WEEKLY = Flow("weekly", STEPS, _finish)
