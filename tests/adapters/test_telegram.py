"""The Telegram journey end to end: real python-telegram-bot over loopback HTTP against the fake Bot API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from coachbot.adapters.telegram.adapter import TelegramAdapter
from coachbot.app import App
from coachbot.cli.wiring import build
from coachbot.delivery.limits import PlatformLimits
from coachbot.messages import Address, Reply, Text
from coachbot.ports import Rejected
from coachbot.settings import load_settings
from coachbot.store.tables import Enrolment, OutboxMessage
from tests.chat import triage_answers
from tests.conftest import sqlite_url
from tests.factories import Clock
from tests.fakes.telegram_api import TOKEN, FakeTelegram

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday


@dataclass
class Bot:
    api: FakeTelegram
    app: App
    clock: Clock


@pytest.fixture(name="bot")
async def telegram_bot(tmp_path: Path) -> AsyncIterator[Bot]:
    async with FakeTelegram() as api:
        settings = load_settings(
            {
                "TELEGRAM_TOKEN": TOKEN,
                "COACHBOT_TELEGRAM_API_URL": api.url,
                "COACHBOT_DATABASE_URL": sqlite_url(tmp_path / "t.db"),
            }
        )
        clock = Clock()
        app = build(settings, clock=clock)
        app.sends_continuously = False  # the test steps the clock and sends with app.send()
        adapter = app.adapters["telegram"]
        assert isinstance(adapter, TelegramAdapter)
        adapter.poll_timeout = 1
        # Telegram's one-message-a-second per chat would make each step of the journey take a second
        app.limiter.limits["telegram"] = PlatformLimits(per_second=1000)
        task = asyncio.create_task(app.run())
        async with asyncio.timeout(10):
            await adapter.ready.wait()
        try:
            yield Bot(api, app, clock)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def say(bot: Bot, chat: int, text: str) -> dict[str, object]:
    """Type a message and wait for the bot's next reply to that chat."""
    before = len(bot.api.texts_to(chat))
    bot.api.send_text(chat, chat, text)
    await bot.api.wait_until(lambda: len(bot.api.texts_to(chat)) > before)
    return [p for p in bot.api.sent() if p.get("chat_id") == chat][-1]


async def press(bot: Bot, chat: int, reply: dict[str, object], label: str) -> dict[str, object]:
    """Tap a button of `reply` and wait for the bot's next reply."""
    markup = reply["reply_markup"]
    assert isinstance(markup, dict)
    token = next(b["callback_data"] for row in markup["inline_keyboard"] for b in row if b["text"] == label)
    before = len(bot.api.texts_to(chat))
    bot.api.press(chat, chat, token, message_id=int(str(reply.get("_message_id", 1))))
    await bot.api.wait_until(lambda: len(bot.api.texts_to(chat)) > before)
    return [p for p in bot.api.sent() if p.get("chat_id") == chat][-1]


async def enrol(bot: Bot, chat: int, start: str = "/start", prevention: bool = False) -> None:
    bot.api.private_chat(chat)
    reply = await say(bot, chat, start)
    reply = await press(bot, chat, reply, "I agree")
    await say(bot, chat, "Europe/London")
    await say(bot, chat, "yes")  # the local time is right
    for key, value in triage_answers(prevention):
        await say(bot, chat, "7:00" if key == "session_time" else value)
    await bot.api.reply_to(chat, "Stop and get help if you notice")  # the last of the welcome messages


async def test_private_journey_from_start_to_an_adapted_plan(bot: Bot) -> None:
    chat = 1001
    await enrol(bot, chat)
    welcome = next(p for p in bot.api.sent() if "You're enrolled" in str(p["text"]))
    assert welcome["parse_mode"] == "HTML"
    assert "<b>12-week calf strain rehab</b>" in str(welcome["text"])
    assert bot.api.sent("answerCallbackQuery")  # the consent button was answered
    assert {c["command"] for c in bot.api.sent("setMyCommands")[0]["commands"]} >= {
        "start",
        "checkin",
        "help",
    }

    # the session prompt arrives at 07:00 London time, with a button that opens the check-in
    bot.clock.now = datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC)
    await bot.app.tick()
    await bot.app.send()
    prompt = await bot.api.reply_to(chat, "Daily session, Tue 03 Mar")
    reply = await press(bot, chat, prompt, "Done — log it")
    assert "during" in str(reply["text"])
    reply = await press(bot, chat, reply, "2")  # pain buttons
    reply = await say(bot, chat, "1/10")  # or typed
    reply = await press(bot, chat, reply, "All")
    reply = await press(bot, chat, reply, "No")
    assert "Logged: pain 2/10 during, 1/10 now" in str(reply["text"])

    # the next morning's answer decides: one green session so far
    bot.clock.now = datetime(2026, 3, 4, 8, 0, 20, tzinfo=UTC)
    await bot.app.tick()
    await bot.app.send()
    morning = await bot.api.reply_to(chat, "Good morning")
    reply = await press(bot, chat, morning, "Answer")
    reply = await press(bot, chat, reply, "1")
    await press(bot, chat, reply, "None of these")
    await bot.api.reply_to(chat, "1 of 2 green sessions")

    # a second green session advances one exercise; a painful one then steps it back
    await session_checkin(bot, chat, "1", "1")
    bot.clock.now = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)
    await morning_checkin(bot, chat, "1")
    await bot.api.reply_to(chat, "Straight-knee calf raise moves up to L3")
    await session_checkin(bot, chat, "6", "4")
    bot.clock.now = datetime(2026, 3, 6, 8, 0, tzinfo=UTC)
    await morning_checkin(bot, chat, "2")
    await bot.api.reply_to(chat, "we'll step back one level")


