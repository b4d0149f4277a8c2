"""Training days through the Coach (CLINICAL A23, A22's key-run day): the pattern follows the person's days,
the bot says so when they cannot hold a phase and proposes days, and prompts come on the mapped days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coachbot.cli.wiring import ticker_for
from coachbot.core.coach import Coach
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment, OutboxMessage
from tests.chat import Chat

PREVENTION = "12-week calf strengthening for runners"
TUESDAY = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # 07:00 London, the session time of tests/chat.py
THURSDAY = TUESDAY + timedelta(days=2)


async def enrolment(database: Database) -> Enrolment:
    async with database.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        found = await repo.live_enrolment(person.id)
        assert found is not None
        return found


async def session_due(database: Database) -> datetime | None:
    async with database.read() as repo:
        return (await repo.schedules((await enrolment(database)).id))["session"]


async def session_prompts(database: Database, programmes: dict[str, Programme], at: datetime) -> list[str]:
    """Run the ticker at `at` and return the session prompts it queued."""
    await ticker_for(database, programmes).tick(at)
    async with database.read() as repo:
        rows = (
            await repo.session.execute(select(OutboxMessage).where(OutboxMessage.kind == "session"))
        ).scalars()
        return [row.text for row in rows if row.local_date == at.date()]


async def test_a_prevention_runner_on_tuesday_and_thursday_gets_sessions(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(PREVENTION, days_choice="tue,thu")
    assert "can't hold" not in chat.text  # two non-consecutive days hold CLINICAL 11's 2 sessions a week
    assert await session_due(sqlite_db) == TUESDAY  # was None: the pattern trains Mon/Wed/Fri
    [prompt] = await session_prompts(sqlite_db, programmes, TUESDAY)
    assert "Strength session, Tue 03 Mar" in prompt
    assert "Straight-knee calf raise" in prompt


async def test_days_that_cannot_hold_the_minimum_get_a_message_and_a_proposal(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await chat.triage(PREVENTION, days_choice="tue,thu", until="morning_time", key_run="Wed")
    # A22: Tuesday is the day before the midweek long run, so only Thursday can hold a session
    assert "Those days can't hold phase 1 (Capacity)" in chat.text
    assert "never the day before your long run (Wed); with Tue, Thu there would be 1." in chat.text
    assert "I suggest Mon, Tue, Thu: Mon strength, Tue rest, Thu strength." in chat.text
    await chat.press("Keep my days")
    await chat.say("08:00")  # the morning check-in time
    assert "You're enrolled" in chat.text
    assert "OK, keeping Tue, Thu. In phase 1 (Capacity) that means 1 strength session (Thu)" in chat.text
    assert "Tue stays a rest day (the day before your long run)" in chat.text
    stored = await enrolment(sqlite_db)
    assert (stored.days, stored.flags["key_run"]) == ("tue,thu", "wed")
    assert await session_due(sqlite_db) == THURSDAY  # never silence: sessions on the days that can hold one
    assert await session_prompts(sqlite_db, programmes, TUESDAY) == []
    [prompt] = await session_prompts(sqlite_db, programmes, THURSDAY)
    assert "Strength session, Thu 05 Mar" in prompt


async def test_keeping_days_that_hold_no_session_says_so(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.triage(PREVENTION, days_choice="fri", until="morning_time", key_run="Sat")
    assert "I suggest Mon, Wed, Fri: Mon strength, Wed strength, Fri rest." in chat.text
    await chat.press("Keep my days")
    await chat.say("08:00")
    assert (
        "that leaves no day for a strength session: none will come until you choose other days" in chat.text
    )
    assert "Fri stays a rest day (the day before your long run)." in chat.text


async def test_accepting_the_proposal_stores_the_proposed_days(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.triage(PREVENTION, days_choice="tue,thu", until="morning_time", key_run="Wed")
    await chat.press("Use those days")
    await chat.say("08:00")
    assert "Sessions at 07:00 (Europe/London) on Mon, Tue, Thu" in chat.text
    assert "OK, keeping" not in chat.text
    assert (await enrolment(sqlite_db)).days == "mon,tue,thu"


async def test_rehab_phase_2_on_tuesday_thursday_saturday_is_heavy_on_those_days(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(days_choice="tue,thu,sat")
    assert "can't hold" not in chat.text  # three non-consecutive days hold Phase 2's three heavy sessions
    async with sqlite_db.write() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        plan = await repo.live_enrolment(person.id)
        assert plan is not None
        plan.phase = 2
    chat.now = TUESDAY + timedelta(hours=1)
    await chat.command("/today")
    assert "Heavy session, Tue 03 Mar" in chat.text  # the pattern's Tuesday is light; heavy follows the days
    assert "Straight-knee calf raise" in chat.text
    assert "Single-leg balance" in chat.text  # the balance ladder rides along: Phase 2 can still be left
    assert "Calf stretch" not in chat.text  # a light-day exercise with nothing to climb stays there
    [prompt] = await session_prompts(sqlite_db, programmes, THURSDAY)
    assert "Heavy session, Thu 05 Mar" in prompt
    await chat.log_session("1", "1")
    async with sqlite_db.read() as repo:
        [checkin] = await repo.checkins((await enrolment(sqlite_db)).id)
    assert "E1" in checkin.details["levels"]  # the heavy session is what is credited
    assert "E5" not in checkin.details["levels"]


async def test_settings_days_that_cannot_hold_the_phase_are_proposed_better_ones(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(PREVENTION)
    await chat.command("/settings")
    await chat.press("Training days")
    await chat.say("mon,tue")
    assert "Those days can't hold phase 1 (Capacity)" in chat.text
    assert "I suggest Mon, Tue, Wed: Mon strength, Tue rest, Wed strength." in chat.text
    await chat.press("Use those days")
    assert "Saved. Sessions at 07:00 (Europe/London) on Mon, Tue, Wed" in chat.text
    assert (await enrolment(sqlite_db)).days == "mon,tue,wed"
    await chat.command("/settings")
    await chat.press("Training days")
    await chat.say("mon,tue")
    await chat.press("Keep my days")
    assert "OK, keeping Mon, Tue. In phase 1 (Capacity) that means 1 strength session (Mon)" in chat.text
    assert "Tue stays a rest day (next to another strength day)" in chat.text


async def test_a_saturday_long_run_keeps_friday_free(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(PREVENTION, days_choice="mon,wed,fri")
    await chat.command("/settings")
    await chat.press("Long run day")
    await chat.press("Sat")
    assert "Long run or race day: Sat" in chat.text
    assert (await enrolment(sqlite_db)).flags["key_run"] == "sat"
    chat.now = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)  # Friday
    await chat.command("/today")
    assert "Today (Fri 06 Mar) is a rest day" in chat.text  # no hops the day before the weekend long run
    assert "Your next session is on Mon 09 Mar" in chat.text
    await chat.command("/settings")
    await chat.press("Long run day")
    await chat.press("None / it varies")
    assert "No fixed long run or race day." in chat.text
    await chat.command("/today")
    assert "Strength session, Fri 06 Mar" in chat.text


async def test_the_long_run_day_is_a_prevention_setting(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/settings")
    assert "Training days" in [label for reply in chat.replies for row in reply.choices for label, _ in row]
    assert "Long run day" not in [
        label for reply in chat.replies for row in reply.choices for label, _ in row
    ]


async def test_a_new_phase_moves_the_session_prompts_to_its_days(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()  # every day: phases 1 and 2 train daily, phase 4 never on Thursday or Sunday
    assert (await enrolment(sqlite_db)).days == "mon,tue,wed,thu,fri,sat,sun"
    assert await session_due(sqlite_db) == TUESDAY
    chat.now = TUESDAY + timedelta(days=1, hours=2)  # Wednesday, after the session time
    await chat.command("/clinician")
    await chat.say("4")
    await chat.press("Skip")
    await chat.press("Today")
    assert (await enrolment(sqlite_db)).phase == 4
    assert await session_due(sqlite_db) == THURSDAY + timedelta(days=1)  # Friday: phase 4 rests on Thursday
