"""Handlers for the commands: the one-shot ones (/help, /today, /status, /cancel) and those that open a
conversation (/start, /checkin, /morning, /weekly, /pause, /resume, /settings, /skip, /snooze, /stop)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from coachbot.coaching.plan import todays_session, training_days
from coachbot.coaching.weekpattern import key_run_day
from coachbot.core import decisions as deciding
from coachbot.core import flow, safety_pause
from coachbot.core.chart_data import series_for
from coachbot.core.features import club_join as joining
from coachbot.core.features import travel
from coachbot.core.features.checkin import CHECKIN
from coachbot.core.features.clinician_led import CLINICIAN
from coachbot.core.features.club import usable
from coachbot.core.features.club_codes import CLUB_PREFIX, programme_for, share_code
from coachbot.core.features.data_rights import FORGET
from coachbot.core.features.ended import latest_plan
from coachbot.core.features.enrol import ENROL
from coachbot.core.features.morning import MORNING
from coachbot.core.features.pause import PAUSE, resume_from_pause
from coachbot.core.features.resume import RESUME
from coachbot.core.features.retriage import RETRIAGE
from coachbot.core.features.settings_menu import SETTINGS, apply_typed
from coachbot.core.features.skip import SKIP, already_logged
from coachbot.core.features.snooze import command as snooze_command
from coachbot.core.features.stop import STOP
from coachbot.core.features.weekly_check import WEEKLY, start_answers
from coachbot.core.flow import Answers, Flow
from coachbot.core.report_files import report_replies
from coachbot.core.steps import rupture
from coachbot.core.turn import Turn
from coachbot.messages import HELD_PAYLOAD, Attachment, Reply
from coachbot.programme.schema import Weekday
from coachbot.reporting.chart import caption, render
from coachbot.reporting.present import clinician_record
from coachbot.reporting.present import days as describe_days
from coachbot.reporting.present import session as describe_session
from coachbot.schedule.wallclock import next_day_in, parse_days
from coachbot.store import clubs as club_store
from coachbot.store import tracking
from coachbot.store.export import collect, dumps
from coachbot.texts import checkin as checkin_texts
from coachbot.texts import common, safety
from coachbot.texts import enrol as enrol_texts
from coachbot.texts import plan as texts
from coachbot.texts import progress as progress_texts


async def help_(turn: Turn) -> list[Reply]:
    return [turn.say(common.HELP + _help_plan(turn), private=False)]


def _help_plan(turn: Turn) -> str:
    """In a private chat, how often the person's programme trains now (never "one session a day")."""
    enrolment = turn.enrolment
    if enrolment is None or turn.in_group:
        return ""
    phase = turn.programme().phase(enrolment.phase)
    days = training_days(phase, _chosen_days(turn), key_run_day(enrolment.flags or {}))
    shown = describe_days(",".join(days))
    line = texts.HELP_PLAN.format(
        title=turn.programme().title, phase=phase.number, phase_name=phase.name, count=len(days), days=shown
    )
    return "\n" + line


async def start(turn: Turn) -> list[Reply]:
    """/start; /start <club join code> or <programme share code>; or a deep link /start <command> from a
    group's "continue privately" button."""
    found = turn.command()
    payload = found.args.strip().lower() if found is not None else ""
    if payload.startswith(CLUB_PREFIX):
        club = await club_store.club_by_code(turn.repo, turn.address.platform, payload)
        if club is not None:
            return await joining.join(turn, club)
    shared = programme_for(turn.programmes, payload) if payload else None
    if shared is not None and turn.enrolment is None and usable(turn, shared.id):
        return await flow.begin(turn, ENROL, {"shared_programme": shared.id})
    known = payload in (*DEEP_LINKS, HELD_PAYLOAD) or (shared is not None and usable(turn, shared.id))
    if payload and not known:
        return [unknown_code(turn, found.args.strip() if found is not None else payload)]
    if turn.enrolment is not None:
        follow = DEEP_LINKS.get(payload)
        if follow is not None:
            return await follow(turn)
        return [turn.say(enrol_texts.ALREADY_ENROLLED.format(title=turn.programme().title))]
    return await flow.begin(turn, ENROL)


def unknown_code(turn: Turn, given: str) -> Reply:
    """A mistyped join or share code: say so and what to do; never begin an enrolment without it."""
    text = enrol_texts.UNKNOWN_CODE.format(code=given[:40])
    if turn.enrolment is None:
        return turn.say(text + enrol_texts.UNKNOWN_CODE_NEW)
    return turn.say(text + enrol_texts.UNKNOWN_CODE_ENROLLED.format(title=turn.programme().title))


async def checkin(turn: Turn) -> list[Reply]:
    """/checkin (after a session), /checkin morning, /checkin weekly."""
    found = turn.command()
    which = found.args.strip().lower() if found is not None else ""
    if which.startswith("morning"):
        return await morning(turn)
    if which.startswith("week"):
        return await weekly(turn)
    return await _open(turn, CHECKIN)


async def morning(turn: Turn) -> list[Reply]:
    return await _open(turn, MORNING)


async def clinician(turn: Turn) -> list[Reply]:
    """CLINICAL A16: record what the person's clinician said: phase, levels if any, and the day."""
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    return await flow.begin(turn, CLINICIAN)


async def weekly(turn: Turn) -> list[Reply]:
    opened = await _open(turn, WEEKLY, await start_answers(turn))  # A20 reads the last walking pain
    started = turn.conversation is not None and turn.conversation.flow == WEEKLY.name
    return [turn.say(checkin_texts.WEEKLY_INTRO), *opened] if started else opened


