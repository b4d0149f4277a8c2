"""Clinician-led mode (CLINICAL A16): /clinician records the phase, the levels the clinician set and the day
of the visit; the bot prescribes within that and never moves the person up itself."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from coachbot.core import report_files
from coachbot.core.coach import Coach
from coachbot.programme.schema import Programme
from coachbot.reporting import report
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment
from coachbot.texts import plan as plan_texts
from tests.chat import Chat


async def enrolment(database: Database) -> Enrolment:
    async with database.read() as repo:
        return (await repo.session.execute(select(Enrolment))).scalar_one()


async def levels(database: Database) -> dict[str, int]:
    return {row.exercise: row.level for row in (await enrolment(database)).levels}


async def test_clinician_records_the_phase_and_its_date(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/clinician")
    assert plan_texts.ASK_CLINICIAN_PHASE in chat.text
    await chat.say("2")
    assert plan_texts.ASK_CLINICIAN_LEVELS in chat.text
    await chat.press("Skip")
    assert plan_texts.ASK_CLINICIAN_DATE in chat.text
    await chat.press("Today")
    assert "your clinician has you on phase 2 (Strength) as of Mon 02 Mar." in chat.text
    plan = await enrolment(sqlite_db)
    assert (plan.grade, plan.phase, plan.flags["clinician_phase"]) == ("clinician_led", 2, 2)
    assert (plan.flags["clinician_levels"], plan.flags["clinician_on"]) == ({}, "2026-03-02")
    async with sqlite_db.read() as repo:
        [decision] = [d for d in await repo.decisions(plan.id) if d.kind == "clinician"]
    assert decision.rule == "A16"


async def test_levels_the_clinician_set_become_the_persons_levels_even_several_levels_away(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()  # phase 1: E1 L2, no plyometrics yet
    await chat.command("/clinician")
    await chat.say("3")
    await chat.press("Yes")
    # phase 3's menu in order: E8, E1, E2, E3, E4, E6, E7 (each with more than one level)
    assert "**Plyometrics**: which level did your clinician set?" in chat.text
    assert "The plan would have you on P1" in chat.text
    await chat.press("P4")  # three levels above the plan: the clinician decided (not A13's one a day)
    assert "**Straight-knee calf raise**" in chat.text
    assert "The plan would have you on L7" in chat.text  # a clinician's phase: within its bounds
    await chat.say("L8")
    for _ in range(5):
        await chat.press(plan_texts.CLINICIAN_AS_PLANNED)
    assert plan_texts.ASK_CLINICIAN_DATE in chat.text
    await chat.say("28 Feb")
    assert "as of Sat 28 Feb." in chat.text
    assert "Levels your clinician set: Plyometrics P4, Straight-knee calf raise L8." in chat.text
    plan = await enrolment(sqlite_db)
    assert plan.flags["clinician_levels"] == {"E8": 4, "E1": 8}
    assert plan.flags["clinician_on"] == "2026-02-28"
    found = await levels(sqlite_db)
    assert (found["E8"], found["E1"], found["E2"]) == (4, 8, 5)  # E2 as the plan says: phase 3's start
    async with sqlite_db.read() as repo:
        [decision] = [d for d in await repo.decisions(plan.id) if d.kind == "clinician"]
    assert decision.local_date == date(2026, 3, 2)  # recorded as of now; the visit date is in the flags


async def test_a_date_in_the_future_or_unreadable_is_asked_again(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/clinician")
    await chat.say("1")
    await chat.press("Skip")
    await chat.say("2026-03-09")
    assert chat.text.startswith("Sorry, I need the day you saw them, today or earlier (Mon 09 Mar 2026")
    assert plan_texts.ASK_CLINICIAN_DATE in chat.text
    await chat.say("last week sometime")
    assert chat.text.startswith("Sorry, I need a date like 2026-11-28 or 28 Nov, or today.")
    await chat.say("31 Feb")
    assert chat.text.startswith("Sorry, I need a date like")
    await chat.say("2026-02-27")
    assert "as of Fri 27 Feb" in chat.text


async def test_a_level_the_ladder_does_not_have_is_asked_again(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/clinician")
    await chat.say("4")
    await chat.press("Yes")
    assert "**Run ladder**" in chat.text
    await chat.say("R12")
    assert chat.text.startswith("Sorry, I need one of the levels shown (like R10), or “as the plan says”.")
    await chat.say("r2")
    assert "**Straight-knee calf raise**" in chat.text


async def test_status_and_report_show_what_the_clinician_set(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/status")
    assert "clinician" not in chat.text.lower()
    await chat.command("/clinician")
    await chat.say("2")
    await chat.press("Yes")
    await chat.press("L6")  # E1, the first of phase 2's menu
    for _ in range(7):
        if plan_texts.ASK_CLINICIAN_DATE in chat.text:
            break
        await chat.press(plan_texts.CLINICIAN_AS_PLANNED)
    await chat.say("yesterday")
    await chat.command("/status")
    assert (
        "Your clinician's plan (seen Sun 01 Mar 2026): phase 2 (Strength); levels: Straight-knee calf raise L6."
        in (chat.text)
    )
    plan = await enrolment(sqlite_db)
    async with sqlite_db.read() as repo:
        data = await report_files.gather(
            repo, plan, programmes[plan.programme_id], "Europe/London", now.date()
        )
    text = " ".join(line for _, line in report.lines(data))  # long lines are wrapped
    assert "Clinician-led (A16): phase 2 (Strength) as recorded from the visit on Sun 01 Mar 2026" in text
    assert "levels: Straight-knee calf raise L6" in text
    assert "clinician_on" not in text.split("Answers:")[0]  # not listed among the flags


async def test_a_clinician_led_plan_is_never_advanced_by_green_sessions(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/clinician")
    await chat.say("1")
    await chat.press("Skip")
    await chat.press("Today")
    before = await levels(sqlite_db)
    chat.later(hours=9)  # Monday 18:00
    for _day in range(6):  # a week of green sessions, each followed by a settled morning
        await chat.log_session(during="1", after="1")
        chat.later(hours=15)  # next morning 09:00
        await chat.log_morning(pain="0")
        chat.later(hours=9)
    assert await levels(sqlite_db) == before
