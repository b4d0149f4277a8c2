"""The continuous sender (issue 15): workers that live as long as the app, woken when work is queued,
sends recorded within half a second, a stop that finishes in-flight sends and gives the rest back, and
the reply lane ahead of prompts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coachbot.delivery import kept
from coachbot.delivery.limits import Lane, PlatformLimits, RateLimiter
from coachbot.delivery.sender import MARK_SECONDS, OutboxSender, SenderSettings
from coachbot.messages import Address, Attachment, Reply
from coachbot.store import outbox
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage
from tests.fakes.platform import RecordingPlatform

NOW = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)


@dataclass
class GatedPlatform(RecordingPlatform):
    """Holds every send until the test opens the gate; `started` is set when the first send begins."""

    gate: asyncio.Event = field(default_factory=asyncio.Event)
    started: asyncio.Event = field(default_factory=asyncio.Event)

    async def send(self, reply: Reply, lane: Lane = Lane.REPLY) -> str:
        self.started.set()
        await self.gate.wait()
        return await super().send(reply, lane)


async def queue_prompts(database: Database, count: int, at: datetime = NOW) -> None:
    rows = [
        outbox.row(f"p{n}", "test", f"c{n}", "session", None, f"prompt {n}", (), "pending", at)
        for n in range(count)
    ]
    async with database.write() as repo:
        await outbox.add(repo, *rows)


async def statuses(database: Database) -> dict[str, int]:
    async with database.read() as repo:
        rows = (await repo.session.execute(select(OutboxMessage.status))).scalars().all()
    return {status: rows.count(status) for status in set(rows)}


def continuous(database: Database, platform: RecordingPlatform, **settings: object) -> OutboxSender:
    limiter = RateLimiter({"test": PlatformLimits(per_second=100_000)})
    configured = SenderSettings(**settings)  # type: ignore[arg-type]
    return OutboxSender(database, {"test": platform.send}, limiter, "me", configured, clock=lambda: NOW)


async def wait_for(check: Callable[[], Awaitable[bool]], seconds: float = 5.0) -> None:
    """Wait until a check of the database holds, looking every 20 ms (the database has no event to wait
    on, and the sender records on its own schedule)."""
    for _ in range(int(seconds / 0.02)):
        if await check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"not within {seconds} s")


async def test_queued_rows_are_sent_without_waiting_for_a_batch_slot(sqlite_db: Database) -> None:
    platform = RecordingPlatform()
    sender = continuous(sqlite_db, platform, batch=20)
    running = asyncio.create_task(sender.run())
    try:
        await queue_prompts(sqlite_db, 130)  # several leases' worth: no gap between them
        sender.wake()
        loop = asyncio.get_running_loop()
        start = loop.time()

        async def all_recorded() -> bool:
            return (await statuses(sqlite_db)).get("sent") == 130

        await wait_for(all_recorded)
        assert loop.time() - start < 2 * MARK_SECONDS + 1.0
        assert len(platform.sent) == 130
        assert platform.duplicates() == 0
        assert set(platform.lanes) == {Lane.BULK}
    finally:
        sender.stop()
        await running


async def test_stop_finishes_in_flight_sends_and_gives_the_rest_back(sqlite_db: Database) -> None:
    await queue_prompts(sqlite_db, 10)
    platform = GatedPlatform()
    sender = continuous(sqlite_db, platform, workers=2, batch=10)
    running = asyncio.create_task(sender.run())
    await platform.started.wait()  # two sends are in flight, eight wait in the queue
    sender.stop()
    platform.gate.set()
    await running
    assert len(platform.sent) == 2
    assert await statuses(sqlite_db) == {"sent": 2, "pending": 8}
    async with sqlite_db.read() as repo:
        waiting = (
            await repo.session.execute(select(OutboxMessage).where(OutboxMessage.status == "pending"))
        ).scalars()
        assert {(row.lease_owner, row.attempts) for row in waiting} == {(None, 0)}  # never tried


async def test_a_kept_reply_goes_before_older_prompts(sqlite_db: Database) -> None:
    await queue_prompts(sqlite_db, 3, NOW - timedelta(minutes=5))
    reply = Reply(Address("test", "ana", "ana"), "Your check-in is saved.", private=True)
    async with sqlite_db.write() as repo:
        await outbox.add(repo, *kept.rows([reply], "update-7", NOW, NOW))
    platform = RecordingPlatform()
    assert await continuous(sqlite_db, platform, workers=1).run_once(NOW) == 4
    assert platform.sent[0].text == "Your check-in is saved."
    assert platform.lanes == [Lane.REPLY, Lane.BULK, Lane.BULK, Lane.BULK]


async def test_a_kept_reply_keeps_what_the_adapter_renders(sqlite_db: Database) -> None:
    in_group = Address("test", "club", "ana", "group")
    replies = [
        Reply(in_group, "Your report", file=Attachment("report.csv", 3, b"a,b"), private=True),
        Reply(in_group, "Join us", invite="code1", pin=True, choices=((("Join", "v1:join:x"),),)),
        Reply(Address("test", "ana", "ana"), "Progress", image=b"\x89PNG", private=True),
    ]
    async with sqlite_db.write() as repo:
        await outbox.add(repo, *kept.rows(replies, "update-8", NOW, NOW))
    platform = RecordingPlatform()
    await continuous(sqlite_db, platform, workers=1).run_once(NOW)
    report, join, progress = platform.sent
    assert report.to == Address("test", "ana", "ana", "private")  # personal data: the private chat
    assert report.file == Attachment("report.csv", 3, b"a,b")
    assert (join.to.chat_id, join.to.chat_kind) == ("club", "group")
    assert (join.invite, join.pin, join.choices, join.private) == ("code1", True, replies[1].choices, False)
    assert progress.image == b"\x89PNG"
    assert progress.private


async def test_the_same_event_is_kept_once(sqlite_db: Database) -> None:
    reply = Reply(Address("test", "ana", "ana"), "Saved.")
    for _ in range(2):
        async with sqlite_db.write() as repo:
            await outbox.add(repo, *kept.rows([reply], "update-9", NOW, NOW))
    assert await statuses(sqlite_db) == {"pending": 1}
