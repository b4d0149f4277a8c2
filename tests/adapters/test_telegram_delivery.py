"""Delivery through the running app (issue 15): the real python-telegram-bot against a fake Bot API that
enforces a bot-wide limit with a penalty. Prompts go out continuously at the configured rate; on
PostgreSQL two or three instances share one budget; a reply that fails after its turn committed is kept
and sent once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from coachbot.app import App
from coachbot.cli.wiring import build
from coachbot.settings import load_settings
from coachbot.store import migrate, outbox
from coachbot.store.db import Database
from coachbot.store.leadership import LEADER_LOCK_KEY
from coachbot.store.tables import OutboxMessage
from tests.conftest import postgres_database, sqlite_url
from tests.fakes.telegram_api import TOKEN, FakeTelegram

LIMIT = 10  # the fake's messages a second, bot-wide
RATE = 9  # the bot's setting, just under it (as 29 is under Telegram's 30)


def now() -> datetime:
    return datetime.now(UTC)


def telegram_app(api: FakeTelegram, url: str, **environ: str) -> App:
    settings = load_settings(
        {"TELEGRAM_TOKEN": TOKEN, "COACHBOT_TELEGRAM_API_URL": api.url, "COACHBOT_DATABASE_URL": url,
         "COACHBOT_TELEGRAM_RATE": str(RATE), **environ}
    )  # fmt: skip
    app = build(settings)
    app.lead_seconds = 0.2  # a follower asks for the leadership often, so a takeover is quick
    adapter = app.adapters["telegram"]
    adapter.poll_timeout = 1  # type: ignore[attr-defined]
    return app


async def queue_prompts(url: str, api: FakeTelegram, count: int) -> None:
    """`count` prompts due now, one per private chat (as the ticker writes them)."""
    database = Database.connect(url)
    try:
        await migrate.upgrade(database)
        rows = []
        for chat in range(1, count + 1):
            api.private_chat(chat)
            rows.append(outbox.row(f"p{chat}", "telegram", str(chat), "session", None, f"Prompt {chat}", (),
                                   "pending", now()))  # fmt: skip
        async with database.write() as repo:
            await outbox.add(repo, *rows)
    finally:
        await database.close()


@asynccontextmanager
async def running(*apps: App) -> AsyncIterator[list[asyncio.Task[None]]]:
    tasks = [asyncio.create_task(app.run()) for app in apps]
    try:
        yield tasks
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def prompts_received(api: FakeTelegram) -> Counter[int]:
    return Counter(int(p["chat_id"]) for p in api.sent() if str(p.get("text", "")).startswith("Prompt"))


def delivered_all(api: FakeTelegram, count: int) -> Callable[[], bool]:
    return lambda: len(prompts_received(api)) == count


async def test_prompts_go_out_continuously_at_the_configured_rate(tmp_path: Path) -> None:
    count = 40
    async with FakeTelegram(per_second=LIMIT) as api:
        url = sqlite_url(tmp_path / "rate.db")
        await queue_prompts(url, api, count)
        api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        async with running(telegram_app(api, url)):
            await api.wait_until(delivered_all(api, count))
    received = prompts_received(api)
    assert set(received.values()) == {1}  # everyone once
    assert api.flood_answers == 0  # the one 429 paused the sender: nothing was sent into the penalty
    assert api.busiest_second() <= LIMIT
    times = [call.at for call in api.calls if call.ok and call.method == "sendMessage"]
    rate = (len(times) - 1) / (times[-1] - times[0] - 1)  # less the one second paused by the 429
    assert rate >= 0.85 * RATE  # no gaps between batches


@pytest.mark.parametrize("instances", [2, 3])
async def test_instances_on_postgres_share_one_budget(instances: int) -> None:
    """Only the leader sends, so the platform sees one sender at the configured rate; when the leader
    stops, a follower takes over the sending and nothing is lost or sent twice."""
    count = 36
    async with postgres_database() as url, FakeTelegram(per_second=LIMIT) as api:
        await queue_prompts(url, api, count)
        apps = [telegram_app(api, url) for _ in range(instances)]
        async with running(*apps) as tasks:
            await api.wait_until(lambda: len(prompts_received(api)) >= count // 3)
            leader = next(index for index, app in enumerate(apps) if app.leading.is_set())
            tasks[leader].cancel()  # the leader goes away mid-fan-out
            await asyncio.gather(tasks[leader], return_exceptions=True)
            await api.wait_until(delivered_all(api, count))
        assert set(prompts_received(api).values()) == {1}
        assert api.flood_answers == 0
        assert api.busiest_second() <= LIMIT
        database = Database.connect(url)
        try:
            async with database.read() as repo:
                statuses = (await repo.session.execute(select(OutboxMessage.status))).scalars().all()
        finally:
            await database.close()
        assert statuses == ["sent"] * count


async def test_a_reply_whose_send_fails_after_its_turn_is_kept_and_sent_once(tmp_path: Path) -> None:
    async with FakeTelegram() as api:
        url = sqlite_url(tmp_path / "kept.db")
        app = telegram_app(api, url)
        api.private_chat(42)
        api.fail("sendMessage", 502, "Bad Gateway")  # the welcome's first try
        async with running(app):
            await app.adapters["telegram"].ready.wait()  # type: ignore[attr-defined]
            api.send_text(42, 42, "/start")
            await api.reply_to(42, "Before we start")  # from the outbox, a couple of seconds later
        welcomes = [text for text in api.texts_to(42) if "Before we start" in text]
        assert len(welcomes) == 1
        assert [call.ok for call in api.calls if call.method == "sendMessage"][:2] == [False, True]
        database = Database.connect(url)
        try:
            async with database.read() as repo:
                kept = (await repo.session.execute(select(OutboxMessage))).scalars().all()
        finally:
            await database.close()
        assert [(row.kind, row.priority, row.status) for row in kept][:1] == [("reply", 0, "sent")]


async def test_paid_broadcast_is_an_opt_in_that_lifts_the_rate(tmp_path: Path) -> None:
    async with FakeTelegram() as api:
        url = sqlite_url(tmp_path / "paid.db")
        await queue_prompts(url, api, 3)
        app = telegram_app(api, url, COACHBOT_TELEGRAM_PAID_BROADCAST="1", COACHBOT_TELEGRAM_RATE="1000")
        assert app.limiter.limits["telegram"].per_second == 1000
        async with running(app):
            await api.wait_until(delivered_all(api, 3))
    assert {params.get("allow_paid_broadcast") for params in api.sent()} == {"true"}  # form-encoded


async def test_a_leader_that_loses_its_database_connection_stops_and_a_follower_takes_over() -> None:
    """The server ends the leader's lock session (a network cut, a failover, a hung leader disconnected by
    idle_session_timeout): the leader notices at its next heartbeat and stops, so two never lead at once;
    the follower takes the lock and finishes the sending within a minute, nothing sent twice."""
    count = 30
    async with postgres_database() as url, FakeTelegram(per_second=LIMIT) as api:
        await queue_prompts(url, api, count)
        apps = [telegram_app(api, url) for _ in range(2)]
        async with running(*apps) as tasks:
            await api.wait_until(lambda: len(prompts_received(api)) >= count // 3)
            leader = next(index for index, app in enumerate(apps) if app.leading.is_set())
            follower = apps[1 - leader]
            cut = asyncio.get_running_loop().time()
            admin = Database.connect(url)
            try:
                async with admin.engine.connect() as connection:
                    ended = await connection.exec_driver_sql(
                        "SELECT pg_terminate_backend(pid) FROM pg_locks "
                        f"WHERE locktype = 'advisory' AND objid = {LEADER_LOCK_KEY} AND granted"
                    )
                    assert ended.scalars().all() == [True]
            finally:
                await admin.close()
            await asyncio.wait_for(tasks[leader], 60)  # it stopped by itself
            assert apps[leader].lost_leadership
            await api.wait_until(delivered_all(api, count))
            assert follower.leading.is_set()
            assert asyncio.get_running_loop().time() - cut < 60
        assert set(prompts_received(api).values()) == {1}
