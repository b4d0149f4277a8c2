"""Erasing a person: every row that is theirs goes, on SQLite and PostgreSQL alike.

Deletes are explicit (not left to foreign-key cascades) so the story is complete here: the tables of
export.PLAN_TABLES and PERSON_TABLES (the same list /export writes: levels, check-ins, decisions,
schedules, club memberships, referrals); messages to them or naming them; plans; the conversation; the
person. Things that belong to a group keep existing without their name: a club they set up, a programme
they uploaded.
"""

from __future__ import annotations

from sqlalchemy import delete, or_, select, update

from coachbot.store.club_tables import Club, CustomProgramme
from coachbot.store.export import PERSON_TABLES, PLAN_TABLES, to_person
from coachbot.store.repo import Repo
from coachbot.store.tables import Base, Conversation, Enrolment, OutboxMessage, Person

REMOVED = ""  # what a group's club or upload keeps in place of the person's user id


async def forget(repo: Repo, person: Person) -> None:
    session = repo.session
    plans = select(Enrolment.id).where(Enrolment.person_id == person.id).scalar_subquery()
    await session.execute(delete(OutboxMessage).where(or_(*to_person(person))))
    for table in PLAN_TABLES.values():
        await session.execute(delete(table).where(table.__table__.c.enrolment_id.in_(plans)))
    personal: tuple[type[Base], ...] = (*PERSON_TABLES.values(), Conversation)
    for personal_table in personal:
        await session.execute(delete(personal_table).where(personal_table.__table__.c.person_id == person.id))
    await session.execute(delete(Enrolment).where(Enrolment.person_id == person.id))
    owned = (Club.platform == person.platform) & (Club.admin_user_id == person.user_id)
    await session.execute(update(Club).where(owned).values(admin_user_id=REMOVED))
    authored = (CustomProgramme.platform == person.platform) & (
        CustomProgramme.author_user_id == person.user_id
    )
    await session.execute(update(CustomProgramme).where(authored).values(author_user_id=REMOVED))
    await session.execute(delete(Person).where(Person.id == person.id))
    session.expunge_all()
