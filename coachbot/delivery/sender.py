"""The outbox sender: lease rows, send them through the platform adapters within the limits, and record
the outcome. A fixed pool of workers sends; there is never one task per message.

429 pauses that platform for retry_after; 5xx, timeouts and connection errors back off exponentially
with jitter up to a maximum number of attempts; 403 blocked (or Discord 50007) dead-letters the row and
pauses the person's plan; 400 dead-letters it. Interactive replies use the same limiter (App.deliver).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from coachbot.delivery import outbox, snoozed
from coachbot.delivery.errors import Blocked, Rejected, RetryAfter, TemporaryFailure
from coachbot.delivery.limits import RateLimiter
from coachbot.delivery.outbox import Leased
from coachbot.messages import Reply
from coachbot.store.db import Database

log = logging.getLogger(__name__)

Send = Callable[[Reply], Awaitable[str]]
MARK_EVERY = 50  # sends recorded per transaction: fewer commits, and a crash can repeat at most these


@dataclass(frozen=True)
class SenderSettings:
    workers: int = 8
    batch: int = 200
    lease: timedelta = timedelta(seconds=120)
    max_attempts: int = 6
    backoff_base: float = 5.0  # seconds before the first retry
    backoff_cap: float = 3600.0
    late_window: timedelta = timedelta(hours=3)  # a snoozed prompt later than this is missed, not sent
    late_after: timedelta = timedelta(minutes=5)  # ... and later than this is marked late


def backoff(attempt: int, settings: SenderSettings, rng: random.Random) -> float:
    """Full-jitter exponential backoff: a random wait up to base * 2^(attempt-1), capped.

    Retries are stored on the row (not_before), so a retry library's in-process loop does not fit; this
    one line is the whole policy.
    """
    return rng.uniform(0, min(settings.backoff_cap, settings.backoff_base * 2 ** max(attempt - 1, 0)))


class OutboxSender:
    """Sends leased outbox rows; `run_once(now)` is one claim-and-send pass (the scheduler calls it)."""

    def __init__(
        self,
        database: Database,
        senders: Mapping[str, Send],
        limiter: RateLimiter,
        owner: str,
        settings: SenderSettings | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.database, self.senders, self.limiter, self.owner = database, senders, limiter, owner
        self.settings = settings or SenderSettings()
        self.rng = rng or random.Random()
        self._sent: list[tuple[int, str]] = []

    async def claim(self, now: datetime) -> list[Leased]:
        paused = {platform for platform in self.senders if self.limiter.paused(platform)}
        unknown_free = set(self.senders)
        async with self.database.write() as repo:
            await snoozed.settle(repo, now, self.settings.late_window, self.settings.late_after)
            items = await outbox.claim(
                repo, now, self.owner, self.settings.lease, self.settings.batch, paused
            )
        return [item for item in items if item.platform in unknown_free] + [
            item for item in items if item.platform not in unknown_free
        ]

    async def run_once(self, now: datetime) -> int:
        """Claim a batch and send it with a fixed pool of workers; returns how many were sent."""
        items = await self.claim(now)
        if not items:
            return 0
        queue: asyncio.Queue[Leased] = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        sent = 0

        async def worker() -> None:
            nonlocal sent
            while not queue.empty():
                item = queue.get_nowait()
                sent += await self.deliver(item, now)

        try:
            await asyncio.gather(*(worker() for _ in range(min(self.settings.workers, len(items)))))
        finally:
            await self.flush(now)
        return sent

    async def deliver(self, item: Leased, now: datetime) -> int:
        send = self.senders.get(item.platform)
        if send is None:
            async with self.database.write() as repo:
                await outbox.retry_later(
                    repo, item, now + self.settings.lease, "no adapter running", count=False
                )
            return 0
        try:
            await self.limiter.acquire(item.platform, item.chat_id, item.chat_kind == "group")
            message_id = await send(item.reply())
        except RetryAfter as error:
            self.limiter.pause(item.platform, error.seconds)
            return await self._finish(
                item, outbox.retry_later, now + timedelta(seconds=error.seconds), str(error), count=False
            )
        except Blocked as error:
            log.info("outbox %s: recipient unreachable: %s", item.id, error)
            return await self._dead(item, str(error), "blocked", now)
        except Rejected as error:
            log.warning("outbox %s rejected by %s: %s", item.id, item.platform, error)
            return await self._dead(item, str(error), None, now)
        except (TemporaryFailure, TimeoutError, ConnectionError, OSError) as error:
            if item.attempts >= self.settings.max_attempts:
                log.warning("outbox %s: giving up after %s attempts: %s", item.id, item.attempts, error)
                return await self._dead(item, str(error) or type(error).__name__, None, now)
            wait = backoff(item.attempts, self.settings, self.rng)
            return await self._finish(
                item, outbox.retry_later, now + timedelta(seconds=wait), str(error) or type(error).__name__
            )
        self._sent.append((item.id, message_id))
        if len(self._sent) >= MARK_EVERY:
            await self.flush(now)
        return 1

    async def flush(self, now: datetime) -> None:
        """Record the sends so far in one transaction (a crash before this repeats only these)."""
        sent, self._sent = self._sent, []
        if sent:
            async with self.database.write() as repo:
                await outbox.mark_sent(repo, sent, now)

    async def _finish(
        self, item: Leased, action: Callable[..., Awaitable[None]], *args: object, **kwargs: object
    ) -> int:
        async with self.database.write() as repo:
            await action(repo, item, *args, **kwargs)
        return 0

    async def _dead(self, item: Leased, error: str, pause_reason: str | None, now: datetime) -> int:
        async with self.database.write() as repo:
            await outbox.dead_letter(repo, item, error, pause_reason, now)
        return 0
