"""Discord events go to the core in order within a channel and person, other people's meanwhile (issue 15,
item 4): real discord.py against the fake gateway and REST, one person's turn held by the stand-in core
until the test lets it go; interactions waiting their turn are acknowledged at once (Discord's 3 s)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import pytest

from coachbot.adapters.discord.adapter import DiscordAdapter
from coachbot.adapters.discord.components import NOTE_FORM
from coachbot.delivery.limits import RateLimiter
from coachbot.messages import Choice, Command, Incoming, Reply, Text
from coachbot.ports import Responder
from coachbot.schedule.wallclock import zones_like
from coachbot.texts import common
from tests.fakes import discord_payloads as p
from tests.fakes.discord_api import FakeDiscord

SLOW, OTHER = 11, 12
DELAY_TARGET = 0.1  # seconds one person's slow work may delay another (issue 15)


@dataclass
class Echo:
    """A stand-in for the core: answers each event with "got <what>" (a button with "menu"), noting the
    order; an event with a gate waits for it before answering."""

    adapter: DiscordAdapter | None = None
    started: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)
    gates: dict[str, asyncio.Event] = field(default_factory=dict)
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def __call__(self, incoming: Incoming, responder: Responder) -> None:
        assert self.adapter is not None
        what = _what(incoming)
        self.started.append(what)
        await self._notify()
        if (gate := self.gates.get(what)) is not None:
            await gate.wait()
        choices = ((("Yes", "v1:yes"),),) if what == "menu" else ()
        await responder.respond(Reply(incoming.sender, f"got {what}", choices))
        self.finished.append(what)
        await self._notify()

    async def _notify(self) -> None:
        async with self.changed:
            self.changed.notify_all()

    async def until(self, check: Callable[[], bool]) -> None:
        async with asyncio.timeout(10), self.changed:
            await self.changed.wait_for(check)


def _what(incoming: Incoming) -> str:
    if isinstance(incoming, Text):
        return incoming.text
    if isinstance(incoming, Command):
        return f"/{incoming.name}"
    assert isinstance(incoming, Choice)
    return incoming.token


@dataclass
class Running:
    api: FakeDiscord
    echo: Echo
    adapter: DiscordAdapter
    task: asyncio.Task[None]


@pytest.fixture(name="running")
async def running_adapter() -> AsyncIterator[Running]:
    async with FakeDiscord() as api:
        api.server(500, 501)
        api.person(SLOW, "Ana")
        api.person(OTHER, "Ben")
        echo = Echo()
        adapter = echo.adapter = DiscordAdapter(
            p.TOKEN, echo, common.COMMANDS, api_url=api.api_url, gateway_url=api.gateway_url,
            limiter=RateLimiter(), zones=zones_like,
        )  # fmt: skip
        adapter.guild_ready_timeout = 0.05
        leading = asyncio.Event()
        leading.set()
        task = asyncio.create_task(adapter.run(leading))
        try:
            async with asyncio.timeout(10):
                await adapter.ready.wait()
            yield Running(api, echo, adapter, task)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def test_one_persons_events_keep_their_order_while_another_person_goes_ahead(running: Running) -> None:
    api, echo = running.api, running.echo
    await api.type_dm(SLOW, "menu")
    menu = await api.dm(SLOW, "got menu")
    echo.gates["one"] = asyncio.Event()
    await api.type_dm(SLOW, "one")  # held by the core until the test lets it go
    clicked = await api.click(SLOW, menu, "Yes")
    command = await api.slash(SLOW, "help")
    noted = await api.submit(SLOW, NOTE_FORM, {"note": "sore"})
    await api.type_dm(SLOW, "two")
    loop = asyncio.get_running_loop()
    asked = loop.time()
    await api.type_dm(OTHER, "hello")
    await api.dm(OTHER, "got hello")
    took = loop.time() - asked

    assert echo.started == ["menu", "one", "hello"]  # the slow person's next four wait their turn
    # ...but each interaction among them was acknowledged at once, within Discord's 3 s
    await api.wait_until(lambda: all(api.response(t) is not None for t in (clicked, command, noted)))
    assert took <= DELAY_TARGET

    echo.gates["one"].set()
    await echo.until(lambda: len(echo.finished) == 7)
    assert echo.started == ["menu", "one", "hello", "v1:yes", "/help", "sore", "two"]
    assert [m["content"] for m in api.follow_ups(command)] == ["got /help"]


async def test_a_server_channel_and_a_persons_dm_share_the_persons_turn(running: Running) -> None:
    """/tell in a server channel and a DM of the same person: one after the other, in order."""
    api, echo = running.api, running.echo
    echo.gates["in the channel"] = asyncio.Event()
    told = await api.slash(SLOW, "tell", {"message": "in the channel"}, channel_id=501)
    await api.type_dm(SLOW, "in the dm")
    await api.type_dm(OTHER, "hello")
    await api.dm(OTHER, "got hello")  # another person goes ahead
    await echo.until(lambda: "in the channel" in echo.started)  # acknowledged, then its turn came
    assert "in the dm" not in echo.started  # the same person's DM waits for it
    echo.gates["in the channel"].set()
    await echo.until(lambda: len(echo.finished) == 3)
    assert [what for what in echo.started if what != "hello"] == ["in the channel", "in the dm"]
    assert api.response(told) is not None


async def test_stopping_lets_the_event_in_hand_answer_before_the_client_closes(running: Running) -> None:
    api, echo = running.api, running.echo
    echo.gates["slow"] = asyncio.Event()
    await api.type_dm(SLOW, "slow")
    await echo.until(lambda: echo.started == ["slow"])
    running.task.cancel()
    _done, pending = await asyncio.wait({running.task}, timeout=0.5)
    assert pending  # still stopping (closing alone takes milliseconds): the event in hand is let finish
    echo.gates["slow"].set()
    await asyncio.gather(running.task, return_exceptions=True)
    assert echo.finished == ["slow"]
    assert [m["content"] for m in api.dms(SLOW)] == ["got slow"]  # sent before the client closed


async def test_an_event_that_will_not_finish_is_cancelled_after_the_grace_period(running: Running) -> None:
    api, echo = running.api, running.echo
    running.adapter.stop_grace = 0.2
    echo.gates["stuck"] = asyncio.Event()  # never set
    await api.type_dm(SLOW, "stuck")
    await echo.until(lambda: echo.started == ["stuck"])
    loop = asyncio.get_running_loop()
    stopped_at = loop.time()
    running.task.cancel()
    await asyncio.gather(running.task, return_exceptions=True)
    assert loop.time() - stopped_at < 2
    assert echo.finished == []
    assert len(running.adapter.turns) == 0
