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
from collections.abc import Awaitable, Callable, Hashable, Mapping
from datetime import UTC, datetime

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from coachbot import ports as errors
from coachbot.adapters.discord import commands as discord_commands
from coachbot.adapters.discord.answering import Answering, answering_now, follow_up, follow_up_of
from coachbot.adapters.discord.calls import acknowledge, fetch, pin, post, say_privately, settle, translate
from coachbot.adapters.discord.client import Client
from coachbot.adapters.discord.incoming import from_message
from coachbot.adapters.ordering import STOP_GRACE_SECONDS, KeyedTurns, finish
from coachbot.delivery.limits import Lane, RateLimiter
from coachbot.messages import HELD_TOKEN, Address, Choice, Command, Incoming, Membership, Reply, Text, mention
from coachbot.texts import common, groups

log = logging.getLogger(__name__)

PLATFORM = "discord"
GROUP_COMMANDS = frozenset({"help", "club"})  # answered in the channel; every other command runs in DMs
MAX_PAYLOAD = 64  # longest /start code passed to the core


class DiscordAdapter:
    """`run` logs in (sends work from then on) and joins the gateway once this instance leads."""

    def __init__(
        self,
        token: str,
        deliver: Callable[[Incoming], Awaitable[None]],
        commands: Mapping[str, str],
        *,
        api_url: str | None = None,
        gateway_url: str | None = None,
        dev_guild: int | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        limiter: RateLimiter | None = None,
    ) -> None:
        self._token = token
        self.limiter = limiter or RateLimiter()
        self.deliver = deliver
        self.commands = commands
        self.api_url = api_url.rstrip("/") if api_url else None
        self.gateway_url = gateway_url
        self.dev_guild = dev_guild
        self.clock = clock
        self.guild_ready_timeout = 2.0  # discord.py's wait for servers' details before on_ready
        self._client: Client | None = None
        self.logged_in = asyncio.Event()
        self.ready = asyncio.Event()  # connected to the gateway and receiving events
        # discord.py runs each event as its own task: two of one channel (or one person) are handed to the
        # core in the order they came, other channels go ahead meanwhile
        self.turns = KeyedTurns()
        self.stop_grace = STOP_GRACE_SECONDS

    def __repr__(self) -> str:
        return f"DiscordAdapter(api_url={self.api_url!r}, dev_guild={self.dev_guild!r})"  # never the token

    async def run(self, leading: asyncio.Event) -> None:
        if self.api_url:  # process-wide in discord.py: set only by tests and self-hosted proxies
            Route.BASE = self.api_url
        if self.gateway_url:
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        client = self._client = Client(self)
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
        self, interaction: discord.Interaction, name: str, args: str, file: discord.Attachment | None = None
    ) -> None:
        in_server = interaction.guild_id is not None
        async with self.turns.line(_keys(interaction)) as turn:  # in line before acknowledging (3 s)
            if await acknowledge(interaction, ephemeral=in_server, thinking=True):
                await turn.wait()
                await self._command(interaction, name, args, file)

    async def _command(
        self, interaction: discord.Interaction, name: str, args: str, file: discord.Attachment | None
    ) -> None:
        in_server = interaction.guild_id is not None
        user = str(interaction.user.id)
        if name == groups.TELL:  # free text: in a server channel, seen by the person alone
            text = Text(sender=self._sender(interaction), at=self.clock(), event_id=str(interaction.id),
                        text=args.strip(), confidential=in_server)  # fmt: skip
            await self._answer(interaction, text, in_place=True)
            return
        if in_server and name in GROUP_COMMANDS:
            address = Address(PLATFORM, str(interaction.channel_id), user, "group")
        else:
            address = _private(user)
        rights = interaction.permissions  # the member's resolved rights in this channel, sent by Discord
        admin = in_server and (rights.manage_guild or rights.administrator)
        command = Command(
            sender=address,
            at=self.clock(),
            event_id=str(interaction.id),
            name=name,
            args=args[:MAX_PAYLOAD] if name == "start" else args,
            admin=admin,
            origin=str(interaction.channel_id) if in_server and address.chat_kind == "private" else "",
            display_name=interaction.user.display_name,
            attachment=await fetch(file) if file is not None and admin else None,
        )
        await self._answer(interaction, command, in_place=not in_server or address.chat_kind == "group")

    async def on_button(self, interaction: discord.Interaction, token: str) -> None:
        async with self.turns.line(_keys(interaction)) as turn:
            if not await acknowledge(interaction):
                return
            await turn.wait()
            choice = Choice(
                sender=self._sender(interaction), at=self.clock(), event_id=str(interaction.id), token=token,
                confidential=interaction.guild_id is not None,
            )  # fmt: skip
            answering = await self._answer(interaction, choice, in_place=True)
            if answering is not None:
                await settle(interaction, token, show_answer=not answering.stale)

    async def on_note(self, interaction: discord.Interaction, note: str) -> None:
        async with self.turns.line(_keys(interaction)) as turn:
            if not await acknowledge(interaction):
                return
            await turn.wait()
            text = Text(
                sender=self._sender(interaction), at=self.clock(), event_id=str(interaction.id), text=note,
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
            await self.deliver(incoming)
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
                    Membership(sender=sender, at=self.clock(), event_id=event, status="removed")
                )

    def _sender(self, interaction: discord.Interaction) -> Address:
        user = str(interaction.user.id)
        if interaction.guild_id is None:
            return _private(user)
        return Address(PLATFORM, str(interaction.channel_id), user, "group")

    async def _answer(
        self, interaction: discord.Interaction, incoming: Incoming, *, in_place: bool
    ) -> Answering | None:
        """Hand `incoming` to the core with this interaction as the way back, then close the loop: point a
        server channel at the DMs, or explain that DMs are closed. None when it couldn't be answered."""
        ephemeral = interaction.guild_id is not None
        answering = Answering(interaction, incoming.sender, ephemeral, in_place)
        token = answering_now.set(answering)
        try:
            await self.deliver(incoming)
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
        finally:
            answering_now.reset(token)
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
        async with self.limiter.slot(PLATFORM, reply.to.chat_id, reply.to.chat_kind == "group", lane):
            return await self._send(reply)

    async def _send(self, reply: Reply) -> str:
        client = self._client
        if client is None or not self.logged_in.is_set():
            raise errors.TemporaryFailure("discord adapter is not running")
        answering = answering_now.get()
        if answering is not None and reply.stale:
            answering.stale = True
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


def _keys(interaction: discord.Interaction) -> tuple[Hashable, ...]:
    """What an interaction keeps its order with: its channel (a DM or a server channel) and its person."""
    return (("chat", interaction.channel_id), ("user", interaction.user.id))


def _private(user_id: str) -> Address:
    """A person's private address on Discord is their user id: prompts open (or reuse) the DM channel."""
    return Address(PLATFORM, user_id, user_id, "private")
