"""The Discord journeys end to end: real discord.py over loopback REST and WebSocket against the fake."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from coachbot.adapters.discord.adapter import DiscordAdapter
from coachbot.adapters.discord.components import NOTE_FORM
from coachbot.app import App
from coachbot.cli.wiring import build
from coachbot.delivery.limits import PlatformLimits
from coachbot.messages import Address, Reply
from coachbot.ports import Rejected
from coachbot.settings import load_settings
from coachbot.store.tables import CheckIn, Enrolment, OutboxMessage
from coachbot.texts import common
from tests.chat import triage_answers
from tests.conftest import sqlite_url
from tests.factories import Clock
from tests.fakes import discord_payloads as p
from tests.fakes.discord_api import Failure, FakeDiscord

GUILD, CHANNEL = 500, 501
PAIN_SCORE = re.compile(r"\b\d{1,2}/10\b")


@dataclass
class Bot:
    api: FakeDiscord
    app: App
    clock: Clock
    tmp_path: Path
    task: asyncio.Task[None] | None = None

    @property
    def adapter(self) -> DiscordAdapter:
        adapter = self.app.adapters["discord"]
        assert isinstance(adapter, DiscordAdapter)
        return adapter

    async def start(self, **environ: str) -> None:
        settings = load_settings(
            {
                "DISCORD_TOKEN": p.TOKEN,
                "COACHBOT_DISCORD_API_URL": self.api.api_url,
                "COACHBOT_DISCORD_GATEWAY_URL": self.api.gateway_url,
                "COACHBOT_DATABASE_URL": sqlite_url(self.tmp_path / "d.db"),
                **environ,
            }
        )
        self.app = build(settings, clock=self.clock)
        self.app.sends_continuously = False  # the test steps the clock and sends with app.send()
        self.app.limiter.limits["discord"] = PlatformLimits(per_second=1000)
        self.adapter.guild_ready_timeout = 0.05  # the fake sends every guild at once
        self.task = asyncio.create_task(self.app.run())
        async with asyncio.timeout(10):
            await self.adapter.ready.wait()

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
            self.task = None

    async def restart(self, **environ: str) -> None:
        await self.stop()
        await self.start(**environ)

    async def scheduled(self, now: datetime) -> None:
        self.clock.now = now
        await self.app.tick()
        await self.app.send()


@pytest.fixture(name="bot")
async def discord_bot(tmp_path: Path) -> AsyncIterator[Bot]:
    async with FakeDiscord() as api:
        api.server(GUILD, CHANNEL)
        for user_id, name in ((11, "Ana"), (12, "Ben"), (13, "Cleo"), (14, "Dev")):
            api.person(user_id, name)
        bot = Bot(api, None, Clock(), tmp_path)  # type: ignore[arg-type]
        await bot.start()
        try:
            yield bot
        finally:
            await bot.stop()


async def say(bot: Bot, user: int, text: str) -> p.Payload:
    """Type a DM and wait for the bot's next DM."""
    before = len(bot.api.dms(user))
    await bot.api.type_dm(user, text)
    await bot.api.wait_until(lambda: len(bot.api.dms(user)) > before)
    return bot.api.dms(user)[before]


async def click(bot: Bot, user: int, message: p.Payload, label: str, expect: str = "") -> p.Payload:
    """Click a button and wait for the bot's next DM (containing `expect`)."""
    before = len(bot.api.dms(user))
    await bot.api.click(user, message, label)
    return await bot.api.dm(user, expect, after=before)


async def enrol(bot: Bot, user: int, *, from_channel: bool = False, prevention: bool = False) -> None:
    before = len(bot.api.dms(user))
    token = await bot.api.slash(user, "start", channel_id=CHANNEL if from_channel else None)
    consent = await with_button(bot, user, "I agree", before)
    if from_channel:  # the channel only gets an ephemeral pointer to the DMs
        await bot.api.wait_until(
            lambda: any(
                "direct messages: https://discord.com/channels/@me/" in m["content"]
                for m in bot.api.follow_ups(token)
            )
        )
    await click(bot, user, consent, "I agree")
    await say(bot, user, "Europe/London")
    await say(bot, user, "yes")  # the local time is right
    await answer_triage(bot, user, prevention)


