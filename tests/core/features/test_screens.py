"""The quick safety screens through the Coach (CLINICAL A7, A8, A9): the rupture questions after a sudden
event, the triage's sudden onset without a single-leg rise, the DVT risk screen at enrolment and the
checks on resuming after travelling."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from coachbot.store.tables import CheckIn, Enrolment
from coachbot.texts import screens
from tests.chat import Chat


async def enrolment(database: Database) -> Enrolment:
    async with database.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        [found] = await repo.enrolments(person.id)
        return found


async def decisions(database: Database) -> list[tuple[str, str]]:
    async with database.read() as repo:
        return [(row.kind, row.rule) for row in await repo.decisions((await enrolment(database)).id)]


async def session_checkin(database: Database) -> CheckIn:
    async with database.read() as repo:
        [checkin] = await repo.checkins((await enrolment(database)).id)
        return checkin


# A7: the rupture screen after "anything sudden?" = yes


async def test_sudden_event_asks_the_rupture_questions_at_once(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    for answer in ("3", "2", "All", "Yes"):
        await chat.press(answer)
    assert screens.RUPTURE_INTRO in chat.text
    assert screens.ASK_TIPTOE in chat.text
    assert [label for label, _ in chat.replies[-1].choices[0]] == ["Yes", "No", "Not sure"]
    await chat.press("Yes")
    assert chat.text == screens.ASK_DIP
    await chat.press("No")
    assert chat.text == screens.ASK_KICKED


@pytest.mark.parametrize(
    ("screen", "signs"),
    [
        (("No", "No", "No"), "cant_tiptoe"),  # on tiptoe, no is the worrying answer
        (("Not sure", "No", "No"), "tiptoe_unsure"),
        (("Yes", "Yes", "No"), "heel_dip"),
        (("Yes", "Not sure", "No"), "heel_dip_unsure"),
        (("Yes", "No", "Yes"), "felt_kicked"),
        (("Yes", "No", "Not sure"), "felt_kicked_unsure"),
        (("No", "Yes", "Yes"), "cant_tiptoe,heel_dip,felt_kicked"),
    ],
)
async def test_any_worrying_rupture_answer_refers_urgently_and_pauses_the_plan(
    coach: Coach, now: datetime, sqlite_db: Database, screen: tuple[str, str, str], signs: str
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.log_sudden(screen=screen)
    assert "can be a sign of a torn Achilles tendon" in chat.text
    assert "Being able to walk does not rule that out" in chat.text
    assert "should be checked by a clinician today" in chat.text
    assert "NHS 111" in chat.text  # the urgent service of Europe/London
    assert "you have" not in chat.text.lower()  # never a diagnosis
    found = await enrolment(sqlite_db)
    assert (found.status, found.status_reason) == ("referred", f"urgent:{signs}")
    assert (await session_checkin(sqlite_db)).details["rupture_screen"]["tiptoe"] in ("yes", "no", "unsure")
    await chat.command("/status")
    assert "paused until you've been assessed" in chat.text
    await chat.command("/resume")
    assert "have you been checked by a doctor or physiotherapist" in chat.text


async def test_typed_rupture_answers_count_and_a_wrong_one_is_asked_again(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    for answer in ("3", "2", "All", "yes"):
        await chat.say(answer)
    await chat.say("I can")
    await chat.say("perhaps")
    assert chat.text.startswith("Sorry, I need yes, no or not sure.")
    assert screens.ASK_DIP in chat.text
    await chat.say("dunno")
    await chat.say("no")
    assert (await enrolment(sqlite_db)).status_reason == "urgent:heel_dip_unsure"
    assert (await session_checkin(sqlite_db)).details["rupture_screen"] == {
        "tiptoe": "yes",
        "dip": "unsure",
        "kicked": "no",
    }


async def test_reassuring_answers_stop_loading_and_offer_re_triage_at_once(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.log_sudden()
    assert "Let's stop loading for 2–3 days, until Thu 05 Mar" in chat.text
    assert screens.ASK_RETRIAGE_NOW in chat.text
    assert await decisions(sqlite_db) == [("stop", "2")]
    assert (await enrolment(sqlite_db)).status == "paused"
    await chat.press("Answer now")  # the same day, not only after the rest
    assert "A few quick questions" in chat.text
    await chat.retriage()
    assert "Welcome back" in chat.text
    assert (await enrolment(sqlite_db)).status == "active"


async def test_re_triage_can_be_asked_for_during_the_rest(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.log_sudden()
    await chat.press("After the rest")
    assert chat.text == screens.RETRIAGE_LATER.format(date="Thu 05 Mar")
    chat.later(days=1)
    await chat.command("/resume")  # still resting: the rest advice, and the questions if wanted
    assert "Your calf's rest runs until Thu 05 Mar" in chat.text
    await chat.press("Answer now")
    await chat.retriage(walking="With a limp")  # a new limp after a stop refers routinely (row 2)
    assert "physiotherapist or doctor should look at" in chat.text
    assert (await enrolment(sqlite_db)).status == "referred"


async def test_leaving_the_rupture_questions_half_way_leaves_the_plan_stopped(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    for answer in ("3", "2", "All", "Yes", "Yes"):
        await chat.press(answer)
    await chat.command("/cancel")
    assert (await enrolment(sqlite_db)).status == "paused"
    await chat.command("/checkin")
    assert "Your plan is paused" in chat.text
    await chat.command("/resume")  # unscreened: the rest comes first, as for any stop
    assert "Let's give your calf until Thu 05 Mar" in chat.text


# A8: the triage's sudden onset with no single-leg rise


async def test_sudden_onset_and_no_single_leg_rise_refers_urgently_at_enrolment(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.triage(days="0–2", onset="Sudden pull or twang during activity", single_rises="0")
    assert "should be checked by a clinician today" in chat.text
    assert "being able to walk doesn't rule out an Achilles tear" in chat.text
    assert "send /start" in chat.text
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        assert await repo.enrolments(person.id) == []
        assert await repo.conversation(person.id) is None  # the questions ended at that answer


# A9: the DVT risk screen at enrolment


async def test_the_dvt_screen_toggles_buttons_and_stores_the_ids(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    ticks = ("Pill or HRT", "Journey over 4 hours", "Clot in the past", "✓ Clot in the past", "Done")
    await chat.enrol(dvt_risks=ticks)
    triage = (await enrolment(sqlite_db)).triage
    assert triage["answers"]["dvt_risks"] == ["oestrogen", "long_journey"]
    assert "dvt_risks.picked" not in triage["answers"]
    assert "phase 1" in chat.text  # risk factors alone refer nobody


async def test_the_dvt_screen_shows_what_is_ticked_and_keeps_earlier_buttons_working(
    coach: Coach, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.triage(until="dvt_risks")
    question = chat.replies
    assert screens.ASK_DVT_RISKS in chat.text
    assert [label for label, _ in question[-1].choices[-1]] == ["None of these", "Done"]
    await chat.press("Done")
    assert chat.text.startswith("Sorry, I need the ones that apply")
    await chat.press("Cancer treatment")
    assert "Ticked so far: Cancer treatment." in chat.text
    assert any("✓ Cancer treatment" in row for row in _labels(chat))
    await chat.press("Pregnant or new baby", question)  # a button of the first copy still works
    assert "Ticked so far: Pregnant or new baby, Cancer treatment." in chat.text
    await chat.press("Done")
    assert "Do you have calf pain or an injury right now?" in chat.text


def _labels(chat: Chat) -> list[list[str]]:
    return [[label for label, _ in row] for row in chat.replies[-1].choices]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("none", []),
        ("None of these", []),
        ("the pill and a long flight", ["oestrogen", "long_journey"]),
        ("1, 3", ["previous_clot", "pregnancy"]),
        ("had a plaster cast, and chemo", ["cancer", "immobilisation"]),
    ],
)
async def test_typed_dvt_answers(
    coach: Coach, now: datetime, sqlite_db: Database, typed: str, stored: list[str]
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(dvt_risks=typed)
    assert (await enrolment(sqlite_db)).triage["answers"]["dvt_risks"] == stored


async def test_a_dvt_answer_that_fits_nothing_is_asked_again_saying_what_is_expected(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(dvt_risks=("purple", "7", "2"))
    assert (await enrolment(sqlite_db)).triage["answers"]["dvt_risks"] == ["oestrogen"]


async def test_the_dvt_screen_is_asked_on_the_prevention_track_too(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol("12-week calf strengthening for runners", dvt_risks="4")
    assert (await enrolment(sqlite_db)).triage["answers"]["dvt_risks"] == ["cancer"]


# A9: resuming after a "travelling" pause


async def pause_for_travel(chat: Chat) -> None:
    await chat.enrol()
    await chat.command("/pause")
    await chat.press("Travelling")
    chat.later(days=3)
    await chat.command("/resume")


async def test_resuming_after_travel_asks_the_dvt_questions_then_resumes(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await pause_for_travel(chat)
    assert screens.TRAVEL_INTRO in chat.text
    assert screens.ASK_TRAVEL_CALF in chat.text
    await chat.press("No")
    assert chat.text == screens.ASK_TRAVEL_BREATHING
    await chat.say("nope")
    assert "Welcome back! Your plan is active again." in chat.text
    found = await enrolment(sqlite_db)
    assert found.status == "active"
    assert found.triage["answers"]["dvt_risks"] == ["long_journey"]


@pytest.mark.parametrize(
    ("calf", "breathing", "tier", "expected"),
    [
        ("Yes", "No", "urgent:travel_calf", "should be checked by a clinician today"),
        ("Not sure", "No", "urgent:travel_calf_unsure", "blood clot in the leg"),
        ("No", "Yes", "emergency:travel_breathing", "call 999"),
        ("No", "Not sure", "emergency:travel_breathing_unsure", "blood clot in the lungs"),
        ("Yes", "Yes", "emergency:travel_breathing,travel_calf", "call 999"),  # the more urgent wins
    ],
)
async def test_worrying_answers_after_travel_refer_at_their_tier(
    coach: Coach,
    now: datetime,
    sqlite_db: Database,
    calf: str,
    breathing: str,
    tier: str,
    expected: str,
) -> None:
    chat = Chat(coach, now)
    await pause_for_travel(chat)
    await chat.press(calf)
    await chat.press(breathing)
    assert expected in chat.text
    assert "Welcome back" not in chat.text
    found = await enrolment(sqlite_db)
    assert (found.status, found.status_reason) == ("referred", tier)
    assert found.triage["answers"]["dvt_risks"] == ["long_journey"]


async def test_travel_adds_to_the_risk_factors_given_at_enrolment(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(dvt_risks="the pill")
    await chat.command("/pause")
    await chat.press("Travelling")
    await chat.command("/resume")
    for answer in ("No", "No"):
        await chat.press(answer)
    answers: dict[str, Any] = (await enrolment(sqlite_db)).triage["answers"]
    assert answers["dvt_risks"] == ["oestrogen", "long_journey"]


async def test_other_pauses_resume_without_the_travel_questions(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/pause")
    await chat.press("Ill")
    await chat.command("/resume")
    assert "Welcome back" in chat.text
    assert screens.ASK_TRAVEL_CALF not in chat.text


async def test_achilles_pain_adds_a_routine_check_at_enrolment_and_in_the_weekly_summary(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    """CLINICAL A17: achilles_check adds a "get it assessed" line at enrolment and in the weekly summary."""
    from coachbot.reporting import summary
    from coachbot.texts import summary as summary_texts
    from coachbot.texts import triage as triage_texts
    from tests.chat import PREVENTION

    chat = Chat(coach, now)
    await chat.command("/start")
    await chat.press("I agree")
    await chat.say("Europe/London")
    await chat.press("Yes")
    answers = dict(PREVENTION)
    steps = [(k, v) for k, v in answers.items() if k != "routine"]
    at = [k for k, _ in steps].index("dvt_risks")
    steps[at:at] = [("routine", "Yes"), ("routine_which", "Achilles tendon pain")]
    for _key, value in steps:
        await (chat.press(value) if chat._has_button(value) else chat.say(value))
        if "You're enrolled" in chat.text:
            break
    assert triage_texts.ACHILLES_CHECK in chat.text
    plan = await enrolment(sqlite_db)
    assert plan.flags["achilles_check"] is True
    programme = coach.programmes[plan.programme_id]
    assert summary_texts.ACHILLES_CHECK in summary.summary(plan, programme, [], chat.now.date())
