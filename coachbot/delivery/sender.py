"""The outbox sender: lease rows, send them through the platform adapters within the limits, and record
the outcome. A fixed pool of workers sends; there is never one task per message.

`run()` lives as long as the app (DESIGN "Delivery, version 2"): a claimer keeps a short queue of leased
rows filled, waking when the ticker queues work (`wake`) or after a short poll; workers take rows from it
with no gap between batches; sends are recorded every half second or every 50, whichever comes first, so
a crash repeats at most that. `stop()` lets in-flight sends finish and be recorded and gives the queued,
untried rows back. `run_once(now)` is one claim-and-send pass (tests drive it with their own clock).

429 pauses that platform for retry_after; 5xx, timeouts and connection errors back off exponentially
with jitter up to a maximum number of attempts; 403 blocked (or Discord 50007) dead-letters the row and
pauses the person's plan; 400 dead-letters it. The adapters wait for the limits (delivery/limits.py) in
the bulk lane, behind interactive replies.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from coachbot.delivery import kept
from coachbot.delivery.limits import Lane, RateLimiter
from coachbot.delivery.metrics import Metrics
from coachbot.messages import Reply
from coachbot.ports import Blocked, Rejected, RetryAfter, TemporaryFailure
from coachbot.store import outbox, snoozed
from coachbot.store.db import Database
from coachbot.store.outbox import Leased

log = logging.getLogger(__name__)

Send = Callable[[Reply, Lane], Awaitable[str]]
MARK_EVERY = 50  # sends recorded per transaction: fewer commits, and a crash can repeat at most these
MARK_SECONDS = 0.5  # ... and never later than this after the send
POLL_SECONDS = 2.0  # the claimer looks for due rows (retries, snoozes) this often when nothing wakes it
STOP_GRACE_SECONDS = 4.0  # in-flight sends get this long to finish when the app stops (exit within 10 s)


@dataclass(frozen=True)
class SenderSettings:
    workers: int = 32
    batch: int = 200  # rows leased at a time (the queue is refilled when half is left)
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


def utc_now() -> datetime:
    return datetime.now(UTC)


class OutboxSender:
    """Sends leased outbox rows: continuously with `run()`, or one pass at a time with `run_once(now)`."""

    def __init__(
        self,
        database: Database,
        senders: Mapping[str, Send],
        limiter: RateLimiter,
        owner: str,
        settings: SenderSettings | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], datetime] = utc_now,
        metrics: Metrics | None = None,
    ) -> None:
        self.database, self.senders, self.limiter, self.owner = database, senders, limiter, owner
        self.metrics = metrics
        self.settings = settings or SenderSettings()
        self.rng = rng or random.Random()
        self.clock = clock
        self._sent: list[tuple[int, str]] = []
        self._queue: asyncio.Queue[Leased | None] = asyncio.Queue()
        self._wake = asyncio.Event()  # work was queued, or the queue is running low
        self._record = asyncio.Event()  # MARK_EVERY sends are waiting to be recorded
        self._stopping = asyncio.Event()
        self._continuous = False
        self._untried: list[int] = []  # rows queued but never tried when `stop()` came

    def wake(self) -> None:
        """Rows were queued: look for them now rather than at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        """Ask `run()` to finish: no more claims, in-flight sends finish and are recorded, the rows still
        queued are given back untried."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._wake.set()
        self._record.set()
        self._untried.extend(self._drain())
        for _ in range(self.settings.workers):
            self._queue.put_nowait(None)  # each idle worker ends at its None; busy ones finish first

    def _drain(self) -> list[int]:
        items = []
        while not self._queue.empty():
            if (item := self._queue.get_nowait()) is not None:
                items.append(item.id)
        return items

    async def run(self) -> None:
        """Send until `stop()` (or cancellation): claimer, workers and recorder as long-lived tasks."""
        self._continuous = True
        workers = [
            asyncio.create_task(self._worker(), name=f"send-{n}") for n in range(self.settings.workers)
        ]
        helpers = [asyncio.create_task(self._claimer(), name="claim"), asyncio.create_task(self._recorder())]
        try:
            await self._stopping.wait()
        finally:
            await self._wind_down(workers, helpers)

    async def _wind_down(self, workers: list[asyncio.Task[None]], helpers: list[asyncio.Task[None]]) -> None:
        # the claimer and recorder end at their next wait: cancelling a write midway would leave SQLite
        # locked for its busy timeout
        self.stop()
        await asyncio.gather(*helpers, return_exceptions=True)
        _done, late = await asyncio.wait(workers, timeout=STOP_GRACE_SECONDS)
        for task in late:  # their rows stay leased and are sent again when the lease runs out
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        with contextlib.suppress(Exception):  # the database may be gone; the leases then run out
            await self.flush(self.clock())
            untried = self._untried + self._drain()  # + any a last claim queued behind the Nones
            async with self.database.write() as repo:
                await outbox.give_back(repo, untried, self.owner)

    async def _claimer(self) -> None:
        low = max(self.settings.batch // 2, 1)
        while not self._stopping.is_set():
            self._wake.clear()
            if self._queue.qsize() < low:
                try:
                    items = await self.claim(self.clock(), self.settings.batch - self._queue.qsize())
                except Exception:  # the database is unreachable for a moment: try again at the next poll
                    log.exception("outbox claim failed")
                    items = []
                for item in items:
                    self._queue.put_nowait(item)
                if len(items) >= low:
                    continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)

    async def _worker(self) -> None:
        low = max(self.settings.batch // 2, 1)
        while (item := await self._queue.get()) is not None:
            if self._queue.qsize() < low:
                self._wake.set()
            try:
                await self.deliver(item, self.clock())
            except Exception:  # a database error while recording: the lease runs out and it is retried
                log.exception("outbox %s: could not record the outcome", item.id)

    async def _recorder(self) -> None:
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._record.wait(), MARK_SECONDS)
            self._record.clear()
            try:
                await self.flush(self.clock())
            except Exception:
                log.exception("recording sends failed (they will be recorded with the next ones)")

    async def claim(self, now: datetime, limit: int | None = None) -> list[Leased]:
        paused = {platform for platform in self.senders if self.limiter.paused(platform)}
        unknown_free = set(self.senders)
        async with self.database.write() as repo:
            await snoozed.settle(repo, now, self.settings.late_window, self.settings.late_after)
            items = await outbox.claim(
                repo, now, self.owner, self.settings.lease, limit or self.settings.batch, paused
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
        if (paused := self.limiter.pause_left(item.platform)) > 1:  # queued before a 429 came back
            until = now + timedelta(seconds=paused)
            return await self._finish(item, outbox.retry_later, until, "platform paused", count=False)
        try:
            message_id = await self._timed(item.platform, send, kept.reply_of(item), Lane(item.priority))
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
            if self._continuous:
                self._record.set()
            else:
                await self.flush(now)
        return 1

    async def _timed(self, platform: str, send: Send, reply: Reply, lane: Lane) -> str:
        """One send, counted and timed in the metrics by its outcome (sent, 429, error)."""
        started = time.monotonic()
        try:
            message_id = await send(reply, lane)
        except Exception as error:
            if self.metrics is not None:
                self.metrics.sent(platform, time.monotonic() - started, error)
            raise
        if self.metrics is not None:
            self.metrics.sent(platform, time.monotonic() - started, None)
        return message_id

    async def flush(self, now: datetime) -> None:
        """Record the sends so far in one transaction (a crash before this repeats only these)."""
        sent, self._sent = self._sent, []
        if sent:
            try:
                async with self.database.write() as repo:
                    await outbox.mark_sent(repo, sent, now)
            except BaseException:
                self._sent = sent + self._sent  # not recorded: keep them for the next try
                raise

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
