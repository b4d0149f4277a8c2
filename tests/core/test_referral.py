"""Referrals are facts (CLINICAL A11): whatever raised one — a message, a rule, the triage — it is stored with
its tier, signs, the words that set it off, when, and exactly what the person was shown."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta

from sqlalchemy import select

from coachbot.core import report_files
from coachbot.core.coach import Coach
from coachbot.programme.schema import Programme
from coachbot.reporting import report
from coachbot.store.db import Database
from coachbot.store.tables import Decision, Person, Referral
from coachbot.texts import safety
from tests.chat import Chat


async def referrals(database: Database) -> list[Referral]:
    async with database.read() as repo:
        return list((await repo.session.execute(select(Referral).order_by(Referral.id))).scalars())


async def refer_decisions(database: Database) -> list[Decision]:
    async with database.read() as repo:
        query = select(Decision).where(Decision.kind == "refer").order_by(Decision.id)
        return list((await repo.session.execute(query)).scalars())


async def test_a_red_flag_message_is_recorded_with_its_words_and_what_was_said(
    coach: Coach, sqlite_db: Database, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    chat.later(hours=3)
    await chat.say("Ran 5k this morning. My calf is swollen and hot tonight, is that normal?")
    [referral] = await referrals(sqlite_db)
    assert (referral.tier, referral.source) == ("urgent", "message")
    assert referral.signs == ["swelling", "warmth"]
    assert referral.triggers[0] == "swollen"  # the words of the message that set it off
    assert all(words in "my calf is swollen and hot tonight" for words in referral.triggers)
    assert referral.text == chat.text
    assert "I've paused your programme." in referral.text
    assert referral.at == chat.now
    assert referral.local_date == chat.now.date()
    assert referral.enrolment_id is not None
    [decision] = await refer_decisions(sqlite_db)
    assert (decision.enrolment_id, decision.rule) == (referral.enrolment_id, "1")
    assert "a swollen calf and a warm or red calf" in decision.reason


async def test_a_red_flag_before_start_gets_advice_without_a_plan_and_is_noted(
    coach: Coach, sqlite_db: Database, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.say("I felt a pop and now I can't get up on my toes")
    assert "torn Achilles" in chat.text
    assert "paused" not in chat.text
    assert "/resume" not in chat.text
    assert safety.NOTED in chat.text  # no consent on record yet: say what was kept and how to erase it
    [referral] = await referrals(sqlite_db)
    assert (referral.tier, referral.enrolment_id, referral.text) == ("urgent", None, chat.text)
    assert "pop_or_snap" in referral.signs
    assert await refer_decisions(sqlite_db) == []  # no plan, so no plan decision
    async with sqlite_db.read() as repo:
        [person] = (await repo.session.execute(select(Person))).scalars().all()
    assert (person.user_id, person.agreed_at) == ("42", None)
    await chat.enrol()  # the same person enrols later
    assert len(await referrals(sqlite_db)) == 1


async def test_a_red_flag_typed_during_the_triage_is_not_noted_as_before_consent(
    coach: Coach, sqlite_db: Database, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.command("/start")
    await chat.say("my calf is swollen and hot")  # at the consent screen: not agreed yet
    assert safety.NOTED in chat.text
    await chat.command("/start")
    await chat.press("I agree")
    await chat.say("Europe/London")
    await chat.press("Yes")  # the local time is right
    await chat.say("my calf is swollen and hot")  # agreed, the enrolment questions still open
    assert safety.NOTED not in chat.text
    assert "paused" not in chat.text
    assert [r.source for r in await referrals(sqlite_db)] == ["message", "message"]


async def test_a_triage_referral_is_recorded_with_the_answer_chosen(
    coach: Coach, sqlite_db: Database, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.command("/start")
    await chat.press("I agree")
    await chat.say("America/Chicago")
    await chat.press("Yes")  # the local time is right
    await chat.say("41")
    await chat.press("None of these")
    await chat.press("No")  # emergency screen
    await chat.press("Yes")  # urgent screen
    await chat.press("Swollen, warm, red calf")
    assert "urgent care center" in chat.text  # the US wording, from the zone given two questions ago
    assert "paused" not in chat.text
    assert "send /start" in chat.text
    assert safety.NOTED not in chat.text  # they saw the consent screen
    [referral] = await referrals(sqlite_db)
    assert (referral.tier, referral.source, referral.enrolment_id) == ("urgent", "triage", None)
    assert referral.signs == ["urgent_which"]
    assert referral.triggers == ["Swollen, warm, red calf"]
    assert referral.text == chat.text
    assert referral.local_date == (now - timedelta(hours=6)).date()  # Chicago's calendar day


async def test_a_rule_referral_records_the_morning_warning_sign(
    coach: Coach, sqlite_db: Database, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    chat.later(hours=9)
    await chat.log_session("1", "1")
    chat.later(hours=14)
    await chat.command("/morning")
    await chat.press("2")
    await chat.press("Swelling")
    assert "NHS 111" in chat.text
    [referral] = await referrals(sqlite_db)
    assert (referral.tier, referral.source) == ("urgent", "rule")
    assert (referral.signs, referral.triggers) == (["swelling"], ["Swelling"])
    assert referral.text in chat.text
    assert referral.text.count("paused") == 1
    [decision] = await refer_decisions(sqlite_db)  # the rule's own decision, not a second one
    assert decision.rule == "1"


async def test_a_re_triage_referral_says_the_plan_is_paused_and_how_to_resume(
    coach: Coach, sqlite_db: Database, now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    await chat.say("the pain wakes me up at night")
    await chat.command("/resume")
    await chat.press("Yes")  # seen by a clinician
    await chat.press("No")  # emergency screen
    await chat.press("Yes")  # urgent screen
    await chat.press("Numb or weak foot")
    assert "I've paused your programme." in chat.text
    assert "send /resume" in chat.text
    first, second = await referrals(sqlite_db)
    assert [(r.tier, r.source) for r in (first, second)] == [("routine", "message"), ("urgent", "triage")]
    assert second.triggers == ["Numb or weak foot"]
    assert [d.rule for d in await refer_decisions(sqlite_db)] == ["1", "triage"]


async def test_a_referral_appears_in_export_status_report_and_progress(
    coach: Coach, sqlite_db: Database, programmes: dict[str, Programme], now: datetime
) -> None:
    chat = Chat(coach, now)
    await chat.enrol()
    chat.later(hours=9)
    await chat.log_session("2", "1")
    chat.later(hours=14)  # Tuesday morning
    await chat.log_morning("1")
    await chat.say("woke up and my calf's swollen, and it feels warm to the touch")
    told = chat.text

    await chat.command("/export")
    document = json.loads(chat.replies[0].file.data if chat.replies[0].file else b"{}")
    [exported] = document["referrals"]
    assert exported["tier"] == "urgent"
    assert exported["signs"] == ["swelling", "warmth"]
    assert exported["triggers"][0] == "swollen"
    assert any("warm" in words for words in exported["triggers"][1:])
    assert exported["text"] == told
    assert exported["source"] == "message"
    assert exported["local_date"] == "2026-03-03"
    assert exported["enrolment_id"] == document["enrolments"][0]["id"]

    await chat.command("/status")
    assert "Paused for safety since Tue 03 Mar: urgent, to be seen today" in chat.text
    assert "because you told me about a swollen calf and a warm or red calf" in chat.text
    assert "Next step: get checked by a clinician today" in chat.text

    await chat.command("/report")
    pdf, _checkins, referrals_file = chat.replies
    assert referrals_file.file is not None
    assert referrals_file.file.filename == "coachbot-referrals-20260303.csv"
    assert referrals_file.private
    [row] = list(csv.DictReader(io.StringIO(referrals_file.file.data.decode())))
    assert (row["local_date"], row["tier"], row["source"]) == ("2026-03-03", "urgent", "message")
    assert json.loads(row["signs"]) == ["swelling", "warmth"]
    assert any("warm" in words for words in json.loads(row["triggers"]))
    assert row["text"] == told
    assert pdf.file is not None
    assert pdf.file.data.startswith(b"%PDF")
    async with sqlite_db.read() as repo:
        person = await repo.person("console", "42")
        assert person is not None
        [plan] = await repo.enrolments(person.id)
        data = await report_files.gather(
            repo, plan, programmes[plan.programme_id], "Europe/London", chat.now.date()
        )
    page = " ".join(" ".join(line for _, line in report.lines(data)).split())  # wrapped lines, joined
    assert "Referrals (1, newest last)" in page
    assert "2026-03-03 URGENT (message) · signs: swelling, warmth" in page
    assert "words: “swollen”; “" in page
    assert "warm" in page
    assert "told: These symptoms should be checked by a clinician today" in page
    assert len(re.findall(rb"/Type\s*/Page\b", report.pdf(data))) == 1  # still one page

    await chat.command("/progress")
    [progress] = chat.replies
    assert progress.image is not None
    assert "last referred to a clinician on Tue 03 Mar (urgent)" in progress.text