async def answer_triage(bot: Bot, user: int, prevention: bool = False) -> None:
    """Type every triage answer in the DM, up to the last welcome message."""
    for key, value in triage_answers(prevention):
        await say(bot, user, "7:00" if key == "session_time" else value)
    await bot.api.dm(user, "Stop and get help if you notice")


async def with_button(bot: Bot, user: int, label: str, before: int) -> p.Payload:
    """The first DM after `before` that has a button labelled `label`."""

    def found() -> p.Payload | None:
        return next(
            (m for m in bot.api.dms(user)[before:] if any(label in row for row in button_labels(m))), None
        )

    await bot.api.wait_until(lambda: found() is not None)
    message = found()
    assert message is not None
    return message


async def answer_session(bot: Bot, user: int, during_question: p.Payload, during: str, after: str) -> None:
    after_question = await click(bot, user, during_question, during, "now")
    completion = await click(bot, user, after_question, after, "How much")
    sudden = await click(bot, user, completion, "All", "sudden")
    await click(bot, user, sudden, "No", "Logged")


async def session_checkin(bot: Bot, user: int, during: str, after: str) -> None:
    before = len(bot.api.dms(user))
    await bot.api.slash(user, "checkin")
    await answer_session(bot, user, await with_button(bot, user, "10", before), during, after)


async def morning_checkin(bot: Bot, user: int, pain: str, outcome: str) -> None:
    before = len(bot.api.dms(user))
    await bot.api.slash(user, "checkin", {"which": "morning"})
    safety = await click(bot, user, await with_button(bot, user, "10", before), pain, "Anything new")
    await click(bot, user, safety, "None of these", outcome)


def button_labels(message: p.Payload) -> list[list[str]]:
    return [[b["label"] for b in row["components"]] for row in message["components"]]


async def test_start_and_triage_in_a_dm_then_a_scheduled_prompt_with_pain_buttons(bot: Bot) -> None:
    await enrol(bot, 11)
    welcome = next(m for m in bot.api.dms(11) if "enrolled" in m["content"])
    assert "**12-week calf strain rehab**" in welcome["content"]
    assert len(bot.api.rest("PUT", r"/applications/\d+/commands$")) == 1  # registered once, globally
    assert {c["name"] for c in bot.api.commands[None]} >= {
        "start",
        "today",
        "checkin",
        "settings",
        "help",
        "club",
    }
    assert bot.api.identified[0]["intents"] & (1 << 15) == 0  # no message-content intent

    # the session prompt comes by DM at 07:00 London time
    await bot.scheduled(datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC))
    prompt = await bot.api.dm(11, "Daily session, Tue 03 Mar")
    during = await click(bot, 11, prompt, "Done — log it", "during")
    assert button_labels(during) == [["0", "1", "2", "3", "4"], ["5", "6", "7", "8", "9"], ["10"]]
    after = await click(bot, 11, during, "2", "now")
    completion = await say(bot, 11, "1/10")
    sudden = await click(bot, 11, completion, "All", "sudden")
    await click(bot, 11, sudden, "No", "Logged: pain 2/10 during, 1/10 now")
    assert after["flags"] & p.EPHEMERAL == 0  # in a DM nothing needs hiding


async def test_a_button_sent_before_a_restart_still_works(bot: Bot) -> None:
    await enrol(bot, 12)
    await bot.scheduled(datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC))
    prompt = await bot.api.dm(12, "Daily session, Tue 03 Mar")
    await bot.restart()
    assert len(bot.api.identified) == 2
    during = await click(bot, 12, prompt, "Done — log it", "during")
    await click(bot, 12, during, "3", "now")
    assert len(bot.api.rest("PUT", r"/commands$")) == 1  # the same commands are not synced again


