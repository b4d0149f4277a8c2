"""Issue 14 item 7: a mistyped join or share code is named as unknown (never a silent solo enrolment), and
a code whose programme the triage puts aside says so and why."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from coachbot.core.coach import Coach
from coachbot.core.features.club_codes import share_code
from coachbot.store.tables import Enrolment
from tests.chat import Chat


async def _enrolments(coach: Coach) -> list[Enrolment]:
    async with coach.database.read() as repo:
        return list((await repo.session.execute(select(Enrolment))).scalars())


async def test_a_mistyped_code_is_unknown_and_begins_nothing(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    for code in ("zzzzzz", "cdeadbeef00", "pq3k7d2mx"):
        await chat.command(f"/start {code}")
        assert f"I don't know the code “{code}”" in chat.text, chat.text
        assert "send /start followed by the code again" in chat.text
        assert "To start without a code, send /start on its own." in chat.text
        assert not any(reply.choices for reply in chat.replies)  # no consent question: nothing began
    assert await _enrolments(coach) == []
    await chat.enrol()  # /start on its own still enrols
    assert len(await _enrolments(coach)) == 1


async def test_a_mistyped_code_when_enrolled_says_so_and_keeps_the_plan(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/start zzzzzz")
    assert "I don't know the code “zzzzzz”" in chat.text
    assert "You're following **12-week calf strain rehab**" in chat.text
    await chat.command("/start today")  # a deep link is not a code
    assert "I don't know" not in chat.text
    assert "Daily session" in chat.text


async def test_a_strength_share_code_with_an_injury_says_it_was_overridden(
    coach: Coach, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(start=f"/start {share_code('calf-strength-12w')}")  # the rehab triage answers
    text = chat.text
    assert (
        "You came with a code for **12-week calf strengthening for runners**, but I've put you on "
        "**12-week calf strain rehab** instead: you told me about a calf injury"
    ) in text, text
    assert [e.programme_id for e in await _enrolments(coach)] == ["calf-rehab-12w"]


async def test_a_fitting_share_code_says_nothing_about_overriding(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol(
        "12-week calf strengthening for runners", start=f"/start {share_code('calf-strength-12w')}"
    )
    assert "You came with a code" not in chat.text
    assert [e.programme_id for e in await _enrolments(coach)] == ["calf-strength-12w"]
