"""After a week of silence: one message, and /resume that holds with one drop (issue 14 items 1 and 2)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select

from coachbot.core.coach import Coach
from coachbot.delivery.limits import PlatformLimits, RateLimiter
from coachbot.delivery.sender import OutboxSender
from coachbot.delivery.silence import pause_silent
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import Decision
from tests.chat import Chat
from tests.fakes.platform import RecordingPlatform

NOTICE = "I haven't heard from you for a week, so I've paused your plan — send /resume when you're back."


def sender(database: Database, platform: RecordingPlatform) -> OutboxSender:
    limiter = RateLimiter({"console": PlatformLimits(per_second=1000)})
    return OutboxSender(database, {"console": platform.send}, limiter, "test", rng=random.Random(1))


async def drops(database: Database) -> int:
    """Decisions that restarted the plan lower after time away (re-entry or silence)."""
    async with database.read() as repo:
        query = select(Decision).where(Decision.rule.in_(("reentry", "silence")))
        return len(list((await repo.session.execute(query)).scalars()))


async def test_silence_pause_says_so_once_and_resume_holds(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    away = now + timedelta(days=8)
    assert await pause_silent(sqlite_db, Catalogue(programmes), away) == 1
    assert await pause_silent(sqlite_db, Catalogue(programmes), away + timedelta(hours=1)) == 0
    platform = RecordingPlatform()
    await sender(sqlite_db, platform).run_once(away + timedelta(hours=1))
    assert [reply.text for reply in platform.sent] == [NOTICE]  # one message, not one per hour
    chat.now = away + timedelta(hours=2)
    await chat.command("/resume")
    assert "Welcome back after" in chat.text
    await chat.command("/today")
    assert "one level below" not in chat.text  # the drop happened at /resume, once
    assert await pause_silent(sqlite_db, Catalogue(programmes), chat.now + timedelta(hours=1)) == 0
    assert await pause_silent(sqlite_db, Catalogue(programmes), chat.now + timedelta(days=6)) == 0
    await chat.command("/resume")
    assert "isn't paused" in chat.text
    assert await drops(sqlite_db) == 1
    # the clock restarted at /resume: a second silent week pauses again, with its own message
    assert await pause_silent(sqlite_db, Catalogue(programmes), chat.now + timedelta(days=7, minutes=1)) == 1


async def test_back_without_a_pause_drops_once_and_is_not_paused_an_hour_later(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    chat.now = now + timedelta(days=8)  # the hourly job has not run yet
    await chat.command("/today")
    assert "one level below" in chat.text
    assert await pause_silent(sqlite_db, Catalogue(programmes), chat.now + timedelta(hours=1)) == 0
    chat.later(hours=2)
    await chat.command("/today")
    assert "one level below" not in chat.text
    assert await drops(sqlite_db) == 1
