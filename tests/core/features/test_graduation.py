"""Graduating through the chat (CLINICAL A15): the last phase's exit list offers graduation; yes completes
the programme with R10, a maintenance plan, the prevention programme on offer and the final report."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select

from coachbot.coaching.weekly import enter_phase
from coachbot.core.coach import Coach
from coachbot.programme.schema import Programme
from coachbot.store import rule_state
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment
from tests.chat import Chat

# What a runner who has met every goal answers at the weekly check, by words of the question
GOOD_WEEK = {
    "same as on the other": "Yes",
    "hops": "0",
    "bent": "30",
    "injured leg": "32",
    "other leg": "33",
    "Compared with last week": "Better",
    "stick to the plan": "9",
    "confident": "9",
    "tightness": "0",
    "while walking": "0",  # asked first while no walking pain is known (A20 gates the heel raises on it)
    "walk": "40",
    "pain": "0",
}


async def at_the_top_of_phase_4(database: Database, programme: Programme, chat: Chat) -> None:
    """Fast-forward the stored plan: injured two months ago, Phase 4, every ladder at its ceiling and done
    green, R8+ for 3 weeks (and still answering every day, so the plan is not paused for silence)."""
    today = chat.now.date()
    async with database.write() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        enrolment.injured_on = today - timedelta(days=60)
        progress = enter_phase(programme, rule_state.progress_of(enrolment), 4, today - timedelta(days=30))
        tops = {item.exercise: item.ceiling for item in programme.phase(4).menu}
        progress = replace(progress, levels={}, streaks=dict.fromkeys(tops, 2))
        for exercise, level in tops.items():
            progress = progress.with_level(exercise, level, today - timedelta(days=21))
        await rule_state.store_progress(repo, enrolment, progress, chat.now)


async def run_day(chat: Chat) -> None:
    """A green run on the next run day (Mon, Wed or Fri) and a settled morning after it."""
    chat.later(days=1)
    while chat.now.strftime("%a") not in ("Mon", "Wed", "Fri"):
        chat.later(days=1)
    await chat.command("/checkin")
    for answer in ("0", "0", "All", "As planned", "No"):
        await chat.say(answer)
    chat.later(days=1)
    await chat.command("/morning")
    await chat.say("0")
    await chat.press("None of these")


async def weekly(chat: Chat, **changes: str) -> str:
    """The weekly check, answered from GOOD_WEEK (with `changes` by the same keys) whatever its order."""
    answers = {**GOOD_WEEK, **{key.replace("_", " "): value for key, value in changes.items()}}
    await chat.command("/weekly")
    for _ in range(20):
        asked = chat.replies[-1].text
        if "logged" in chat.text:
            break
        await chat.say(next((a for words, a in answers.items() if words.lower() in asked.lower()), "0"))
    return chat.text


async def three_green_runs_at_the_top(chat: Chat, database: Database, programme: Programme) -> None:
    await chat.enrol()
    await at_the_top_of_phase_4(database, programme, chat)
    for _ in range(3):
        await run_day(chat)


async def test_meeting_the_last_phase_exit_list_graduates(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await three_green_runs_at_the_top(chat, sqlite_db, programmes["calf-rehab-12w"])
    text = await weekly(chat)
    assert "You've met every goal of the return-to-run phase" in text, text
    assert "Ready to finish the programme" in text
    await chat.say("Yes")
    text = chat.text
    assert "Congratulations — you've completed the programme." in text
    assert "2 times a week" in text
    assert "send /start p" in text  # the strengthening programme's share code
    assert any(reply.file and reply.file.filename.endswith(".pdf") for reply in chat.replies)
    async with sqlite_db.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        assert enrolment.status == "completed"
        assert enrolment.level_of("E9") == 10
        assert "graduate" in [d.kind for d in await repo.decisions(enrolment.id)]


async def test_a_lopsided_calf_does_not_graduate(
    coach: Coach, now: datetime, sqlite_db: Database, programmes: dict[str, Programme]
) -> None:
    chat = Chat(coach, now)
    await three_green_runs_at_the_top(chat, sqlite_db, programmes["calf-rehab-12w"])
    text = await weekly(chat, injured_leg="18")  # 18 of 33: LSI 54 %
    assert "Ready to finish" not in text
    assert "To finish the programme" in text
    assert "90% of the other leg" in text
    async with sqlite_db.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        assert enrolment.status == "active"
        assert enrolment.level_of("E9") == 9
