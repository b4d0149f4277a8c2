"""Buttons after a click (issue 14 item 12), through the real discord.py against the fake Discord: in a
DM the clicked message's buttons give way to the answer; an older message's click is told it is old."""

from __future__ import annotations

from tests.adapters.test_discord import Bot, click, with_button
from tests.adapters.test_discord import discord_bot as discord_bot  # the `bot` fixture
from tests.fakes import discord_payloads as p


def _buttons(message: p.Payload) -> list[p.Payload]:
    return [button for row in message.get("components") or [] for button in row["components"]]


async def test_a_clicked_message_shows_its_answer_and_an_older_one_is_told_it_is_old(bot: Bot) -> None:
    user = 12
    before = len(bot.api.dms(user))
    await bot.api.slash(user, "start")
    earlier = await with_button(bot, user, "I agree", before)
    before = len(bot.api.dms(user))
    await bot.api.slash(user, "start")  # asked again: the first copy is now an older message
    consent = await with_button(bot, user, "I agree", before)

    reply = await click(bot, user, consent, "I agree", "Which time zone")
    assert "Which time zone" in reply["content"]
    await bot.api.wait_until(lambda: len(_buttons(bot.api.messages[int(consent["id"])])) == 1)
    [shown] = _buttons(bot.api.messages[int(consent["id"])])
    assert shown["label"] == "✓ I agree"
    assert shown["disabled"] is True

    await click(bot, user, earlier, "I agree", "earlier question")
    await bot.api.wait_until(lambda: not _buttons(bot.api.messages[int(earlier["id"])]))
    assert "Which time zone" in bot.api.dms(user)[-1]["content"]  # and where we are
