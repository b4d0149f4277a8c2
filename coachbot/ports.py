"""The seam between the app and the platforms: what an adapter is (`Adapter`, and what it `Renders`), the way
back to the event being answered (`Responder`), the send limits an adapter waits for (`Limiter`, `Lane`), and
the delivery errors an adapter raises, in platform-neutral terms the sender knows how to handle.

Adapters import only this module, `messages` and `texts` from the project; the app (the composition root)
injects the implementations: delivery's rate limiter, the app's `deliver`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from enum import IntEnum
from typing import Protocol

from coachbot.messages import Incoming, Reply


class Lane(IntEnum):
    """Who waits for a send slot: an answer to someone in the chat now goes ahead of a scheduled prompt.
    The values are also the outbox's `priority` (lower is sent first)."""

    REPLY = 0
    BULK = 1


@dataclass(frozen=True, kw_only=True)
class Renders:
    """What an adapter can show. Content it cannot show (`buttons`, `images`, `files`) is refused by the app
    before the send: the reply goes as text only, with a warning in the log, or not at all when no text is
    left (delivery/rendering.py). The rest are hints a platform uses where it can (`invites`: a way into a
    private chat; `pins`; `forms`: a question answered in a few words as a form; `locations`: a button that
    shares the person's location); the app drops those an adapter lacks without a warning."""

    buttons: bool = True
    images: bool = True
    files: bool = True
    invites: bool = False
    pins: bool = False
    forms: bool = False
    locations: bool = False


class Limiter(Protocol):
    """A platform's send limits (delivery/limits.py): `slot` waits as long as they require, the send goes
    inside the block and counts from when it ends; `pause` holds every send to a platform (its 429)."""

    def slot(
        self, platform: str, chat_id: str, group: bool, lane: Lane = Lane.REPLY
    ) -> AbstractAsyncContextManager[None]: ...

    def pause(self, platform: str, seconds: float) -> None: ...


class Responder(Protocol):
    """The way back to one incoming event, handed to `deliver` with it: `respond` sends a reply in the reply
    lane, through the event itself where the platform answers one (a Discord interaction's follow-up) and
    the adapter's `send` otherwise; it raises the delivery errors `send` does. Valid only while `deliver`
    runs."""

    async def respond(self, reply: Reply) -> str: ...


Deliver = Callable[[Incoming, Responder], Awaitable[None]]  # the app's callback: decide and answer


class Adapter(Protocol):
    """A platform connection: `run` until stopped; `send` only while `run` is active, waiting for the
    platform's limits in `lane`, and only replies fitted to `renders`. A platform that polls for updates
    starts polling only once `leading` is set. What comes in goes to `deliver` with its `Responder`."""

    @property
    def renders(self) -> Renders: ...

    @property
    def connected(self) -> bool:
        """The platform answers (signed in), and on the leading instance its updates come in: what
        `/readyz` reports (delivery/health.py)."""
        ...

    async def run(self, leading: asyncio.Event) -> None: ...

    async def send(self, reply: Reply, lane: Lane = Lane.REPLY) -> str: ...


class DeliveryError(Exception):
    """Base class; the message is for logs and never contains a token."""


class RetryAfter(DeliveryError):
    """The platform asked us to wait (HTTP 429 with retry_after): pause that platform's sender."""

    def __init__(self, seconds: float, message: str = "rate limited") -> None:
        super().__init__(message)
        self.seconds = seconds


class TemporaryFailure(DeliveryError):
    """5xx, timeouts, connection errors: try again later with backoff."""


class Blocked(DeliveryError):
    """The person blocked the bot or closed their DMs (Telegram 403, Discord 50007): never retry."""


class Rejected(DeliveryError):
    """The platform refused the message itself (HTTP 400), or it had nothing the adapter can render:
    retrying would not help."""
