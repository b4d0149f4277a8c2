"""Concurrent read-modify-write transactions never lose an update, within one process or across two
engines on the same database (two processes, or two app instances on PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import datetime

from coachbot.store.db import Database
from tests import factories

WRITERS = 40


async def _increment(database: Database, enrolment_id: int, now: datetime) -> None:
    async with database.write() as repo:
        enrolment = await repo.enrolment(enrolment_id, lock=True)
        assert enrolment is not None
        seen = enrolment.green_streak
        await asyncio.sleep(0)  # hand the loop to the other writers between the read and the write
        enrolment.green_streak = seen + 1
        await repo.set_level(enrolment, "E1", seen + 1, now)


async def test_concurrent_writers_on_two_engines_lose_no_update(
    any_db: Database, any_url: str, now: datetime
) -> None:
    async with any_db.write() as repo:
        enrolment_id = (await factories.enrolment(repo, now)).id
    other = Database.connect(any_url)
    try:
        await asyncio.gather(
            *(_increment(any_db if index % 2 else other, enrolment_id, now) for index in range(WRITERS))
        )
    finally:
        await other.close()
    async with any_db.read() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        assert enrolment.green_streak == WRITERS
        assert enrolment.level_of("E1") == WRITERS


async def test_failed_write_rolls_back_everything(any_db: Database, now: datetime) -> None:
    async with any_db.write() as repo:
        enrolment_id = (await factories.enrolment(repo, now)).id
    try:
        async with any_db.write() as repo:
            enrolment = await repo.enrolment(enrolment_id, lock=True)
            assert enrolment is not None
            enrolment.green_streak = 99
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    async with any_db.read() as repo:
        enrolment = await repo.enrolment(enrolment_id)
        assert enrolment is not None
        assert enrolment.green_streak == 0


async def test_sqlite_pragmas_are_set(sqlite_db: Database) -> None:
    async with sqlite_db.engine.connect() as connection:
        journal = (await connection.exec_driver_sql("PRAGMA journal_mode")).scalar_one()
        foreign_keys = (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar_one()
        busy = (await connection.exec_driver_sql("PRAGMA busy_timeout")).scalar_one()
    assert (journal, foreign_keys) == ("wal", 1)
    assert busy > 0