async def test_a_note_goes_through_a_form_even_after_a_restart(bot: Bot) -> None:
    await enrol(bot, 13)
    bot.clock.now = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    before = len(bot.api.dms(13))
    await bot.api.slash(13, "checkin")
    during = await with_button(bot, 13, "0", before)
    after = await click(bot, 13, during, "2", "now")
    completion = await click(bot, 13, after, "1", "How much")
    reason = await click(bot, 13, completion, "Some", "got in the way")
    note = await click(bot, 13, reason, "Other", "In a few words")
    assert ["Skip"] in button_labels(note)
    assert ["Write a short note"] in button_labels(note)

    opened = await bot.api.click(13, note, "Write a short note")
    await bot.api.wait_until(lambda: bot.api.response(opened) is not None)
    modal = bot.api.response(opened)
    assert modal is not None
    assert modal["type"] == 9
    assert modal["data"]["custom_id"] == NOTE_FORM

    await bot.restart()  # the form is still open on the person's screen
    before = len(bot.api.dms(13))
    submitted = await bot.api.submit(13, NOTE_FORM, {"note": "my bus was late"})
    sudden = await bot.api.dm(13, "sudden", after=before)
    await click(bot, 13, sudden, "No", "Logged")
    response = bot.api.response(submitted)
    assert response is not None
    assert response["type"] == 6
    async with bot.app.database.read() as repo:
        checkin = (await repo.session.execute(select(CheckIn))).scalar_one()
    assert checkin.details["note"] == "my bus was late"


async def test_a_red_flag_in_a_dm_pauses_the_plan(bot: Bot) -> None:
    await enrol(bot, 14)
    reply = await say(bot, 14, "my calf is swollen and hot today")
    assert "clinician today" in reply["content"]
    assert "NHS 111" in reply["content"]
    async with bot.app.database.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
    assert enrolment.status == "referred"


async def test_the_dvt_screen_toggles_its_buttons_in_a_dm(bot: Bot) -> None:
    before = len(bot.api.dms(13))
    await bot.api.slash(13, "start")
    await click(bot, 13, await with_button(bot, 13, "I agree", before), "I agree")
    await say(bot, 13, "Europe/London")
    await say(bot, 13, "yes")
    answers = triage_answers()
    up_to_dvt = [key for key, _ in answers].index("dvt_risks")
    for _, value in answers[:up_to_dvt]:
        question = await say(bot, 13, value)
    assert "Do any of these apply to you?" in question["content"]
    assert button_labels(question)[-1] == ["None of these", "Done"]  # one multi-select, 4 rows of buttons
    ticked = await click(bot, 13, question, "Pill or HRT", "Ticked so far: Pill or HRT.")
    assert "✓ Pill or HRT" in button_labels(ticked)[0]
    await click(bot, 13, question, "Journey over 4 hours", "Pill or HRT, Journey over 4 hours")  # first copy
    await click(bot, 13, ticked, "Done", "Do you have calf pain or an injury right now?")
    async with bot.app.database.read() as repo:
        person = await repo.person("discord", "13")
        assert person is not None
        conversation = await repo.conversation(person.id)
    assert conversation is not None
    assert conversation.answers["dvt_risks"] == ["oestrogen", "long_journey"]


async def test_closed_dms_pause_the_plan_with_one_notice_in_the_home_channel(bot: Bot) -> None:
    await enrol(bot, 11, from_channel=True)
    bot.api.closed_dms.add(11)
    await bot.scheduled(datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC))
    await bot.app.send()  # the notice was queued by the failed send
    await bot.api.wait_until(lambda: len(bot.api.in_channel(CHANNEL, ephemeral=False)) == 1)
    await bot.scheduled(datetime(2026, 3, 4, 7, 0, 20, tzinfo=UTC))  # the next day: nothing more is tried
    await bot.app.send()

    [notice] = bot.api.in_channel(CHANNEL, ephemeral=False)
    assert notice["content"].startswith("<@11>,")
    assert "/resume" in notice["content"]
    assert not PAIN_SCORE.search(notice["content"])
    refused = [c for c in bot.api.rest("POST", r"/channels/\d+/messages$") if c.status == 403]
    assert len(refused) == 1  # one attempt, no retry loop
    async with bot.app.database.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
    assert (enrolment.status, enrolment.status_reason) == ("paused", "blocked")


