"""Telegram updates run concurrently across chats and in order within one (issue 15, item 4): the real
python-telegram-bot against the fake Bot API, one chat made slow by holding its sends (no sleeps)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from coachbot.adapters.telegram.adapter import TelegramAdapter
from coachbot.delivery.limits import RateLimiter
from coachbot.messages import Incoming, Reply, Text
from coachbot.ports import Responder
from tests.adapters.test_telegram import Bot, telegram_bot  # noqa: F401 (the full app, as a fixture)
from tests.fakes.telegram_api import TOKEN, FakeTelegram

SLOW, OTHER = 4001, 4002
DELAY_TARGET = 0.1  # seconds one chat's slow work may delay another chat (issue 15)


@dataclass
class Echo:
    """A stand-in for the core: answers each text with "got <text>" through the adapter, and notes what it
    handled; a text with a gate waits for it before answering."""

    adapter: TelegramAdapter | None = None
    started: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    gates: dict[str, asyncio.Event] = field(default_factory=dict)
    began: asyncio.Event = field(default_factory=asyncio.Event)

    async def __call__(self, incoming: Incoming, responder: Responder) -> None:
        assert isinstance(incoming, Text)
        assert self.adapter is not None
        self.started.append(incoming.text)
        self.began.set()
        try:
            if (gate := self.gates.get(incoming.text)) is not None:
                await gate.wait()
            await responder.respond(Reply(incoming.sender, f"got {incoming.text}"))
        except asyncio.CancelledError:
            self.cancelled.append(incoming.text)
            raise
        self.finished.append(incoming.text)


@dataclass
class Running:
    api: FakeTelegram
    echo: Echo
    adapter: TelegramAdapter
    leading: asyncio.Event
    task: asyncio.Task[None]


@pytest.fixture(name="running")
async def running_adapter() -> AsyncIterator[Running]:
    async with FakeTelegram() as api:
        api.private_chat(SLOW, "Ana")
        api.private_chat(OTHER, "Ben")
        echo = Echo()
        adapter = echo.adapter = TelegramAdapter(
            TOKEN, echo, {"help": "Help"}, api_url=api.url, poll_timeout=1, limiter=RateLimiter()
        )
        leading = asyncio.Event()
        task = asyncio.create_task(adapter.run(leading))
        await api.wait_until(lambda: bool(api.sent("setMyCommands")))  # up, but not polling yet
        try:
            yield Running(api, echo, adapter, leading, task)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


def attempts(api: FakeTelegram, chat: int) -> list[str]:
    """The texts of every sendMessage that reached the fake for `chat`, answered or still held."""
    return [
        str(c.params["text"]) for c in api.calls if c.method == "sendMessage" and c.params["chat_id"] == chat
    ]


async def test_one_chats_updates_are_handled_in_order_while_another_chat_goes_ahead(running: Running) -> None:
    api = running.api
    api.held[SLOW] = asyncio.Event()  # Telegram answers this chat's sends only when the test says so
    for text in ("one", "two", "three"):
        api.send_text(SLOW, SLOW, text)
    api.send_text(OTHER, OTHER, "hello")
    running.leading.set()  # the first getUpdates fetches all four in one batch
    await api.reply_to(OTHER, "got hello")
    # the slow chat's first answer is still on its way, and its next two wait their turn
    assert attempts(api, SLOW) == ["got one"]
    assert running.echo.started == ["one", "hello"]
    [first] = [c for c in api.calls if c.method == "sendMessage" and c.params["chat_id"] == SLOW]
    [other] = [c for c in api.calls if c.method == "sendMessage" and c.params["chat_id"] == OTHER]
    assert other.at - first.at <= DELAY_TARGET  # in the same batch, the other chat was not held up

    api.held[SLOW].set()
    await api.wait_until(lambda: len(attempts(api, SLOW)) == 3)
    assert attempts(api, SLOW) == ["got one", "got two", "got three"]
    assert running.echo.started == ["one", "hello", "two", "three"]
    processor = running.adapter._processor
    running.task.cancel()  # stopping waits for every update in hand
    await asyncio.gather(running.task, return_exceptions=True)
    assert running.echo.finished == ["hello", "one", "two", "three"]
    assert len(processor.turns) == 0  # nothing kept for chats that are done


async def test_stopping_waits_for_the_update_in_hand(running: Running) -> None:
    api, echo = running.api, running.echo
    echo.gates["slow"] = asyncio.Event()
    running.leading.set()
    async with asyncio.timeout(10):
        await running.adapter.ready.wait()
    api.send_text(SLOW, SLOW, "slow")
    async with asyncio.timeout(10):
        await echo.began.wait()
    running.task.cancel()
    # PTB's last getUpdates (timeout 0) marks the fetched updates read: the stop is under way
    await api.wait_until(
        lambda: any(c.method == "getUpdates" and not int(c.params.get("timeout") or 0) for c in api.calls)
    )
    _done, pending = await asyncio.wait({running.task}, timeout=0.5)
    assert pending  # still stopping: the update in hand is let finish
    echo.gates["slow"].set()
    await asyncio.gather(running.task, return_exceptions=True)
    assert echo.finished == ["slow"]
    assert api.texts_to(SLOW) == ["got slow"]


async def test_an_update_that_will_not_finish_is_cancelled_after_the_grace_period(running: Running) -> None:
    api, echo = running.api, running.echo
    running.adapter.stop_grace = 0.2
    echo.gates["stuck"] = asyncio.Event()  # never set
    running.leading.set()
    api.send_text(SLOW, SLOW, "stuck")
    async with asyncio.timeout(10):
        await echo.began.wait()
    loop = asyncio.get_running_loop()
    stopped_at = loop.time()
    running.task.cancel()
    await asyncio.gather(running.task, return_exceptions=True)
    assert loop.time() - stopped_at < 2
    assert echo.cancelled == ["stuck"]
    assert echo.finished == []


async def test_the_app_answers_another_chat_while_one_chats_reply_is_slow(bot: Bot) -> None:
    """The whole app: one person's reply is stuck at Telegram; another person's /help is answered."""
    bot.api.private_chat(SLOW, "Ana")
    bot.api.private_chat(OTHER, "Ben")
    bot.api.held[SLOW] = asyncio.Event()
    bot.api.send_text(SLOW, SLOW, "/help")
    await bot.api.wait_until(lambda: bool(attempts(bot.api, SLOW)))
    loop = asyncio.get_running_loop()
    asked = loop.time()
    bot.api.send_text(OTHER, OTHER, "/help")
    await bot.api.reply_to(OTHER, "coachbot")
    took = loop.time() - asked
    assert len(attempts(bot.api, SLOW)) == 1  # still on its way
    bot.api.held[SLOW].set()
    await bot.api.reply_to(SLOW, "coachbot")
    assert took < 1.0  # one long-poll answer and one send on loopback; before issue 15: never, while held
