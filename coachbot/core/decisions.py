"""Running the rules when check-ins arrive, and telling the person what was decided and why.

The morning check-in decides about the sessions before it (CLINICAL 9.2); the weekly check-in runs rows 6
and 9 and may offer the next phase, which the person confirms (core/features/phase_up.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from coachbot.coaching import lifecycle, results
from coachbot.coaching.facts import History
from coachbot.coaching.lifecycle import Status
from coachbot.coaching.progress import Decision, Morning, Progress
from coachbot.coaching.progression import Context, evaluate, morning_rules, silence
from coachbot.coaching.readiness import readiness
from coachbot.coaching.weekly import weekly_check
from coachbot.core import referral
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.store import rule_state
from coachbot.store.tables import CheckIn
from coachbot.texts import checkin as checkin_texts

# Which routine-referral wording fits each rule that refers (texts.safety.ROUTINE_REASONS keys)
REFER_REASONS = {"4": "sore_mornings", "5": "regressions", "6": "rising_trend"}


async def store_progress(turn: Turn, progress: Progress) -> None:
    """Store the progress; a new phase moves the session prompts to the days that hold its sessions (A23)."""
    assert turn.enrolment is not None
    moved = progress.phase != turn.enrolment.phase
    await rule_state.store_progress(turn.repo, turn.enrolment, progress, turn.now)
    if moved:
        await turn.reschedule()


def context(turn: Turn) -> Context:
    assert turn.enrolment is not None
    programme, person = turn.programme(), rule_state.person_of(turn.enrolment)
    cautious = programme.track == "prevention" and person.cautious
    return Context(programme, person.week(turn.local_today()), cautious, person.grade == "clinician_led")


async def apply(
    turn: Turn, decision: Decision, progress: Progress, signs: tuple[str, ...] = ()
) -> list[Reply]:
    """Store the decision and the new progress; pause on stop or refer; return the explanation.

    `signs` are the morning's warning signs, which a referral records as what set it off."""
    enrolment = turn.enrolment
    assert enrolment is not None
    await rule_state.record(turn.repo, enrolment, decision, turn.now)
    await store_progress(turn, progress)
    if decision.kind == "refer":
        reason = "night_or_rest_pain" if "rest_pain" in signs else REFER_REASONS.get(decision.rule, "default")
        triggers = tuple(checkin_texts.SAFETY_LABELS.get(sign, sign) for sign in signs)
        return await referral.refer(
            turn, decision.tier or "routine", signs or (reason,), triggers=triggers, source="rule",
            reason=reason, lead=decision.reason,
        )  # fmt: skip
    if decision.kind == "stop":
        change = lifecycle.pause(enrolment.status, lifecycle.stopped_by_rule(decision.rule), turn.now)
        await turn.change_status(change)
    return [turn.say(decision.reason)] if decision.reason else []


async def after_silence(turn: Turn) -> list[Reply]:
    """A person back after a week or more without answering restarts a level lower (CLINICAL 8)."""
    enrolment = turn.enrolment
    if enrolment is None or enrolment.status != Status.ACTIVE:
        return []
    checkins = await turn.repo.checkins(enrolment.id)
    decisions = await turn.repo.decisions(enrolment.id)
    progress = rule_state.progress_of(enrolment)
    back = [progress.back_at.astimezone(turn.zone()).date()] if progress.back_at else []
    dates = [*(c.local_date for c in checkins), *(d.local_date for d in decisions)]
    days = [enrolment.started_on, *back, *dates]
    found = silence(context(turn), progress, max(days), turn.local_today())
    if found is None:
        return []
    decision, progress = found
    return await apply(turn, decision, replace(progress, back_at=turn.now))  # the drop happens once


async def after_morning(turn: Turn, checkin: CheckIn) -> list[Reply]:
    enrolment = turn.enrolment
    assert enrolment is not None
    today = checkin.local_date
    checkins = await turn.repo.checkins(enrolment.id)
    progress = rule_state.progress_of(enrolment)
    history = rule_state.history_of(checkins, progress.baseline)
    morning = Morning(today, checkin.morning, tuple(checkin.details.get("signs", ())))
    replies: list[Reply] = []
    pending = rule_state.undecided_sessions(checkins, today)
    for row in pending:
        answered = morning if row.local_date == today - timedelta(days=1) else None
        session = rule_state.session_of(row)
        decision, progress = evaluate(
            context(turn), progress, session, answered, history.mornings, history.sessions, today
        )
        row.details = {**row.details, "decided": True}
        replies += await apply(turn, decision, progress, morning.signs if answered else ())
        if decision.kind in ("refer", "stop"):
            return replies
    if not pending:
        found = morning_rules(context(turn), progress, morning, history.mornings, today)
        if found is not None:
            replies += await apply(turn, *found, morning.signs)
    return replies


async def after_sudden_event(turn: Turn, checkin: CheckIn) -> list[Reply]:
    """A pull, pop or new limp reported right after a session stops loading at once (row 2)."""
    enrolment = turn.enrolment
    assert enrolment is not None
    checkin.details = {**checkin.details, "decided": True}
    progress = rule_state.progress_of(enrolment)
    session = rule_state.session_of(checkin)
    found = morning_rules(context(turn), progress, None, (), checkin.local_date, session)
    assert found is not None  # a sudden event always stops
    return await apply(turn, *found)


async def after_weekly(turn: Turn, checkin: CheckIn) -> tuple[list[Reply], Decision | None]:
    """Rows 6 and 9; returns the replies and a phase-up offer, if any, for the caller to ask about."""
    enrolment = turn.enrolment
    assert enrolment is not None
    checkins = await turn.repo.checkins(enrolment.id)
    progress = rule_state.progress_of(enrolment)
    history = rule_state.history_of(checkins, progress.baseline)
    rules = context(turn)
    decisions, progress = weekly_check(
        turn.programme(), progress, history, rule_state.person_of(enrolment), checkin.local_date,
        week=rules.week, cautious=rules.cautious,
    )  # fmt: skip
    replies = [turn.say(_results(turn, progress, history, checkin.local_date))]
    offer = None
    for decision in decisions:
        if decision.kind in ("phase_up", "graduate"):
            offer = decision
            continue
        replies += await apply(turn, decision, progress)
    if len(replies) == 1:  # only the results: no decision stored the progress
        await rule_state.store_progress(turn.repo, enrolment, progress, turn.now)
    return replies, offer


def _results(turn: Turn, progress: Progress, history: History, today: date) -> str:
    """This week's tests and what the next phase or graduation still needs (issue 13 item 7)."""
    assert turn.enrolment is not None
    programme, person, rules = turn.programme(), rule_state.person_of(turn.enrolment), context(turn)
    following = next((p for p in programme.phases if p.number > progress.phase), None)
    found = readiness(
        programme, progress, history, person, following, today, week=rules.week, cautious=rules.cautious
    )
    return results.report(programme, history, person, found, following, today)
