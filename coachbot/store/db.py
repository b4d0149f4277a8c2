"""The database engine: SQLite (WAL, busy_timeout, foreign keys, BEGIN IMMEDIATE writes) or PostgreSQL.

`Database.write()` is the only way to change data. On SQLite it takes one in-process writer lock and opens
the transaction with BEGIN IMMEDIATE, so a read-modify-write can never lose a concurrent update, even from
another process; on PostgreSQL the repository locks the rows it changes (SELECT ... FOR UPDATE).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from coachbot.store.repo import Repo

SQLITE_BUSY_TIMEOUT_MS = 10_000
_WRITE = "coachbot_write"

DatabaseError = SQLAlchemyError  # what a query raises when the database refuses or cannot be used


def failure_reason(error: OSError | DatabaseError) -> str:
    """The first line of what the database driver said, or the network's reason, or the kind of error."""
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    if isinstance(error, DBAPIError):
        lines = str(error.orig).strip().splitlines()
        return lines[0] if lines else type(error.orig).__name__
    return type(error).__name__


class Database:
    """An async engine plus session factories for reading and for writing."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._reads = async_sessionmaker(engine, expire_on_commit=False)
        self._writes = async_sessionmaker(engine.execution_options(**{_WRITE: True}), expire_on_commit=False)
        self._writer = asyncio.Lock()
        if self.is_sqlite:
            _configure_sqlite(engine)

    @classmethod
    def connect(cls, url: str, **engine_options: Any) -> Database:
        """Create the engine for a URL (nothing connects until the first query). Its errors never show the
        statement's values (answers, scores, message text), so a logged traceback holds no health data."""
        return cls(create_async_engine(url, **{"hide_parameters": True, **engine_options}))

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Repo]:
        """A read-only unit of work; it sees a consistent snapshot and writes nothing."""
        async with self._reads() as session, session.begin():
            yield Repo(session)

    @asynccontextmanager
    async def write(self) -> AsyncIterator[Repo]:
        """A unit of work that commits on success and rolls back on any exception."""
        if self.is_sqlite:
            async with self._writer, self._writes() as session, session.begin():
                yield Repo(session)
        else:
            async with self._writes() as session, session.begin():
                yield Repo(session)

    async def close(self) -> None:
        await self.engine.dispose()


def _configure_sqlite(engine: AsyncEngine) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (the driver would otherwise start DEFERRED transactions late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA journal_mode=WAL",
            f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
            "PRAGMA foreign_keys=ON",
            "PRAGMA synchronous=NORMAL",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # IMMEDIATE takes the write lock up front, so two writers queue instead of one failing or
        # overwriting the other's update after both have read.
        write = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
