"""Keyboards after a choice and the Share location button (issue 14 items 11 and 12), through the real
python-telegram-bot against the fake Bot API."""

from __future__ import annotations

from tests.adapters.test_telegram import Bot, press, say
from tests.adapters.test_telegram import telegram_bot as telegram_bot  # the `bot` fixture


async def test_a_pressed_keyboard_gives_way_to_the_answer_and_an_old_one_is_told_so(bot: Bot) -> None:
    chat = 2001
    bot.api.private_chat(chat)
    earlier = await say(bot, chat, "/start")
    consent = await say(bot, chat, "/start")  # asked again: the first copy is now an older message
    consent_id, earlier_id = int(str(consent["_message_id"])), int(str(earlier["_message_id"]))
    assert bot.api.keyboard_of(consent_id)
    await press(bot, chat, consent, "I agree")
    await bot.api.wait_until(lambda: bool(bot.api.sent("editMessageText")))
    edited = bot.api.messages[consent_id]
    assert "reply_markup" not in edited  # nothing left to press
    assert str(edited["text"]).endswith("✓ I agree")

    # the older copy's button is told it is old, and its keyboard goes without showing an answer
    reply = await press(bot, chat, earlier, "I agree")
    assert str(reply["text"]).startswith("That button belongs to an earlier question")
    await bot.api.wait_until(lambda: bool(bot.api.sent("editMessageReplyMarkup")))
    assert "reply_markup" not in bot.api.messages[earlier_id]
    assert "✓" not in str(bot.api.messages[earlier_id]["text"])


async def test_a_shared_location_answers_the_time_zone_question(bot: Bot) -> None:
    chat = 2002
    bot.api.private_chat(chat)
    consent = await say(bot, chat, "/start")
    question = await press(bot, chat, consent, "I agree")
    assert "Which time zone" in str(question["text"])
    markup = question["reply_markup"]
    assert isinstance(markup, dict)
    [[button]] = markup["keyboard"]
    assert button["request_location"] is True
    before = len(bot.api.texts_to(chat))
    bot.api.send_location(chat, chat, latitude=37.7749, longitude=-122.4194)  # San Francisco
    await bot.api.wait_until(lambda: len(bot.api.texts_to(chat)) > before)
    confirm = bot.api.texts_to(chat)[-1]
    assert "for you (America/Los_Angeles) — right?" in confirm
    await say(bot, chat, "yes")
    assert "How old are you?" in bot.api.texts_to(chat)[-1]


async def test_a_typed_zone_takes_the_share_location_button_away_later(bot: Bot) -> None:
    chat = 2003
    bot.api.private_chat(chat)
    consent = await say(bot, chat, "/start")
    await press(bot, chat, consent, "I agree")
    confirm = await say(bot, chat, "London")
    assert "inline_keyboard" in str(confirm["reply_markup"])  # Yes / No
    question = await say(bot, chat, "yes")
    assert "How old are you?" in str(question["text"])
    assert question["reply_markup"] == {"remove_keyboard": True}
