"""Apply the Alembic migrations to a database, from code (`coachbot db upgrade`, `coachbot run`, tests), and
say where a database stands (`coachbot db current`).

On PostgreSQL the upgrade holds a transaction-level advisory lock, so any number of instances may start at
once on a fresh database: the first applies the migrations, the others wait for its commit and then find
nothing left to do. SQLite has one process per file (store/leadership.py) and `BEGIN IMMEDIATE` besides.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

from coachbot.programme.paths import data_dir
from coachbot.store.db import Database

MIGRATION_LOCK = 0x636F6D69  # "comi": the advisory lock key every instance migrates under; not the
# leader's (store/leadership.LEADER_LOCK_KEY), or no instance could start while a leader runs


@dataclass(frozen=True)
class Upgraded:
    """What an upgrade did: the revision before (None: an empty database), the one now, those applied."""

    before: str | None
    now: str | None
    applied: tuple[str, ...]


@dataclass(frozen=True)
class Standing:
    """Where a database stands: its revision (None: no schema yet) and the newest this code knows."""

    current: str | None
    head: str | None

    @property
    def behind(self) -> tuple[str, ...]:
        """The migrations an upgrade would apply, oldest first."""
        return _between(self.current, self.head)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(data_dir("migrations")))
    return config


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def _between(lower: str | None, upper: str | None) -> tuple[str, ...]:
    if upper is None or lower == upper:
        return ()
    revisions = _script().iterate_revisions(upper, lower)  # newest first, `lower` itself left out
    return tuple(reversed([revision.revision for revision in revisions]))


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def upgrade(database: Database, revision: str = "head") -> Upgraded:
    """Bring the schema up to `revision` inside one write transaction, under the migration lock."""

    def run(connection: Connection) -> Upgraded:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        before = _current(connection)
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        now = _current(connection)
        return Upgraded(before, now, _between(before, now))

    async with database.write() as repo:
        connection = await repo.session.connection()
        return await connection.run_sync(run)


async def standing(database: Database) -> Standing:
    """The database's revision and this code's newest, read without changing anything."""
    async with database.engine.connect() as connection:
        current = await connection.run_sync(_current)
    return Standing(current, _script().get_current_head())
