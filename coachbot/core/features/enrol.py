"""The enrolment conversation: consent, time zone, the triage of CLINICAL 7, programme and schedule.

The triage decides the track (rehab or prevention), the grade-like pattern, flags and starting phase;
answers that call for a referral end the conversation before anything is enrolled.
"""

from __future__ import annotations

from typing import Any

from coachbot.coaching import starting, triage
from coachbot.coaching.lifecycle import Status
from coachbot.coaching.progress import Progress
from coachbot.coaching.regions import region_for
from coachbot.coaching.weekpattern import KEY_RUN
from coachbot.core.features.club_membership import add_member, leaderboard_question
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Option, Question
from coachbot.core.referral import refer
from coachbot.core.schedule_answers import read_days, read_time, time_options
from coachbot.core.steps import days as days_steps
from coachbot.core.steps import triage_questions as triage_steps
from coachbot.core.steps.zone_steps import chosen_zone, zone_steps
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.programme.schema import Phase, Programme
from coachbot.reporting.present import days as describe_days
from coachbot.store.rule_state import stored_json
from coachbot.store.tables import Enrolment
from coachbot.texts import clubs, enrol, safety
from coachbot.texts import triage as triage_texts

RESULT_TEXT = {
    "grade1": triage_texts.RESULT_GRADE1,
    "grade2": triage_texts.RESULT_GRADE2,
    "clinician_led": triage_texts.RESULT_CLINICIAN,
    "prevention": triage_texts.RESULT_PREVENTION,
}


def _track(answers: Answers) -> str:
    return "rehab" if answers.get("injury") == "yes" else "prevention"


def _candidates(turn: Turn, answers: Answers) -> list[Programme]:
    """The programmes of the person's track; a club's or a shared programme alone when it fits the track
    (someone the triage puts on the rehab track is never put on a prevention programme, or the reverse)."""
    fitting = [p for p in turn.programmes.values() if p.track == _track(answers)]
    wanted = turn.programmes.get(answers.get("club_programme") or answers.get("shared_programme") or "")
    return [wanted] if wanted in fitting else fitting


def _programme_of(turn: Turn, answers: Answers) -> Programme | None:
    """The programme chosen, or the only one that fits."""
    candidates = _candidates(turn, answers)
    return turn.programmes.get(answers.get("programme", "")) or (candidates[0] if candidates else None)


def _phases(turn: Turn, answers: Answers) -> tuple[Phase, ...]:
    """CLINICAL A23: at enrolment the chosen days are checked against every phase of the programme."""
    programme = _programme_of(turn, answers)
    return tuple(programme.phases) if programme is not None else ()


def _consent(_turn: Turn, _answers: Answers) -> Question:
    options = (
        Option("yes", safety.AGREE, ("yes", "agree", "ok", "i do")),
        Option("no", safety.DECLINE, ("no", "decline")),
    )
    return Question(safety.DISCLAIMER, f"{safety.AGREE} or {safety.DECLINE}", options, row_size=2)


def _programme(turn: Turn, answers: Answers) -> Question:
    options = tuple(Option(p.id, p.title, (p.id,)) for p in _candidates(turn, answers))
    return Question(enrol.CHOOSE_PROGRAMME, enrol.PROGRAMME_EXPECTED, options, row_size=1)


def ask_session_time(_turn: Turn, _answers: Answers) -> Question:
    return Question(
        enrol.ASK_SESSION_TIME, enrol.TIME_EXPECTED, time_options("07:00", "12:30", "18:00"), read=read_time
    )


def ask_days(_turn: Turn, _answers: Answers) -> Question:
    options = (
        Option("mon,tue,wed,thu,fri,sat,sun", enrol.EVERY_DAY),
        Option("mon,tue,wed,thu,fri", enrol.WEEKDAYS_ONLY),
    )
    return Question(enrol.ASK_DAYS, enrol.DAYS_EXPECTED, options, read=read_days, row_size=2)


