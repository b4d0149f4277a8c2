"""Apply the Alembic migrations to a database, from code (`coachbot db upgrade`, `coachbot run`, tests)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from coachbot.programme.paths import data_dir
from coachbot.store.db import Database


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(data_dir("migrations")))
    return config


async def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema up to `revision` inside one write transaction."""

    def run(connection: Connection) -> None:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with database.write() as repo:
        connection = await repo.session.connection()
        await connection.run_sync(run)
