"""Who may run what: one process per SQLite file, and one leader among PostgreSQL instances.

SQLite mode takes an exclusive lock on `coachbot-data/<database>.lock` beside the database file (whatever
COACHBOT_DATA_DIR says, so two processes on one file always meet) and refuses a second process clearly.
On PostgreSQL every instance runs the ticker and sender; only the holder of an advisory lock, kept on its
own dedicated (unpooled) connection, runs the platform pollers and gateways.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import NullPool

from coachbot.settings import default_data_dir

LEADER_LOCK_KEY = 0x636F6163  # "coac"


class AlreadyRunning(RuntimeError):
    """Another coachbot process already uses this SQLite file."""


class LockUnavailable(RuntimeError):
    """The lock file cannot be created (the database's folder is missing or read-only)."""


class SqliteInstanceLock:
    """An exclusive, non-blocking file lock held for the life of the process."""

    def __init__(self, database_url: str) -> None:
        database = make_url(database_url).database or ""
        folder = default_data_dir(database_url)
        self.database = Path(database)
        self.path = folder / f"{self.database.name}.lock" if database and database != ":memory:" else None
        self._fd: int | None = None

    def acquire(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise LockUnavailable(f"cannot create the lock file {self.path}: {error.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise AlreadyRunning(
                f"another coachbot is already running on {self.database}; SQLite allows one "
                "instance (use PostgreSQL, COACHBOT_DATABASE_URL=postgresql+asyncpg://..., to run several)"
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class Leadership:
    """pg_try_advisory_lock on a dedicated connection: the lock lives exactly as long as that connection.

    The leader proves it is alive with `still_leads` every few seconds. Its connection carries
    `idle_session_timeout`, so a leader that stops asking (a hung process whose connection stays open) is
    disconnected by the server, which frees the lock for a follower; a leader whose connection was lost
    learns it at its next `still_leads` and must stop leading.
    """

    def __init__(self, database_url: str, idle_seconds: float = 45) -> None:
        self._engine = create_async_engine(database_url, poolclass=NullPool)
        self._connection: AsyncConnection | None = None
        self.idle_seconds = idle_seconds

    @property
    def is_leader(self) -> bool:
        return self._connection is not None

    async def try_acquire(self) -> bool:
        if self._connection is not None:
            return True
        connection = await self._engine.connect()
        got = (
            await connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LEADER_LOCK_KEY})
        ).scalar()
        if got:
            timeout = f"{max(1, round(self.idle_seconds * 1000))}ms"
            await connection.execute(
                text("SELECT set_config('idle_session_timeout', :t, false)"), {"t": timeout}
            )
        await connection.commit()
        if got:
            self._connection = connection
            return True
        await connection.close()
        return False

    async def still_leads(self) -> bool:
        """A heartbeat on the lock's connection: False (and no longer the leader) once it is gone."""
        if self._connection is None:
            return False
        try:
            await self._connection.execute(text("SELECT 1"))
            await self._connection.commit()
            return True
        except (OSError, SQLAlchemyError):
            connection, self._connection = self._connection, None
            with contextlib.suppress(OSError, SQLAlchemyError):
                await connection.close()
            return False

    async def release(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError, SQLAlchemyError):  # a lost connection holds no lock anyway
                await self._connection.close()  # closing the session releases the advisory lock
            self._connection = None
        await self._engine.dispose()
