"""Time zones as people type them (issue 14 item 11): cities, offsets either way, abbreviations that ask
which zone they mean, "did you mean" for misspellings, and every zone confirmed by the local time."""

from __future__ import annotations

from datetime import datetime

import pytest

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from tests.chat import Chat, triage_answers


async def _at_zone_question(coach: Coach, now: datetime) -> Chat:
    chat = Chat(coach, now)  # Monday 09:00 UTC
    await chat.command("/start")
    await chat.press("I agree")
    return chat


def _labels(chat: Chat) -> list[str]:
    return [label for reply in chat.replies for row in reply.choices for label, _ in row]


async def _zone_of(sqlite_db: Database) -> str | None:
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        return person.tz


async def test_a_city_is_confirmed_with_its_local_time(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say("San Francisco")
    assert "It's 01:00 on Monday for you (America/Los_Angeles) — right?" in chat.text
    await chat.press("Yes")
    assert "How old are you?" in chat.text


async def test_no_at_the_confirmation_asks_for_the_zone_again(coach: Coach, now: datetime) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say("London")
    await chat.press("No")
    assert "Which time zone are you in?" in chat.text
    await chat.say("Sydney")
    assert "It's 20:00 on Monday for you (Australia/Sydney)" in chat.text


async def test_an_abbreviation_asks_which_zone_it_means(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say("EST")
    assert '"EST" is used in more than one place' in chat.text
    assert _labels(chat) == ["New York · UTC-5", "Toronto · UTC-5", "Panama · UTC-5"]
    await chat.press("New York · UTC-5")
    assert "It's 04:00 on Monday for you (America/New_York)" in chat.text
    await chat.press("Yes")
    for _key, value in triage_answers():
        await (chat.press(value) if value in _labels(chat) else chat.say(value))
    assert "You're enrolled" in chat.text
    assert "Sessions at 07:00 (America/New_York)" in chat.text
    assert await _zone_of(sqlite_db) == "America/New_York"  # not a fixed UTC-5: summer time follows


async def test_pst_offers_the_pacific_zones(coach: Coach, now: datetime) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say("pst")
    assert {"Los Angeles · UTC-8", "Vancouver · UTC-8"} <= set(_labels(chat))


@pytest.mark.parametrize("typed", ["GMT+1", "UTC+1", "+01:00", "utc +1"])
async def test_an_offset_means_east_of_greenwich(coach: Coach, now: datetime, typed: str) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say(typed)
    assert "UTC+1 is the time in these places" in chat.text
    assert "Berlin · UTC+1" in _labels(chat)
    await chat.press("UTC+1 (fixed)")
    assert "It's 10:00 on Monday for you (Etc/GMT-1)" in chat.text  # POSIX names it GMT-1: still 10:00
    assert "doesn't change for summer time" in chat.text


async def test_a_negative_offset_and_a_half_hour_one(coach: Coach, now: datetime) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say("UTC-5")
    assert "New York · UTC-5" in _labels(chat)
    await chat.press("UTC-5 (fixed)")
    assert "It's 04:00 on Monday for you (Etc/GMT+5)" in chat.text
    await chat.press("No")
    await chat.say("+05:30")
    assert "Kolkata · UTC+5:30" in _labels(chat)
    await chat.press("Kolkata · UTC+5:30")
    assert "It's 14:30 on Monday for you (Asia/Kolkata)" in chat.text


async def test_an_offset_nobody_uses_is_refused_with_how_to_write_one(coach: Coach, now: datetime) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say("+04:17")
    assert "Sorry, I need a time zone written as a city or Region/City" in chat.text
    assert "Which time zone are you in?" in chat.text


async def test_a_misspelling_gets_a_did_you_mean(coach: Coach, now: datetime) -> None:
    chat = await _at_zone_question(coach, now)
    await chat.say("Europe/Londn")
    assert "Did you mean one of these?" in chat.text
    assert _labels(chat)[0] == "London · UTC+0"
    await chat.press("London · UTC+0")
    assert "It's 09:00 on Monday for you (Europe/London)" in chat.text


async def test_settings_confirm_the_new_zone_and_typed_ones_name_the_choices(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/settings")
    await chat.press("Time zone")
    await chat.say("new york")
    await chat.press("No")
    await chat.say("Vancouver")
    await chat.press("Yes")
    assert "(America/Vancouver)" in chat.text
    assert await _zone_of(sqlite_db) == "America/Vancouver"
    await chat.command("/settings zone EST")
    assert "America/New_York, America/Toronto or America/Panama" in chat.text.replace("“", "").replace(
        "”", ""
    )
    await chat.command("/settings zone Europe/Pariss")
    assert "did you mean" in chat.text
    assert "Europe/Paris" in chat.text
    await chat.command("/settings zone GMT+2")
    assert "(Etc/GMT-2)" in chat.text  # two hours east, whatever POSIX calls it
    assert "It's 11:00 on Monday for you now (Etc/GMT-2)" in chat.text
