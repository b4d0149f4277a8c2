"""Snoozing names the prompt, only while it is unanswered, from the prompt's own button too, and a snoozed
copy respects answers and the late window (issue 14 item 4)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.core.coach import Coach
from coachbot.delivery.limits import PlatformLimits, RateLimiter
from coachbot.delivery.sender import OutboxSender
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage
from tests.chat import Chat
from tests.core.features.test_weekly_selftests import weekly
from tests.fakes.platform import RecordingPlatform

SESSION_DUE = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # Tuesday 07:00 London
MORNING_DUE = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)


class Loop:
    """The ticker and the sender over one recording platform, driven by the test's clock."""

    def __init__(self, database: Database, programmes: dict[str, Programme]) -> None:
        self.platform = RecordingPlatform()
        self.ticker = ticker_for(database, programmes)
        limiter = RateLimiter({"console": PlatformLimits(per_second=1000)})
        self.sender = OutboxSender(
            database, {"console": self.platform.send}, limiter, "t", rng=random.Random(1)
        )

    async def run(self, now: datetime) -> int:
        await self.ticker.tick(now)
        return await self.sender.run_once(now)


async def _snoozes(database: Database) -> list[OutboxMessage]:
    async with database.read() as repo:
        query = select(OutboxMessage).where(OutboxMessage.idempotency_key.endswith(":snooze"))
        return list((await repo.session.execute(query)).scalars())


async def test_the_prompt_s_snooze_button_names_it_once(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    loop = Loop(sqlite_db, programmes)
    assert await loop.run(SESSION_DUE) == 1
    chat.now = SESSION_DUE + timedelta(minutes=2)
    await chat.press("Snooze", loop.platform.sent)
    assert "Snooze today's session" in chat.text
    await chat.press("1 hour")
    assert "remind you in 60 minutes about today's session (at 08:02)" in chat.text
    assert await loop.run(SESSION_DUE + timedelta(minutes=30)) == 0
    assert await loop.run(SESSION_DUE + timedelta(minutes=63)) == 2  # the morning prompt and the snooze
    again = [reply for reply in loop.platform.sent if reply.text == loop.platform.sent[0].text]
    assert len(again) == 2
    await chat.press("Snooze", again[1:])
    assert "already snoozed today's session once" in chat.text


async def test_snoozing_a_session_until_tomorrow(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    loop = Loop(sqlite_db, programmes)
    await loop.run(SESSION_DUE)
    chat.now = SESSION_DUE + timedelta(minutes=2)
    await chat.press("Snooze", loop.platform.sent)
    await chat.press("Tomorrow")
    assert "tomorrow's session comes at 07:00 as usual" in chat.text  # every day is a session day
    assert await _snoozes(sqlite_db) == []


async def test_an_answered_prompt_is_not_snoozed_and_its_snooze_is_dropped(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    loop = Loop(sqlite_db, programmes)
    await loop.run(MORNING_DUE)  # the morning prompt (the session's 07:00 is one hour late: sent too)
    chat.now = MORNING_DUE + timedelta(minutes=1)
    await chat.command("/snooze 30m")
    assert "about this morning's check-in" in chat.text
    await chat.log_morning("1")
    await chat.command("/snooze 30m")
    assert "about today's session" in chat.text  # the latest prompt not yet answered
    await chat.log_session("2", "1")
    await chat.command("/snooze 1h")
    assert "You've already answered" in chat.text
    sent = len(loop.platform.sent)
    await loop.run(MORNING_DUE + timedelta(hours=2))
    assert len(loop.platform.sent) == sent  # answered since: neither snoozed copy is sent
    assert {row.status for row in await _snoozes(sqlite_db)} == {"answered"}
    # answering the morning again says that it replaces the earlier score
    await chat.press("Answer", loop.platform.sent)
    await chat.press("3")
    await chat.press("None of these")
    assert "You'd already answered this morning (1/10); this answer replaces it." in chat.text


async def test_a_snoozed_prompt_after_downtime_is_late_or_missed(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    loop = Loop(sqlite_db, programmes)
    await loop.run(SESSION_DUE)
    chat.now = SESSION_DUE + timedelta(minutes=1)
    await chat.command("/snooze 30m")
    # the bot is down for 23 hours: the snoozed copy is not sent a day late
    assert await loop.sender.run_once(SESSION_DUE + timedelta(hours=23)) == 0
    assert [row.status for row in await _snoozes(sqlite_db)] == ["missed"]


async def test_a_snoozed_prompt_a_little_late_says_so(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    loop = Loop(sqlite_db, programmes)
    await loop.run(SESSION_DUE)
    chat.now = SESSION_DUE + timedelta(minutes=1)
    await chat.command("/snooze 30m")
    assert await loop.sender.run_once(SESSION_DUE + timedelta(hours=1)) == 1
    assert loop.platform.sent[-1].text.startswith("(Sorry this is late")


async def test_tomorrow_on_a_rest_day_sends_the_session_again(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    await chat.command("/settings")
    await chat.press("Training days")
    await chat.say("tue thu sat")
    loop = Loop(sqlite_db, programmes)
    await loop.run(SESSION_DUE)
    chat.now = SESSION_DUE + timedelta(minutes=2)
    await chat.command("/snooze tomorrow")
    assert "I'll send today's session again tomorrow at 07:00" in chat.text
    [row] = await _snoozes(sqlite_db)
    assert row.not_before == SESSION_DUE + timedelta(days=1)
    assert await loop.run(SESSION_DUE + timedelta(days=1, minutes=1)) == 1
    assert loop.platform.sent[-1].text == loop.platform.sent[0].text  # Tuesday's session, on Wednesday


async def test_yesterday_s_prompt_is_not_snoozed(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    loop = Loop(sqlite_db, programmes)
    await loop.run(SESSION_DUE)
    chat.now = SESSION_DUE + timedelta(days=1, hours=-1)  # Wednesday 06:00, before its own prompt
    await chat.press("Snooze", loop.platform.sent)
    assert "from an earlier day" in chat.text
    assert await _snoozes(sqlite_db) == []


async def test_doing_the_weekly_check_twice_says_it_replaces_the_first(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    await weekly(chat)
    assert "replace the earlier ones" not in chat.text
    await weekly(chat)
    assert any("You'd already done this week's check today" in reply.text for reply in chat.replies)
