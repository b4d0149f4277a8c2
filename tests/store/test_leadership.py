"""One process per SQLite file; one leader among PostgreSQL instances."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachbot.store.leadership import AlreadyRunning, Leadership, SqliteInstanceLock
from tests.conftest import postgres_database, sqlite_url


def test_second_process_on_one_sqlite_file_is_refused(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "coachbot.db")
    first, second = SqliteInstanceLock(url), SqliteInstanceLock(url)
    first.acquire()
    try:
        with pytest.raises(AlreadyRunning, match="SQLite allows one instance"):
            second.acquire()
    finally:
        first.release()
    second.acquire()  # free again once the first has stopped
    second.release()


async def test_one_postgres_instance_leads_until_it_stops() -> None:
    async with postgres_database() as url:
        first, second = Leadership(url), Leadership(url)
        try:
            assert await first.try_acquire() is True
            assert await second.try_acquire() is False
            await first.release()
            assert await second.try_acquire() is True
            assert second.is_leader
        finally:
            await first.release()
            await second.release()
