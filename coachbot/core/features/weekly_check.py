"""/weekly and the weekly prompt's button: the weekly check-in (CLINICAL 8 weekly row and 8.1 self-tests), asked by phase, then rows 6 and 9 and
any phase-up offer (decisions.after_weekly). Every self-test can be skipped. Which tests that load the calf
may be asked today is coaching/selftests.py's decision (CLINICAL A20); walking pain comes first so that
the heel-raise test can follow it."""

from __future__ import annotations

import re
from collections.abc import Callable

from coachbot.coaching import selftests
from coachbot.core import decisions, flow
from coachbot.core.features.graduation import GRADUATE
from coachbot.core.features.live_plan import open_check_in
from coachbot.core.features.phase_up import PHASE_UP
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.quantities import duration_minutes
from coachbot.core.question import Invalid, Option, Question, pain_question, yes_no_question
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.texts import checkin as texts
from coachbot.texts import loop as loop_texts

SKIP = Option("skip", texts.SKIP, ("skip", "pass", "later", "-"))


def _number(
    prompt: str, expected: str, maximum: int, words: Callable[[str], int | None] = lambda _text: None
) -> Callable[[Turn, Answers], Question]:
    """A count typed as digits ("12", "12 reps"), or as `words` read it."""

    def read(text: str) -> str | None:
        match = re.fullmatch(r"\s*(\d{1,3})\s*(reps?|times|min(utes)?|s(ec(ond)?s?)?)?\s*", text.lower())
        number = int(match.group(1)) if match else words(text)
        if number is None:
            return None
        if number > maximum:
            raise Invalid(expected)
        return str(number)

    return lambda _turn, _answers: Question(prompt, expected, (SKIP,), read=read)


def _minutes(text: str) -> int | None:
    """Minutes in everyday English: "half an hour", "an hour and a half", "25 min"."""
    minutes = duration_minutes(text)
    return None if minutes is None else round(minutes)


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


def _may(test: str) -> Callable[[Turn, Answers], bool]:
    """CLINICAL A20 (selftests.allowed): may this loading test be asked today?"""

    def when(turn: Turn, answers: Answers) -> bool:
        enrolment = turn.enrolment
        if enrolment is None:
            return False
        progress, person = rule_state.progress_of(enrolment), rule_state.person_of(enrolment)
        found = selftests.allowed(
            turn.programme(),
            progress,
            person,
            _walking_pain(answers),
            enrolment.flags or {},
            turn.local_today(),
        )
        return test in found

    return when


def _walking_pain(answers: Answers) -> int | None:
    """This week's walking pain, or the latest one answered before (start_answers puts it in)."""
    for key in ("walking_pain", KNOWN_WALKING_PAIN):
        value = answers.get(key)
        if value is not None and value != "skip":
            return int(value)
    return None


def _ask_walking_pain(turn: Turn, answers: Answers) -> bool:
    """Phases 0-1 every week; later only while the last walking pain is unknown or above A20's limit,
    so the heel-raise test can open again once it has settled."""
    if turn.enrolment is None or turn.programme().track != "rehab":
        return False
    known = answers.get(KNOWN_WALKING_PAIN)
    return turn.enrolment.phase <= 1 or known is None or int(known) > selftests.WALKING_PAIN_MAX


def _both(*checks: Callable[[Turn, Answers], bool]) -> Callable[[Turn, Answers], bool]:
    return lambda turn, answers: all(check(turn, answers) for check in checks)


def _counted(prefix: str) -> Callable[[Turn, Answers], bool]:
    """A pain question after a count only when a count was given."""
    return lambda _turn, answers: any(
        answers.get(f"{prefix}_{leg}") not in (None, "skip") for leg in ("injured", "other")
    )


async def start_answers(turn: Turn) -> Answers:
    """What the weekly flow needs to know before it starts: the latest walking pain answered (A20)."""
    enrolment = turn.enrolment
    if enrolment is None:
        return {}
    history = rule_state.history_of(await turn.repo.checkins(enrolment.id), 0)
    return {KNOWN_WALKING_PAIN: history.latest("walking_pain")}


