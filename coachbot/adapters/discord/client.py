"""The discord.py client coachbot runs: default intents only (no privileged ones), its dynamic buttons and
slash commands registered at log-in, and gateway events handed to the adapter through `Hooks`."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any, Protocol

import discord
from discord import app_commands

from coachbot.adapters.discord import commands as discord_commands
from coachbot.adapters.discord.components import (
    NOTE_FORM,
    NOTE_INPUT,
    CoreButton,
    Handlers,
    JoinButton,
    NoteButton,
    field_value,
)

RATE_LIMIT_WAIT = 30.0  # discord.py waits out shorter 429s itself (30 s is its minimum); longer ones pause us


class Hooks(Handlers, Protocol):
    """What the client needs from the adapter."""

    commands: Mapping[str, str]
    zones: discord_commands.Zones
    ready: asyncio.Event
    guild_ready_timeout: float

    async def on_message(self, message: discord.Message) -> None: ...

    async def on_guild_remove(self, guild: discord.Guild) -> None: ...

    async def on_note(self, interaction: discord.Interaction, note: str) -> None: ...


class Client(discord.Client):
    """discord.py's client with default intents only (no privileged ones) and our handlers."""

    def __init__(self, adapter: Hooks) -> None:
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # no voice: no warning about it
        super().__init__(
            intents=discord.Intents.default(),
            max_ratelimit_timeout=RATE_LIMIT_WAIT,
            guild_ready_timeout=adapter.guild_ready_timeout,
        )
        self.adapter = adapter
        self.tree: app_commands.CommandTree[Client] = app_commands.CommandTree(self)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(CoreButton, JoinButton, NoteButton)
        for command in discord_commands.build(
            self.adapter.on_command, self.adapter.commands, self.adapter.zones
        ):
            self.tree.add_command(command)

    async def on_ready(self) -> None:
        self.adapter.ready.set()

    async def on_resumed(self) -> None:
        self.adapter.ready.set()

    async def on_disconnect(self) -> None:  # discord.py reconnects; /readyz says not ready meanwhile
        self.adapter.ready.clear()

    async def on_message(self, message: discord.Message) -> None:
        await self.adapter.on_message(message)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await self.adapter.on_guild_remove(guild)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        data: dict[str, Any] = dict(interaction.data or {})
        if interaction.type is discord.InteractionType.modal_submit and data.get("custom_id") == NOTE_FORM:
            await self.adapter.on_note(interaction, field_value(list(data.get("components", [])), NOTE_INPUT))
