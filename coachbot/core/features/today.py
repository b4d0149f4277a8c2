"""/today: today's session card (or the rest day and the next training day); nothing while paused for safety."""

from __future__ import annotations

from coachbot.coaching.plan import todays_session, training_days
from coachbot.coaching.weekpattern import key_run_day
from coachbot.core import decisions, safety_pause
from coachbot.core.features.live_plan import chosen_days
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.reporting.present import session as describe_session
from coachbot.schedule.wallclock import next_day_in
from coachbot.store import rule_state
from coachbot.texts import common


async def today(turn: Turn) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    paused = await safety_pause.today_reply(turn)
    if paused is not None:  # CLINICAL A12: no exercises while paused for safety
        return [turn.say(paused)]
    welcome = await decisions.after_silence(turn)
    programme, day = turn.programme(), turn.local_today()
    progress = rule_state.progress_of(enrolment)
    session = todays_session(
        programme, progress, day, chosen_days(turn), enrolment.flags or {}, rule_state.person_of(enrolment)
    )
    next_day = None
    if session.is_rest:
        days = training_days(session.phase, chosen_days(turn), key_run_day(enrolment.flags or {}))
        next_day = next_day_in(days, day).strftime("%a %d %b") if days else None
    return [*welcome, turn.say(describe_session(session, next_day))]


COMMANDS = {"today": today}
DEEP_LINKS = COMMANDS  # /start today, from a group's "continue privately" button
