"""Conversations through the Coach: buttons, typed answers, stale buttons, groups, pause/resume/stop."""

from __future__ import annotations

from datetime import datetime

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from coachbot.texts import common, safety
from tests.chat import Chat


async def test_checkin_by_buttons_is_stored(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    assert len(chat.replies[0].choices) == 2  # the 0-10 scale in two rows
    for label in ("2", "1", "All", "No"):
        await chat.press(label)
    assert "Logged: pain 2/10 during, 1/10 now, did all." in chat.text
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        [checkin] = await repo.checkins(enrolment.id)
    assert (checkin.during, checkin.after, checkin.completion, checkin.completion_reason) == (
        2,
        1,
        "all",
        None,
    )


async def test_a_button_from_an_earlier_question_is_stale(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    first = await chat.command("/start")
    await chat.press("I agree")
    replies = await chat.press("I agree", first)
    assert replies[0].text == common.STALE_BUTTON
    assert replies[1].text.startswith("Which time zone")


async def test_declining_the_disclaimer_enrols_nobody(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.command("/start")
    await chat.press("No thanks")
    assert chat.text == safety.DECLINED
    await chat.command("/today")
    assert chat.text == common.NOT_ENROLLED


async def test_sudden_event_pauses_the_plan_for_the_rest_period(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    for answer in ("5", "4", "some"):
        await chat.say(answer)
    await chat.press("Pain")
    await chat.say("yes")
    assert "Can you rise onto tiptoe on that leg alone?" in chat.text
    for answer in ("yes", "nope", "no"):  # the rupture screen, typed
        await chat.say(answer)
    assert "Let's stop loading for 2–3 days" in chat.text
    assert "Thu 05 Mar" in chat.text  # 72 h after Monday 2 March
    await chat.command("/status")
    assert "paused" in chat.text


async def test_pause_resume_and_stop(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/pause")
    await chat.press("Travelling")
    assert "Paused." in chat.text
    await chat.command("/pause")
    assert "already paused" in chat.text
    await chat.command("/resume")
    for answer in ("No", "No"):  # the DVT questions after travelling (CLINICAL A9)
        await chat.press(answer)
    assert "Welcome back" in chat.text
    await chat.command("/stop")
    await chat.press("No")
    assert "carrying on" in chat.text
    await chat.command("/stop")
    await chat.say("yes")
    assert "Stopped." in chat.text
    await chat.command("/status")
    assert chat.text == common.NOT_ENROLLED


async def test_cancel_leaves_the_conversation(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    await chat.command("/cancel")
    assert chat.text == common.CANCELLED
    await chat.say("5")
    assert chat.text == common.NOT_UNDERSTOOD


async def test_second_start_while_enrolled_says_so(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/start")
    assert "already following" in chat.text


async def test_group_chat_gets_help_but_nothing_personal(coach: Coach, now: datetime) -> None:
    member = Chat(coach, now, user_id="7")
    await member.enrol()
    group = Chat(coach, now, user_id="7", chat_kind="group")
    await group.command("/help")
    assert group.replies[0].private is False
    assert "/checkin" in group.text
    for personal in ("/today", "/status", "/checkin", "/start"):
        replies = await group.command(personal)
        assert [reply.text for reply in replies] == [common.PRIVATE_ONLY.format(name=personal[1:])]
    assert await group.say("my pain was 6") == []  # ordinary group chat gets no reply


async def test_prevention_programme_starts_at_block_one(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol("12-week calf strengthening for runners")
    assert "phase 1: Capacity" in chat.text
    await chat.command("/today")  # Monday is a strength day
    assert "Single-leg heel raise on the floor" in chat.text
    chat.later(days=1)
    await chat.command("/today")
    assert "rest day" in chat.text
    assert "Wed 04 Mar" in chat.text
