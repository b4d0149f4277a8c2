"""The benchmark's database: created with coachbot's own migrations, then N people enrolled on Telegram with
a session prompt due at one instant, bulk-inserted in chunks (core INSERTs, no ORM objects).

Fan-out people have chat ids FANOUT_BASE + i; "interactive" people (who send /checkin during the fan-out)
have chat ids INTERACTIVE_BASE + j and a prompt due a day later, so the only message they get in the run is
the answer to their /checkin. PostgreSQL databases are created fresh and dropped by `drop_postgres`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, text, update
from sqlalchemy.ext.asyncio import create_async_engine

from coachbot.store import migrate
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment, ExerciseLevel, Person, Schedule

FANOUT_BASE = 1_000_000
INTERACTIVE_BASE = 9_000_000
PLACEHOLDER = datetime(2030, 1, 1, tzinfo=UTC)  # fan-out schedules until `set_due` says when
CHUNK = 5_000


def sqlite_url(path: str) -> str:
    return f"sqlite+aiosqlite:///{path}"


async def create_postgres(server: str) -> tuple[str, str]:
    """A fresh database on `server` (postgresql://user@host:port/db); returns its name and asyncpg URL."""
    name = f"coachbot_bench_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(_asyncpg(server), isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    base = _asyncpg(server).rsplit("/", 1)[0]
    return name, f"{base}/{name}"


async def drop_postgres(server: str, name: str) -> None:
    admin = create_async_engine(_asyncpg(server), isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


def _asyncpg(url: str) -> str:
    return (
        url.replace("postgresql://", "postgresql+asyncpg://", 1) if url.startswith("postgresql://") else url
    )


async def seed(url: str, people: int, interactive: int) -> None:
    """Migrate the database and enrol `people` + `interactive` people (due at PLACEHOLDER / a day later)."""
    database = Database.connect(url)
    try:
        await migrate.upgrade(database)
        await _people(database, FANOUT_BASE, people, PLACEHOLDER)
        await _people(database, INTERACTIVE_BASE, interactive, PLACEHOLDER + timedelta(days=1))
    finally:
        await database.close()


async def set_due(url: str, due: datetime) -> None:
    """The fan-out falls due at `due` (interactive people's prompts a day after it)."""
    database = Database.connect(url)
    try:
        async with database.write() as repo:
            schedules = update(Schedule).where(Schedule.next_due_at == PLACEHOLDER)
            later = update(Schedule).where(Schedule.next_due_at == PLACEHOLDER + timedelta(days=1))
            await repo.session.execute(later.values(next_due_at=due + timedelta(days=1)))
            await repo.session.execute(schedules.values(next_due_at=due))
    finally:
        await database.close()


async def _people(database: Database, base: int, count: int, due: datetime) -> None:
    now = datetime.now(UTC)
    today = now.date()
    for start in range(0, count, CHUNK):
        ids = range(base + start, base + min(start + CHUNK, count))
        async with database.write() as repo:
            rows = [
                {"platform": "telegram", "user_id": str(i), "chat_id": str(i), "tz": "UTC", "agreed_at": now,
                 "created_at": now}
                for i in ids
            ]  # fmt: skip
            person_ids = (await repo.session.execute(insert(Person).returning(Person.id), rows)).scalars()
            enrolments = [_enrolment(pid, today, now) for pid in person_ids]
            result = await repo.session.execute(insert(Enrolment).returning(Enrolment.id), enrolments)
            enrolment_ids = list(result.scalars())
            levels = [
                {"enrolment_id": e, "exercise": exercise, "level": level, "updated_at": now}
                for e in enrolment_ids
                for exercise, level in (("E1", 2), ("E2", 1))
            ]
            await repo.session.execute(insert(ExerciseLevel), levels)
            schedules = [{"enrolment_id": e, "kind": "session", "next_due_at": due} for e in enrolment_ids]
            await repo.session.execute(insert(Schedule), schedules)


def _enrolment(person_id: int, today: date, now: datetime) -> dict[str, object]:
    """An active phase-1 rehab enrolment as tests/factories.py builds one, sessions every day."""
    return {
        "person_id": person_id, "programme_id": "calf-rehab-12w", "programme_version": 1, "status": "active",
        "grade": "grade1", "flags": {}, "phase": 1, "phase_started_on": today, "started_on": today,
        "green_streak": 0, "progress": {}, "triage": {}, "local_time": "07:30", "morning_time": "08:00",
        "days": "mon,tue,wed,thu,fri,sat,sun", "weekly_day": "sun", "created_at": now, "updated_at": now,
    }  # fmt: skip