KNOWN_WALKING_PAIN = "known_walking_pain"
STEPS = (
    Step(
        "walk_minutes",
        _number(texts.ASK_WALK, texts.MINUTES_EXPECTED, 600, _minutes),
        when=_rehab_phases(0, 1, 2, 3),
    ),
    Step("walking_pain", _pain(texts.ASK_WALKING_PAIN), when=_ask_walking_pain),
    Step(
        "heel_raise_injured",
        _legs(texts.ASK_HEEL_INJURED, texts.ASK_HEEL_BOTH_FIRST),
        when=_may(selftests.HEEL_RAISE),
    ),
    Step(
        "heel_raise_other",
        _legs(texts.ASK_HEEL_OTHER, texts.ASK_HEEL_BOTH_SECOND),
        when=_may(selftests.HEEL_RAISE),
    ),
    Step(
        "heel_raise_pain",
        _pain(texts.ASK_HEEL_PAIN),
        when=_both(_rehab_phases(1, 2), _may(selftests.HEEL_RAISE), _counted("heel_raise")),
    ),
    Step(
        "bent_knee_injured",
        _number(texts.ASK_BENT_INJURED, texts.COUNT_EXPECTED, 300),
        when=_both(_soleus, _may(selftests.BENT_KNEE)),
    ),
    Step(
        "bent_knee_other",
        _number(texts.ASK_BENT_OTHER, texts.COUNT_EXPECTED, 300),
        when=_both(_soleus, _may(selftests.BENT_KNEE)),
    ),
    Step("pogo_pain", _pain(texts.ASK_POGO), when=_both(_rehab_phases(2), _may(selftests.POGO))),
    Step("squat_pain", _pain(texts.ASK_SQUAT), when=_rehab_phases(2)),
    Step(
        "squat_control",
        lambda _t, _a: choice(texts.ASK_CONTROL, texts.CONTROL_LABELS, 3),
        when=_rehab_phases(2),
    ),
    Step("balance_seconds", _number(texts.ASK_BALANCE, texts.SECONDS_EXPECTED, 600), when=_rehab_phases(2)),
    Step("hop_pain", _pain(texts.ASK_HOPS), when=_both(_phase_at_least(3, 2), _may(selftests.HOPS))),
    Step(
        "hop_symmetric",
        lambda _t, _a: yes_no_question(texts.ASK_HOPS_SAME),
        when=_both(_phase_at_least(3, 2), _may(selftests.HOPS), lambda _t, a: a.get("hop_pain") != "skip"),
    ),
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
    again = [turn.say(loop_texts.WEEKLY_REPLACED)] if checkin.id is not None else []  # issue 14 item 4
    checkin.details = {
        step.key: _value(step.key, answers.get(step.key)) for step in STEPS if step.key in answers
    }
    await turn.repo.save_checkin(checkin)
    replies, offer = await decisions.after_weekly(turn, checkin)
    replies = [*again, turn.say(texts.WEEKLY_RECORDED), *replies]
    if offer is not None:
        replies.append(turn.say(offer.reason))
        if offer.kind == "graduate":  # CLINICAL A15
            replies += await flow.begin(turn, GRADUATE, {})
        else:
            replies += await flow.begin(turn, PHASE_UP, {"phase": offer.phase})
    return replies


WEEKLY = Flow("weekly", STEPS, _finish)


async def weekly(turn: Turn) -> list[Reply]:
    opened = await open_check_in(turn, WEEKLY, await start_answers(turn))  # A20 reads the last walking pain
    started = turn.conversation is not None and turn.conversation.flow == WEEKLY.name
    return [turn.say(texts.WEEKLY_INTRO), *opened] if started else opened


COMMANDS = {"weekly": weekly}
DEEP_LINKS = COMMANDS  # /start weekly, from a group's "continue privately" button
OPENERS = COMMANDS  # the weekly prompt's button
FLOWS = (WEEKLY,)