async def _open(turn: Turn, check_in: Flow, answers: Answers | None = None) -> list[Reply]:
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    if turn.enrolment.status != "active":
        return [turn.say(texts.NOT_ACTIVE)]
    return [*await deciding.after_silence(turn), *await flow.begin(turn, check_in, answers)]


async def stop(turn: Turn) -> list[Reply]:
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    return await flow.begin(turn, STOP, {"title": turn.programme().title})


async def cancel(turn: Turn) -> list[Reply]:
    if turn.person is None or turn.conversation is None:
        return [turn.say(common.NOTHING_TO_CANCEL)]
    await turn.repo.end_conversation(turn.person.id)
    return [turn.say(common.CANCELLED)]


def _chosen_days(turn: Turn) -> tuple[Weekday, ...]:
    assert turn.enrolment is not None
    return parse_days(turn.enrolment.days)


async def today(turn: Turn) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    paused = await safety_pause.today_reply(turn)
    if paused is not None:  # CLINICAL A12: no exercises while paused for safety
        return [turn.say(paused)]
    welcome = await deciding.after_silence(turn)
    programme, day = turn.programme(), turn.local_today()
    progress = tracking.progress_of(enrolment)
    session = todays_session(
        programme, progress, day, _chosen_days(turn), enrolment.flags or {}, tracking.person_of(enrolment)
    )
    next_day = None
    if session.is_rest:
        days = training_days(session.phase, _chosen_days(turn), key_run_day(enrolment.flags or {}))
        next_day = next_day_in(days, day).strftime("%a %d %b") if days else None
    return [*welcome, turn.say(describe_session(session, next_day))]


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


async def pause(turn: Turn) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    if enrolment.status != "active":
        return [turn.say(texts.ALREADY_PAUSED)]
    return await flow.begin(turn, PAUSE)


async def resume(turn: Turn) -> list[Reply]:
    enrolment = turn.enrolment
    if enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    if enrolment.status == "active":
        return [turn.say(texts.NOT_PAUSED)]
    if enrolment.status == "referred":
        return await flow.begin(turn, RESUME)
    if (enrolment.status_reason or "").startswith("stop"):  # row 2: rest, then re-triage
        rest_until = tracking.progress_of(enrolment).rest_until
        if rest_until is not None and turn.local_today() < rest_until:
            if enrolment.status_reason == rupture.SCREENED_STOP:  # A7: re-triage may come at once
                return await rupture.offer_retriage(turn)
            return [turn.say(safety.REST_FIRST.format(date=rest_until.strftime("%a %d %b")))]
        return [turn.say(safety.RETRIAGE_INTRO), *await flow.begin(turn, RETRIAGE)]
    if travel.after_travel(turn):  # A9: the DVT questions again first
        return await travel.begin(turn)
    return await resume_from_pause(turn)


async def settings(turn: Turn) -> list[Reply]:
    """/settings asks what to change; /settings zone Europe/Paris time 07:30 changes it at once."""
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    found = turn.command()
    if found is not None and found.args.strip():
        return await apply_typed(turn, found.args)
    return await flow.begin(turn, SETTINGS)


async def programme(turn: Turn) -> list[Reply]:
    """/programme (share): the share code of your programme (or of every programme), for /start <code>."""
    chosen = [turn.programme()] if turn.enrolment is not None else list(turn.programmes.values())
    lines = [enrol_texts.SHARE_LINE.format(title=p.title, code=share_code(p.id)) for p in chosen]
    return [turn.say("\n".join([enrol_texts.SHARE_HEADER, *lines]), private=False)]


async def report(turn: Turn) -> list[Reply]:
    """/report: a one-page PDF for a clinician, a CSV of every check-in and, if there were any, one of
    every referral, in the private chat only."""
    found = await latest_plan(turn)  # a stopped or completed plan still has its report
    if found is None or found.person is None:
        return [turn.say(common.NOT_ENROLLED)]
    return await report_replies(found)


async def export(turn: Turn) -> list[Reply]:
    """/export: everything stored about the person, as a JSON file, in the private chat only."""
    if turn.person is None:
        return [turn.say(common.NOTHING_STORED)]
    document = await collect(turn.repo, turn.person, turn.now)
    data = dumps(document).encode("utf-8")
    name = f"coachbot-export-{turn.now:%Y%m%d}.json"
    return [replace(turn.say(common.EXPORTED), file=Attachment(name, len(data), data))]


async def forget(turn: Turn) -> list[Reply]:
    if turn.person is None:
        return [turn.say(common.NOTHING_STORED)]
    return await flow.begin(turn, FORGET)


async def progress(turn: Turn) -> list[Reply]:
    """/progress: the chart of the current plan as a PNG, its one-sentence summary as the caption."""
    found = await latest_plan(turn)  # a stopped or completed plan still has its chart
    if found is None or found.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    series = await series_for(found.repo, found.enrolment, found.programme(), found.local_today())
    if not series.pain and not series.done:
        return [turn.say(progress_texts.NOTHING_YET)]
    image = await asyncio.to_thread(render, series)  # a few hundred ms of drawing, off the event loop
    return [replace(turn.say(caption(series)), image=image)]


async def skip(turn: Turn) -> list[Reply]:
    return await already_logged(turn) or await _open(turn, SKIP)


async def snooze(turn: Turn) -> list[Reply]:
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    found = turn.command()
    return await snooze_command(turn, found.args if found is not None else "")


DEEP_LINKS = {"today": today, "checkin": checkin, "status": status, "morning": morning, "weekly": weekly}