async def session_checkin(bot: Bot, chat: int, during: str, after: str) -> None:
    reply = await say(bot, chat, "/checkin")
    for label in (during, after, "All", "No"):
        reply = await press(bot, chat, reply, label)


async def morning_checkin(bot: Bot, chat: int, pain: str) -> None:
    reply = await say(bot, chat, "/morning")
    reply = await press(bot, chat, reply, pain)
    await press(bot, chat, reply, "None of these")


async def test_red_flag_pauses_the_plan_with_the_regional_service(bot: Bot) -> None:
    await enrol(bot, 1002)
    bot.api.send_text(1002, 1002, "my calf is swollen and hot today")
    reply = await bot.api.reply_to(1002, "should be checked by a clinician today")
    assert "NHS 111" in str(reply["text"])


async def test_a_sudden_event_asks_the_rupture_screen_and_a_worrying_answer_refers(bot: Bot) -> None:
    chat = 1007
    await enrol(bot, chat)
    reply = await say(bot, chat, "/checkin")
    for label in ("3", "2", "All"):
        reply = await press(bot, chat, reply, label)
    await press(bot, chat, reply, "Yes")  # something sudden: the rupture screen at once (CLINICAL A7)
    tiptoe = await bot.api.reply_to(chat, "Can you rise onto tiptoe on that leg alone?")
    markup = tiptoe["reply_markup"]
    assert isinstance(markup, dict)
    assert [b["text"] for b in markup["inline_keyboard"][0]] == ["Yes", "No", "Not sure"]
    dip = await press(bot, chat, tiptoe, "Not sure")  # not sure counts as worrying
    kicked = await press(bot, chat, dip, "No")
    await press(bot, chat, kicked, "No")
    referred = await bot.api.reply_to(chat, "should be checked by a clinician today")
    assert "NHS 111" in str(referred["text"])
    assert "<b>Being able to walk does not rule that out</b>" in "".join(bot.api.texts_to(chat))
    async with bot.app.database.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
    assert (enrolment.status, enrolment.status_reason) == ("referred", "urgent:tiptoe_unsure")


async def test_images_are_sent_as_photos(bot: Bot) -> None:
    adapter = bot.app.adapters["telegram"]
    bot.api.private_chat(1006)
    reply = Reply(Address("telegram", "1006", "1006"), "Your **progress**", image=b"\x89PNG\r\n\x1a\nfake")
    await adapter.send(reply)
    [photo] = bot.api.sent("sendPhoto")
    assert photo["caption"] == "Your <b>progress</b>"
    assert photo["parse_mode"] == "HTML"


async def test_a_private_reply_is_never_sent_to_a_group(bot: Bot) -> None:
    adapter = bot.app.adapters["telegram"]
    bot.api.group_chat(-100600)
    with pytest.raises(Rejected):
        await adapter.send(Reply(Address("telegram", "-100600", "7", "group"), "pain 6/10", private=True))
    assert bot.api.texts_to(-100600) == []


async def test_long_messages_are_split_and_html_is_escaped(bot: Bot) -> None:
    adapter = bot.app.adapters["telegram"]
    bot.api.private_chat(1003)
    text = "\n".join(f"line {n} <tag> & **bold {n}**" for n in range(400))
    await adapter.send(Reply(Address("telegram", "1003", "1003"), text))
    pieces = bot.api.texts_to(1003)
    assert len(pieces) >= 3
    assert all(len(piece) <= 4096 for piece in pieces)
    assert "&lt;tag&gt; &amp; <b>bold 0</b>" in pieces[0]


