"""Discord interactions as the core's Incoming: who sent one and where (a DM or a server channel), what it
keeps its order with, and a slash command with its typed options. The core's group commands run in the
server channel, every other command in the person's DMs; /tell's text is Text that only the writer saw."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import datetime
from types import MappingProxyType

import discord

from coachbot.adapters.discord.incoming import PLATFORM
from coachbot.messages import GROUP_COMMANDS, Address, Command, Incoming, OptionValue, Text
from coachbot.texts import groups

MAX_PAYLOAD = 64  # longest /start code passed to the core


def keys(interaction: discord.Interaction) -> tuple[Hashable, ...]:
    """What an interaction keeps its order with: its channel (a DM or a server channel) and its person."""
    return (("chat", interaction.channel_id), ("user", interaction.user.id))


def private(user_id: str) -> Address:
    """A person's private address on Discord is their user id: prompts open (or reuse) the DM channel."""
    return Address(PLATFORM, user_id, user_id, "private")


def sender_of(interaction: discord.Interaction) -> Address:
    user = str(interaction.user.id)
    if interaction.guild_id is None:
        return private(user)
    return Address(PLATFORM, str(interaction.channel_id), user, "group")


def from_command(
    interaction: discord.Interaction, name: str, options: Mapping[str, OptionValue], at: datetime
) -> tuple[Incoming, bool]:
    """The slash command as the core's Incoming (without its file), and whether it is answered where it was
    used (False: in the DMs, the channel gets a pointer)."""
    in_server = interaction.guild_id is not None
    event = str(interaction.id)
    if name == groups.TELL:  # free text: in a server channel, seen by the person alone
        text = str(options.get("message", "")).strip()
        return Text(
            sender=sender_of(interaction), at=at, event_id=event, text=text, confidential=in_server
        ), True
    user = str(interaction.user.id)
    if in_server and name in GROUP_COMMANDS:
        address = Address(PLATFORM, str(interaction.channel_id), user, "group")
    else:
        address = private(user)
    rights = interaction.permissions  # the member's resolved rights in this channel, sent by Discord
    code = options.get("code")
    if name == "start" and isinstance(code, str):
        options = {**options, "code": code[:MAX_PAYLOAD]}
    command = Command(
        sender=address,
        at=at,
        event_id=event,
        name=name,
        options=MappingProxyType(dict(options)),
        admin=in_server and (rights.manage_guild or rights.administrator),
        origin=str(interaction.channel_id) if in_server and address.chat_kind == "private" else "",
        display_name=interaction.user.display_name,
    )
    return command, not in_server or address.chat_kind == "group"
