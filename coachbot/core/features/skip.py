"""/skip today's session with a reason; the day counts as not done (CLINICAL 9.2 row 8, pain as amber).

A session already logged today is never skipped over: /skip is refused and the record kept (issue 14 item 3).
"""

from __future__ import annotations

from coachbot.core.features.live_plan import open_check_in
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.schedule.timetable import days_for
from coachbot.schedule.wallclock import next_day_in
from coachbot.store import prompts
from coachbot.texts import loop as loop_texts
from coachbot.texts import settings as texts

_REASONS = {"pain": "pain", "time": "time", "ill": "other", "other": "other"}


async def already_logged(turn: Turn) -> list[Reply]:
    """The refusal when today's session has been logged (not skipped) already, else nothing."""
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    checkin = await turn.repo.checkin(enrolment.id, "session", turn.local_today())
    if checkin is None or "skipped" in (checkin.details or {}):
        return []
    return [turn.say(loop_texts.SKIP_ALREADY_LOGGED)]


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    refused = await already_logged(turn)  # logged while the question was open
    if refused:
        return refused
    today = turn.local_today()
    checkin = await turn.repo.checkin_or_new(enrolment, "session", today, turn.now)
    checkin.completion, checkin.completion_reason = "none", _REASONS[answers["reason"]]
    checkin.details = {**checkin.details, "skipped": answers["reason"], "levels": {}}
    await turn.repo.save_checkin(checkin)
    # today's prompt, if it has not gone yet, is no longer needed
    await prompts.skip_pending(turn.repo, f"{enrolment.id}:{today.isoformat()}:session")
    if answers["reason"] == "pain":
        return [turn.say(texts.SKIPPED_FOR_PAIN)]
    days = days_for("session", enrolment, turn.programme())
    following = next_day_in(days, today).strftime("%a %d %b") if days else "your next training day"
    return [turn.say(texts.SKIPPED.format(next_day=following))]


SKIP = Flow(
    "skip", (Step("reason", lambda _t, _a: choice(texts.ASK_SKIP_REASON, texts.SKIP_LABELS)),), _finish
)


async def skip(turn: Turn) -> list[Reply]:
    return await already_logged(turn) or await open_check_in(turn, SKIP)


COMMANDS = {"skip": skip}
FLOWS = (SKIP,)