def ask_morning_time(_turn: Turn, _answers: Answers) -> Question:
    return Question(
        enrol.ASK_MORNING_TIME, enrol.TIME_EXPECTED, time_options("07:00", "08:00", "09:00"), read=read_time
    )


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    person = await turn.ensure_person()
    person.tz, person.agreed_at = chosen_zone(answers), turn.now
    today = turn.local_today()
    result = triage.classify(answers, today)
    if result.refers:
        return await refer(turn, result.tier, (result.reason,), source="triage")
    programme = _programme_of(turn, answers)
    if programme is None:
        return [turn.say(triage_texts.NO_PROGRAMME)]
    numbers = [phase.number for phase in programme.phases]
    start = result.start_phase if result.start_phase in numbers else numbers[0]
    phase = programme.phase(start)
    age, raises = result.flags.get("age"), result.flags.get("baseline_raises")  # CLINICAL A22
    first = starting.first_progress(programme, start, today, result.baseline, age, raises)
    flags, days = dict(result.flags), days_steps.final_days(turn, answers, programme.phases)
    key_run = days_steps.key_run(turn, answers)
    if key_run is not None:  # CLINICAL A22
        flags[KEY_RUN] = key_run
    enrolment = Enrolment(
        person_id=person.id,
        programme_id=programme.id,
        programme_version=programme.version,
        status=Status.ACTIVE.value,
        grade=result.outcome,
        flags=flags,
        phase=start,
        phase_started_on=today,
        started_on=today,
        injured_on=result.injured_on,
        green_streak=0,
        progress=stored_json(first),
        triage={"answers": dict(answers), "outcome": result.outcome},
        local_time=answers["session_time"],
        morning_time=answers["morning_time"],
        days=days,
        created_at=turn.now,
        updated_at=turn.now,
    )
    turn.enrolment = await turn.repo.add_enrolment(enrolment, first.levels, turn.now)
    await turn.reschedule()
    club = await _join_club(turn, answers)
    outcome = (
        RESULT_TEXT[result.outcome] + " " + triage_texts.RESULT_START.format(phase=start, name=phase.name)
    )
    outcome += "".join("\n" + line for line in _overridden(turn, answers, programme))
    if answers.get("days") == "0-2":  # CLINICAL 7.5 acute timing: PEACE advice
        outcome += "\n" + triage_texts.PEACE
    if result.flags.get("achilles_check"):  # CLINICAL A17: the Achilles, not the calf muscle
        outcome += "\n" + triage_texts.ACHILLES_CHECK
    outcome += "".join("\n" + line for line in _starting_dose(programme, first, result.flags))
    welcome = enrol.WELCOME.format(
        title=programme.title,
        phase=start,
        phase_name=phase.name,
        time=answers["session_time"],
        zone=person.tz,
        days=describe_days(days),
        morning=answers["morning_time"],
    )
    kept = days_steps.kept_note(programme, programme.phases, days, key_run)
    if kept is not None:  # CLINICAL A23: sessions still come on the days that can hold them
        welcome += "\n" + kept
    cap = programme.rules.zones[phase.group].amber_max
    warning = safety.WARNING_SIGNS.format(emergency=region_for(person.tz).emergency)
    return [
        turn.say(outcome),
        turn.say(welcome),
        turn.say(safety.PAIN_EDUCATION.format(cap=cap) + "\n" + warning),
        *club,
    ]


def _overridden(turn: Turn, answers: Answers, programme: Programme) -> list[str]:
    """A share or club code's programme that the triage put aside (the other track): say so, and why."""
    wanted = turn.programmes.get(answers.get("club_programme") or answers.get("shared_programme") or "")
    if wanted is None or wanted.id == programme.id:
        return []
    why = enrol.OVERRIDE_WHY[programme.track]
    return [enrol.CODE_OVERRIDDEN.format(wanted=wanted.title, chosen=programme.title, why=why)]


def _starting_dose(programme: Programme, first: Progress, flags: dict[str, Any]) -> list[str]:
    """CLINICAL A22: say why the first levels are gentler than the block's usual start."""
    dose, age, raises = programme.starting_dose, flags.get("age"), flags.get("baseline_raises")
    if dose is None:
        return []
    lines = []
    if (raises is None or raises < dose.min_raises) and dose.low_capacity:
        lines.append(triage_texts.START_LOW_CAPACITY.format(count=dose.min_raises))
    if age is not None and age >= dose.older_age:
        lines.append(triage_texts.START_OLDER.format(age=dose.older_age))
    menu = programme.phase(first.phase).menu
    plyometric = any(programme.exercise(item.exercise).kind == "plyometric" for item in menu)
    held = first.phase_since is not None and starting.holds_plyometrics(programme, first, first.phase_since)
    if plyometric and held and not flags.get("no_plyometrics"):
        lines.append(triage_texts.START_PLYOMETRICS)
    return lines


async def _join_club(turn: Turn, answers: Answers) -> list[Reply]:
    """Enrolled from a club's Join button: link the new plan to the club, ask about the leaderboard."""
    club_id = answers.get("club_id")
    if not isinstance(club_id, int) or turn.enrolment is None:
        return []
    await add_member(turn, club_id, str(answers.get("display_name", "")))
    return [turn.say(clubs.JOINED.format(title=turn.programme().title)), leaderboard_question(turn, club_id)]


ENROL = Flow(
    "enrol",
    (
        Step("consent", _consent, ends={"no": safety.DECLINED}),
        *zone_steps(lambda _turn, _answers: True),
        *triage_steps.STEPS,
        Step("programme", _programme, when=lambda turn, answers: len(_candidates(turn, answers)) > 1),
        Step("session_time", ask_session_time),
        Step("training_days", ask_days),
        Step(KEY_RUN, days_steps.ask_key_run, when=lambda _turn, answers: _track(answers) == "prevention"),
        days_steps.check_step(_phases, when=lambda _turn, _answers: True),
        Step("morning_time", ask_morning_time),
    ),
    _finish,
    interrupt=triage_steps.interrupt,
)


FLOWS = (ENROL,)
