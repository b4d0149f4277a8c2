"""Everything stored about one person as a JSON document (schema in the README, "Your data").

Rows are written column by column as stored, so a new column appears in exports without code here:
instants as ISO 8601 UTC, local dates as YYYY-MM-DD.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, or_, select

from coachbot.messages import mention
from coachbot.store.club_tables import ClubMember
from coachbot.store.repo import Repo
from coachbot.store.tables import (
    CheckIn,
    Conversation,
    Decision,
    Enrolment,
    ExerciseLevel,
    OutboxMessage,
    Person,
    Schedule,
)

FORMAT = "coachbot-export"
VERSION = 1


def row(item: object) -> dict[str, Any]:
    """One stored row as a JSON-ready mapping of its columns."""
    mapper = inspect(item).mapper
    return {column.key: _plain(getattr(item, column.key)) for column in mapper.column_attrs}


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


async def collect(repo: Repo, person: Person, now: datetime) -> dict[str, Any]:
    session = repo.session
    enrolments = list(
        (
            await session.execute(
                select(Enrolment).where(Enrolment.person_id == person.id).order_by(Enrolment.id)
            )
        ).scalars()
    )
    plans = []
    for enrolment in enrolments:
        plan = row(enrolment)
        for key, table in (("levels", ExerciseLevel), ("checkins", CheckIn), ("decisions", Decision),
                           ("schedules", Schedule)):  # fmt: skip
            query = select(table).where(table.enrolment_id == enrolment.id)
            plan[key] = [row(item) for item in (await session.execute(query)).scalars()]
        plans.append(plan)
    conversation = await session.get(Conversation, person.id)
    clubs = (await session.execute(select(ClubMember).where(ClubMember.person_id == person.id))).scalars()
    messages = (
        await session.execute(select(OutboxMessage).where(or_(*to_person(person))).order_by(OutboxMessage.id))
    ).scalars()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "person": row(person),
        "conversation": row(conversation) if conversation is not None else None,
        "enrolments": plans,
        "club_memberships": [row(member) for member in clubs],
        "messages": [row(message) for message in messages],
    }


def to_person(person: Person) -> list[Any]:
    """Outbox conditions for messages about the person: their private chat, their plans, or naming them."""
    return [
        (OutboxMessage.platform == person.platform) & (OutboxMessage.chat_id == person.chat_id),
        OutboxMessage.enrolment_id.in_(select(Enrolment.id).where(Enrolment.person_id == person.id)),
        (OutboxMessage.platform == person.platform)
        & OutboxMessage.text.contains(mention(person.user_id), autoescape=True),
    ]


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
