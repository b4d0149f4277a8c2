"""The enrolment conversation: consent, programme, time zone and schedule, then the enrolment itself."""

from __future__ import annotations

from coachbot.coaching.plan import starting_levels
from coachbot.conversation.answers import read_days, read_time, read_zone, time_options
from coachbot.conversation.flow import Answers, Flow, Step
from coachbot.conversation.question import Option, Question
from coachbot.conversation.turn import Turn
from coachbot.messages import Reply
from coachbot.present import days as describe_days
from coachbot.store.tables import Enrolment
from coachbot.texts import enrol, safety


def _consent(_turn: Turn, _answers: Answers) -> Question:
    options = (
        Option("yes", safety.AGREE, ("yes", "agree", "ok", "i do")),
        Option("no", safety.DECLINE, ("no", "decline")),
    )
    return Question(safety.DISCLAIMER, f"{safety.AGREE} or {safety.DECLINE}", options, row_size=2)


def _programme(turn: Turn, _answers: Answers) -> Question:
    options = tuple(Option(p.id, p.title, (p.id,)) for p in turn.programmes.values())
    return Question(enrol.CHOOSE_PROGRAMME, enrol.PROGRAMME_EXPECTED, options, row_size=1)


def _zone(_turn: Turn, _answers: Answers) -> Question:
    return Question(enrol.ASK_ZONE, enrol.ZONE_EXPECTED.format(given=""), read=read_zone)


def _session_time(_turn: Turn, _answers: Answers) -> Question:
    options = time_options("07:00", "12:30", "18:00")
    return Question(enrol.ASK_SESSION_TIME, enrol.TIME_EXPECTED, options, read=read_time)


def _days(_turn: Turn, _answers: Answers) -> Question:
    options = (
        Option("mon,tue,wed,thu,fri,sat,sun", enrol.EVERY_DAY),
        Option("mon,tue,wed,thu,fri", enrol.WEEKDAYS_ONLY),
    )
    return Question(enrol.ASK_DAYS, enrol.DAYS_EXPECTED, options, read=read_days, row_size=2)


def _morning_time(_turn: Turn, _answers: Answers) -> Question:
    options = time_options("07:00", "08:00", "09:00")
    return Question(enrol.ASK_MORNING_TIME, enrol.TIME_EXPECTED, options, read=read_time)


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    person = await turn.ensure_person()
    programme = turn.programmes[answers["programme"]]
    person.tz, person.agreed_at = answers["zone"], turn.now
    today = turn.local_today()
    first = programme.first_phase
    enrolment = Enrolment(
        person_id=person.id,
        programme_id=programme.id,
        programme_version=programme.version,
        status="active",
        grade="prevention" if programme.track == "prevention" else None,
        flags={},
        phase=first.number,
        phase_started_on=today,
        started_on=today,
        green_streak=0,
        local_time=answers["session_time"],
        morning_time=answers["morning_time"],
        days=answers["days"],
        created_at=turn.now,
        updated_at=turn.now,
    )
    turn.enrolment = await turn.repo.add_enrolment(
        enrolment, starting_levels(programme, first.number), turn.now
    )
    welcome = enrol.WELCOME.format(
        title=programme.title,
        phase=first.number,
        phase_name=first.name,
        time=answers["session_time"],
        zone=answers["zone"],
        days=describe_days(answers["days"]),
        morning=answers["morning_time"],
    )
    cap = programme.rules.zones[first.group].amber_max
    education = safety.PAIN_EDUCATION.format(cap=cap)
    warning = safety.WARNING_SIGNS.format(emergency=safety.DEFAULT_EMERGENCY)
    return [turn.say(welcome), turn.say(education + "\n" + warning)]


ENROL = Flow(
    "enrol",
    (
        Step("consent", _consent, ends={"no": safety.DECLINED}),
        Step("programme", _programme),
        Step("zone", _zone),
        Step("session_time", _session_time),
        Step("days", _days),
        Step("morning_time", _morning_time),
    ),
    _finish,
)
