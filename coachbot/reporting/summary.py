"""The weekly summary a person gets with their weekly check (their zone, their chosen day): sessions done,
the morning-pain trend, where they are and what comes next, and one tip from the programme's own cues.

Pure: it reads the week's check-ins and the programme, never the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from coachbot.coaching.constants import TRAINED
from coachbot.coaching.plan import level_for
from coachbot.coaching.trend import direction, weeks
from coachbot.programme.schema import Programme
from coachbot.reporting.records import CheckInRecord, PlanRecord
from coachbot.texts import summary as texts

WEEK = timedelta(days=7)


def trend(checkins: Sequence[CheckInRecord], today: date, delta: float) -> str:
    """better, same or worse: the mean morning pain of the last seven days against the seven before,
    moved by `delta` (the programme's week_worse_delta) or more."""
    mornings = ((c.local_date, c.morning) for c in checkins if c.kind == "morning")
    return direction(*weeks(mornings, today), delta)


def summary(
    enrolment: PlanRecord, programme: Programme, checkins: Sequence[CheckInRecord], today: date
) -> str:
    done = sum(
        1
        for c in checkins
        if c.kind == "session" and c.completion in TRAINED and timedelta(0) <= today - c.local_date < WEEK
    )
    phase = programme.phase(enrolment.phase)
    later = [p for p in programme.phases if p.number > phase.number]
    milestone = (
        texts.NEXT_PHASE.format(number=later[0].number, name=later[0].name)
        if later
        else texts.LAST_PHASE.format(weeks=programme.weeks)
    )
    week = (today - enrolment.started_on).days // 7 + 1
    item = phase.menu[week % len(phase.menu)]
    exercise = programme.exercise(item.exercise)
    levels = {row.exercise: row.level for row in enrolment.levels}
    tip = level_for(exercise, item, levels).cue
    text = texts.SUMMARY.format(
        week=week, done=done, trend=texts.TRENDS[trend(checkins, today, programme.rules.week_worse_delta)], phase=phase.number,
        phase_name=phase.name, milestone=milestone, exercise=exercise.name, tip=tip,
    )  # fmt: skip
    if (enrolment.flags or {}).get("achilles_check"):  # CLINICAL A17: a reminder until it is assessed
        text += "\n" + texts.ACHILLES_CHECK
    return text