async def test_blocked_user_pauses_the_plan(bot: Bot) -> None:
    await enrol(bot, 1004)
    bot.api.blocked.add(1004)
    bot.clock.now = datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC)
    await bot.app.tick()
    await bot.app.send()
    async with bot.app.database.read() as repo:
        rows = list(
            (
                await repo.session.execute(select(OutboxMessage).where(OutboxMessage.kind == "session"))
            ).scalars()
        )
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
    assert [row.status for row in rows] == ["dead"]
    assert (enrolment.status, enrolment.status_reason) == ("paused", "blocked")


async def test_a_429_storm_delivers_everything_once(bot: Bot) -> None:
    chats = [2001, 2002, 2003]
    for chat in chats:
        await enrol(bot, chat)
    bot.api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, times=4)
    bot.clock.now = datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC)
    await bot.app.tick()
    pauses = 0
    for _ in range(12):
        await bot.app.send()
        if bot.app.limiter.paused("telegram"):
            pauses += 1
            bot.app.limiter.resume("telegram")  # retry_after has passed on the test's clock
        bot.clock.now += timedelta(seconds=2)
    assert pauses >= 1  # the 429s did pause the Telegram sender
    for chat in chats:
        prompts = [text for text in bot.api.texts_to(chat) if "Daily session, Tue 03 Mar" in text]
        assert len(prompts) == 1


async def test_a_redelivered_update_is_handled_once(bot: Bot) -> None:
    await enrol(bot, 1005)
    update = Text(sender=Address("telegram", "1005", "1005"), at=START, event_id="99999", text="hello")
    before = len(bot.api.texts_to(1005))
    await bot.app.deliver(update)
    await bot.app.deliver(update)  # the same update_id again, as after a crash before Telegram got the offset
    assert len(bot.api.texts_to(1005)) == before + 1


GROUP = -100500


async def test_group_admin_commands_are_checked_with_telegram(bot: Bot) -> None:
    bot.api.group_chat(GROUP)
    bot.api.members[(GROUP, 3002)] = "administrator"
    bot.api.send_text(GROUP, 3001, "/club start")
    await bot.api.reply_to(GROUP, "Only this group's admins can do that.")
    bot.api.send_text(GROUP, 3002, "/club@coach_test_bot start")
    await bot.api.reply_to(GROUP, "Sorry, I need a programme")
    asked = {(p["chat_id"], p["user_id"]) for p in bot.api.sent("getChatMember")}
    assert asked == {(GROUP, 3001), (GROUP, 3002)}


async def test_personal_commands_in_a_group_get_a_private_deep_link_and_nothing_personal(bot: Bot) -> None:
    await enrol(bot, 3003)
    bot.api.group_chat(GROUP)
    bot.api.send_text(GROUP, 3003, "my calf pain was 6/10 after the hills")  # ordinary chat: no reply
    bot.api.send_text(GROUP, 3003, "/checkin")
    reply = await bot.api.reply_to(GROUP, "Let's keep that private")
    markup = reply["reply_markup"]
    assert isinstance(markup, dict)
    assert markup["inline_keyboard"][-1][0]["url"] == "https://t.me/coach_test_bot?start=checkin"
    group_texts = bot.api.texts_to(GROUP)
    assert len(group_texts) == 1
    assert not any("/10" in text or "pain" in text.lower() for text in group_texts)
    # the deep link opens the check-in in the private chat
    reply = await say(bot, 3003, "/start checkin")
    assert "during" in str(reply["text"])


async def test_blocking_the_bot_pauses_the_plan(bot: Bot) -> None:
    await enrol(bot, 3004)
    bot.api.bot_status(3004, 3004, "kicked")
    bot.api.bot_status(3004, 3004, "member")  # unblocked again later...
    reply = await say(bot, 3004, "/status")  # updates are handled in order, so the block was seen first
    assert "paused" in str(reply["text"])
    async with bot.app.database.read() as repo:
        person = await repo.person("telegram", "3004")
        assert person is not None
        enrolment = await repo.live_enrolment(person.id)
    assert enrolment is not None
    assert (enrolment.status, enrolment.status_reason) == ("paused", "blocked")


async def test_polling_survives_server_errors_without_losing_updates(bot: Bot) -> None:
    bot.api.private_chat(1007)
    bot.api.fail("getUpdates", 502, "Bad Gateway", times=2)
    bot.api.send_text(1007, 1007, "/help")
    await bot.api.reply_to(1007, "coachbot")  # python-telegram-bot retried and fetched the update
    assert sum(1 for call in bot.api.calls if call.method == "getUpdates") >= 3


async def test_server_errors_on_send_are_retried_later(bot: Bot) -> None:
    await enrol(bot, 1008)
    bot.api.fail("sendMessage", 502, "Bad Gateway")
    bot.clock.now = datetime(2026, 3, 3, 7, 0, 20, tzinfo=UTC)
    await bot.app.tick()
    await bot.app.send()
    assert not [text for text in bot.api.texts_to(1008) if "Daily session" in text]
    bot.clock.now += timedelta(hours=1)  # past any backoff
    await bot.app.send()
    await bot.api.reply_to(1008, "Daily session, Tue 03 Mar")


