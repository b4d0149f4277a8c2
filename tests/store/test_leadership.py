"""One process per SQLite file; one leader among PostgreSQL instances."""

from __future__ import annotations

import asyncio
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


async def _until_acquired(leadership: Leadership, within: float) -> float:
    """Ask for the leadership every 0.2 s (as a follower does) for at most `within` s; the seconds it took."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    for _ in range(int(within / 0.2)):
        if await leadership.try_acquire():
            return loop.time() - started
        await asyncio.sleep(0.2)  # a follower's polling interval, not a synchronisation
    raise AssertionError(f"the leadership was not free within {within} s")


async def test_a_leader_that_stops_proving_it_leads_is_disconnected_by_the_server() -> None:
    """A hung leader keeps its connection open but sends nothing: idle_session_timeout ends the session,
    which frees the lock; the next heartbeat of the woken leader says it no longer leads."""
    async with postgres_database() as url:
        hung, follower = Leadership(url, idle_seconds=1), Leadership(url)
        try:
            assert await hung.try_acquire() is True
            assert await follower.try_acquire() is False
            took = await _until_acquired(follower, within=20)
            assert took < 10
            assert await hung.still_leads() is False
            assert not hung.is_leader
        finally:
            await hung.release()
            await follower.release()


async def test_a_leader_that_keeps_proving_it_leads_keeps_the_lock() -> None:
    async with postgres_database() as url:
        leader, follower = Leadership(url, idle_seconds=1), Leadership(url)
        try:
            assert await leader.try_acquire() is True
            for _ in range(6):  # 3 s of heartbeats, each well inside the 1 s idle limit
                assert await leader.still_leads() is True
                await asyncio.sleep(0.5)  # the leader's heartbeat interval, not a synchronisation
            assert await follower.try_acquire() is False
        finally:
            await leader.release()
            await follower.release()
