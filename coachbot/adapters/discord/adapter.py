"""Discord through discord.py 2.7, inside our own event loop (`async with client`, log in, then the gateway).

Slash commands, button clicks, note forms, direct messages and server messages that mention the bot
become Incoming messages for `deliver`. Every interaction is acknowledged before the store is touched
(Discord allows 3 s); the core's replies to the person answering go back as follow-ups of that
interaction, ephemeral in a server channel (where an interaction is confidential: only its sender sees
it, so a private reply may answer it in place). Personal commands used in a server channel run in the
person's DMs, and the channel only gets an ephemeral pointer; /tell's text goes to the core as group
text. Scheduled prompts go by DM. Buttons are `DynamicItem`s keyed by the core's token, so a click on
a message sent before a restart still works; the note form's submit is read from the raw interaction for
the same reason. Send failures become the delivery errors the outbox sender understands.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from coachbot import ports as errors
from coachbot.adapters.discord import commands as discord_commands
from coachbot.adapters.discord.answering import Answering, follow_up, follow_up_of
from coachbot.adapters.discord.calls import acknowledge, fetch, pin, post, say_privately, settle, translate
from coachbot.adapters.discord.client import Client
from coachbot.adapters.discord.incoming import PLATFORM, from_message
from coachbot.adapters.discord.interactions import from_command, keys, sender_of
from coachbot.adapters.ordering import STOP_GRACE_SECONDS, KeyedTurns, finish
from coachbot.messages import (
    HELD_TOKEN,
    Address,
    Choice,
    Command,
    Incoming,
    Membership,
    OptionValue,
    Reply,
    Text,
    mention,
)
from coachbot.ports import Deliver, Lane, Limiter, Renders
from coachbot.texts import common, groups

log = logging.getLogger(__name__)


class DiscordAdapter:
    """`run` logs in (sends work from then on) and joins the gateway once this instance leads; `zones`
    suggests time zones for what was typed so far (the settings' autocomplete)."""

    renders = Renders(pins=True, forms=True)  # invites: a bot opens DMs itself; no location button

    def __init__(
        self,
        token: str,
        deliver: Deliver,
        commands: Mapping[str, str],
        *,
        limiter: Limiter,
        zones: Callable[[str], Sequence[str]],
        api_url: str | None = None,
        gateway_url: str | None = None,
        dev_guild: int | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._token = token
        self.limiter = limiter
        self.deliver = deliver
        self.commands = commands
        self.zones = zones
        self.api_url = api_url.rstrip("/") if api_url else None
        self.gateway_url = gateway_url
        self.dev_guild = dev_guild
        self.clock = clock
        self.guild_ready_timeout = 2.0  # discord.py's wait for servers' details before on_ready
        self._client: Client | None = None
        self.logged_in = asyncio.Event()
        self.ready = asyncio.Event()  # connected to the gateway and receiving events
        self._leading = asyncio.Event()  # the run's: this instance should also be on the gateway
        # discord.py runs each event as its own task: two of one channel (or one person) are handed to the
        # core in the order they came, other channels go ahead meanwhile
        self.turns = KeyedTurns()
        self.stop_grace = STOP_GRACE_SECONDS

    def __repr__(self) -> str:
        return f"DiscordAdapter(api_url={self.api_url!r}, dev_guild={self.dev_guild!r})"  # never the token

    @property
    def connected(self) -> bool:
        """Logged in; on the leading instance also on the gateway (`ports.Adapter`)."""
        return self.logged_in.is_set() and (self.ready.is_set() or not self._leading.is_set())

    async def run(self, leading: asyncio.Event) -> None:
        if self.api_url:  # process-wide in discord.py: set only by tests and self-hosted proxies
            Route.BASE = self.api_url
        if self.gateway_url:
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        client = self._client = Client(self)
        self._leading = leading
        try:
            async with client:
                try:
                    await client.login(self._token)
                    self.logged_in.set()
                    await leading.wait()
                    await discord_commands.sync_if_changed(client, client.tree, self.dev_guild)
                    await client.connect(reconnect=True)
                finally:  # events in hand may still answer: the client closes after them (or the grace)
                    self.ready.clear()  # no more events are read
                    if cancelled := await finish(self.turns, self.stop_grace):
                        log.warning("discord: %s events still in hand at stop were cancelled", cancelled)
        finally:
            self.logged_in.clear()
            self.ready.clear()
            self._client = None

    # --- incoming ------------------------------------------------------------------------------

    async def on_command(
        self,
        interaction: discord.Interaction,
        name: str,
        options: Mapping[str, OptionValue],
        file: discord.Attachment | None = None,
    ) -> None:
        in_server = interaction.guild_id is not None
        async with self.turns.line(keys(interaction)) as turn:  # in line before acknowledging (3 s)
            if await acknowledge(interaction, ephemeral=in_server, thinking=True):
                await turn.wait()
                incoming, in_place = from_command(interaction, name, options, self.clock())
                if file is not None and isinstance(incoming, Command) and incoming.admin:
                    incoming = replace(incoming, attachment=await fetch(file))  # files: admins' only
                await self._answer(interaction, incoming, in_place=in_place)

    async def on_button(self, interaction: discord.Interaction, token: str) -> None:
        async with self.turns.line(keys(interaction)) as turn:
            if not await acknowledge(interaction):
                return
            await turn.wait()
            choice = Choice(
                sender=sender_of(interaction), at=self.clock(), event_id=str(interaction.id), token=token,
                confidential=interaction.guild_id is not None,
            )  # fmt: skip
            answering = await self._answer(interaction, choice, in_place=True)
            if answering is not None:
                await settle(interaction, token, show_answer=not answering.stale)

    async def on_note(self, interaction: discord.Interaction, note: str) -> None:
        async with self.turns.line(keys(interaction)) as turn:
            if not await acknowledge(interaction):
                return
            await turn.wait()
            text = Text(
                sender=sender_of(interaction), at=self.clock(), event_id=str(interaction.id), text=note,
                confidential=interaction.guild_id is not None,
            )  # fmt: skip
            await self._answer(interaction, text, in_place=True)

    async def on_message(self, message: discord.Message) -> None:
        """Typed answers by DM, and server messages that mention the bot (as group text). If the private
        half of the answer to a server message is refused (closed DMs), the channel is told so, with a
        button that shows it to the person alone."""
        incoming = from_message(message, self._client.user if self._client else None, self.clock())
        if incoming is None:
            return
        async with self.turns.hold((("chat", message.channel.id), ("user", message.author.id))):
            await self._hand_over(incoming)

    async def _hand_over(self, incoming: Incoming) -> None:
        try:
            await self.deliver(incoming, self)
        except errors.Blocked as error:
            if incoming.sender.chat_kind != "group":
                log.warning("discord reply to a DM failed: %s", type(error).__name__)
                return
            refused = groups.DMS_REFUSED.format(person=mention(incoming.sender.user_id))
            try:
                await self.send(Reply(incoming.sender, refused, (((groups.READ_HERE, HELD_TOKEN),),)))
            except errors.DeliveryError as failed:
                log.warning("discord channel notice failed: %s", type(failed).__name__)
        except errors.DeliveryError as error:
            log.warning("discord reply to a message failed: %s", type(error).__name__)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """The bot left or was removed from a server: what ran in its channels (clubs) stops."""
        me = str(self._client.user.id) if self._client and self._client.user else "0"
        for channel in guild.text_channels:
            sender = Address(PLATFORM, str(channel.id), me, "group")
            event = f"guild-remove:{guild.id}:{channel.id}:{self.clock().timestamp()}"
            async with self.turns.hold([("chat", channel.id)]):
                await self.deliver(
                    Membership(sender=sender, at=self.clock(), event_id=event, status="removed"), self
                )

    async def _answer(
        self, interaction: discord.Interaction, incoming: Incoming, *, in_place: bool
    ) -> Answering | None:
        """Hand `incoming` to the core with this interaction as the way back, then close the loop: point a
        server channel at the DMs, or explain that DMs are closed. None when it couldn't be answered."""
        ephemeral = interaction.guild_id is not None
        answering = Answering(interaction, incoming.sender, ephemeral, in_place, self._paced)
        try:
            await self.deliver(incoming, answering)
        except errors.Blocked:
            await say_privately(interaction, common.DMS_CLOSED)
            return None
        except errors.DeliveryError as error:  # never leave the person looking at "thinking…"
            log.warning("discord reply failed: %s", type(error).__name__)
            await say_privately(interaction, common.SOMETHING_WENT_WRONG)
            return None
        except Exception:
            log.exception("discord interaction %s failed", interaction.id)
            await say_privately(interaction, common.SOMETHING_WENT_WRONG)
            return None
        if answering.dm is not None:
            await interaction.followup.send(
                common.SENT_TO_DMS.format(link=answering.dm.jump_url), ephemeral=True
            )
        elif (
            not answering.answered
            and interaction.response.type is discord.InteractionResponseType.deferred_channel_message
        ):
            await interaction.delete_original_response()  # nothing to say (an event seen before)
        return answering

    # --- outgoing ------------------------------------------------------------------------------

    async def send(self, reply: Reply, lane: Lane = Lane.REPLY) -> str:
        """Send a reply (split over several messages if long) once the limits allow, in `lane`; returns
        the last message id."""
        return await self._paced(reply, lane, None)

    async def respond(self, reply: Reply) -> str:
        """The way back to a message or a server event (`ports.Responder`): the ordinary send."""
        return await self.send(reply)

    async def _paced(self, reply: Reply, lane: Lane, answering: Answering | None) -> str:
        async with self.limiter.slot(PLATFORM, reply.to.chat_id, reply.to.chat_kind == "group", lane):
            return await self._send(reply, answering)

    async def _send(self, reply: Reply, answering: Answering | None) -> str:
        client = self._client
        if client is None or not self.logged_in.is_set():
            raise errors.TemporaryFailure("discord adapter is not running")
        here = follow_up_of(answering, reply)
        if reply.private and reply.to.chat_kind == "group" and not (here is not None and here.ephemeral):
            # defence in depth: personal data never goes to a server channel, whatever the core asked;
            # only an ephemeral answer to the person's own interaction is seen by them alone
            raise errors.Rejected("a private reply was addressed to a server channel")
        try:
            if here is not None:
                return await follow_up(here, reply)
            if reply.to.chat_kind == "private":
                channel: discord.abc.Messageable = await client.create_dm(
                    discord.Object(int(reply.to.user_id))
                )
            else:
                channel = client.get_partial_messageable(int(reply.to.chat_id))
            message = await post(channel.send, reply)
            if reply.pin and reply.to.chat_kind == "group":
                await pin(message)
        except discord.RateLimited as error:
            raise errors.RetryAfter(error.retry_after) from error
        except discord.HTTPException as error:
            raise translate(error) from error
        except (aiohttp.ClientError, OSError) as error:
            raise errors.TemporaryFailure(type(error).__name__) from error
        if (
            answering is not None
            and reply.to.chat_kind == "private"
            and reply.to.user_id == answering.address.user_id
        ):
            answering.dm = message  # the person asked somewhere else: point them to their DMs
        return str(message.id)
