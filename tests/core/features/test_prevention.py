"""Issue 13, prevention, end to end (CLINICAL A22): the baseline heel-raise question and age set the starting
dose, plyometrics wait for 2 green weeks, and ordinary soreness after the first sessions holds the level."""

from __future__ import annotations

from datetime import datetime

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from coachbot.texts import decisions
from tests.chat import Chat

STRENGTH = "12-week calf strengthening for runners"


async def levels(sqlite_db: Database) -> dict[str, int]:
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        return {row.exercise: row.level for row in enrolment.levels}


async def test_enrolment_asks_the_baseline_heel_raise_test(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.triage(STRENGTH, until="baseline_raises")
    assert "How many single-leg heel raises can you do on each leg?" in chat.text
    assert "fingertips on a wall" in chat.text  # the CLINICAL 8.1 how-to
    await chat.say("lots")
    assert "number" in chat.text  # asked again, saying what is expected


async def test_twelve_single_leg_raises_start_double_leg(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(STRENGTH, baseline_raises="left 18, right 12")
    assert "start on both legs" in chat.text
    assert (await levels(sqlite_db))["E1"] == 2
    await chat.command("/today")  # Monday: a strength day
    assert "Double-leg heel raise on the floor" in chat.text
    assert "Single-leg heel raise" not in chat.text


async def test_skipping_the_test_starts_double_leg(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    chat = Chat(coach, now)
    await chat.enrol(STRENGTH, baseline_raises="Skip")
    assert (await levels(sqlite_db))["E1"] == 2


async def test_age_fifty_five_starts_one_level_lower(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(STRENGTH, age="55", baseline_raises="20")
    assert await levels(sqlite_db) == {"E1": 4, "E2": 3, "E3": 3, "E8": 1, "E4": 2, "E6": 1}


async def test_a_strong_runner_starts_at_the_block_start(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(STRENGTH, baseline_raises="22 and 25")
    assert "start on both legs" not in chat.text
    assert (await levels(sqlite_db))["E1"] == 5


async def test_soreness_after_the_first_sessions_holds_and_never_refers(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol(STRENGTH)
    for _ in range(3):  # Monday, Wednesday, Friday sessions, each followed by a morning of 2/10
        await chat.log_session("1", "1")
        chat.later(days=1)
        await chat.log_morning("2")
        assert decisions.HOLD_SORENESS in chat.text
        assert "physio" not in chat.text.lower()
        chat.later(days=1)
    await chat.command("/status")
    assert "— active" in chat.text
    assert "Single-leg balance L3" in chat.text  # balance was not regressed


async def test_plyometrics_join_after_two_green_weeks(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol(STRENGTH)
    await chat.command("/today")
    assert "Plyometrics" not in chat.text
    for day in range(14):
        if day % 7 in (0, 2, 4):  # Monday, Wednesday, Friday
            await chat.command("/today")
            assert "Plyometrics" not in chat.text, day
            await chat.log_session("1", "1")
        chat.later(days=1)
        await chat.log_morning("0")
    await chat.command("/today")  # Monday of week 3
    assert "Plyometrics" in chat.text
    assert "Quick-rebounding double-leg heel raises" in chat.text
