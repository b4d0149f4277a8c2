"""The running app: the database, coach, delivery and adapters that `wiring.build` put together.

`App.run()` takes the instance lock (SQLite), serves the health endpoint when COACHBOT_HTTP_PORT is set
(delivery/health.py), applies migrations, tries for leadership (PostgreSQL), starts the ticker loop and
the APScheduler jobs (silence, retention), and runs the adapters and, on the leading instance only, the
outbox sender, until one ends or SIGTERM/SIGINT comes (docs/delivery.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from coachbot import ports as errors
from coachbot.core.coach import Coach
from coachbot.delivery import health, kept
from coachbot.delivery.limits import RateLimiter
from coachbot.delivery.probe import AppProbe
from coachbot.delivery.rendering import Fitted, fit
from coachbot.delivery.sender import STOP_GRACE_SECONDS, OutboxSender, SenderSettings
from coachbot.delivery.silence import pause_silent
from coachbot.delivery.ticker import Ticker
from coachbot.messages import Incoming
from coachbot.ports import Adapter, Lane, Responder
from coachbot.settings import Settings
from coachbot.store import migrate, outbox
from coachbot.store import programmes as uploaded_programmes
from coachbot.store.db import Database
from coachbot.store.leadership import Leadership, SqliteInstanceLock
from coachbot.store.reachable import wait_until_reachable
from coachbot.store.retention import purge

log = logging.getLogger(__name__)


JOB_GRACE_SECONDS = 2  # with the sender's and the adapters' grace, the bot exits within 10 s of SIGTERM
MIN_LEADER_IDLE_SECONDS = 10.0  # a busy loop must not cost the leadership: never disconnect sooner than this


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class App:
    settings: Settings
    database: Database
    coach: Coach
    ticker: Ticker  # over people's prompts and clubs' posts
    limiter: RateLimiter
    clock: Callable[[], datetime]
    adapters: dict[str, Adapter] = field(default_factory=dict)
    leading: asyncio.Event = field(default_factory=asyncio.Event)
    _jobs: set[asyncio.Task[object]] = field(default_factory=set)
    lead_seconds: float = 15  # how often a follower asks for the leadership, and the leader proves it leads
    lost_leadership: bool = False  # the leader's lock connection was lost: it stopped (cli/main.py exits 1)
    sends_continuously: bool = True  # False: tests that step the clock send with `send()` themselves
    _stopping: bool = False  # jobs the scheduler started but that have not begun yet return at once
    terminate: asyncio.Event = field(default_factory=asyncio.Event)  # set by SIGTERM or SIGINT (cli/main.py)
    _sending: asyncio.Task[None] | None = None  # the running outbox sender (the leader's)
    http_port: int | None = None  # the health endpoint's bound port once it serves

    @cached_property
    def probe(self) -> AppProbe:
        """Readiness and metrics for the health endpoint (built once the adapters are all added)."""
        return AppProbe(self.database, self.adapters, self.leading, self.settings.tick_seconds, self.clock)

    @cached_property
    def sender(self) -> OutboxSender:
        """The outbox sender for the adapters this app runs (built once they are all added)."""
        owner = f"{socket.gethostname()}:{os.getpid()}"
        senders = {name: Fitted(adapter) for name, adapter in self.adapters.items()}
        late = SenderSettings(late_window=timedelta(hours=self.settings.late_window_hours))
        metrics = self.probe.metrics
        return OutboxSender(
            self.database, senders, self.limiter, owner, late, clock=self.clock, metrics=metrics
        )

    async def deliver(self, incoming: Incoming, responder: Responder | None = None) -> None:
        """The callback adapters get (`ports.Deliver`): let the coach decide, then send each reply, fitted to
        what its adapter renders, through `responder` (the way back to `incoming`; for its own platform) or
        in the reply lane. The turn has committed, so replies that can't go now are kept in the outbox and
        sent from there."""
        replies = await self.coach.handle(incoming, self.clock())
        self.probe.metrics.updates.labels(platform=incoming.sender.platform).inc()
        for index, reply in enumerate(replies):
            adapter = self.adapters[reply.to.platform]
            try:
                fitted = fit(reply, adapter.renders)
            except errors.Rejected:
                continue  # logged by fit: nothing this adapter can show; the turn's other replies still go
            try:
                if responder is not None and reply.to.platform == incoming.sender.platform:
                    await responder.respond(fitted)
                else:
                    await adapter.send(fitted, Lane.REPLY)
            except (errors.RetryAfter, errors.TemporaryFailure, TimeoutError, OSError) as error:
                await kept.keep(self.database, replies[index:], incoming.event_id, error, self.clock())
                self.sender.wake()
                return

    async def tick(self, lag: float = 0.0) -> None:
        """Queue what is due; `lag`: how late against its schedule this tick started (for the metrics)."""
        if self._stopping:
            return
        async with self._job():
            now = self.clock()
            await self._refresh_programmes()
            result = await self.ticker.tick(now, self.sender.wake)
        self.probe.ticked(lag)
        if result.queued or result.missed:
            log.info("tick: %s queued, %s missed", result.queued, result.missed)

    async def _refresh_programmes(self) -> None:
        """Programmes clubs uploaded through any instance become known here too."""
        self.coach.programmes.merge(await uploaded_programmes.latest(self.database))

    async def pause_silent(self) -> None:
        if self._stopping:
            return
        async with self._job():
            paused = await pause_silent(self.database, self.coach.programmes, self.clock())
        if paused:
            log.info("paused %s plans after a week without answers", paused)

    async def retain(self) -> None:
        """Apply COACHBOT_RETENTION_DAYS (when set) to programmes that have ended."""
        days = self.settings.retention_days
        if self._stopping or days is None:
            return
        async with self._job():
            removed = await purge(self.database, days, self.clock())
        if removed:
            log.info("retention: deleted %s check-ins and decisions of ended programmes", removed)

    async def send(self) -> None:
        """One pass of the sender at the app's clock (tests that step the clock; the app itself sends
        continuously, `_send_while_leading`)."""
        if self._stopping:
            return
        async with self._job():
            await self.sender.run_once(self.clock())

    async def _send_while_leading(self) -> None:
        """The outbox sender runs on the leading instance only, so all instances share one budget per bot
        token: the platform sees one sender at the configured rate, and a 429 pauses it (docs/delivery.md)."""
        await self.leading.wait()
        if self.database.is_sqlite:  # the only process on this file: leases left are a dead one's
            async with self.database.write() as repo:
                await outbox.release_all(repo)
        self._sending = asyncio.current_task()
        await self.sender.run()

    @asynccontextmanager
    async def _job(self) -> AsyncIterator[None]:
        """Track a scheduled job's task, so shutdown can stop it before the database closes."""
        task = asyncio.current_task()
        assert task is not None
        self._jobs.add(task)
        try:
            yield
        finally:
            self._jobs.discard(task)

    async def _stop_jobs(self) -> None:
        """Let running jobs finish their transaction (cancelling one mid-write leaves SQLite locked for a
        while); only jobs still running after a grace period are cancelled."""
        if not self._jobs:
            return
        _done, running = await asyncio.wait(set(self._jobs), timeout=JOB_GRACE_SECONDS)
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    async def _tick_every(self) -> None:
        """The ticker as one long-lived loop, a tick every COACHBOT_TICK_SECONDS from the start of the last:
        a tick that takes longer (20,000 prompts fall due at once) is followed at once by the next, never
        overlapped by it, so there is nothing to skip and no warning about it."""
        loop = asyncio.get_running_loop()
        due = loop.time()
        while not (self._stopping or self.terminate.is_set()):
            started = loop.time()
            try:
                await self.tick(max(started - due, 0))
            except Exception:  # the database is away for a moment: the next tick tries again
                log.exception("tick failed")
            if self._stopping:
                return
            due = started + self.settings.tick_seconds
            wait = max(due - loop.time(), 0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.terminate.wait(), wait)

    def scheduler(self) -> AsyncIOScheduler:
        """A few fixed jobs in memory: never one job per person, never a persistent job store."""
        scheduler = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
        )
        now = utc_now()  # APScheduler runs on real time; the jobs read the app's clock
        scheduler.add_job(self.pause_silent, "interval", hours=1, id="silence", next_run_time=now)
        scheduler.add_job(self.retain, "interval", hours=6, id="retention", next_run_time=now)
        return scheduler

    async def run(self) -> None:
        lock = SqliteInstanceLock(self.settings.database_url.value) if self.database.is_sqlite else None
        leadership = None
        if not self.database.is_sqlite:  # a leader that stops proving it leads is disconnected by the server
            idle = max(3 * self.lead_seconds, MIN_LEADER_IDLE_SECONDS)
            leadership = Leadership(self.settings.database_url.value, idle_seconds=idle)
        scheduler, ticking = None, None
        try:
            async with contextlib.AsyncExitStack() as serving:
                if lock is not None:
                    lock.acquire()  # before migrating: a second process must not touch the schema
                    self.leading.set()  # one process per SQLite file: it always leads
                if (port := self.settings.http_port) is not None:  # /healthz answers while we wait
                    endpoint = health.serving(self.probe, self.settings.http_host, port)
                    self.http_port = await serving.enter_async_context(endpoint)
                wait = (self.settings.database_label, self.settings.database_wait_seconds, self.terminate)
                if lock is None and not await wait_until_reachable(self.database, *wait):
                    return  # stopped while the server was still starting
                await migrate.upgrade(self.database)
                await self._refresh_programmes()
                scheduler = self.scheduler()
                if leadership is not None:
                    # a follower keeps asking, so it takes over the pollers when the leader stops
                    lead = {"seconds": self.lead_seconds, "args": [leadership], "id": "lead"}
                    scheduler.add_job(self._lead, "interval", next_run_time=utc_now(), **lead)
                scheduler.start()
                ticking = asyncio.create_task(self._tick_every(), name="tick")
                await self._run_adapters()
        finally:
            self._stopping = True
            if scheduler is not None:
                scheduler.pause()  # no new runs; shutting down would cancel the running ones at once
            await self._stop_jobs()  # a tick under way finishes its batch
            if ticking is not None:
                ticking.cancel()
                await asyncio.gather(ticking, return_exceptions=True)
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            if leadership is not None:
                await leadership.release()
            if lock is not None:
                lock.release()
            await self.database.close()

    async def _lead(self, leadership: Leadership) -> None:
        """A follower asks for the leadership; the leader proves it still holds it (a heartbeat), and stops
        when the connection that held it is gone, since another instance may lead by now."""
        if self._stopping:
            return
        async with self._job():  # a stop lets it finish its query (a cancelled one logs a traceback)
            await self._lead_once(leadership)

    async def _lead_once(self, leadership: Leadership) -> None:
        if leadership.is_leader:
            if not await leadership.still_leads():
                log.error(
                    "lost the leadership with its database connection: stopping so another instance leads"
                )
                self.lost_leadership = True
                self.terminate.set()
        elif await leadership.try_acquire():
            log.info("this instance now leads: it runs the platform pollers")
            self.leading.set()

    async def _run_adapters(self) -> None:
        """Run every adapter until one ends (or we are cancelled); the others are stopped either way."""
        tasks = [
            asyncio.create_task(adapter.run(self.leading), name=name)
            for name, adapter in self.adapters.items()
        ]
        terminated = asyncio.create_task(self.terminate.wait(), name="sigterm")
        if self.sends_continuously:
            tasks.append(asyncio.create_task(self._send_while_leading(), name="sender"))
        try:
            done, _pending = await asyncio.wait([*tasks, terminated], return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()
        finally:
            if self._sending is not None:
                # in-flight sends finish and are recorded while the adapters can still send them
                self.sender.stop()
                await asyncio.wait([self._sending], timeout=STOP_GRACE_SECONDS + 1)
            for task in (*tasks, terminated):
                task.cancel()
            await asyncio.gather(*tasks, terminated, return_exceptions=True)
