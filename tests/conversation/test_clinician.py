"""Clinician-led mode (CLINICAL A16): /clinician records the phase; the bot never moves the person up itself."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from coachbot.coach import Coach
from coachbot.programme.schema import Programme
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment
from coachbot.texts import plan as plan_texts
from tests.chat import Chat


@pytest.fixture
def coach(sqlite_db: Database, programmes: dict[str, Programme]) -> Coach:
    return Coach(sqlite_db, programmes)


async def enrolment(database: Database) -> Enrolment:
    async with database.read() as repo:
        return (await repo.session.execute(select(Enrolment))).scalar_one()


async def test_clinician_records_the_phase_and_its_date(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/clinician")
    assert plan_texts.ASK_CLINICIAN_PHASE in chat.text
    await chat.say("2")
    assert "your clinician has you on phase 2" in chat.text
    plan = await enrolment(sqlite_db)
    assert (plan.grade, plan.phase, plan.flags["clinician_phase"]) == ("clinician_led", 2, 2)
    async with sqlite_db.read() as repo:
        [decision] = [d for d in await repo.decisions(plan.id) if d.kind == "clinician"]
    assert decision.rule == "A16"


async def test_a_clinician_led_plan_is_never_advanced_by_green_sessions(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/clinician")
    await chat.say("1")
    before = {row.exercise: row.level for row in (await enrolment(sqlite_db)).levels}
    chat.later(hours=9)  # Monday 18:00
    for _day in range(6):  # a week of green sessions, each followed by a settled morning
        await chat.log_session(during="1", after="1")
        chat.later(hours=15)  # next morning 09:00
        await chat.log_morning(pain="0")
        chat.later(hours=9)
    after = {row.exercise: row.level for row in (await enrolment(sqlite_db)).levels}
    assert after == before
