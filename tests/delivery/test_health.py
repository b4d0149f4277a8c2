"""The health endpoint (issue 17): /healthz, /readyz and /metrics scraped over a real socket from a running
app on the real python-telegram-bot against the fake Bot API; the metrics parsed with prometheus-client's
own parser."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from coachbot.app import App
from coachbot.cli.wiring import build
from coachbot.delivery import health
from coachbot.settings import load_settings
from coachbot.store import migrate, outbox
from coachbot.store.leadership import Leadership
from tests.adapters.test_telegram_delivery import queue_prompts, running, telegram_app
from tests.conftest import postgres_database, sqlite_url
from tests.fakes.platform import RecordingPlatform
from tests.fakes.telegram_api import FakeTelegram

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


async def get(port: int, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}{path}") as answer:
        return answer.status, await answer.text()


async def readyz(port: int) -> tuple[int, dict[str, Any]]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/readyz") as answer:
        return answer.status, await answer.json()


async def scrape(port: int) -> Samples:
    status, body = await get(port, "/metrics")
    assert status == 200, body
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body)
        for sample in family.samples
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def until(check: Callable[[], Awaitable[bool]], seconds: float = 10.0) -> None:
    """Poll a condition over the socket every 20 ms until it holds (the app has no event to wait on)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not await check():
        assert loop.time() < deadline, f"not within {seconds} s"
        await asyncio.sleep(0.02)


async def serving_port(app: App) -> int:
    async def bound() -> bool:
        return app.http_port is not None

    await until(bound)
    assert app.http_port is not None
    return app.http_port


async def test_readyz_fails_on_the_ticker_until_a_tick_and_again_when_ticks_stop(tmp_path: Path) -> None:
    settings = load_settings({"COACHBOT_DATABASE_URL": sqlite_url(tmp_path / "bot.db")})
    app, platform = build(settings), RecordingPlatform()
    app.adapters = {"test": platform}
    app.leading.set()
    await migrate.upgrade(app.database)
    try:
        async with health.serving(app.probe, "127.0.0.1", 0) as port:
            assert await get(port, "/healthz") == (200, '{"status": "ok"}')
            status, body = await readyz(port)
            assert (status, body["failed"]) == (503, ["ticker"])  # database, adapter and leader pass
            await app.tick()
            status, body = await readyz(port)
            assert (status, body["status"]) == (200, "ready")
            assert body["checks"] == {"database": True, "adapter:test": True, "ticker": True, "leader": True}
            app.probe.tick_seconds = 0.05  # three ticks' grace is now 0.15 s

            async def stale() -> bool:
                return bool((await readyz(port))[1]["failed"] == ["ticker"])

            await until(stale)
            platform.connected = False
            assert (await readyz(port))[1]["failed"] == ["adapter:test", "ticker"]
    finally:
        await app.database.close()


async def test_readyz_names_the_database_when_it_does_not_answer() -> None:
    closed = free_port()  # nothing listens there: the connection is refused
    settings = load_settings({"COACHBOT_DATABASE_URL": f"postgresql+asyncpg://coachbot@127.0.0.1:{closed}/x"})
    app = build(settings)
    app.adapters = {}
    async with health.serving(app.probe, "127.0.0.1", 0) as port:
        status, body = await readyz(port)
        assert status == 503
        assert body["failed"] == ["database", "leader", "ticker"]
        assert (await get(port, "/metrics"))[0] == 503
    await app.database.close()


