"""/settings: change the session time, training days, time zone, morning time, quiet hours or weekly day.

Changing any of them moves the schedules at once (`turn.reschedule`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

from coachbot.coaching.weekpattern import KEY_RUN
from coachbot.core import flow
from coachbot.core.features.enrol import ask_days, ask_morning_time, ask_session_time
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Invalid, Option, Question
from coachbot.core.schedule_answers import one_day, read_pairs, read_time, read_zone
from coachbot.core.steps import days as days_steps
from coachbot.core.steps.triage_questions import choice
from coachbot.core.steps.zone_steps import chosen_zone, zone_steps
from coachbot.core.turn import Turn
from coachbot.messages import Reply
from coachbot.programme.schema import Phase
from coachbot.reporting.present import days as describe_days
from coachbot.schedule.quiet_hours import moved, quiet_hours
from coachbot.schedule.wallclock import ScheduleInputError, format_time, parse_time
from coachbot.store.tables import Enrolment
from coachbot.texts import common
from coachbot.texts import days as days_texts
from coachbot.texts import enrol as enrol_texts
from coachbot.texts import loop as loop_texts
from coachbot.texts import settings as texts

_SPLIT = re.compile(r"\s*(?:-|–|to|until)\s*")


def _read_quiet(text: str) -> str:
    if text.strip().lower() in ("none", "off", "no"):
        return "none"
    parts = _SPLIT.split(text.strip(), maxsplit=1)
    try:
        start, end = (format_time(parse_time(part)) for part in parts) if len(parts) == 2 else ("", "")
    except ScheduleInputError:
        raise Invalid(texts.QUIET_EXPECTED) from None
    if not start or start == end:
        raise Invalid(texts.QUIET_EXPECTED)
    return f"{start}-{end}"


def _chose(setting: str) -> Callable[[Turn, Answers], bool]:
    return lambda _turn, answers: answers.get("which") == setting


def _which(turn: Turn, _answers: Answers) -> Question:
    """The settings to choose from; the key-run day only on the prevention track (CLINICAL A22)."""
    prevention = turn.enrolment is not None and turn.programme().track == "prevention"
    labels = {key: label for key, label in texts.SETTING_LABELS.items() if key != KEY_RUN or prevention}
    return choice(texts.ASK_SETTING, labels)


def _phases_ahead(turn: Turn, _answers: Answers) -> tuple[Phase, ...]:
    """CLINICAL A23: the current phase and the ones after it."""
    if turn.enrolment is None:
        return ()
    number = turn.enrolment.phase
    return tuple(phase for phase in turn.programme().phases if phase.number >= number)


def _changes_days(_turn: Turn, answers: Answers) -> bool:
    return answers.get("which") in ("days", KEY_RUN)


STEPS = (
    Step("which", _which),
    Step("session_time", ask_session_time, when=_chose("session_time")),
    Step("training_days", ask_days, when=_chose("days")),
    Step(KEY_RUN, days_steps.ask_key_run, when=_chose(KEY_RUN)),
    days_steps.check_step(_phases_ahead, when=_changes_days),
    *zone_steps(_chose("zone")),
    Step("morning_time", ask_morning_time, when=_chose("morning_time")),
    Step(
        "quiet",
        lambda _t, _a: Question(
            texts.ASK_QUIET, texts.QUIET_EXPECTED, (Option("none", "None"),), read=_read_quiet
        ),
        when=_chose("quiet"),
    ),
    Step(
        "weekly_day",
        lambda _t, _a: Question(
            texts.ASK_WEEKLY_DAY, texts.WEEKLY_DAY_EXPECTED, read=one_day(texts.WEEKLY_DAY_EXPECTED)
        ),
        when=_chose("weekly_day"),
    ),
)


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    enrolment, person = turn.enrolment, turn.person
    if enrolment is None or person is None:
        return []
    if "session_time" in answers:
        enrolment.local_time = answers["session_time"]
    if _changes_days(turn, answers):
        enrolment.days = days_steps.final_days(turn, answers, _phases_ahead(turn, answers))
    if KEY_RUN in answers:  # CLINICAL A22; a new dict, so the JSON column is written
        enrolment.flags = {**(enrolment.flags or {}), KEY_RUN: days_steps.key_run(turn, answers)}
    if "zone" in answers:
        person.tz = chosen_zone(answers)
    if "morning_time" in answers:
        enrolment.morning_time = answers["morning_time"]
    if "quiet" in answers:
        start, _, end = answers["quiet"].partition("-")
        enrolment.quiet_start, enrolment.quiet_end = (
            (start, end) if answers["quiet"] != "none" else (None, None)
        )
    if "weekly_day" in answers:
        enrolment.weekly_day = answers["weekly_day"]
    enrolment.updated_at = turn.now
    await turn.reschedule()
    quiet = f"{enrolment.quiet_start}–{enrolment.quiet_end}" if enrolment.quiet_start else texts.NO_QUIET
    summary = texts.SAVED.format(
        time=enrolment.local_time, zone=person.tz, days=describe_days(enrolment.days),
        morning=enrolment.morning_time, weekly=enrolment.weekly_day.capitalize(), quiet=quiet,
    )  # fmt: skip
    kept = days_steps.kept_note(
        turn.programme(), _phases_ahead(turn, answers), enrolment.days, days_steps.key_run(turn, answers)
    )
    if KEY_RUN in answers:
        run = days_steps.key_run(turn, answers)
        summary += "\n" + (
            days_texts.KEY_RUN_SAVED.format(day=run.capitalize()) if run else days_texts.NO_KEY_RUN
        )
    if _changes_days(turn, answers) and kept is not None:  # CLINICAL A23: say what keeping them means
        summary += "\n" + kept
    if "zone" in answers and "zone_ok" not in answers and person.tz:  # typed with the command: say the time
        local = turn.now.astimezone(ZoneInfo(person.tz))
        summary += "\n" + enrol_texts.ZONE_NOW.format(
            time=local.strftime("%H:%M"), day=local.strftime("%A"), zone=person.tz
        )
    return [turn.say("\n".join([summary, *quiet_notes(enrolment)]))]


def quiet_notes(enrolment: Enrolment) -> list[str]:
    """A line for each chosen time inside the quiet hours: its prompt comes at their end (issue 14 item 5)."""
    quiet = quiet_hours(enrolment.quiet_start, enrolment.quiet_end)
    if quiet is None:
        return []
    times = {"session_time": enrolment.local_time, "morning_time": enrolment.morning_time}
    return [
        loop_texts.QUIET_MOVES.format(
            what=loop_texts.QUIET_WHAT[name], time=times[name], quiet=quiet, end=f"{quiet.end:%H:%M}"
        )
        for name in moved(quiet, times)
    ]


SETTINGS = Flow("settings", STEPS, _finish)

# settings given with the command, e.g. /settings zone Europe/London time 07:30 (Discord's typed options)
TYPED = {"zone": read_zone, "time": read_time, "morning": read_time}
ANSWER_KEYS = {"zone": "zone", "time": "session_time", "morning": "morning_time"}


def read_typed(args: str) -> Answers:
    """The settings given with the command, each read as its question reads a typed answer."""
    given = read_pairs(args, TYPED, texts.TYPED_EXPECTED)
    return {ANSWER_KEYS[key]: value for key, value in given.items()}


async def apply_typed(turn: Turn, args: str) -> list[Reply]:
    """Change the settings given with the command at once, or say what was expected and change nothing."""
    try:
        answers = read_typed(args)
    except Invalid as problem:
        return [turn.say(common.EXPECTED_PREFIX.format(expected=str(problem)))]
    return await _finish(turn, answers)


async def settings(turn: Turn) -> list[Reply]:
    """/settings asks what to change; /settings zone Europe/Paris time 07:30 changes it at once."""
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    found = turn.command()
    if found is not None and found.args.strip():
        return await apply_typed(turn, found.args)
    return await flow.begin(turn, SETTINGS)


COMMANDS = {"settings": settings}
FLOWS = (SETTINGS,)
