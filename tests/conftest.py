"""Shared fixtures: the shipped programmes, a migrated SQLite file, a throwaway PostgreSQL database,
and a coach driven with an injected clock."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.loader import load_directory
from coachbot.programme.schema import Programme
from coachbot.store import migrate
from coachbot.store.db import Database

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ENV = "COACHBOT_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def programmes() -> dict[str, Programme]:
    return load_directory(ROOT / "programmes")


@pytest.fixture
def catalogue(programmes: dict[str, Programme]) -> Catalogue:
    """The production catalogue over the shipped programmes, fresh for each test (uploads add to it)."""
    return Catalogue(programmes)


@pytest.fixture
def coach(sqlite_db: Database, catalogue: Catalogue) -> Coach:
    return Coach(sqlite_db, catalogue)


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database.connect(sqlite_url(tmp_path / "coachbot.db"))
    await migrate.upgrade(database)
    yield database
    await database.close()


@asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database (its asyncpg URL), dropped afterwards."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"{POSTGRES_ENV} is not set; PostgreSQL tests need a server (CI sets it)")
    admin = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"coachbot_test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(admin)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    try:
        url = make_url(admin).set(drivername="postgresql+asyncpg", database=name)
        yield url.render_as_string(hide_password=False)
    finally:
        connection = await asyncpg.connect(admin)
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


@pytest.fixture(params=["sqlite", "postgresql"])
async def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database URL: a SQLite file, then a PostgreSQL database (contract tests run on both)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "coachbot.db")
    else:
        async with postgres_database() as url:
            yield url


@pytest.fixture
async def any_db(any_url: str) -> AsyncIterator[Database]:
    database = Database.connect(any_url)
    await migrate.upgrade(database)
    yield database
    await database.close()
