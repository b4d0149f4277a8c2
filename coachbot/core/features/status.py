"""/status: the plan at a glance: programme, state, phase and week, schedule, levels, what a clinician said."""

from __future__ import annotations

from coachbot.core import safety_pause
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.reporting.present import clinician_record
from coachbot.reporting.present import days as describe_days
from coachbot.texts import common
from coachbot.texts import plan as texts


async def status(turn: Turn) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None or turn.person is None:
        return [turn.say(common.NOT_ENROLLED)]
    programme, day = turn.programme(), turn.local_today()
    phase = programme.phase(enrolment.phase)
    levels = ", ".join(
        f"{programme.exercise(row.exercise).name} {programme.exercise(row.exercise).levels[row.level - 1].tag}"
        for row in enrolment.levels
    )
    text = texts.STATUS.format(
        title=programme.title,
        state=texts.STATE_LABELS.get(enrolment.status, enrolment.status),
        phase=phase.number,
        phase_name=phase.name,
        phase_day=(day - enrolment.phase_started_on).days + 1,
        week=(day - enrolment.started_on).days // 7 + 1,
        time=enrolment.local_time,
        zone=turn.person.tz,
        days=describe_days(enrolment.days),
        morning=enrolment.morning_time,
        levels=levels,
    )
    clinician = clinician_record(programme, enrolment.flags or {})  # A16: what the clinician said
    if clinician is not None:
        levels = texts.CLINICIAN_LEVELS_RECORDED.format(levels=clinician["levels"])
        text += "\n" + texts.CLINICIAN_RECORD.format(
            **{**clinician, "levels": levels if clinician["levels"] else texts.CLINICIAN_NO_LEVELS}
        )
    paused = await safety_pause.status_lines(turn)
    return [turn.say(text if paused is None else f"{text}\n{paused}")]


COMMANDS = {"status": status}
DEEP_LINKS = COMMANDS  # /start status, from a group's "continue privately" button
