"""/settings, /snooze, /skip and /pause with the re-entry rule, through the Coach and the delivery loop."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.core.coach import Coach
from coachbot.delivery.limits import PlatformLimits, RateLimiter
from coachbot.delivery.sender import OutboxSender
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import OutboxMessage
from tests.chat import Chat
from tests.fakes.platform import RecordingPlatform


async def schedules(database: Database) -> dict[str, datetime | None]:
    async with database.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        return await repo.schedules(enrolment.id)


async def outbox(database: Database) -> list[OutboxMessage]:
    async with database.read() as repo:
        return list((await repo.session.execute(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())


async def test_enrolling_schedules_the_prompts(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    await Chat(coach, now).enrol()  # Monday 09:00 UTC, sessions 07:00 and mornings 08:00 London
    due = await schedules(sqlite_db)
    assert due["session"] == datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
    assert due["morning"] == datetime(2026, 3, 3, 8, 0, tzinfo=UTC)
    assert due["weekly"] == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)  # Sunday


async def test_settings_move_the_schedule(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/settings")
    await chat.press("Session time")
    await chat.say("6:30pm")
    assert "Sessions at 18:30 (Europe/London)" in chat.text
    assert (await schedules(sqlite_db))["session"] == datetime(2026, 3, 2, 18, 30, tzinfo=UTC)
    await chat.command("/settings")
    await chat.press("Time zone")
    await chat.say("new york")
    await chat.press("Yes")
    assert (await schedules(sqlite_db))["session"] == datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # 18:30 EST


async def test_quiet_hours_are_read_and_bad_input_re_asked(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/settings")
    await chat.press("Quiet hours")
    await chat.say("late evening")
    assert "Sorry, I need two times like 22:00-07:00, or none." in chat.text
    await chat.say("10pm - 7am")
    assert "quiet hours 22:00–07:00" in chat.text


async def test_snooze_once_per_prompt(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/snooze 1h")
    assert "no prompt from today" in chat.text
    due = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
    await ticker_for(sqlite_db, programmes).tick(due)
    platform = RecordingPlatform()
    limiter = RateLimiter({"console": PlatformLimits(per_second=1000)})
    sender = OutboxSender(sqlite_db, {"console": platform.send}, limiter, "test", rng=random.Random(1))
    assert await sender.run_once(due) == 1
    chat.now = due + timedelta(minutes=2)
    await chat.command("/snooze")
    await chat.press("1 hour")
    assert "remind you in 60 minutes" in chat.text
    await chat.command("/snooze 30m")
    assert "already snoozed" in chat.text
    assert await sender.run_once(due + timedelta(minutes=30)) == 0
    assert await sender.run_once(due + timedelta(minutes=63)) == 1
    assert platform.sent[1].text == platform.sent[0].text


async def test_skip_records_the_day_and_drops_a_pending_prompt(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    due = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)
    await ticker_for(sqlite_db, programmes).tick(due)
    chat.now = due - timedelta(seconds=1) + timedelta(seconds=30)
    await chat.command("/skip")
    await chat.press("No time")
    assert "Skipped today. Your next session is on Wed 04 Mar." in chat.text
    statuses = {row.kind: row.status for row in await outbox(sqlite_db)}
    assert statuses["session"] == "skipped"


async def test_a_pause_of_a_week_or_more_restarts_a_level_lower(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/pause")
    await chat.press("Ill")
    assert set((await schedules(sqlite_db)).values()) == {None}  # no prompts while paused
    chat.later(days=3)
    await chat.command("/resume")
    assert "restart one level below" not in chat.text
    await chat.command("/pause")
    await chat.press("Travelling")
    chat.later(days=10)
    await chat.command("/resume")
    for answer in ("No", "No"):  # the DVT questions after travelling (CLINICAL A9)
        await chat.press(answer)
    assert "Welcome back after 10 days" in chat.text
    await chat.command("/status")
    assert "Straight-knee calf raise L1" in chat.text  # phase 1 starts E1 at L2
    assert (await schedules(sqlite_db))["session"] is not None


async def test_settings_given_with_the_command_change_at_once(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/settings zone new york time 6:30pm")
    assert "Sessions at 18:30 (America/New_York)" in chat.text
    assert (await schedules(sqlite_db))["session"] == datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    await chat.command("/settings zone Mars/Olympus")
    assert chat.text.startswith("Sorry, I need")
    assert "Europe/London" in chat.text  # how to write a time zone
    await chat.command("/settings colour blue")
    assert "/settings zone Europe/London time 07:30" in chat.text
    assert (await schedules(sqlite_db))["session"] == datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # unchanged
