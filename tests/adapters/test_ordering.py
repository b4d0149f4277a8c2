"""Keyed turns: FIFO within a key, concurrent across keys, no deadlock across pairs of keys, nothing kept."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Hashable

from coachbot.adapters.ordering import KeyedTurns


async def test_one_key_goes_in_arrival_order_while_another_key_goes_ahead() -> None:
    turns = KeyedTurns()
    release, b_done = asyncio.Event(), asyncio.Event()
    seen: list[str] = []

    async def handle(name: str, key: str) -> None:
        async with turns.hold([key]):
            seen.append(f"{name} starts")
            if name == "a1":
                await release.wait()
            seen.append(f"{name} ends")
        if name == "b1":
            b_done.set()

    tasks = [asyncio.create_task(handle(name, name[0])) for name in ("a1", "a2", "a3", "b1")]
    async with asyncio.timeout(5):
        await b_done.wait()  # b is not held up by a1
    assert seen == ["a1 starts", "b1 starts", "b1 ends"]
    release.set()
    await asyncio.gather(*tasks)
    assert [s for s in seen if s[0] == "a"] == [
        "a1 starts", "a1 ends", "a2 starts", "a2 ends", "a3 starts", "a3 ends",
    ]  # fmt: skip
    assert len(turns) == 0


async def test_overlapping_pairs_of_keys_never_deadlock_and_each_key_keeps_its_order() -> None:
    """People in private chats and in shared groups: each update holds its chat and its person."""
    turns = KeyedTurns()
    chooser = random.Random(15)
    ran: dict[Hashable, list[int]] = {}
    holding: set[Hashable] = set()

    async def handle(number: int, keys: tuple[Hashable, ...]) -> None:
        async with turns.hold(keys):
            assert not holding & set(keys)  # nobody else holds one of these keys now
            holding.update(keys)
            for key in keys:
                ran.setdefault(key, []).append(number)
            for _ in range(chooser.randrange(3)):
                await asyncio.sleep(0)  # a yield (not a wait): lets the other updates interleave
            holding.difference_update(keys)

    updates = []
    for number in range(400):
        person = chooser.randrange(8)
        chat = person if chooser.random() < 0.5 else -chooser.randrange(1, 4)  # private, or a group
        updates.append((number, (("chat", chat), ("user", person))))
    async with asyncio.timeout(10):
        await asyncio.gather(*(handle(number, keys) for number, keys in updates))
    for key, numbers in ran.items():
        assert numbers == sorted(numbers), key
    assert sum(len(n) for n in ran.values()) == 800
    assert len(turns) == 0


async def test_a_cancelled_waiter_leaves_the_line_and_the_next_goes() -> None:
    turns = KeyedTurns()
    release, started = asyncio.Event(), asyncio.Event()
    seen: list[str] = []

    async def handle(name: str) -> None:
        async with turns.hold(["chat"]):
            seen.append(name)
            if name == "first":
                started.set()
                await release.wait()

    first = asyncio.create_task(handle("first"))
    second = asyncio.create_task(handle("second"))
    third = asyncio.create_task(handle("third"))
    async with asyncio.timeout(5):
        await started.wait()
    second.cancel()
    await asyncio.gather(second, return_exceptions=True)
    release.set()
    await asyncio.gather(first, third)
    assert seen == ["first", "third"]
    assert len(turns) == 0


async def test_work_before_the_wait_is_not_held_up_but_the_order_is_kept() -> None:
    """Discord: acknowledge at once (3 s), then wait for the turn; the place in line is taken on joining."""
    turns = KeyedTurns()
    release = asyncio.Event()
    names = ("first", "second", "third")
    answered = {name: asyncio.Event() for name in names}  # the acknowledgement's HTTP answer came
    acknowledged = {name: asyncio.Event() for name in names}
    handled: list[str] = []

    async def handle(name: str) -> None:
        async with turns.line(["chat"]) as turn:
            await answered[name].wait()
            acknowledged[name].set()
            await turn.wait()
            handled.append(name)
            if name == "first":
                await release.wait()

    tasks = [asyncio.create_task(handle(name)) for name in names]
    async with asyncio.timeout(5):
        for name in reversed(names):  # the answers come back in the opposite order
            answered[name].set()
            await acknowledged[name].wait()
    assert handled == ["first"]  # all three acknowledged while the first is still being handled
    release.set()
    await asyncio.gather(*tasks)
    assert handled == ["first", "second", "third"]
    assert len(turns) == 0
