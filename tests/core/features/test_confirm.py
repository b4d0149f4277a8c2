"""The confirming question of an uncertain red flag (CLINICAL A6) and advice about someone else (A5)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from coachbot.core.coach import Coach
from coachbot.store.db import Database
from coachbot.store.tables import Enrolment, Referral
from coachbot.texts import safety
from tests.chat import Chat


async def plan(database: Database) -> Enrolment:
    async with database.read() as repo:
        return (await repo.session.execute(select(Enrolment))).scalar_one()


async def referrals(database: Database) -> list[Referral]:
    async with database.read() as repo:
        return list((await repo.session.execute(select(Referral))).scalars())


async def test_yes_refers_at_the_tier_of_the_sign(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("calf's a bit puffy today")
    assert chat.text == safety.CONFIRM["dvt"]
    await chat.press("Yes")
    assert "should be checked by a clinician today" in chat.text
    [referral] = await referrals(sqlite_db)
    assert (referral.tier, referral.signs, referral.triggers) == ("urgent", ["swelling"], ["puffy"])
    assert (await plan(sqlite_db)).status == "referred"


async def test_typed_not_sure_refers_too(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("chest feels a bit tight when I breathe in, maybe from the press ups?")
    assert chat.text == safety.CONFIRM["pe"]
    await chat.say("dunno")
    assert "call 999" in chat.text
    assert (await plan(sqlite_db)).status == "referred"


async def test_no_is_recorded_and_the_open_question_comes_back(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    first_question = chat.text
    await chat.say("hmm my calf feels slightly warm")  # mid check-in
    assert chat.text == safety.CONFIRM["dvt"]
    await chat.press("No")
    assert safety.CONFIRM_NO in chat.text
    assert first_question in chat.text  # back where they were
    await chat.say("3")  # and the check-in carries on
    assert "I didn't catch that" not in chat.text
    enrolment = await plan(sqlite_db)
    assert enrolment.status == "active"
    async with sqlite_db.read() as repo:
        [decision] = [d for d in await repo.decisions(enrolment.id) if d.kind == "confirm_no"]
    assert "slightly warm" in decision.reason
    assert await referrals(sqlite_db) == []


async def test_a_bad_answer_re_asks_the_same_question(coach: Coach, now: datetime) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("my foot is a bit numb")
    await chat.say("purple")
    assert "yes, no or not sure" in chat.text
    assert safety.CONFIRM["nerve"] in chat.text


async def test_someone_elses_symptoms_get_advice_and_never_pause_the_plan(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("my dad's calf is swollen and red after his flight")
    assert "get checked by a clinician" in chat.text
    assert "Your own plan carries on" in chat.text
    assert (await plan(sqlite_db)).status == "active"
    assert await referrals(sqlite_db) == []


async def test_a_certain_red_flag_does_not_ask(coach: Coach, now: datetime, sqlite_db: Database) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("just back from a 14 hour flight and my calf is throbbing")
    assert "should be checked by a clinician today" in chat.text
    assert (await plan(sqlite_db)).status == "referred"


async def test_a_risk_factor_from_enrolment_makes_a_hedged_sign_certain(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol(dvt_risks="2")  # the pill or HRT (CLINICAL A9)
    await chat.say("calf feels a bit warm today")
    assert "should be checked by a clinician today" in chat.text
    assert (await plan(sqlite_db)).status == "referred"


async def test_a_second_uncertain_message_queues_behind_the_first(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.command("/checkin")
    first_question = chat.text
    await chat.say("calf's a bit puffy today")
    await chat.say("it does ache a bit at night too, is that normal?")
    assert chat.text == safety.CONFIRM["dvt"]  # the more urgent question stays first
    await chat.press("No")
    assert safety.CONFIRM_NEXT in chat.text
    assert safety.CONFIRM["night"] in chat.text  # then the other one, not forgotten
    await chat.press("No")
    assert first_question in chat.text  # and back to the check-in
    async with sqlite_db.read() as repo:
        decisions = await repo.decisions((await plan(sqlite_db)).id)
    assert [d.kind for d in decisions].count("confirm_no") == 2


async def test_no_refers_what_was_certain_without_the_denied_sign(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("calf maybe a bit swollen, and the pain wakes me up every night")
    assert chat.text == safety.CONFIRM["dvt"]
    await chat.press("No")
    assert "isn't an emergency" in chat.text or "physiotherapist or doctor" in chat.text
    [referral] = await referrals(sqlite_db)
    assert referral.tier == "routine"
    assert "swelling" not in referral.signs


async def test_words_set_aside_are_kept_in_the_plans_record(
    coach: Coach, now: datetime, sqlite_db: Database
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("no swelling or redness, my mate felt a pop at football though")
    assert (await plan(sqlite_db)).status == "active"
    async with sqlite_db.read() as repo:
        [kept] = [d for d in await repo.decisions((await plan(sqlite_db)).id) if d.kind == "set_aside"]
    assert "“swelling” (negated)" in kept.reason
    assert "(someone else)" in kept.reason


async def test_a_pending_question_from_a_group_comes_before_enrolling(coach: Coach, now: datetime) -> None:
    await Chat(coach, now, user_id="20", chat_kind="group", platform="telegram").say(
        "my calf is a bit swollen today"
    )
    private = Chat(coach, now, user_id="20", platform="telegram")
    await private.command("/start")
    assert safety.CONFIRM["dvt"] in private.text
    await private.say("yes")  # answers the question, not the consent screen
    assert "should be checked by a clinician today" in private.text
