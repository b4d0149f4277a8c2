"""Alembic environment: async engines, batch mode for SQLite, the models' naming convention.

`coachbot db upgrade` hands in an open connection (config.attributes["connection"]) and its own logging;
the plain `alembic` command builds its own async engine from COACHBOT_DATABASE_URL and logs as alembic.ini
says ("Running upgrade 0007 -> 0008" and the like, on stderr).
"""

from __future__ import annotations

import asyncio
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from coachbot.store.tables import Base

target_metadata = Base.metadata

if context.config.config_file_name is not None:  # the `alembic` command, with alembic.ini
    fileConfig(context.config.config_file_name, disable_existing_loggers=False)


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    url = os.environ.get("COACHBOT_DATABASE_URL", "sqlite+aiosqlite:///./coachbot.db")
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(run_with)
    await engine.dispose()


def run_offline() -> None:
    context.configure(
        url=os.environ.get("COACHBOT_DATABASE_URL", "sqlite+aiosqlite:///./coachbot.db"),
        target_metadata=target_metadata,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
elif (given := context.config.attributes.get("connection")) is not None:
    run_with(given)
else:
    asyncio.run(run_online())
