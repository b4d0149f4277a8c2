"""Quiet hours: no prompt starts inside them, one due inside moves to their end, and /settings warns
(issue 14 item 5)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.core.coach import Coach
from coachbot.programme.catalogue import Catalogue
from coachbot.programme.schema import Programme
from coachbot.schedule.quiet_hours import QuietHours, outside
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage
from tests.chat import Chat
from tests.core.features.test_schedule_commands import schedules

LONDON = ZoneInfo("Europe/London")


async def _sessions(database: Database) -> list[OutboxMessage]:
    async with database.read() as repo:
        query = select(OutboxMessage).where(OutboxMessage.kind == "session").order_by(OutboxMessage.id)
        return list((await repo.session.execute(query)).scalars())


async def test_a_session_inside_quiet_hours_comes_at_their_end(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()  # sessions 07:00, mornings 08:00, London
    await chat.command("/settings")
    await chat.press("Quiet hours")
    await chat.say("22:00-07:30")
    assert "at 07:00 falls inside your quiet hours (22:00–07:30), so it will come at 07:30" in chat.text
    assert "morning check-in at 08:00 falls" not in chat.text
    assert (await schedules(sqlite_db))["session"] == datetime(2026, 3, 3, 7, 30, tzinfo=UTC)
    ticker = ticker_for(sqlite_db, programmes)
    await ticker.tick(datetime(2026, 3, 3, 7, 0, tzinfo=UTC))
    assert await _sessions(sqlite_db) == []  # nothing starts inside quiet hours
    await ticker.tick(datetime(2026, 3, 3, 7, 30, tzinfo=UTC))
    [row] = await _sessions(sqlite_db)
    assert (row.status, row.late, str(row.local_date)) == ("pending", False, "2026-03-03")


async def test_a_late_evening_session_moves_to_the_next_morning_once(
    sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(Coach(sqlite_db, Catalogue(programmes)), now)
    await chat.enrol()
    await chat.command("/settings")
    await chat.press("Quiet hours")
    await chat.say("22:00-07:00")
    await chat.command("/settings time 23:15")
    assert "at 23:15 falls inside your quiet hours (22:00–07:00), so it will come at 07:00" in chat.text
    assert (await schedules(sqlite_db))["session"] == datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
    ticker = ticker_for(sqlite_db, programmes)
    for hour in (23, 7):
        day = 2 if hour == 23 else 3
        await ticker.tick(datetime(2026, 3, day, hour, 30, tzinfo=UTC))
    assert [str(row.local_date) for row in await _sessions(sqlite_db)] == ["2026-03-03"]


def test_outside_moves_only_what_falls_inside() -> None:
    quiet = QuietHours(time(22, 0), time(7, 0))
    evening = datetime(2026, 3, 2, 21, 59, tzinfo=UTC)
    assert outside(evening, LONDON, quiet) == evening
    assert outside(datetime(2026, 3, 2, 22, 0, tzinfo=UTC), LONDON, quiet) == datetime(
        2026, 3, 3, 7, tzinfo=UTC
    )
    assert outside(datetime(2026, 3, 3, 6, 59, tzinfo=UTC), LONDON, quiet) == datetime(
        2026, 3, 3, 7, tzinfo=UTC
    )
    assert outside(datetime(2026, 3, 3, 7, 0, tzinfo=UTC), LONDON, quiet) == datetime(
        2026, 3, 3, 7, tzinfo=UTC
    )
    # the end is a local time: after the clocks go forward (29 Mar) 07:00 London is 06:00 UTC
    assert outside(datetime(2026, 3, 29, 5, 0, tzinfo=UTC), LONDON, quiet) == datetime(
        2026, 3, 29, 6, tzinfo=UTC
    )