async def test_a_running_app_serves_health_readiness_and_metrics(tmp_path: Path) -> None:
    async with FakeTelegram() as api:
        url = sqlite_url(tmp_path / "bot.db")
        await queue_prompts(url, api, 3)
        app = telegram_app(api, url, COACHBOT_HTTP_PORT="0", COACHBOT_HTTP_HOST="127.0.0.1")
        app.sends_continuously = False  # the prompts stay queued until the test sends them
        async with running(app):
            port = await serving_port(app)
            assert (await get(port, "/healthz"))[0] == 200

            async def ready() -> bool:
                return (await readyz(port))[0] == 200

            await until(ready)  # polling Telegram, ticked, leading (the SQLite instance always leads)
            samples = await scrape(port)
            telegram = (("platform", "telegram"),)
            assert samples["coachbot_outbox_messages", (("platform", "telegram"), ("state", "pending"))] == 3
            assert samples["coachbot_outbox_messages", (("platform", "telegram"), ("state", "dead"))] == 0
            assert samples["coachbot_sends_total", telegram] == 0
            assert samples["coachbot_instances", ()] == 1
            assert samples["coachbot_leader", ()] == 1
            assert samples["coachbot_tick_lag_seconds", ()] >= 0
            assert abs(samples["coachbot_last_tick_timestamp_seconds", ()] - time.time()) < 60

            api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
            await app.sender.run_once(datetime.now(UTC))
            samples = await scrape(port)
            assert samples["coachbot_rate_limited_total", telegram] == 1
            assert samples["coachbot_sends_total", telegram] == 2  # the other two went
            assert samples["coachbot_send_seconds_count", telegram] == 3
            assert samples["coachbot_outbox_messages", (("platform", "telegram"), ("state", "pending"))] == 1

            api.private_chat(7)
            api.send_text(7, 7, "/help")
            await api.reply_to(7, "")

            async def handled() -> bool:
                return (await scrape(port))["coachbot_updates_total", telegram] == 1

            await until(handled)

        async with aiohttp.ClientSession() as session:  # the endpoint stopped with the app
            try:
                await session.get(f"http://127.0.0.1:{port}/healthz")
            except aiohttp.ClientConnectionError:
                pass
            else:
                raise AssertionError("the endpoint still answers after the app stopped")


async def test_sends_are_counted_and_timed_by_platform(tmp_path: Path) -> None:
    settings = load_settings(
        {"COACHBOT_DATABASE_URL": sqlite_url(tmp_path / "bot.db"), "COACHBOT_HTTP_PORT": "0"}
    )
    app = build(settings)
    platform = RecordingPlatform()
    app.adapters = {"test": platform}
    await migrate.upgrade(app.database)
    now = datetime.now(UTC)
    rows = [outbox.row(f"p{n}", "test", f"c{n}", "session", None, f"prompt {n}", (), "pending", now)
            for n in range(3)]  # fmt: skip
    platform.blocked_chats.add("c2")
    async with app.database.write() as repo:
        await outbox.add(repo, *rows)
    try:
        async with health.serving(app.probe, "127.0.0.1", 0) as port:
            await app.sender.run_once(now)
            samples = await scrape(port)
    finally:
        await app.database.close()
    test = (("platform", "test"),)
    assert samples["coachbot_sends_total", test] == 2
    assert samples["coachbot_send_errors_total", test] == 1
    assert samples["coachbot_send_seconds_count", test] == 3
    assert samples["coachbot_outbox_messages", (("platform", "test"), ("state", "dead"))] == 1
    assert samples["coachbot_outbox_messages", (("platform", "test"), ("state", "pending"))] == 0


async def test_a_follower_is_ready_while_another_instance_leads() -> None:
    async with postgres_database() as url:
        app = build(load_settings({"COACHBOT_DATABASE_URL": url}))
        app.adapters = {"test": RecordingPlatform()}
        other = Leadership(url)
        await migrate.upgrade(app.database)
        try:
            await app.tick()
            async with health.serving(app.probe, "127.0.0.1", 0) as port:
                assert await readyz(port) == (503, {"status": "not ready", "failed": ["leader"], "checks": {
                    "database": True, "adapter:test": True, "ticker": True, "leader": False}})  # fmt: skip
                assert await other.try_acquire()  # another instance leads: this one follows, ready
                assert (await readyz(port))[0] == 200
                assert (await scrape(port))["coachbot_leader", ()] == 0
        finally:
            await other.release()
            await app.database.close()