async def test_a_command_in_a_channel_with_dms_closed_explains_privately(bot: Bot) -> None:
    bot.api.closed_dms.add(12)
    token = await bot.api.slash(12, "start", channel_id=CHANNEL)
    await bot.api.wait_until(
        lambda: any("can't send you direct" in m["content"] for m in bot.api.follow_ups(token))
    )
    assert all(m["flags"] & p.EPHEMERAL for m in bot.api.in_channel(CHANNEL))


async def test_admin_commands_need_manage_guild(bot: Bot) -> None:
    refused = await bot.api.slash(13, "club", channel_id=CHANNEL)
    await bot.api.wait_until(
        lambda: any(common.ADMIN_ONLY in m["content"] for m in bot.api.follow_ups(refused))
    )
    bot.api.grant(GUILD, 14, p.MANAGE_GUILD)
    allowed = await bot.api.slash(14, "club", channel_id=CHANNEL)
    await bot.api.wait_until(
        lambda: any("no club programme yet" in m["content"] for m in bot.api.follow_ups(allowed))
    )
    club = next(c for c in bot.api.commands[None] if c["name"] == "club")
    assert club["default_member_permissions"] == str(p.MANAGE_GUILD)
    assert club["contexts"] == [0]  # servers only


async def test_no_pain_score_is_ever_posted_in_a_server_channel(bot: Bot) -> None:
    await enrol(bot, 12, from_channel=True)
    before = len(bot.api.dms(12))
    for name in ("status", "today", "checkin"):
        await bot.api.slash(12, name, channel_id=CHANNEL)
    answered = await bot.api.slash(12, "help", channel_id=CHANNEL)
    await bot.api.wait_until(lambda: any("/checkin" in m["content"] for m in bot.api.follow_ups(answered)))
    during = await with_button(bot, 12, "7", before)
    await click(bot, 12, during, "7", "now")

    assert bot.api.in_channel(CHANNEL, ephemeral=False) == []  # nothing public at all
    responses = bot.api.guild_responses()
    assert len(responses) == 5
    assert all(r["data"]["flags"] & p.EPHEMERAL for r in responses)
    dm_channel = str(bot.api.dm_channel_of(12))
    for message in bot.api.messages.values():
        if PAIN_SCORE.search(message["content"]):
            assert message["channel_id"] == dm_channel


async def test_a_private_reply_is_never_sent_to_a_server_channel(bot: Bot) -> None:
    with pytest.raises(Rejected):
        await bot.adapter.send(
            Reply(Address("discord", str(CHANNEL), "11", "group"), "pain 6/10", private=True)
        )
    assert bot.api.in_channel(CHANNEL) == []


async def test_long_messages_are_split_and_markdown_is_escaped(bot: Bot) -> None:
    text = "**Plan** for under_scores and *stars*\n" + "\n".join(f"- line {n} " + "x" * 60 for n in range(60))
    await bot.adapter.send(Reply(Address("discord", "11", "11"), text))
    parts = bot.api.dms(11)
    assert len(parts) == 3
    assert all(len(m["content"]) <= 2000 for m in parts)
    assert parts[0]["content"].startswith("**Plan** for under\\_scores and \\*stars\\*")


async def test_settings_options_and_time_zone_autocomplete(bot: Bot) -> None:
    await enrol(bot, 14)
    token = await bot.api.autocomplete(14, "settings", "timezone", "new y")
    await bot.api.wait_until(lambda: bot.api.response(token) is not None)
    response = bot.api.response(token)
    assert response is not None
    assert response["type"] == 8
    assert "America/New_York" in [choice["value"] for choice in response["data"]["choices"]]

    before = len(bot.api.dms(14))
    await bot.api.slash(14, "settings", {"timezone": "America/New_York", "time": "06:45"})
    saved = await bot.api.dm(14, "Saved", after=before)
    assert "06:45 (America/New\\_York)" in saved["content"]
    before = len(bot.api.dms(14))
    await bot.api.slash(14, "settings", {"time": "25:99"})
    refused = await bot.api.dm(14, "Sorry, I need", after=before)
    assert "07:30" in refused["content"]


