"""The free-text safety net: a red flag in any message, in any conversation, pauses and refers."""

from __future__ import annotations

from datetime import datetime

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from coachbot.texts import safety
from tests.chat import Chat


async def test_red_flag_mid_checkin_refers_and_freezes_the_plan(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    await chat.say("honestly my calf is swollen and hot today")
    assert "should be checked by a clinician today" in chat.text
    assert "NHS 111" in chat.text  # Europe/London
    await chat.say("4")  # the check-in was closed by the referral
    assert "I didn't catch that" in chat.text
    await chat.command("/status")
    assert "paused until you've been assessed" in chat.text


async def test_emergency_uses_the_regional_number(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("I'm suddenly short of breath")
    assert "call 999" in chat.text


async def test_red_flag_before_enrolment_still_gets_advice(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.say("I felt a pop and now I can't get up on my toes")
    assert "torn Achilles" in chat.text
    assert "112" not in chat.text  # urgent tier, not emergency


async def test_resume_after_referral_needs_a_clinician(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("the pain wakes me up at night")
    assert "pain at rest or pain that wakes you at night" in chat.text
    await chat.command("/resume")
    assert chat.text == safety.ASK_ASSESSED
    await chat.press("No")
    assert chat.text == safety.NOT_YET_ASSESSED
    await chat.command("/resume")
    await chat.say("yes")
    assert safety.RETRIAGE_INTRO in chat.text
    await chat.retriage()
    assert "Welcome back" in chat.text
    await chat.command("/status")
    assert "— active" in chat.text


async def test_ordinary_training_talk_is_not_flagged(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("calves are tight after the hills")
    assert "clinician" not in chat.text


async def test_retriage_after_a_flare_asks_about_the_flare_and_keeps_the_injury_date(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    """CLINICAL A24: "How many days ago did this flare-up start?", and the injury date never moves."""
    from sqlalchemy import select

    from coachbot.core.features.retriage import RETRIAGE
    from coachbot.store.tables import Enrolment
    from coachbot.texts import triage as triage_texts

    async def injured_on() -> object:
        async with sqlite_db.read() as repo:
            return (await repo.session.execute(select(Enrolment))).scalar_one().injured_on

    chat = Chat(coach, now)
    await chat.enrol()
    first = await injured_on()
    chat.later(days=20)
    await chat.say("the pain wakes me up at night")
    await chat.command("/resume")
    await chat.say("yes")
    days = RETRIAGE.step("days").ask(None, {})  # type: ignore[arg-type]  # the question needs no turn
    assert days.prompt == triage_texts.ASK_FLARE_DAYS
    await chat.retriage()
    assert "Welcome back" in chat.text
    assert await injured_on() == first
