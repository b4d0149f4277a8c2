"""The way back to one Discord event (`ports.Responder`): an interaction being answered, whose replies to
its own sender go back as its follow-ups, and what the adapter learns while answering it (a reply went to
the DMs instead, the core called the click stale)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from coachbot.adapters.discord.calls import post
from coachbot.messages import Address, Reply
from coachbot.ports import Lane

Send = Callable[[Reply, Lane, "Answering | None"], Awaitable[str]]  # the adapter's paced send


@dataclass
class Answering:
    """The interaction being answered; replies to `address` go back through it (`respond`)."""

    interaction: discord.Interaction
    address: Address
    ephemeral: bool
    in_place: bool  # False: a personal command from a server channel, answered in the DMs
    send: Send
    answered: int = 0
    dm: discord.Message | None = None
    stale: bool = False  # the core answered a click on an older message's button (Reply.stale)

    async def respond(self, reply: Reply) -> str:
        """Send `reply` as an answer to this interaction: a follow-up where it answers it in place
        (`follow_up_of`), the adapter's ordinary send otherwise."""
        self.stale = self.stale or reply.stale
        return await self.send(reply, Lane.REPLY, self)


def follow_up_of(answering: Answering | None, reply: Reply) -> Answering | None:
    """The interaction `reply` answers as a follow-up: one answered where it happened, to its own sender."""
    if answering is None or not answering.in_place or reply.broadcast or reply.to != answering.address:
        return None
    return answering


async def follow_up(answering: Answering, reply: Reply) -> str:
    """Answer the interaction with `reply` (ephemeral when the interaction was); its message id."""

    async def send(**kwargs: Any) -> discord.Message:
        return await answering.interaction.followup.send(ephemeral=answering.ephemeral, wait=True, **kwargs)

    message = await post(send, reply)
    answering.answered += 1
    return str(message.id)
