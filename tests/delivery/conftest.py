"""Delivery fixtures: enrolled people with schedules, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import insert

from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.plan_changes import reschedule
from coachbot.store.tables import Enrolment, ExerciseLevel, Person, Schedule
from tests import factories

ENROLLED_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday


async def enrol(database: Database, programme: Programme, user: str, **fields: object) -> int:
    """One person enrolled at phase 1 with a 07:00 session and 08:00 morning, London time."""
    zone = str(fields.pop("tz", "Europe/London"))
    values: dict[str, object] = {"programme_id": programme.id, "local_time": "07:00", **fields}
    async with database.write() as repo:
        enrolment = await factories.enrolment(repo, ENROLLED_AT, user, platform="test", tz=zone, **values)
        await reschedule(repo, enrolment, programme, zone, ENROLLED_AT)
        return enrolment.id


async def enrol_many(database: Database, programme: Programme, count: int, due: datetime) -> None:
    """`count` people whose session prompt is due at `due` (bulk inserts, for fan-out tests)."""
    async with database.write() as repo:
        session = repo.session
        people = [
            {
                "platform": "test",
                "user_id": f"u{i}",
                "chat_id": f"c{i}",
                "tz": "Europe/London",
                "created_at": ENROLLED_AT,
            }
            for i in range(count)
        ]
        await session.execute(insert(Person), people)
        ids = (
            (
                await session.execute(
                    Person.__table__.select().with_only_columns(Person.id).order_by(Person.id)
                )
            )
            .scalars()
            .all()
        )
        enrolments = [
            {
                "person_id": pid, "programme_id": programme.id, "programme_version": 1, "status": "active",
                "grade": "grade1", "flags": {}, "phase": 1, "phase_started_on": date(2026, 3, 2),
                "started_on": date(2026, 3, 2), "green_streak": 0, "local_time": "07:00", "morning_time": "08:00",
                "days": "mon,tue,wed,thu,fri,sat,sun", "created_at": ENROLLED_AT, "updated_at": ENROLLED_AT,
                "progress": {}, "triage": {}, "weekly_day": "sun",
            }
            for pid in ids
        ]  # fmt: skip
        await session.execute(insert(Enrolment), enrolments)
        enrolment_ids = (
            (await session.execute(Enrolment.__table__.select().with_only_columns(Enrolment.id)))
            .scalars()
            .all()
        )
        await session.execute(
            insert(ExerciseLevel),
            [
                {"enrolment_id": e, "exercise": "E1", "level": 2, "updated_at": ENROLLED_AT}
                for e in enrolment_ids
            ],
        )
        await session.execute(
            insert(Schedule),
            [{"enrolment_id": e, "kind": "session", "next_due_at": due} for e in enrolment_ids],
        )
