"""/pause with a reason, and the re-entry rule on /resume (CLINICAL 9.6: 7+ days away restarts a level lower)."""

from __future__ import annotations

from dataclasses import replace

from coachbot.coaching import lifecycle
from coachbot.coaching.lifecycle import Status, paused_by_person
from coachbot.coaching.progression import restart_lower
from coachbot.core import decisions, flow
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.texts import common
from coachbot.texts import plan as plan_texts
from coachbot.texts import settings as texts

REENTRY_AFTER_DAYS = 7


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None or enrolment.status != Status.ACTIVE:
        return [turn.say(plan_texts.ALREADY_PAUSED)]
    await turn.change_status(lifecycle.pause(enrolment.status, paused_by_person(answers["reason"]), turn.now))
    progress = replace(rule_state.progress_of(enrolment), paused_on=turn.local_today())
    await rule_state.store_progress(turn.repo, enrolment, progress, turn.now)
    return [turn.say(texts.PAUSED_FOR_FLARE if answers["reason"] == "flare_up" else plan_texts.PAUSED)]


PAUSE = Flow(
    "pause", (Step("reason", lambda _t, _a: choice(texts.ASK_PAUSE_REASON, texts.PAUSE_LABELS)),), _finish
)


async def resume_from_pause(turn: Turn) -> list[Reply]:
    """Active again, with the silence clock restarted; after a week or more away every exercise restarts one
    level lower, once (CLINICAL 9.6; issue 14 item 1)."""
    enrolment = turn.enrolment
    assert enrolment is not None
    await turn.change_status(lifecycle.resume(enrolment.status, turn.now))
    progress = rule_state.progress_of(enrolment)
    today, since = turn.local_today(), progress.paused_on
    progress = replace(progress, paused_on=None, back_at=turn.now)
    if since is None or (today - since).days < REENTRY_AFTER_DAYS:
        await rule_state.store_progress(turn.repo, enrolment, progress, turn.now)
        return [turn.say(plan_texts.RESUMED)]
    reason = texts.REENTRY.format(days=(today - since).days)
    decision, progress = restart_lower(decisions.context(turn), progress, today, "reentry", reason)
    return [*await decisions.apply(turn, decision, progress), turn.say(plan_texts.RESUMED)]


async def pause(turn: Turn) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    if enrolment.status != Status.ACTIVE:
        return [turn.say(plan_texts.ALREADY_PAUSED)]
    return await flow.begin(turn, PAUSE)


COMMANDS = {"pause": pause}
FLOWS = (PAUSE,)
