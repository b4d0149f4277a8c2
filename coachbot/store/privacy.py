"""A person's tables, listed once: `PERSONAL_TABLES` drives both /export (store/export.py) and /forget.

Each entry says how a row is theirs. A new table with a person key (person_id, an enrolment_id, a platform
user id) goes here, or it is neither exported nor erased; tests/privacy checks the list against the schema.
Deletes are explicit (not left to foreign-key cascades), in the order of the list, on SQLite and PostgreSQL
alike. Things that belong to a group keep existing without their name: a club they set up, a programme
they uploaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import delete, or_, select, update

from coachbot.messages import mention
from coachbot.store.club_tables import Club, ClubMember, CustomProgramme
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

REMOVED = ""  # what a group's club or upload keeps in place of the person's user id


class Mine(Enum):
    """How a row is the person's, which says how it is exported and erased."""

    MESSAGES = "messages"  # outbox rows to their private chat, of their plans, or naming them
    PLAN = "plan"  # enrolment_id is one of their plans: exported inside that plan
    PERSON = "person"  # person_id is theirs: exported as a list
    ONE = "one"  # person_id is the key: one row or none
    PLANS = "plans"  # their plans themselves, each exported with its PLAN rows
    NAMED = "named"  # a group's row naming them by platform user id: kept, the name removed, not exported
    SELF = "self"  # the person


@dataclass(frozen=True)
class Personal:
    key: str  # its name in the export document
    table: type[Base]
    mine: Mine
    column: str = ""  # the user id column of a NAMED table


PERSONAL_TABLES: tuple[Personal, ...] = (  # in the order /forget deletes them
    Personal("messages", OutboxMessage, Mine.MESSAGES),
    Personal("levels", ExerciseLevel, Mine.PLAN),
    Personal("checkins", CheckIn, Mine.PLAN),
    Personal("decisions", Decision, Mine.PLAN),
    Personal("schedules", Schedule, Mine.PLAN),
    Personal("club_memberships", ClubMember, Mine.PERSON),
    Personal("referrals", Referral, Mine.PERSON),
    Personal("conversation", Conversation, Mine.ONE),
    Personal("enrolments", Enrolment, Mine.PLANS),
    Personal("clubs", Club, Mine.NAMED, "admin_user_id"),
    Personal("custom_programmes", CustomProgramme, Mine.NAMED, "author_user_id"),
    Personal("person", Person, Mine.SELF),
)


def of_kind(mine: Mine) -> list[Personal]:
    return [entry for entry in PERSONAL_TABLES if entry.mine is mine]


def to_person(person: Person) -> list[Any]:
    """Outbox conditions for messages about the person: their private chat, their plans, or naming them."""
    return [
        (OutboxMessage.platform == person.platform) & (OutboxMessage.chat_id == person.chat_id),
        OutboxMessage.enrolment_id.in_(select(Enrolment.id).where(Enrolment.person_id == person.id)),
        (OutboxMessage.platform == person.platform)
        & OutboxMessage.text.contains(mention(person.user_id), autoescape=True),
    ]


async def forget(repo: Repo, person: Person) -> None:
    """Erase every row that is the person's, table by table in the order of PERSONAL_TABLES."""
    session = repo.session
    plans = select(Enrolment.id).where(Enrolment.person_id == person.id).scalar_subquery()
    for entry in PERSONAL_TABLES:
        columns = entry.table.__table__.c
        if entry.mine is Mine.MESSAGES:
            await session.execute(delete(entry.table).where(or_(*to_person(person))))
        elif entry.mine is Mine.PLAN:
            await session.execute(delete(entry.table).where(columns.enrolment_id.in_(plans)))
        elif entry.mine in (Mine.PERSON, Mine.ONE, Mine.PLANS):
            await session.execute(delete(entry.table).where(columns.person_id == person.id))
        elif entry.mine is Mine.NAMED:
            named = (columns.platform == person.platform) & (columns[entry.column] == person.user_id)
            await session.execute(update(entry.table).where(named).values({entry.column: REMOVED}))
        else:
            await session.execute(delete(entry.table).where(columns.id == person.id))
    session.expunge_all()
