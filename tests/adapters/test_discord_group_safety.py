"""A red flag typed in a Discord server channel (CLINICAL A10), end to end: real discord.py against the
fake Discord. A message that mentions the bot gets one line in the channel and the safety message by DM
(or, with DMs closed, a line saying so and a button that shows it to the person alone); /tell in a
channel is answered ephemerally and the channel sees nothing."""

from __future__ import annotations

from sqlalchemy import select

from coachbot.store.tables import Enrolment, ProcessedEvent
from tests.adapters.test_discord import (
    CHANNEL,
    Bot,
    button_labels,
    discord_bot,  # noqa: F401 (the "bot" fixture)
    enrol,
)
from tests.fakes import discord_payloads as p
from tests.fakes.discord_api import FakeDiscord
from tests.leaks import leaked

SYMPTOM = "my calf is swollen and hot today"
URGENT = "should be checked by a clinician today"


def assert_channel_never_saw(api: FakeDiscord, *typed: str) -> None:
    """Scan every public message in every server channel: text and button labels."""
    texts = [m["content"] for m in api.public()]
    texts += [label for m in api.public() for row in button_labels(m) for label in row]
    assert leaked(texts, *typed) == []


async def statuses(bot: Bot) -> list[str]:
    async with bot.app.database.read() as repo:
        return [plan.status for plan in (await repo.session.execute(select(Enrolment))).scalars()]


async def test_a_mention_in_a_channel_gets_one_public_line_and_a_dm(bot: Bot) -> None:
    await enrol(bot, 11)
    before = len(bot.api.dms(11))
    await bot.api.post(11, CHANNEL, SYMPTOM)
    message = await bot.api.dm(11, URGENT, after=before)
    assert "NHS 111" in message["content"]
    await bot.api.wait_until(lambda: bool(bot.api.in_channel(CHANNEL, ephemeral=False)))
    [line] = bot.api.in_channel(CHANNEL, ephemeral=False)
    assert line["content"] == "I've sent you a private message, <@11>."
    assert await statuses(bot) == ["referred"]
    assert_channel_never_saw(bot.api, SYMPTOM)


async def test_with_dms_closed_the_line_says_to_open_them_and_read_it_here_shows_it_privately(
    bot: Bot,
) -> None:
    await enrol(bot, 12)
    bot.api.closed_dms.add(12)
    await bot.api.post(12, CHANNEL, SYMPTOM)
    await bot.api.wait_until(lambda: bool(bot.api.in_channel(CHANNEL, ephemeral=False)))
    [line] = bot.api.in_channel(CHANNEL, ephemeral=False)
    assert line["content"].startswith("I couldn't send you a direct message, <@12>.")
    assert "Privacy Settings" in line["content"]
    assert button_labels(line) == [["Read it here"]]
    assert await statuses(bot) == ["referred"]

    other = await bot.api.click(13, line, "Read it here")  # someone else's click shows them nothing
    await bot.api.wait_until(lambda: bool(bot.api.follow_ups(other)))
    assert [m["content"] for m in bot.api.follow_ups(other)] == ["There's no message waiting for you."]
    mine = await bot.api.click(12, line, "Read it here")
    await bot.api.wait_until(lambda: bool(bot.api.follow_ups(mine)))
    [message] = bot.api.follow_ups(mine)
    assert URGENT in message["content"]
    assert message["flags"] & p.EPHEMERAL
    assert_channel_never_saw(bot.api, SYMPTOM)


async def test_tell_in_a_channel_is_answered_ephemerally_and_the_channel_sees_nothing(bot: Bot) -> None:
    await enrol(bot, 13)
    before = len(bot.api.dms(13))
    token = await bot.api.slash(13, "tell", {"message": SYMPTOM}, CHANNEL)
    await bot.api.wait_until(lambda: any(URGENT in m["content"] for m in bot.api.follow_ups(token)))
    assert all(m["flags"] & p.EPHEMERAL for m in bot.api.follow_ups(token))
    assert bot.api.public() == []
    assert len(bot.api.dms(13)) == before  # nothing by DM: the answer is right there
    assert await statuses(bot) == ["referred"]


async def test_other_words_to_the_bot_in_a_channel_get_nothing_public(bot: Bot) -> None:
    await enrol(bot, 14)
    chatter = await bot.api.post(14, CHANNEL, "great tempo run today, calf felt fine")
    await bot.api.post(14, CHANNEL, "no mention of the bot: Discord sends it empty", mention_bot=False)
    before = len(bot.api.dms(14))
    token = await bot.api.slash(14, "tell", {"message": "hello coach"}, CHANNEL)  # a private word, by DM
    await bot.api.dm(14, "I didn't catch that", after=before)
    await bot.api.wait_until(
        lambda: any("direct messages" in m["content"] for m in bot.api.follow_ups(token))
    )
    async with bot.app.database.read() as repo:  # the chatter reached the core (before /tell: one writer)
        assert await repo.session.get(ProcessedEvent, ("discord", chatter)) is not None
    assert bot.api.public() == []
    assert await statuses(bot) == ["active"]


async def test_no_channel_message_ever_shows_a_symptom_or_a_word_of_the_safety_messages(bot: Bot) -> None:
    typed = {
        11: "I have chest pain when I breathe in and my calf is sore",
        12: "I felt a pop and cannot rise onto my toes",
        13: "my calf pain wakes me up at night",
    }
    await enrol(bot, 11)
    bot.api.closed_dms.add(12)  # 12 and 13 never enrolled: Discord DMs them anyway
    for user, text in typed.items():
        await post_and_wait_for_the_line(bot, user, text)
    await bot.api.dm(11, "emergency")
    await bot.api.dm(13, "wakes you at night")
    closed = next(m for m in bot.api.public() if "<@12>" in m["content"])
    token = await bot.api.click(12, closed, "Read it here")
    await bot.api.wait_until(
        lambda: any("clinician today" in m["content"] for m in bot.api.follow_ups(token))
    )
    assert len(bot.api.public()) == 3
    assert_channel_never_saw(bot.api, *typed.values())


async def post_and_wait_for_the_line(bot: Bot, user: int, text: str) -> None:
    before = len(bot.api.public())
    await bot.api.post(user, CHANNEL, text)
    await bot.api.wait_until(lambda: len(bot.api.public()) > before)