async def test_only_the_leading_postgres_instance_polls() -> None:
    from tests.conftest import postgres_database

    async with postgres_database() as url, FakeTelegram() as api:
        settings = load_settings(
            {"TELEGRAM_TOKEN": TOKEN, "COACHBOT_TELEGRAM_API_URL": api.url, "COACHBOT_DATABASE_URL": url}
        )
        first, second = build(settings), build(settings)
        tasks = []
        try:
            for app in (first, second):
                adapter = app.adapters["telegram"]
                assert isinstance(adapter, TelegramAdapter)
                adapter.poll_timeout = 1
            tasks.append(asyncio.create_task(first.run()))
            leader = first.adapters["telegram"]
            assert isinstance(leader, TelegramAdapter)
            async with asyncio.timeout(10):
                await leader.ready.wait()
            tasks.append(asyncio.create_task(second.run()))
            await api.wait_until(lambda: len(api.sent("setMyCommands")) == 2)  # the follower is up...
            follower = second.adapters["telegram"]
            assert isinstance(follower, TelegramAdapter)
            assert not follower.ready.is_set()  # ...and sends, but does not poll
            assert not second.leading.is_set()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


async def test_export_and_forget_in_the_private_chat(bot: Bot) -> None:
    await enrol(bot, 1010)
    await say(bot, 1010, "/export")
    await bot.api.wait_until(lambda: bool(bot.api.sent("sendDocument")))
    [document] = bot.api.sent("sendDocument")
    assert document["chat_id"] == 1010
    exported = json.loads(document["document_bytes"])
    assert exported["person"]["user_id"] == "1010"
    reply = await say(bot, 1010, "/forget")
    await press(bot, 1010, reply, "Erase everything")
    await bot.api.reply_to(1010, "everything I stored about you is erased")
    async with bot.app.database.read() as repo:
        assert await repo.person("telegram", "1010") is None


async def test_progress_chart_and_report_arrive_in_the_private_chat(bot: Bot) -> None:
    await enrol(bot, 1011)
    bot.clock.now = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
    await session_checkin(bot, 1011, "2", "1")
    bot.api.send_text(1011, 1011, "/progress")
    await bot.api.wait_until(lambda: bool(bot.api.sent("sendPhoto")))
    [photo] = bot.api.sent("sendPhoto")
    assert photo["chat_id"] == 1011
    assert "sessions done" in str(photo["caption"])
    await say(bot, 1011, "/report")
    await bot.api.wait_until(lambda: len(bot.api.sent("sendDocument")) == 2)
    pdf, table = bot.api.sent("sendDocument")
    assert bytes(pdf["document_bytes"]).startswith(b"%PDF")
    assert bytes(table["document_bytes"]).startswith(b"local_date,kind,")
    assert {p["chat_id"] for p in bot.api.sent("sendDocument")} == {1011}


async def test_an_uncertain_red_flag_asks_first_and_yes_refers(bot: Bot) -> None:
    chat = 1011
    await enrol(bot, chat)
    question = await say(bot, chat, "calf feels a bit warm tonight")  # a hedged sign (CLINICAL A2, A6)
    assert "Is your own calf swollen, warm or red right now" in str(question["text"])
    markup = question["reply_markup"]
    assert isinstance(markup, dict)
    assert [b["text"] for b in markup["inline_keyboard"][0]] == ["Yes", "No", "Not sure"]
    await press(bot, chat, question, "Not sure")  # not sure refers at the sign's tier
    referred = await bot.api.reply_to(chat, "should be checked by a clinician today")
    assert "NHS 111" in str(referred["text"])
    async with bot.app.database.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
    assert enrolment.status == "referred"


async def test_after_a_red_flag_today_shows_why_and_the_next_step_not_exercises(bot: Bot) -> None:
    chat = 1012
    await enrol(bot, chat)
    bot.api.send_text(chat, chat, "no pain but my calf has blown up like a balloon since the flight")
    await bot.api.reply_to(chat, "should be checked by a clinician today")
    today = await say(bot, chat, "/today")
    assert "No exercises today: your plan is paused for safety" in str(today["text"])
    assert "/checkin" not in str(today["text"])
    async with bot.app.database.read() as repo:
        enrolment = (await repo.session.execute(select(Enrolment))).scalar_one()
        [referral] = await repo.referrals(enrolment.person_id)
    assert (referral.tier, referral.source) == ("urgent", "message")
    assert "flight" in referral.triggers
