"""The Discord interaction being answered in the current task (a context variable the adapter sets while
the core handles it), whether a reply goes back through it as a follow-up, and sending that follow-up."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import discord

from coachbot.adapters.discord.calls import post
from coachbot.messages import Address, Reply


@dataclass
class Answering:
    """The interaction being answered in this task; replies to `address` go back through it."""

    interaction: discord.Interaction
    address: Address
    ephemeral: bool
    in_place: bool  # False: a personal command from a server channel, answered in the DMs
    answered: int = 0
    dm: discord.Message | None = None
    stale: bool = False  # the core answered a click on an older message's button (Reply.stale)


answering_now: ContextVar[Answering | None] = ContextVar("discord_answering", default=None)


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
