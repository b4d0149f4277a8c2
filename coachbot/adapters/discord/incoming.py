"""Discord messages (not interactions) as the core's Incoming: what a person types in their DM with the
bot, and a server message that mentions the bot. Without the privileged message-content intent Discord
sends every other server message empty, and the bot has no business reading them."""

from __future__ import annotations

import re
from datetime import datetime

import discord

from coachbot.messages import Address, Command, Incoming, Text

PLATFORM = "discord"


def from_message(message: discord.Message, me: discord.ClientUser | None, at: datetime) -> Incoming | None:
    """A DM as a command (typed like one, as on Telegram) or text; a server message that mentions the bot
    as group text without the mention; None for anything else."""
    content = message.content.strip()
    if message.author.bot or not content:
        return None
    event, user = str(message.id), str(message.author.id)
    if message.guild is None:
        sender = Address(PLATFORM, user, user, "private")
        if content.startswith("/"):
            head, _, args = content.partition(" ")
            return Command(sender=sender, at=at, event_id=event, name=head[1:].lower(), args=args.strip())
        return Text(sender=sender, at=at, event_id=event, text=content)
    if me is None or (me.id not in message.raw_mentions and me not in message.mentions):
        return None
    text = re.sub(rf"<@!?{me.id}>", " ", content).strip()
    if not text:
        return None
    sender = Address(PLATFORM, str(message.channel.id), user, "group")
    return Text(sender=sender, at=at, event_id=event, text=text)
