"""Everything stored about one person as a JSON document (schema in the README, "Your data").

Rows are written column by column as stored, so a new column appears in exports without code here:
instants as ISO 8601 UTC, local dates as YYYY-MM-DD.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, or_, select

from coachbot.messages import mention
from coachbot.store.club_tables import ClubMember
from coachbot.store.repo import Repo
from coachbot.store.tables import (
    Base,
    CheckIn,
    Conversation,
    Decision,
    Enrolment,
    ExerciseLevel,
    OutboxMessage,
    Person,
    Referral,
    Schedule,
)

FORMAT = "coachbot-export"
VERSION = 1

# The one list of a person's tables, by the column that makes a row theirs: /export writes each under its
# key and /forget deletes each (privacy/forget.py). A new personal table goes here, or it is neither
# exported nor erased. The person, their plans, the conversation and messages are handled by name.
PLAN_TABLES: dict[str, type[Base]] = {
    "levels": ExerciseLevel,
    "checkins": CheckIn,
    "decisions": Decision,
    "schedules": Schedule,
}  # rows with an enrolment_id of one of the person's plans
PERSON_TABLES: dict[str, type[Base]] = {
    "club_memberships": ClubMember,
    "referrals": Referral,
}  # rows with the person's person_id


def row(item: object) -> dict[str, Any]:
    """One stored row as a JSON-ready mapping of its columns."""
    mapper = inspect(item).mapper
    return {column.key: _plain(getattr(item, column.key)) for column in mapper.column_attrs}


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):  # a kept reply's image or file (delivery/kept.py)
        return base64.b64encode(value).decode("ascii")
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
        for key, table in PLAN_TABLES.items():
            plan[key] = await _rows(repo, table, table.__table__.c.enrolment_id == enrolment.id)
        plans.append(plan)
    conversation = await session.get(Conversation, person.id)
    messages = (
        await session.execute(select(OutboxMessage).where(or_(*to_person(person))).order_by(OutboxMessage.id))
    ).scalars()
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "person": row(person),
        "conversation": row(conversation) if conversation is not None else None,
        "enrolments": plans,
    }
    for key, table in PERSON_TABLES.items():
        document[key] = await _rows(repo, table, table.__table__.c.person_id == person.id)
    document["messages"] = [row(message) for message in messages]
    return document


async def _rows(repo: Repo, table: type[Base], mine: Any) -> list[dict[str, Any]]:
    """The rows of `table` matching `mine`, in the order they were stored."""
    query = select(table).where(mine).order_by(*inspect(table).primary_key)
    return [row(item) for item in (await repo.session.execute(query)).scalars()]


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
