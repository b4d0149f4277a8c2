"""Keyed turns for the adapters: an update waits only for earlier updates that share one of its keys (its
chat, its person), so chats go ahead concurrently while one chat's updates are handled in arrival order.

Joining the line is synchronous and takes a place in the queue of every key at once, so there is one
arrival order for all keys: no two updates can each hold what the other waits for (a person's private chat
and a group), and a person's updates stay in order across chats too. A key's queue is dropped as soon as
nobody holds or waits for it. Standard library only.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Hashable, Iterable
from contextlib import asynccontextmanager
from typing import Any

STOP_GRACE_SECONDS = 3.0  # how long updates in hand at stop may finish before they are cancelled


class Turn:
    """A place in line for some keys; `await turn.wait()` returns once every earlier holder has left."""

    __slots__ = ("_ready", "keys", "task")

    def __init__(self, keys: frozenset[Hashable]) -> None:
        self.keys = keys
        self.task = asyncio.current_task()
        self._ready = asyncio.get_running_loop().create_future()

    @property
    def held(self) -> bool:
        """Every earlier update with one of these keys has left: this one's work may run."""
        return self._ready.done() and not self._ready.cancelled()

    async def wait(self) -> None:
        await self._ready  # no yield when the turn has come already: the order is taken synchronously


class KeyedTurns:
    """FIFO turns per key; an update holds all its keys for as long as it is handled."""

    def __init__(self) -> None:
        self._queues: dict[Hashable, deque[Turn]] = {}
        self._joined: set[Turn] = set()

    def __len__(self) -> int:
        """How many keys someone holds or waits for (what this costs in memory)."""
        return len(self._queues)

    @asynccontextmanager
    async def line(self, keys: Iterable[Hashable]) -> AsyncIterator[Turn]:
        """Join the line now (before anything is awaited) and leave it on exit, whether the turn came or
        not. In between, `await turn.wait()` when the work that must keep its order begins; what is done
        before it (acknowledging a Discord interaction) does not wait for anyone."""
        turn = Turn(frozenset(keys))
        self._joined.add(turn)
        for key in turn.keys:
            self._queues.setdefault(key, deque()).append(turn)
        self._wake(turn)
        try:
            yield turn
        finally:
            self._leave(turn)

    @asynccontextmanager
    async def hold(self, keys: Iterable[Hashable]) -> AsyncIterator[None]:
        """Wait for the turn of `keys` and hold it for the body."""
        async with self.line(keys) as turn:
            await turn.wait()
            yield

    def tasks(self) -> set[asyncio.Task[Any]]:
        """The tasks in line now, their turn come or not."""
        return {turn.task for turn in self._joined if turn.task is not None}

    def _wake(self, turn: Turn) -> None:
        if not turn._ready.done() and all(self._queues[key][0] is turn for key in turn.keys):
            turn._ready.set_result(None)

    def _leave(self, turn: Turn) -> None:
        self._joined.discard(turn)
        if not turn._ready.done():
            turn._ready.cancel()  # it never got its turn: nobody waits for it any more
        following = []
        for key in turn.keys:
            queue = self._queues[key]
            queue.remove(turn)  # the head, unless it leaves before its turn came
            if queue:
                following.append(queue[0])
            else:
                del self._queues[key]
        for head in following:
            self._wake(head)


async def finish(turns: KeyedTurns, grace: float) -> int:
    """Let the tasks in line finish for `grace` seconds, then cancel the rest; how many were cancelled."""
    tasks = turns.tasks() - {asyncio.current_task()}
    if not tasks:
        return 0
    _done, pending = await asyncio.wait(tasks, timeout=grace)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return len(pending)
