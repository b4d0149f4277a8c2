"""/morning and the morning prompt's button: the morning check-in (CLINICAL 8): pain or stiffness on first
walking, and the one-tap safety check.

Its answers are what the rules decide on (decisions.after_morning).
"""

from __future__ import annotations

from coachbot.core import decisions
from coachbot.core.features.live_plan import open_check_in
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import pain_question
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.texts import checkin as texts
from coachbot.texts import loop as loop_texts


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    checkin = await turn.repo.checkin_or_new(enrolment, "morning", turn.local_today(), turn.now)
    # answering again (a snoozed or old prompt) replaces the score, and says so (issue 14 item 4)
    earlier = loop_texts.MORNING_REPLACED.format(pain=checkin.morning) if checkin.id is not None else None
    signs = [] if answers["safety"] == "none" else [answers["safety"]]
    checkin.morning = int(answers["morning"])
    checkin.details = {**checkin.details, "signs": signs}
    await turn.repo.save_checkin(checkin)
    recorded = texts.MORNING_RECORDED.format(pain=checkin.morning)
    recorded = recorded if earlier is None else f"{earlier}\n{recorded}"
    return [turn.say(recorded), *await decisions.after_morning(turn, checkin)]


MORNING = Flow(
    "morning",
    (
        Step("morning", lambda _t, _a: pain_question(texts.ASK_MORNING)),
        Step("safety", lambda _t, _a: choice(texts.ASK_SAFETY, texts.SAFETY_LABELS, 1)),
    ),
    _finish,
)


async def morning(turn: Turn) -> list[Reply]:
    return await open_check_in(turn, MORNING)


COMMANDS = {"morning": morning}
DEEP_LINKS = COMMANDS  # /start morning, from a group's "continue privately" button
OPENERS = COMMANDS  # the morning prompt's button
FLOWS = (MORNING,)
