"""The migrations build exactly the schema the models describe, from an empty database."""

from __future__ import annotations

import asyncio

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from coachbot.store import migrate
from coachbot.store.db import Database
from coachbot.store.leadership import Leadership
from coachbot.store.tables import Base
from tests.conftest import postgres_database


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_upgrade_from_empty_matches_the_models(any_url: str) -> None:
    database = Database.connect(any_url)
    try:
        await migrate.upgrade(database)
        async with database.engine.connect() as connection:
            differences = await connection.run_sync(_differences)
            tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    finally:
        await database.close()
    assert differences == []
    assert {"people", "enrolments", "checkins", "decisions", "conversations", "referrals"} <= tables
    assert "alembic_version" in tables


async def test_upgrade_twice_is_harmless(any_url: str) -> None:
    database = Database.connect(any_url)
    try:
        await migrate.upgrade(database)
        await migrate.upgrade(database)
        async with database.engine.connect() as connection:
            version = (
                await connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            ).scalar_one()
    finally:
        await database.close()
    assert version == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


async def test_the_referrals_migration_goes_down_and_up_again(any_url: str) -> None:
    def downgrade(connection: Connection) -> None:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")

    database = Database.connect(any_url)
    try:
        await migrate.upgrade(database)
        async with database.engine.begin() as connection:
            await connection.run_sync(downgrade)
            tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
        assert "referrals" not in tables
        await migrate.upgrade(database)
        async with database.engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await database.close()


async def test_an_instance_migrates_while_another_one_leads() -> None:
    """The migration lock is not the leader's lock: a new instance never waits for the leader to stop."""
    async with postgres_database() as url:
        leader = Leadership(url)
        database = Database.connect(url)
        try:
            assert await leader.try_acquire() is True
            done = await asyncio.wait_for(migrate.upgrade(database), 30)
            assert done.now == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
        finally:
            await database.close()
            await leader.release()