async def test_a_short_429_is_waited_out_and_a_long_one_pauses_the_sender(bot: Bot) -> None:
    await enrol(bot, 11)
    await enrol(bot, 12)
    bot.api.fail("POST /channels/messages", Failure(429, 0, "rate limited", retry_after=0.2))
    await bot.scheduled(datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC))
    await bot.api.dm(11, "Daily session")
    await bot.api.dm(12, "Daily session")

    bot.api.fail("POST /channels/messages", Failure(429, 0, "rate limited", retry_after=90))
    await bot.scheduled(datetime(2026, 3, 4, 7, 0, 20, tzinfo=UTC))
    assert bot.app.limiter.paused("discord")
    bot.app.limiter.resume("discord")
    await bot.scheduled(bot.clock.now + timedelta(seconds=91))
    for user in (11, 12):
        prompts = [m for m in bot.api.dms(user) if "Daily session" in m["content"]]
        assert len(prompts) == 2  # every prompt once, none lost
    async with bot.app.database.read() as repo:
        statuses = set((await repo.session.execute(select(OutboxMessage.status))).scalars())
    assert statuses <= {"sent", "missed"}  # missed: the mornings the clock jumped over


async def test_dev_guild_gets_its_own_commands(bot: Bot) -> None:
    await bot.restart(COACHBOT_DISCORD_DEV_GUILD=str(GUILD))
    assert {c["name"] for c in bot.api.commands[GUILD]} >= {"start", "club"}
    await bot.restart(COACHBOT_DISCORD_DEV_GUILD=str(GUILD))
    assert len(bot.api.rest("PUT", rf"/guilds/{GUILD}/commands$")) == 1
    before = len(bot.api.dms(11))
    await bot.api.slash(11, "help", channel_id=None)
    await bot.api.dm(11, "/checkin", after=before)


async def test_only_the_leading_postgres_instance_joins_the_gateway() -> None:
    from tests.conftest import postgres_database

    async with postgres_database() as url, FakeDiscord() as api:
        api.person(11)
        environ = {
            "DISCORD_TOKEN": p.TOKEN, "COACHBOT_DISCORD_API_URL": api.api_url,
            "COACHBOT_DISCORD_GATEWAY_URL": api.gateway_url, "COACHBOT_DATABASE_URL": url,
        }  # fmt: skip
        first, second = build(load_settings(environ)), build(load_settings(environ))
        tasks = [asyncio.create_task(first.run())]
        try:
            leader, follower = first.adapters["discord"], second.adapters["discord"]
            assert isinstance(leader, DiscordAdapter)
            assert isinstance(follower, DiscordAdapter)
            async with asyncio.timeout(10):
                await leader.ready.wait()
            tasks.append(asyncio.create_task(second.run()))
            async with asyncio.timeout(10):
                await follower.logged_in.wait()
            await follower.send(Reply(Address("discord", "11", "11"), "sent by the follower"))
            assert [m["content"] for m in api.dms(11)] == ["sent by the follower"]
            assert len(api.identified) == 1  # one gateway session for the bot
            assert not follower.ready.is_set()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


async def test_a_replayed_or_late_interaction_is_not_handled_twice_or_blindly(bot: Bot) -> None:
    token = await bot.api.slash(11, "start")
    consent = await with_button(bot, 11, "I agree", 0)
    await bot.api.replay(token)  # Discord refuses the second acknowledgement
    await bot.api.wait_until(
        lambda: len([c for c in bot.api.rest("POST", "/callback$") if c.status == 400]) == 1
    )
    assert len(bot.api.dms(11)) == 1

    bot.api.answer_within = 0.0  # everything now arrives too late to be answered
    await bot.api.click(11, consent, "I agree")
    await bot.api.wait_until(
        lambda: len([c for c in bot.api.rest("POST", "/callback$") if c.status == 404]) == 1
    )
    async with bot.app.database.read() as repo:
        person = await repo.person("discord", "11")
        assert person is not None
        conversation = await repo.conversation(person.id)
    assert conversation is not None
    assert conversation.step == "consent"  # the click was not taken as an answer nobody saw


