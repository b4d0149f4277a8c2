"""Re-running the triage after a stop (CLINICAL 9.2 row 2) or a clinician's review (row 1).

After a stop, a grade-2-like answer or a new limp refers routinely and restarts at phase 0/1 once seen;
otherwise the plan carries on from the phase the answers allow.
"""

from __future__ import annotations

from dataclasses import replace

from coachbot.coaching import lifecycle, triage
from coachbot.coaching.lifecycle import Reason
from coachbot.coaching.screens import DVT_RISKS_KEY
from coachbot.coaching.weekly import enter_phase
from coachbot.core import decisions
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.referral import refer
from coachbot.core.steps import triage_questions as triage_steps
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.texts import plan as plan_texts
from coachbot.texts import triage as texts

# asked once, at enrolment: who the person is, their DVT risk factors (A9), their baseline test (A22),
# their running
ONCE = ("age", "exclusion", DVT_RISKS_KEY, "baseline_raises", "weekly_km", "sex")
FLARE_DAYS = Step("days", lambda _turn, _answers: choice(texts.ASK_FLARE_DAYS, texts.DAYS_LABELS, 3))
# CLINICAL A24: after a flare the "how long ago" question is about the flare-up, not the first injury
STEPS = tuple(
    replace(step, ask=FLARE_DAYS.ask) if step.key == "days" else step
    for step in triage_steps.STEPS
    if step.key not in ONCE
)


async def _interrupt(turn: Turn, answers: Answers) -> list[Reply] | None:
    replies = await triage_steps.interrupt(turn, answers)
    if replies is not None and turn.enrolment is not None:
        await turn.change_status(lifecycle.refer(turn.enrolment.status, Reason.RETRIAGE, turn.now))
    return replies


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return []
    today = turn.local_today()
    result = triage.classify({**answers, "age": (enrolment.flags or {}).get("age")}, today)
    programme = turn.programme()
    progress = rule_state.progress_of(enrolment)
    numbers = [phase.number for phase in programme.phases]
    if (
        result.start_phase is not None
        and result.start_phase in numbers
        and result.start_phase < progress.phase
    ):
        # back to an earlier phase: its starting levels, never higher than where the person was
        start = programme.phase(result.start_phase)
        levels = {
            item.exercise: min(item.start, progress.levels.get(item.exercise, item.start))
            for item in start.menu
        }
        progress = replace(enter_phase(programme, progress, start.number, today), levels=levels)
    if result.outcome in ("grade1", "grade2", "clinician_led"):
        # A24: the original injury date never moves, so the time floors never come earlier
        enrolment.grade = result.outcome
        enrolment.injured_on = enrolment.injured_on or result.injured_on
    # back after a referral or a stop: the silence clock restarts
    progress = replace(progress, back_at=turn.now)
    await decisions.store_progress(turn, progress)
    after_stop = answers.get("after_review") is not True
    if after_stop and (result.outcome == "grade2" or answers.get("walking") == "limp"):
        sign = "limp" if answers.get("walking") == "limp" else "grade2"
        replies = await refer(turn, "routine", (sign,), source="triage", reason="default")
        await turn.change_status(lifecycle.refer(enrolment.status, Reason.RETRIAGE_GRADE2, turn.now))
        return replies
    await turn.change_status(lifecycle.resume(enrolment.status, turn.now))
    phase = programme.phase(progress.phase)
    return [
        turn.say(texts.RESULT_START.format(phase=phase.number, name=phase.name)),
        turn.say(plan_texts.RESUMED),
    ]


RETRIAGE = Flow("retriage", STEPS, _finish, interrupt=_interrupt)


FLOWS = (RETRIAGE,)
