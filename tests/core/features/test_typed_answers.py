"""Typed answers in everyday English (issue 14 item 9): numbers fall into their bucket, a label's first
word or letter works when only one label fits, and a refusal lists the answers that would do."""

from __future__ import annotations

from datetime import datetime

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from tests.chat import Chat


async def _answers(sqlite_db: Database) -> dict[str, object]:
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        return dict(enrolment.triage["answers"]) | {
            "local_time": enrolment.local_time, "days_stored": enrolment.days
        }  # fmt: skip


async def test_everyday_answers_are_understood_through_the_whole_enrolment(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(
        days="5",  # "How many days ago": the 3–7 bucket
        onset="tightness",  # the first word of "Tightness or cramp after I stopped"
        bruising="none",
        single_rises="12",  # the 10–19 bucket
        location="mid",
        weekly_km="about 30km",
        sex="f",  # the first letter of Female
        session_time="half past six",
    )
    answers = await _answers(sqlite_db)
    assert answers["days"] == "3-7"
    assert answers["onset"] == "after"
    assert answers["single_rises"] == "10-19"
    assert answers["weekly_km"] == "30"
    assert answers["sex"] == "female"
    assert answers["local_time"] == "06:30"


async def test_a_first_word_and_weeks_count_too(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.triage(until="walking", days="2 weeks ago", onset="sudden pull")
    assert "walk normally" in chat.text  # both answers were taken: the walking question is next


async def test_a_refusal_lists_the_answers_it_takes(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.triage(until="onset")
    await chat.say("it just happened")
    assert "(or type its words)" not in chat.text
    for label in ("Sudden pull or twang during activity", "Built up gradually", "No clear moment"):
        assert f"“{label}”" in chat.text
    await chat.say("l")  # "Leg surgery…" or nothing: not a label's start here, still refused
    assert "Sorry, I need" in chat.text


async def test_an_ambiguous_first_letter_is_refused(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.triage(until="exclusion")
    await chat.say("leg")  # "Leg surgery" and "Leg surgery, and my clinician sent me here"
    assert "Sorry, I need" in chat.text
    await chat.say("blood")
    assert "physiotherapist or doctor should look" in chat.text  # taken: blood thinners refer


async def test_days_and_durations_in_everyday_english(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/settings")
    await chat.press("Training days")
    await chat.say("mondays and thursdays")
    assert "Sorry, I need" not in chat.text
    assert "with Mon, Thu there would be 2" in chat.text  # read as Monday and Thursday


async def test_a_duration_in_words_answers_the_weekly_walk(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/weekly")
    assert "how many minutes?" in chat.text
    await chat.say("half an hour")
    assert "Sorry, I need" not in chat.text
    assert "how many minutes?" not in chat.text  # taken: the next question is asked
