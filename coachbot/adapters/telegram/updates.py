"""How python-telegram-bot runs coachbot's updates: concurrently across chats, in order within a chat.

`ChatOrderedProcessor` is a `BaseUpdateProcessor` (ApplicationBuilder.concurrent_updates): each update
waits for the turn of its chat and its person (ordering.KeyedTurns), then runs, at most `running` at once.
So one person's slow turn (a chart, a rate-limit wait) delays only that chat. `cancel` ends what is still
running when stopping takes too long (`stop_within`).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseUpdateProcessor

from coachbot.adapters.ordering import KeyedTurns

log = logging.getLogger(__name__)

MAX_RUNNING = 256  # updates being handled at once
# updates inside the processor, waiting for their turn included: PTB's own bound, set higher than
# MAX_RUNNING so that one chat sending many updates at once cannot take every running place
MAX_ADMITTED = 16 * MAX_RUNNING


def update_keys(update: object) -> tuple[Hashable, ...]:
    """What an update must keep its order with: its chat and the person it comes from."""
    if not isinstance(update, Update):
        return ()
    keys: list[Hashable] = []
    if update.effective_chat is not None:
        keys.append(("chat", update.effective_chat.id))
    if update.effective_user is not None:
        keys.append(("user", update.effective_user.id))
    return tuple(keys)


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Updates of different chats run concurrently; two of one chat (or one person) run one after the
    other, in the order Telegram sent them."""

    def __init__(self, running: int = MAX_RUNNING, admitted: int = MAX_ADMITTED) -> None:
        super().__init__(max(admitted, running))
        self.turns = KeyedTurns()
        self._places = asyncio.BoundedSemaphore(running)
        self._cancelled = False

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        started = False
        try:
            async with self.turns.hold(update_keys(update)), self._places:
                if self._cancelled:
                    return
                started = True
                await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # dropped while stopping: never run, and no "never awaited" warning

    def cancel(self) -> None:
        """Stop now: running updates are cancelled and those still waiting are dropped."""
        self._cancelled = True
        in_hand = self.turns.tasks()
        for task in in_hand:
            task.cancel()
        if in_hand:
            log.warning("telegram: %s updates still in hand at stop were cancelled", len(in_hand))

    async def initialize(self) -> None:
        self._cancelled = False

    async def shutdown(self) -> None:
        """Nothing is left by now: Application.stop waited for every update (or they were cancelled)."""


async def stop_within(application: Application, processor: ChatOrderedProcessor, grace: float) -> None:  # type: ignore[type-arg]
    """Application.stop waits for every update fetched; those still in hand after `grace` seconds are
    cancelled, so stopping stays bounded."""
    stopping = asyncio.ensure_future(application.stop())
    _done, pending = await asyncio.wait({stopping}, timeout=grace)
    if pending:
        processor.cancel()
    await stopping
