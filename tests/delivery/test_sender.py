"""The outbox sender on SQLite and PostgreSQL: retries, dead letters, restarts, and two instances."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from coachbot.cli.wiring import ticker_for
from coachbot.delivery.limits import Lane, PlatformLimits, RateLimiter
from coachbot.delivery.sender import OutboxSender, SenderSettings
from coachbot.messages import Reply
from coachbot.ports import Rejected, RetryAfter, TemporaryFailure
from coachbot.programme.schema import Programme
from coachbot.store import outbox
from coachbot.store.db import Database
from coachbot.store.repo import Repo
from coachbot.store.tables import Enrolment, OutboxMessage, Person
from tests.delivery.conftest import enrol, enrol_many
from tests.fakes.platform import RecordingPlatform

DUE = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)


def fast() -> RateLimiter:
    """Limits high enough not to slow the tests (limiters belong to one event loop, so one per test)."""
    return RateLimiter({"test": PlatformLimits(per_second=100_000)})


@pytest.fixture
def rehab(programmes: dict[str, Programme]) -> Programme:
    return programmes["calf-rehab-12w"]


def sender(
    database: Database, platform: RecordingPlatform, owner: str = "a", **settings: object
) -> OutboxSender:
    configured = SenderSettings(**settings)  # type: ignore[arg-type]
    return OutboxSender(database, {"test": platform.send}, fast(), owner, configured, random.Random(1))


async def queued(database: Database, programmes: dict[str, Programme], rehab: Programme) -> None:
    await enrol(database, rehab, "ana")
    await ticker_for(database, programmes).tick(DUE)


async def statuses(database: Database) -> list[tuple[str, int]]:
    async with database.read() as repo:
        rows = (await repo.session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars()
        return [(row.status, row.attempts) for row in rows]


async def test_sends_and_records_the_message_id(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    platform = RecordingPlatform()
    assert await sender(any_db, platform).run_once(DUE) == 1
    assert platform.sent[0].to.chat_id == "ana"
    assert platform.sent[0].private is True
    assert await statuses(any_db) == [("sent", 1)]
    assert await sender(any_db, platform).run_once(DUE + timedelta(minutes=5)) == 0


async def test_retry_after_pauses_the_platform_and_is_honoured(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    platform = RecordingPlatform(failures=[RetryAfter(30)])
    limiter = fast()
    worker = OutboxSender(any_db, {"test": platform.send}, limiter, "a")
    assert await worker.run_once(DUE) == 0
    assert limiter.paused("test")
    assert await statuses(any_db) == [("pending", 0)]  # a 429 is not the message's fault
    assert await worker.run_once(DUE + timedelta(seconds=29)) == 0  # not before retry_after
    limiter.resume("test")  # the 30 s of wall time have "passed"
    assert await worker.run_once(DUE + timedelta(seconds=31)) == 1
    assert len(platform.sent) == 1


async def test_server_errors_back_off_then_dead_letter(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    platform = RecordingPlatform(failures=[TemporaryFailure("502 Bad Gateway")] * 3)
    worker = sender(any_db, platform, max_attempts=3, backoff_base=10)
    now = DUE
    await worker.run_once(now)
    async with any_db.read() as repo:
        row = (await repo.session.execute(select(OutboxMessage))).scalar_one()
    assert row.status == "pending"
    assert row.not_before > now
    assert row.not_before <= now + timedelta(seconds=10)  # first wait: up to the base
    for _ in range(2):
        now += timedelta(hours=1)
        await worker.run_once(now)
    assert await statuses(any_db) == [("dead", 3)]
    assert platform.sent == []


async def test_blocked_person_dead_letters_and_pauses_the_plan(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    platform = RecordingPlatform(blocked_chats={"ana"})
    await sender(any_db, platform).run_once(DUE)
    assert await statuses(any_db) == [("dead", 1)]
    async with any_db.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        schedules = await repo.schedules(enrolment.id)
    assert (enrolment.status, enrolment.status_reason) == ("paused", "blocked")
    assert set(schedules.values()) == {None}
    assert platform.calls == 1  # never retried


async def test_an_unreachable_person_gets_one_notice_in_the_group_they_came_from(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    async with any_db.write() as repo:
        person = (await repo.session.execute(select(Person))).scalar_one()
        person.home_chat_id = "club-channel"
    platform = RecordingPlatform(blocked_chats={"ana"})
    await sender(any_db, platform).run_once(DUE)
    await sender(any_db, platform).run_once(DUE + timedelta(minutes=1))
    [notice] = [reply for reply in platform.sent if reply.to.chat_id == "club-channel"]
    assert notice.to.chat_kind == "group"
    assert notice.text.startswith("@[ana], I couldn't send you a direct message")
    assert not notice.private
    async with any_db.write() as repo:  # already paused: a second failure adds no second notice
        await outbox.dead_letter(repo, (await first_leased(repo)), "403", "blocked", DUE + timedelta(hours=1))
    async with any_db.read() as repo:
        kinds = (await repo.session.execute(select(OutboxMessage.kind))).scalars().all()
    assert sorted(kinds) == ["notice", "session"]


async def first_leased(repo: Repo) -> outbox.Leased:
    row = (
        await repo.session.execute(select(OutboxMessage).where(OutboxMessage.kind == "session"))
    ).scalar_one()
    return outbox.Leased(row.id, row.enrolment_id, row.platform, row.chat_id, row.chat_kind, row.text, (), 1)


async def test_rejected_message_is_dead_lettered(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    await sender(any_db, RecordingPlatform(failures=[Rejected("400: message is too long")])).run_once(DUE)
    assert await statuses(any_db) == [("dead", 1)]


async def test_crash_between_claim_and_send_loses_nothing(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    platform = RecordingPlatform()
    first = sender(any_db, platform, owner="first", lease=timedelta(seconds=60))
    assert len(await first.claim(DUE)) == 1  # ...and the process dies here
    second = sender(any_db, platform, owner="second")
    assert await second.run_once(DUE + timedelta(seconds=30)) == 0  # still leased
    assert await second.run_once(DUE + timedelta(seconds=61)) == 1
    assert len(platform.sent) == 1


async def test_crash_between_send_and_mark_repeats_only_that_message(
    any_db: Database, rehab: Programme, programmes: dict[str, Programme]
) -> None:
    await queued(any_db, programmes, rehab)
    await enrol(any_db, rehab, "ben")
    await ticker_for(any_db, programmes).tick(DUE)
    platform = RecordingPlatform()

    async def send_then_die(reply: Reply, lane: Lane) -> str:
        await platform.send(reply)
        if reply.to.chat_id == "ana":
            raise asyncio.CancelledError  # the process stops before the row is marked sent
        return "ok"

    crashing = OutboxSender(
        any_db,
        {"test": send_then_die},
        fast(),
        "first",
        SenderSettings(workers=1, lease=timedelta(seconds=60)),
    )
    with pytest.raises(asyncio.CancelledError):
        await crashing.run_once(DUE)
    await sender(any_db, platform, owner="second").run_once(DUE + timedelta(seconds=61))
    chats = sorted(reply.to.chat_id for reply in platform.sent)
    assert chats.count("ana") == 2  # only the in-flight message repeats
    assert chats.count("ben") <= 2
    assert platform.duplicates() == chats.count("ana") - 1 + max(chats.count("ben") - 1, 0)


@pytest.mark.parametrize("people", [2000])
async def test_two_instances_deliver_everything_exactly_once(
    any_db: Database, any_url: str, rehab: Programme, programmes: dict[str, Programme], people: int
) -> None:
    await enrol_many(any_db, rehab, people, DUE)
    other = Database.connect(any_url)
    platform = RecordingPlatform()
    try:
        results = await asyncio.gather(
            ticker_for(any_db, programmes).tick(DUE), ticker_for(other, programmes).tick(DUE)
        )
        assert sum(result.queued for result in results) == people
        senders = [sender(any_db, platform, "one", batch=100), sender(other, platform, "two", batch=100)]
        while sum(await asyncio.gather(*(worker.run_once(DUE) for worker in senders))):
            pass
    finally:
        await other.close()
    async with any_db.read() as repo:
        sent = (
            await repo.session.execute(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == "sent")
            )
        ).scalar_one()
    assert sent == people
    assert len(platform.sent) == people
    assert platform.duplicates() == 0
