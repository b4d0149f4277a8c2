"""/snooze today's latest prompt by 30 minutes, 1 hour or 3 hours, at most once per prompt."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from coachbot.conversation.flow import Answers, Flow, Step
from coachbot.conversation.triage import choice
from coachbot.conversation.turn import Turn
from coachbot.delivery import outbox
from coachbot.messages import Reply
from coachbot.store.tables import OutboxMessage
from coachbot.texts import prompts as prompt_texts
from coachbot.texts import settings as texts

SNOOZE_SUFFIX = ":snooze"


def minutes_from(text: str) -> str | None:
    """'30', '30m', '1h', '3 hours' -> minutes as one of the allowed values, else None."""
    cleaned = text.strip().lower().replace(" ", "")
    table = {"30": "30", "30m": "30", "30min": "30", "30minutes": "30", "1h": "60", "1hour": "60", "60": "60",
             "3h": "180", "3hours": "180", "180": "180"}  # fmt: skip
    return table.get(cleaned)


async def snooze(turn: Turn, minutes: int) -> list[Reply]:
    enrolment = turn.enrolment
    assert enrolment is not None
    today = turn.local_today()
    query = (
        select(OutboxMessage)
        .where(
            OutboxMessage.enrolment_id == enrolment.id,
            OutboxMessage.local_date == today,
            OutboxMessage.status == "sent",
            OutboxMessage.kind.in_(("session", "morning", "weekly")),
        )
        .order_by(OutboxMessage.sent_at.desc())
        .limit(1)
    )
    latest = (await turn.repo.session.execute(query)).scalar_one_or_none()
    if latest is None:
        return [turn.say(prompt_texts.NOTHING_TO_SNOOZE)]
    key = latest.idempotency_key + SNOOZE_SUFFIX
    if (
        await turn.repo.session.execute(select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key))
    ).first():
        return [turn.say(prompt_texts.SNOOZE_USED)]
    lines = tuple(
        tuple((str(label), str(token)) for label, token in line) for line in latest.choices.get("rows", [])
    )
    await outbox.add(
        turn.repo,
        outbox.row(
            key, latest.platform, latest.chat_id, latest.kind, today, latest.text, lines, "pending", turn.now,
            enrolment_id=enrolment.id, not_before=turn.now + timedelta(minutes=minutes),
        ),
    )  # fmt: skip
    return [turn.say(prompt_texts.SNOOZED.format(minutes=minutes))]


async def _finish(turn: Turn, answers: Answers) -> list[Reply]:
    return await snooze(turn, int(answers["minutes"]))


SNOOZE = Flow(
    "snooze", (Step("minutes", lambda _t, _a: choice(texts.ASK_SNOOZE, texts.SNOOZE_LABELS, 3)),), _finish
)
