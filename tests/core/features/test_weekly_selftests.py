"""The weekly self-tests follow the phase (CLINICAL A20, A17), driven end to end through /weekly."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from coachbot.texts import checkin as texts
from tests.chat import Chat

LOADING = {
    "heel raises": (texts.ASK_HEEL_INJURED, texts.ASK_HEEL_BOTH_FIRST),
    "bent knee": (texts.ASK_BENT_INJURED,),
    "pogo": (texts.ASK_POGO,),
    "hops": (texts.ASK_HOPS,),
}


async def place(
    database: Database,
    now: datetime,
    phase: int,
    levels: Mapping[str, int] = {},
    flags: Mapping[str, Any] = {},
    injured_days_ago: int | None = None,
) -> None:
    """Put the enrolled person on a phase and levels (as weeks of check-ins would have)."""
    async with database.write() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        enrolment.phase = phase
        enrolment.flags = {**enrolment.flags, **flags}
        if injured_days_ago is not None:
            enrolment.injured_on = now.date() - timedelta(days=injured_days_ago)
        for exercise, level in levels.items():
            await repo.set_level(enrolment, exercise, level, now)


async def weekly(chat: Chat, answers: Mapping[str, str] = {}) -> list[str]:
    """Go through /weekly: `answers` by question, otherwise Skip (or the first button); the questions asked."""
    await chat.command("/weekly")
    asked: list[str] = []
    while chat.replies and chat.replies[-1].choices:
        question = chat.replies[-1].text
        if question == texts.ASK_PHASE_UP:
            break
        asked.append(question)
        answer = next((value for prompt, value in answers.items() if question.startswith(prompt)), None)
        if answer is not None:
            await chat.say(answer)
            continue
        labels = [label for row in chat.replies[-1].choices for label, _ in row]
        await chat.press(texts.SKIP if texts.SKIP in labels else labels[0])
    return asked


def loading(asked: list[str]) -> set[str]:
    return {name for name, prompts in LOADING.items() if any(prompt in asked for prompt in prompts)}


async def test_phase_0_asks_no_test_to_fatigue(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    chat = Chat(coach, now)
    await chat.enrol(days="0–2")
    await place(sqlite_db, now, 0, flags={"soleus": True})
    asked = await weekly(chat, {texts.ASK_WALKING_PAIN: "0"})
    assert asked[:2] == [texts.ASK_WALK, texts.ASK_WALKING_PAIN]  # walking pain only
    assert loading(asked) == set()


async def test_phase_1_heel_raises_wait_for_walking_pain_of_2_or_less(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()  # grade-1-like, phase 1
    assert loading(await weekly(chat, {texts.ASK_WALKING_PAIN: "3"})) == set()
    chat.later(days=6)  # within a week: no silence restart
    asked = await weekly(chat, {texts.ASK_WALKING_PAIN: "2"})
    assert loading(asked) == {"heel raises"}
    assert texts.ASK_HEEL_PAIN not in asked  # both counts skipped: no pain question about them


async def test_phase_2_asks_pogo_only_once_the_plyometric_floor_has_passed(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()  # grade 1: plyometric floor day 14
    await place(sqlite_db, now, 2, {"E8": 1}, injured_days_ago=10)
    asked = await weekly(chat, {texts.ASK_WALKING_PAIN: "1"})
    assert texts.ASK_WALKING_PAIN in asked  # not known yet in phase 2: asked
    assert loading(asked) == {"heel raises"}
    chat.later(days=4)  # day 14 since the injury
    asked = await weekly(chat)
    assert texts.ASK_WALKING_PAIN not in asked  # last week's 1/10 still stands
    assert loading(asked) == {"heel raises", "pogo"}


async def test_phase_3_asks_single_leg_hops_only_from_p5(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await place(sqlite_db, now, 3, {"E8": 1}, injured_days_ago=15)  # week 1 of phase 3
    assert "hops" not in loading(await weekly(chat, {texts.ASK_WALKING_PAIN: "0"}))
    await place(sqlite_db, now, 3, {"E8": 5})
    chat.later(days=6)  # within a week: no silence restart
    asked = await weekly(chat, {texts.ASK_HOPS: "1"})
    assert "hops" in loading(asked)
    assert texts.ASK_HOPS_SAME in asked  # asked only after a hop test was done


async def test_no_plyometrics_removes_pogo_and_hop_tests(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await place(sqlite_db, now, 2, {"E8": 1}, {"no_plyometrics": True}, injured_days_ago=20)
    assert loading(await weekly(chat, {texts.ASK_WALKING_PAIN: "0"})) == {"heel raises"}
    await place(sqlite_db, now, 3, {"E8": 6})
    chat.later(days=6)  # within a week: no silence restart
    assert loading(await weekly(chat)) == {"heel raises"}


async def test_prevention_asks_single_leg_hops_from_block_2_at_p5(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol("12-week calf strengthening for runners")
    assert loading(await weekly(chat)) == {"heel raises"}  # block 1: no walking-pain gate, no hops
    await place(sqlite_db, now, 2, {"E8": 4})
    chat.later(days=6)  # within a week: no silence restart
    assert "hops" not in loading(await weekly(chat))
    await place(sqlite_db, now, 2, {"E8": 5})
    chat.later(days=6)  # within a week: no silence restart
    assert "hops" in loading(await weekly(chat))


async def test_clinician_led_pogo_waits_for_their_floor_unless_the_clinician_set_it(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await place(sqlite_db, now, 2, {"E8": 1}, injured_days_ago=30)
    async with sqlite_db.write() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
        assert enrolment is not None
        enrolment.grade = "clinician_led"  # plyometric floor day 56
    assert "pogo" not in loading(await weekly(chat, {texts.ASK_WALKING_PAIN: "0"}))
    await place(sqlite_db, now, 2, flags={"clinician_levels": {"E8": 2}, "clinician_on": "2026-03-01"})
    chat.later(days=6)  # within a week: no silence restart
    assert "pogo" in loading(await weekly(chat))
