"""/snooze and a prompt's own Snooze button: send an unanswered prompt of today again later, once.

The prompt is named (session, morning or weekly check); one already answered is never snoozed; 30 min, 1 h
or 3 h, and "tomorrow" for a session. A snoozed copy is an outbox row keyed `<prompt key>:snooze`; its
time moves out of quiet hours, and the sender drops it once answered or later than the late window
(store/snoozed.py; issue 14 item 4).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from coachbot.coaching.lifecycle import Status
from coachbot.core import flow, tokens
from coachbot.core.flow import Answers, Flow, Step
from coachbot.core.question import Question
from coachbot.core.steps.triage_questions import choice
from coachbot.core.turn import Turn
from coachbot.messages import Choice, Reply
from coachbot.schedule.quiet_hours import outside, quiet_hours
from coachbot.schedule.wallclock import instant, parse_time
from coachbot.store import outbox, prompts
from coachbot.store.snoozed import SNOOZE_SUFFIX
from coachbot.store.tables import OutboxMessage
from coachbot.texts import common
from coachbot.texts import loop as texts
from coachbot.texts import prompts as prompt_texts
from coachbot.texts import settings as settings_texts

KINDS = ("session", "morning", "weekly")
TOMORROW = "tomorrow"


def minutes_from(text: str) -> str | None:
    """'30', '30m', '1h', '3 hours', 'tomorrow' -> one of the allowed values, else None."""
    cleaned = text.strip().lower().replace(" ", "")
    table = {"30": "30", "30m": "30", "30min": "30", "30minutes": "30", "1h": "60", "1hour": "60", "60": "60",
             "3h": "180", "3hours": "180", "180": "180", "tomorrow": TOMORROW}  # fmt: skip
    return table.get(cleaned)


async def _sent(turn: Turn, kind: str, day: date) -> OutboxMessage | None:
    assert turn.enrolment is not None
    key = f"{turn.enrolment.id}:{day.isoformat()}:{kind}"
    return await prompts.sent(turn.repo, key)


async def _answered(turn: Turn, kind: str, day: date) -> bool:
    assert turn.enrolment is not None
    return await turn.repo.checkin(turn.enrolment.id, kind, day) is not None


async def _latest_unanswered(turn: Turn) -> tuple[OutboxMessage | None, bool]:
    """Today's latest prompt not yet answered; else (the latest prompt, True) if every one is answered."""
    assert turn.enrolment is not None
    rows = await prompts.sent_on(turn.repo, turn.enrolment.id, turn.local_today(), KINDS)
    for row in rows:
        if row.local_date is not None and not await _answered(turn, row.kind, row.local_date):
            return row, False
    return (rows[0] if rows else None), bool(rows)


async def snooze(turn: Turn, kind: str, day: date, how: str) -> list[Reply]:
    """Queue the prompt of `kind` for `day` again after `how` (minutes, or "tomorrow"), if it may be."""
    enrolment = turn.enrolment
    assert enrolment is not None
    name = texts.PROMPT_NAMES[kind]
    latest = await _sent(turn, kind, day)
    refused = await _refusal(turn, latest, kind, day)
    if refused is not None or latest is None:
        return [turn.say(refused or prompt_texts.NOTHING_TO_SNOOZE)]
    key = latest.idempotency_key + SNOOZE_SUFFIX
    zone, quiet = turn.zone(), quiet_hours(enrolment.quiet_start, enrolment.quiet_end)
    if how == TOMORROW:
        tomorrow = instant(day + timedelta(days=1), parse_time(enrolment.local_time), zone)
        at = outside(tomorrow, zone, quiet)
        due = await turn.repo.schedules(enrolment.id)
        following = due.get("session")
        if following is not None and following.astimezone(zone).date() == at.astimezone(zone).date():
            return [turn.say(texts.TOMORROW_AS_USUAL.format(time=_clock(following, zone)))]
        reply = texts.SNOOZED_TOMORROW.format(prompt=name, time=_clock(at, zone))
    else:
        at = outside(turn.now + timedelta(minutes=int(how)), zone, quiet)
        reply = texts.SNOOZED_NAMED.format(minutes=how, prompt=name, time=_clock(at, zone))
    lines = tuple(
        tuple((str(label), str(token)) for label, token in line) for line in latest.choices.get("rows", [])
    )
    await outbox.add(
        turn.repo,
        outbox.row(
            key, latest.platform, latest.chat_id, latest.kind, day, latest.text, lines, "pending", turn.now,
            enrolment_id=enrolment.id, not_before=at,
        ),
    )  # fmt: skip
    return [turn.say(reply)]


