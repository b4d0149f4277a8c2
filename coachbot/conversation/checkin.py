"""The after-session check-in (CLINICAL 8): pain during and now, completion and why, anything sudden."""

from __future__ import annotations

from datetime import timedelta

from coachbot.conversation.flow import Answers, Flow, Step
from coachbot.conversation.question import Option, Question, pain_question, yes_no_question
from coachbot.conversation.turn import Turn
from coachbot.messages import Reply
from coachbot.store.tables import CheckIn
from coachbot.texts import checkin as texts
from coachbot.texts import safety

COMPLETION_SYNONYMS = {
    "all": ("everything", "full", "done"),
    "most": ("nearly all",),
    "some": ("a bit",),
}


def _completion(_turn: Turn, _answers: Answers) -> Question:
    options = tuple(
        Option(value, label, COMPLETION_SYNONYMS.get(value, ()))
        for value, label in texts.COMPLETION_LABELS.items()
    )
    return Question(texts.ASK_COMPLETION, texts.COMPLETION_EXPECTED, options, row_size=2)


def _reason(_turn: Turn, _answers: Answers) -> Question:
    options = tuple(Option(value, label) for value, label in texts.REASON_LABELS.items())
    return Question(texts.ASK_REASON, texts.REASON_EXPECTED, options)


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:  # enrolment stopped while the questions were open
        return []
    today = turn.local_today()
    checkin = await turn.repo.checkin(enrolment.id, "session", today)
    replies = []
    if checkin is None:
        checkin = CheckIn(enrolment_id=enrolment.id, kind="session", local_date=today, details={})
    else:
        replies.append(turn.say(texts.ALREADY_LOGGED))
    checkin.phase = enrolment.phase
    checkin.during, checkin.after = int(answers["during"]), int(answers["after"])
    checkin.completion = answers["completion"]
    checkin.completion_reason = answers.get("reason")
    checkin.sudden = answers["sudden"] == "yes"
    checkin.recorded_at = turn.now
    await turn.repo.save_checkin(checkin)
    if checkin.sudden:
        # CLINICAL 9.2 row 2: a sudden pull, pop or new limp stops loading and pauses the plan
        enrolment.status, enrolment.status_reason, enrolment.updated_at = (
            "paused",
            "sudden_event",
            turn.now,
        )
        again = (today + timedelta(hours=turn.programme().rules.stop_rest_hours)).strftime("%a %d %b")
        return [*replies, turn.say(safety.SUDDEN_STOP.format(date=again))]
    label = texts.COMPLETION_LABELS[checkin.completion].lower()
    recorded = texts.RECORDED.format(during=checkin.during, after=checkin.after, completion=label)
    return [*replies, turn.say(recorded)]


CHECKIN = Flow(
    "checkin",
    (
        Step("during", lambda _t, _a: pain_question(texts.ASK_DURING)),
        Step("after", lambda _t, _a: pain_question(texts.ASK_AFTER)),
        Step("completion", _completion),
        Step("reason", _reason, when=lambda answers: answers.get("completion") != "all"),
        Step("sudden", lambda _t, _a: yes_no_question(texts.ASK_SUDDEN)),
    ),
    _finish,
)
