"""python-telegram-bot's rate-limiter hook, filled with coachbot's limits: every request that sends or
changes a message waits for the bot-wide pace and its chat's window (the `ports.Limiter` the app injects:
delivery/limits.py) in the lane the adapter names (`rate_limit_args`), so a three-part reply takes three
slots and only its own chat waits; the request counts against the limits from when its answer came back.
A 429 pauses every send of this bot; the error goes on to the caller (the outbox retries the row).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from coachbot.adapters.telegram.calls import seconds
from coachbot.adapters.telegram.incoming import PLATFORM
from coachbot.ports import Lane, Limiter

PACED = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "editMessageText", "editMessageReplyMarkup", "copyMessage"}
)

Result = bool | dict[str, Any] | list[dict[str, Any]]


class Pacing(BaseRateLimiter[Lane]):
    def __init__(self, limiter: Limiter) -> None:
        self.limiter = limiter

    async def initialize(self) -> None:
        """Nothing to set up: the limiter lives as long as the app."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Lane | None,
    ) -> Result:
        chat = data.get("chat_id")
        if endpoint not in PACED or chat is None:
            return await self._call(callback, args, kwargs)
        # group, supergroup and channel ids are negative on Telegram
        group = str(chat).startswith("-")
        async with self.limiter.slot(PLATFORM, str(chat), group, rate_limit_args or Lane.REPLY):
            return await self._call(callback, args, kwargs)

    async def _call(
        self, callback: Callable[..., Coroutine[Any, Any, Result]], args: Any, kwargs: dict[str, Any]
    ) -> Result:
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as error:
            self.limiter.pause(PLATFORM, seconds(error))
            raise
