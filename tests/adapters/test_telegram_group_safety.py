"""A red flag typed in a Telegram group (CLINICAL A10), end to end: real python-telegram-bot against the
fake Bot API. The group gets one line; the safety message goes to the private chat, or waits behind a
t.me deep link for someone the bot may not write to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coachbot.store.tables import Enrolment
from tests.adapters.test_telegram import (
    Bot,
    enrol,
    say,
    telegram_bot,  # noqa: F401 (the "bot" fixture)
)
from tests.fakes.telegram_api import FakeTelegram
from tests.leaks import leaked

GROUP = -100900
SYMPTOM = "my calf is swollen and hot today"
URGENT = "should be checked by a clinician today"
SENT = "I've sent you a private message"
LINK = "https://t.me/coach_test_bot?start=message"


def group_messages(api: FakeTelegram) -> list[dict[str, Any]]:
    """Everything the bot sent to a group chat: what every member there can read."""
    groups = {chat for chat, info in api.chats.items() if info["type"] != "private"}
    return [params for method in ("sendMessage", "sendPhoto", "sendDocument") for params in api.sent(method)
            if params.get("chat_id") in groups]  # fmt: skip


def shown(params: dict[str, Any]) -> list[str]:
    """A message's text and its buttons' labels and links."""
    buttons = [b for row in (params.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
    return [
        str(params.get("text", params.get("caption", ""))),
        *(f"{b['text']} {b.get('url', '')}" for b in buttons),
    ]


def assert_group_never_saw(api: FakeTelegram, *typed: str) -> None:
    texts = [text for params in group_messages(api) for text in shown(params)]
    assert texts, "the group got nothing at all"
    assert leaked(texts, *typed) == []


def link_of(params: dict[str, Any]) -> str:
    [[button]] = params["reply_markup"]["inline_keyboard"]
    return str(button["url"])


async def referred(bot: Bot) -> list[str]:
    async with bot.app.database.read() as repo:
        return [plan.status for plan in (await repo.session.execute(select(Enrolment))).scalars()]


async def test_a_started_members_red_flag_gets_one_public_line_and_a_private_message(bot: Bot) -> None:
    await enrol(bot, 5001)
    bot.api.group_chat(GROUP)
    bot.api.send_text(GROUP, 5001, SYMPTOM)
    line = await bot.api.reply_to(GROUP, SENT)
    message = await bot.api.reply_to(5001, URGENT)
    assert "NHS 111" in str(message["text"])
    assert line["text"] == 'I\'ve sent you a private message, <a href="tg://user?id=5001">Ana</a>.'
    assert "reply_markup" not in line or not line["reply_markup"]
    assert len(group_messages(bot.api)) == 1
    assert await referred(bot) == ["referred"]
    assert_group_never_saw(bot.api, SYMPTOM)


async def test_someone_who_never_started_the_bot_follows_the_deep_link_to_the_message(bot: Bot) -> None:
    bot.api.group_chat(GROUP)
    bot.api.send_text(GROUP, 5002, SYMPTOM)
    line = await bot.api.reply_to(GROUP, "I have a private message for you")
    assert link_of(line) == LINK
    assert not [call for call in bot.api.calls if call.params.get("chat_id") == 5002]  # never tried

    bot.api.private_chat(5003)  # another member taps the same button: nothing of 5002's for them
    reply = await say(bot, 5003, "/start message")
    assert "Before we start" in str(reply["text"])

    bot.api.private_chat(5002)  # Telegram sends /start <payload> when the person taps Start
    reply = await say(bot, 5002, "/start message")
    assert URGENT in str(reply["text"])
    assert_group_never_saw(bot.api, SYMPTOM)


async def test_a_member_who_blocked_the_bot_is_told_in_the_group_to_open_the_private_chat(bot: Bot) -> None:
    await enrol(bot, 5004)
    bot.api.blocked.add(5004)
    bot.api.group_chat(GROUP)
    bot.api.send_text(GROUP, 5004, SYMPTOM)
    line = await bot.api.reply_to(GROUP, "I couldn't send you a private message")
    assert link_of(line) == LINK
    assert [params["text"] for params in group_messages(bot.api)] == [line["text"]]  # not "I've sent"
    assert await referred(bot) == ["referred"]

    bot.api.blocked.discard(5004)  # unblocking: the link's /start message shows what they missed
    reply = await say(bot, 5004, "/start message")
    assert URGENT in str(reply["text"])
    assert_group_never_saw(bot.api, SYMPTOM)


async def test_group_chatter_gets_nothing(bot: Bot) -> None:
    await enrol(bot, 5005)
    bot.api.group_chat(GROUP)
    bot.api.send_text(GROUP, 5005, "my calf pain was 6/10 after the hills")
    bot.api.send_text(GROUP, 5005, "/help")  # handled in order: once /help is answered, the chatter was seen
    await bot.api.reply_to(GROUP, "coachbot")
    assert len(group_messages(bot.api)) == 1
    assert await referred(bot) == ["active"]


TIERS = {  # what runners write, one per tier, and words of the message they must get privately
    5101: ("I have chest pain when I breathe in and my calf is sore", "emergency"),
    5102: ("I felt a pop and cannot rise onto my toes", "clinician today"),
    5103: ("my calf pain wakes me up at night", "wakes you at night"),
}


async def test_no_group_message_ever_shows_a_symptom_or_a_word_of_the_safety_messages(bot: Bot) -> None:
    bot.api.group_chat(GROUP)
    await enrol(bot, 5101)  # started; 5102 never started; 5103 started and then blocked the bot
    await enrol(bot, 5103)
    bot.api.blocked.add(5103)
    for user, (typed, _) in TIERS.items():
        await say_in_group_and_wait_for_the_line(bot, user, typed)
    await bot.api.reply_to(5101, TIERS[5101][1])
    bot.api.blocked.discard(5103)
    for user in (5102, 5103):
        bot.api.private_chat(user)
        reply = await say(bot, user, "/start message")
        assert TIERS[user][1] in str(reply["text"])
    assert len(group_messages(bot.api)) == 3
    assert_group_never_saw(bot.api, *(typed for typed, _ in TIERS.values()))


async def say_in_group_and_wait_for_the_line(bot: Bot, user: int, text: str) -> None:
    before = len(group_messages(bot.api))
    bot.api.send_text(GROUP, user, text)
    await bot.api.wait_until(lambda: len(group_messages(bot.api)) > before)