async def _refusal(turn: Turn, latest: OutboxMessage | None, kind: str, day: date) -> str | None:
    """Why this prompt can't be snoozed (not sent, answered, not today's, snoozed already), or None."""
    name = texts.PROMPT_NAMES[kind]
    if latest is None:
        return prompt_texts.NOTHING_TO_SNOOZE
    if await _answered(turn, kind, day):
        return texts.SNOOZE_ANSWERED.format(prompt=name)
    if day != turn.local_today():
        return texts.SNOOZE_TOO_LATE
    key = latest.idempotency_key + SNOOZE_SUFFIX
    if await prompts.exists(turn.repo, key):
        return texts.SNOOZE_USED_NAMED.format(prompt=name)
    return None


def _clock(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%H:%M}"


async def command(turn: Turn, args: str) -> list[Reply]:
    """/snooze [30m|1h|3h|tomorrow]: today's latest unanswered prompt, named."""
    latest, all_answered = await _latest_unanswered(turn)
    if latest is None or latest.local_date is None:
        return [turn.say(prompt_texts.NOTHING_TO_SNOOZE)]
    name = texts.PROMPT_NAMES[latest.kind]
    if all_answered:
        return [turn.say(texts.SNOOZE_ANSWERED.format(prompt=name))]
    how = minutes_from(args) if args.strip() else None
    if how is not None and not (how == TOMORROW and latest.kind != "session"):
        return await snooze(turn, latest.kind, latest.local_date, how)
    refused = await _refusal(turn, latest, latest.kind, latest.local_date)
    if refused is not None:
        return [turn.say(refused)]
    return await flow.begin(turn, SNOOZE, {"kind": latest.kind, "day": latest.local_date.isoformat()})


async def from_command(turn: Turn) -> list[Reply]:
    """/snooze, /snooze 30: the latest prompt not answered yet."""
    if turn.enrolment is None:
        return [turn.say(common.NOT_ENROLLED)]
    found = turn.command()
    return await command(turn, found.args if found is not None else "")


async def from_button(turn: Turn) -> list[Reply]:
    """A prompt's Snooze button (a `snooze` token: the prompt's kind and local date): ask how long."""
    assert isinstance(turn.incoming, Choice)
    kind, day = tokens.parts_of(turn.incoming.token)
    if turn.enrolment is None or turn.enrolment.status != Status.ACTIVE or kind not in KINDS:
        return [turn.say(prompt_texts.NOTHING_TO_SNOOZE)]
    try:
        when = date.fromisoformat(day)
    except ValueError:
        return [turn.say(prompt_texts.NOTHING_TO_SNOOZE)]
    refused = await _refusal(turn, await _sent(turn, kind, when), kind, when)
    if refused is not None:
        return [turn.say(refused)]
    return await flow.begin(turn, SNOOZE, {"kind": kind, "day": day})


def _ask(_turn: Turn, answers: Answers) -> Question:
    labels = dict(settings_texts.SNOOZE_LABELS)
    if answers.get("kind") == "session":
        labels[TOMORROW] = texts.TOMORROW_LABEL
    prompt = texts.ASK_SNOOZE_NAMED.format(prompt=texts.PROMPT_NAMES[str(answers.get("kind", "session"))])
    return choice(prompt, labels, 2)


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    if turn.enrolment is None:
        return []
    if "kind" not in answers:  # a /snooze question asked before prompts were named
        return await command(turn, answers["minutes"])
    return await snooze(
        turn, str(answers["kind"]), date.fromisoformat(str(answers["day"])), answers["minutes"]
    )


SNOOZE = Flow("snooze", (Step("minutes", _ask),), _finish)


COMMANDS = {"snooze": from_command}
CHOICES = {tokens.SNOOZE: from_button}
FLOWS = (SNOOZE,)