async def test_export_from_a_channel_arrives_as_a_file_in_the_dms(bot: Bot) -> None:
    await enrol(bot, 13)
    before = len(bot.api.dms(13))
    token = await bot.api.slash(13, "export", channel_id=CHANNEL)
    exported = await bot.api.dm(13, "everything I store about you", after=before)
    [attachment] = exported["attachments"]
    assert attachment["filename"].startswith("coachbot-export-")
    await bot.api.wait_until(
        lambda: any("direct messages" in m["content"] for m in bot.api.follow_ups(token))
    )
    assert bot.api.in_channel(CHANNEL, ephemeral=False) == []


async def test_progress_and_report_arrive_as_files_in_the_dms(bot: Bot) -> None:
    await enrol(bot, 14)
    bot.clock.now = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
    await session_checkin(bot, 14, "2", "1")
    before = len(bot.api.dms(14))
    await bot.api.slash(14, "progress", channel_id=CHANNEL)
    chart = await bot.api.dm(14, "sessions done", after=before)
    assert [a["filename"] for a in chart["attachments"]] == ["chart.png"]
    before = len(bot.api.dms(14))
    await bot.api.slash(14, "report")
    await bot.api.dm(14, "Every check-in", after=before)
    files = [a["filename"] for m in bot.api.dms(14)[before:] for a in m["attachments"]]
    assert [name.rsplit(".", 1)[1] for name in files] == ["pdf", "csv"]
    assert bot.api.in_channel(CHANNEL, ephemeral=False) == []


async def test_an_uncertain_red_flag_asks_first_and_no_carries_on(bot: Bot) -> None:
    await enrol(bot, 13)
    question = await say(bot, 13, "my foot is a bit tingly today")  # hedged: asked, not stopped (A6)
    assert "numbness, tingling or weakness in your foot" in question["content"]
    assert button_labels(question)[0] == ["Yes", "No", "Not sure"]
    answer = await click(bot, 13, question, "No", expect="carry on")
    assert "clinician" not in answer["content"]
    async with bot.app.database.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        decisions = await repo.decisions(enrolment.id)
    assert enrolment.status == "active"
    assert [d.kind for d in decisions][-1] == "confirm_no"  # the "no" is recorded (A6)


async def test_a_sudden_event_asks_the_rupture_screen_and_today_is_then_paused(bot: Bot) -> None:
    await enrol(bot, 12)
    before = len(bot.api.dms(12))
    await bot.api.slash(12, "checkin")
    during = await with_button(bot, 12, "10", before)
    after = await click(bot, 12, during, "3", "now")
    completion = await click(bot, 12, after, "2", "How much")
    sudden = await click(bot, 12, completion, "All", "sudden")
    tiptoe = await click(bot, 12, sudden, "Yes", "rise onto tiptoe")  # CLINICAL A7: asked at once
    assert button_labels(tiptoe)[0] == ["Yes", "No", "Not sure"]
    dip = await click(bot, 12, tiptoe, "No", "dip above the heel")  # can't rise onto tiptoe: worrying
    kicked = await click(bot, 12, dip, "No", "kicked or hit")
    referred = await click(bot, 12, kicked, "No", "clinician today")
    assert "NHS 111" in referred["content"]
    before = len(bot.api.dms(12))
    token = await bot.api.slash(12, "today")
    await bot.api.wait_until(
        lambda: (
            any("paused for safety" in m["content"] for m in bot.api.follow_ups(token))
            or any("paused for safety" in m["content"] for m in bot.api.dms(12)[before:])
        )
    )
    async with bot.app.database.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        [referral] = await repo.referrals(enrolment.person_id)
    assert (enrolment.status, referral.tier, referral.source) == ("referred", "urgent", "screen")
