"""The whole check-in cycle through the Coach: triage, sessions, mornings, decisions, weekly, phase up."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from coachbot.store.tables import CheckIn
from tests.chat import Chat


async def session(chat: Chat, during: str, after: str, completion: str = "All") -> None:
    await chat.command("/checkin")
    for answer in (during, after):
        await chat.press(answer)
    await chat.press(completion)
    await chat.press("No")


async def morning(chat: Chat, pain: str, sign: str = "None of these") -> str:
    chat.later(days=1)
    await chat.command("/morning")
    await chat.press(pain)
    await chat.press(sign)
    return chat.text


async def weekly(chat: Chat, injured: str, other: str) -> None:
    """A phase-1 weekly check: walking first (it decides whether heel raises are asked, A20), then the
    heel raises on each leg, their pain, the trend and adherence."""
    await chat.command("/weekly")
    await chat.say("25")  # walk minutes
    await chat.press("1")  # walking pain
    for answer in (injured, other):
        await chat.say(answer)
    await chat.press("1")  # heel-raise pain
    await chat.press("Better")
    await chat.press("8")  # adherence


async def decisions(database: Database) -> list[tuple[str, str, str | None]]:
    async with database.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        return [(row.kind, row.rule, row.exercise) for row in await repo.decisions(enrolment.id)]


async def test_green_sessions_advance_and_a_red_morning_regresses(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    assert "milder (grade-1-like)" in chat.text or "phase 1: Restore" in chat.text
    await session(chat, "1", "1")
    assert "1 of 2 green sessions" in await morning(chat, "1")
    await session(chat, "2", "1")
    text = await morning(chat, "1")
    assert "Straight-knee calf raise moves up to L3" in text
    await session(chat, "2", "2")
    text = await morning(chat, "4")  # baseline 1 -> up by 3: red
    assert "step back one level" in text
    assert await decisions(sqlite_db) == [
        ("hold", "10", None),
        ("advance", "10", "E1"),
        ("regress", "5", "E1"),
    ]
    await chat.command("/status")
    assert "Straight-knee calf raise L2" in chat.text


async def test_morning_warning_sign_refers_with_the_regional_service(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await session(chat, "1", "1")
    text = await morning(chat, "2", "Swelling")
    assert "NHS 111" in text
    await chat.command("/checkin")
    assert "paused" in chat.text


async def test_sudden_event_after_a_session_stops_loading(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.log_sudden("3", "2")
    assert "Let's stop loading for 2–3 days" in chat.text
    assert await decisions(sqlite_db) == [("stop", "2", None)]


async def test_weekly_check_offers_the_next_phase_and_the_person_confirms(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()  # grade-1-like, 3-7 days since injury, phase 1
    for _ in range(16):  # every ladder climbs to phase 1's ceiling and is done green there twice (A14)
        await session(chat, "1", "1")
        await morning(chat, "1")
    chat.later(days=1)
    await weekly(chat, injured="14", other="30")
    assert "Next up is phase 2: Strength." in chat.text
    assert "Ready to try the next stage?" in chat.text
    await chat.press("Yes")
    assert "Phase 2: Strength starts today" in chat.text
    await chat.command("/status")
    assert "Phase 2: Strength (day 1)" in chat.text
    assert ("phase_up", "transition", None) in await decisions(sqlite_db)


async def test_weekly_results_show_each_leg_the_symmetry_and_what_is_still_missing(
    coach: Coach, now: datetime
) -> None:
    """Issue 13 item 7: reps per leg, LSI, the next phase's target and what is missing."""
    chat = Chat(coach, now)
    await chat.enrol()  # phase 1
    for _ in range(3):
        await session(chat, "1", "1")
        await morning(chat, "1")
    chat.later(days=1)
    await weekly(chat, injured="8", other="30")
    text = chat.text
    assert "8 on the injured leg, 30 on the other (26% of the other leg)" in text
    assert "For phase 2 (Strength)" in text
    assert "Single-leg heel raise to fatigue: 10 heel raises on the injured leg, pain 3/10 or less" in text
    assert "Straight-knee calf raise: reach L5 and do it green twice there (now L3)" in text
    assert "Next up is phase 2" not in text


async def test_after_a_pain_stop_the_rest_period_comes_before_re_triage(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await session(chat, "7", "2")  # row 2 by pain (a sudden event may re-triage at once: test_screens)
    assert "Let's stop loading for 2–3 days" in await morning(chat, "2")
    chat.later(days=1)
    await chat.command("/resume")
    assert "Let's give your calf until Fri 06 Mar" in chat.text
    chat.later(days=2)
    await chat.command("/resume")
    assert "A few quick questions" in chat.text
    await chat.retriage(walking="With a limp", tender="Clearly sore")  # grade-2-like after a stop
    assert "physiotherapist or doctor should look at" in chat.text
    assert "send /resume" in chat.text
    await chat.command("/status")
    assert "paused until you've been assessed" in chat.text
    assert "Phase 0: Protect & calm" in chat.text  # restarts at phase 0 after the review


async def test_a_week_of_silence_restarts_a_level_lower(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    for _ in range(2):
        await session(chat, "1", "1")
        await morning(chat, "1")
    chat.later(days=8)
    await chat.command("/today")
    assert "restart one level below" in chat.text
    assert (await decisions(sqlite_db))[-1] == ("regress", "silence", "E1")


async def test_run_days_ask_whether_the_run_went_as_planned(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    async with sqlite_db.write() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        enrolment.phase = 4
        await repo.set_level(enrolment, "E9", 1, now)
    await chat.command("/today")  # Monday: a run day in phase 4
    assert "**Run ladder** (R1)" in chat.text
    await chat.command("/checkin")
    for answer in ("1", "1", "All"):
        await chat.press(answer)
    assert "Did the run go as planned?" in chat.text
    await chat.press("Shortened")
    await chat.press("No")
    async with sqlite_db.read() as repo:
        [checkin] = await repo.checkins(enrolment.id)
    assert checkin.details["run"] == "shortened"
    assert checkin.details["levels"]["E9"] == 1


async def test_prevention_weekly_check_asks_left_and_right(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol("12-week calf strengthening for runners")
    await chat.command("/weekly")
    assert "time for this week's calf check" in chat.text.lower()
    assert "**left leg**" in chat.text
    await chat.say("24")
    assert "**right leg**" in chat.text


async def test_an_other_reason_asks_for_a_short_note_offered_as_a_form(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    chat.later(hours=9)
    await chat.command("/checkin")
    await chat.press("2")
    await chat.press("1")
    await chat.press("Some")
    await chat.press("Other")
    [question] = chat.replies
    assert question.form == "Write a short note"
    await chat.say("x" * 300)
    assert chat.text.startswith("Sorry, I need a few words")
    assert chat.replies[0].form == "Write a short note"  # asked again, form and all
    await chat.say("  my   bus was late ")
    await chat.press("No")
    async with coach.database.read() as repo:
        checkin = (await repo.session.execute(select(CheckIn))).scalar_one()
    assert checkin.details["note"] == "my bus was late"
    assert checkin.completion_reason == "other"
