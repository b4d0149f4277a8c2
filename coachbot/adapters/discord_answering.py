"""The Discord interaction being answered in the current task (a context variable the adapter sets while
the core handles it), and whether a reply goes back through it as a follow-up. Imports discord.py and
coachbot.messages only."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

import discord

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
