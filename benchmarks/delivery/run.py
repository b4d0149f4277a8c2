"""One benchmark run's moving parts: the database, the fakes, the bots, the /checkin traffic, and the wait
until the fan-out is over (for coachbot: nothing due or pending in its database; for the baseline: everyone
reached, or no delivery for `stall` seconds)."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
from sqlalchemy import func, select

from benchmarks.delivery.measure import Message
from benchmarks.delivery.seed import INTERACTIVE_BASE
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage, Schedule

POLL = 0.5  # seconds between looks at the fake's counters and the database


@dataclass
class Options:
    people: int
    rate: int = 30  # the fake's bot-wide limit
    bot_rate: float = 29.0  # COACHBOT_TELEGRAM_RATE
    paid: bool = False  # COACHBOT_TELEGRAM_PAID_BROADCAST=1 and a fake paid limit
    tick_seconds: int = 5
    checkins_per_second: float = 2.0
    lead: float = 8.0  # seconds from starting the bots to the due time
    stall: float = 180.0  # give up on coachbot after this long without a fan-out delivery
    baseline_stall: float = 30.0  # ... on the baseline (its jobs have all run by then; nothing retries)
    at_least: float = 0.0  # keep the run (and its /checkin traffic) going this long after the due time
    faults: list[str] = field(default_factory=list)  # extra fake options (--fail-5xx 5 ...)
    postgres: str = "postgresql://postgres@127.0.0.1:5432/postgres"

    @property
    def interactive(self) -> int:
        """Enough people for one /checkin each during the whole fan-out (at 0.9 x the limit), plus some."""
        if not self.checkins_per_second:
            return 0
        limit = self.rate if not self.paid else 1000
        return int(self.people / (0.9 * min(limit, self.bot_rate)) * self.checkins_per_second * 1.3) + 20


def coachbot_env(options: Options, url: str, database_url: str, data_dir: str, token: str) -> dict[str, str]:
    env = {
        "TELEGRAM_TOKEN": token,
        "COACHBOT_TELEGRAM_API_URL": url,
        "COACHBOT_DATABASE_URL": database_url,
        "COACHBOT_DATA_DIR": data_dir,
        "COACHBOT_TELEGRAM_RATE": f"{options.bot_rate:g}",
        "COACHBOT_TICK_SECONDS": str(options.tick_seconds),
    }
    if options.paid:
        env["COACHBOT_TELEGRAM_PAID_BROADCAST"] = "1"
    return env


def due_at(lead: float) -> datetime:
    return datetime.fromtimestamp(time.time() + lead, UTC)


async def stats(session: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    async with session.get(url + "/stats") as response:
        result: dict[str, Any] = await response.json()
        return result


async def messages(session: aiohttp.ClientSession, url: str) -> list[Message]:
    async with session.get(url + "/messages") as response:
        return [(int(row[0]), str(row[1]), float(row[2]), float(row[3])) for row in await response.json()]


async def checkins(
    session: aiohttp.ClientSession, url: str, count: int, per_second: float, due: datetime
) -> None:
    """People type /checkin, `per_second` of them, from the due time until cancelled."""
    if not count or not per_second:
        return
    await asyncio.sleep(max(0.0, due.timestamp() - time.time()))  # the fan-out begins at the due time
    start = time.monotonic()
    for index in itertools.count():
        chat = INTERACTIVE_BASE + index % count
        async with session.post(url + "/inject", json={"chat_id": chat, "text": "/checkin"}):
            pass
        await asyncio.sleep(max(0.0, start + (index + 1) / per_second - time.monotonic()))  # a steady pace


async def outstanding(database: Database, due: datetime) -> int:
    """Prompts not yet queued (schedules still due) plus rows still pending in the outbox."""
    async with database.read() as repo:
        schedules = select(func.count()).select_from(Schedule).where(Schedule.next_due_at <= due)
        pending = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "pending")
        return int((await repo.session.execute(schedules)).scalar_one()) + int(
            (await repo.session.execute(pending)).scalar_one()
        )


async def sent_chats(database: Database) -> set[int]:
    """Chats whose prompt the database records as sent."""
    async with database.read() as repo:
        query = select(OutboxMessage.chat_id).where(OutboxMessage.status == "sent")
        return {int(chat) for chat in (await repo.session.execute(query)).scalars()}


async def until_done(
    session: aiohttp.ClientSession,
    url: str,
    people: int,
    due: datetime,
    stall: float,
    database: Database | None = None,
    until: int | None = None,
    alive: Callable[[], bool] = lambda: True,
    at_least: float = 0.0,
) -> dict[str, Any]:
    """Wait for the end of the fan-out (or until `until` people were reached, or the bots have all exited);
    returns the fake's stats."""
    while True:
        current = await stats(session, url)
        if not alive():
            return current
        reached = current["fanout_distinct"]
        if until is not None and reached >= until:
            return current
        if time.time() > due.timestamp() + max(1.0, at_least):
            if database is not None and await outstanding(database, due) == 0:
                return current
            if database is None and reached >= people:
                return current
            quiet = min(current["monotonic"] - current["last_delivery"], time.time() - due.timestamp())
            if quiet > stall:
                return current
        await asyncio.sleep(
            POLL
        )  # the driver watches other processes: polling their counters is all it can do
